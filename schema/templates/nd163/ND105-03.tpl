@form ND105-03
@title Phiếu kết quả xét nghiệm chất ma túy trong cơ thể (hồ sơ trước 01/7/2026)
@source ND105 Phụ lục Mẫu số 03
@event test.performed
@regime R2021
@rebuilt A test before 1/7/2026 is printed on the Decree 105/2021 slip (legacy regime). Header and signatures from the ND105 scan and ND30/2020 PL I: the tester and the head of the unit sign; the form has no number line.
@required e.summary e.tester e.method e.place e.result_words
[header-unit]
# Phiếu kết quả
## Xét nghiệm chất ma túy trong cơ thể
. Tóm tắt nội dung sự việc: {{ e.summary }}
Để xác định hành vi sử dụng trái phép chất ma túy, Công an {{ h.commune_name }} thực hiện xét nghiệm chất ma túy trong cơ thể đối với:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity-105]
1. Người tiến hành xét nghiệm: {{ e.tester }}; đơn vị: Công an {{ h.commune_name }}.
2. Biện pháp xét nghiệm: {{ e.method }}.
Thời gian, địa điểm: {{ e.moment }}, tại {{ e.place }}.
Kết quả: {{ e.result_words }}{{ e.substances_words }}.
3. Căn cứ vào kết quả trên, kết luận: {{ p.full_name }}:
{{ e.positive_box }} Dương tính với chất ma túy trong cơ thể.
{{ e.negative_box }} Âm tính với chất ma túy trong cơ thể.
[sign]
NGƯỜI TIẾN HÀNH XÉT NGHIỆM :: {{ e.tester }}
THỦ TRƯỞNG CƠ QUAN :: {{ sign.rank_name }}
[end]
