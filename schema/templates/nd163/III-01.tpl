@form III-01
@title Phiếu kết quả xét nghiệm chất ma túy trong cơ thể
@source ND163 Phụ lục III Mẫu số 01
@event test.performed
@number_from slip_no
@rebuilt Header and the signature row (tester, head of the unit) follow ND30/2020 PL I and the ND105 scan (Mẫu 03): the stored ND163 text lost its tables.
@required e.slip_no e.summary e.tester e.method e.place e.result_words
[header-decision]
# Phiếu kết quả
## Xét nghiệm chất ma túy trong cơ thể
. Tóm tắt nội dung sự việc: {{ e.summary }}
Để xác định hành vi sử dụng trái phép chất ma túy, Công an {{ h.commune_name }} thực hiện xét nghiệm chất ma túy trong cơ thể đối với:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
[include identity]
1. Người tiến hành xét nghiệm: {{ e.tester }}; đơn vị: Công an {{ h.commune_name }}.
2. Biện pháp xét nghiệm: {{ e.method }}.
Thời gian, địa điểm: {{ e.moment }}, tại {{ e.place }}.
Kết quả: {{ e.result_words }}{{ e.substances_words }}.
3. Căn cứ vào kết quả trên, kết luận: {{ p.full_name }}:
{{ e.positive_box }} Dương tính với chất ma túy trong cơ thể.
{{ e.negative_box }} Âm tính với chất ma túy trong cơ thể.
[sign]
NGƯỜI ĐƯỢC XÉT NGHIỆM :: {{ p.full_name }}
NGƯỜI XÉT NGHIỆM :: {{ e.tester }}
THỦ TRƯỞNG ĐƠN VỊ :: {{ sign.rank_name }}
[end]
