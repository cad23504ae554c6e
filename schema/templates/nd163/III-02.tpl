@form III-02
@title Thông báo về hành vi sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 02
@event use.notice_sent
@number TB
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. The notice's number is the unit's next "TB" number of the year, given when the notice is first produced and kept for every later print.
@recipients archive
@required e.recipient e.summary e.positive_date sign.rank_name
[header-decision]
# Thông báo
## Về hành vi sử dụng trái phép chất ma túy
## Kính gửi: {{ e.recipient }}
Công an {{ h.commune_name }} thông báo về hành vi sử dụng trái phép chất ma túy của người có tên sau đây:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
[include identity]
Nội dung thông báo: {{ e.summary }}
Kết quả xét nghiệm chất ma túy trong cơ thể của {{ p.full_name }} ngày {{ e.positive_date }} là dương tính.
Công an {{ h.commune_name }} thông báo để {{ e.recipient }} biết, thực hiện theo quy định./.
[sign-decision]
