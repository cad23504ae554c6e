@form ND105-04
@title Thông báo về hành vi sử dụng trái phép chất ma túy (hồ sơ trước 01/7/2026)
@source ND105 Phụ lục Mẫu số 04
@event use.notice_sent
@regime R2021
@number TB
@rebuilt Before 1/7/2026 the notice went to the People's Committee chairman of the place of residence, who decided management (ND105 Art 42). Header and signature follow the ND105 scan and ND30/2020 PL I; the number is the unit's next "TB" number of the year, given once and kept.
@recipients archive
@required e.recipient e.summary e.positive_date sign.rank_name
[header-decision]
# Thông báo
## Về hành vi sử dụng trái phép chất ma túy
## Kính gửi: {{ e.recipient }}
Công an {{ h.commune_name }} thông báo về hành vi sử dụng trái phép chất ma túy của người có tên sau đây:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
[include identity-105]
Nội dung thông báo: {{ e.summary }}
Kết quả xét nghiệm chất ma túy trong cơ thể của {{ p.full_name }} ngày {{ e.positive_date }} là dương tính.
Công an {{ h.commune_name }} thông báo để {{ e.recipient }} biết, thực hiện theo quy định./.
[sign-decision]
