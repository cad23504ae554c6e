@form V-31
@title Biên bản giao, nhận hồ sơ, người cai nghiện ma túy tự nguyện vào cơ sở cai nghiện ma túy công lập, trường giáo dưỡng
@source ND163 Phụ lục V Mẫu số 31
@event rehab.started
@rebuilt The record follows the stored ND163 text and ND30/2020 PL I; the commune police is the giver (catalogue gap D3). Offered only when voluntary rehab starts in a public facility or a reformatory school. The facility assignment ("…/QĐ-CNMTTN"), the facility and the file handed over are the file's; the receiver, the person's condition and belongings are written at the facility by hand.
@required e.assignment e.assignment_date e.facility e.officer e.officer_title
[header-record]
# Biên bản
## Về việc giao, nhận hồ sơ, người cai nghiện ma túy tự nguyện vào cơ sở cai nghiện ma túy công lập, trường giáo dưỡng
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ Quyết định số {{ e.assignment }} ngày {{ e.assignment_date }} về việc giao cơ sở cai nghiện ma túy công lập, trường giáo dưỡng tiếp nhận người đi cai nghiện ma túy tự nguyện.
1. Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.facility }}, chúng tôi gồm:
a) Đại diện bên giao:
Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}.
Cơ quan: Công an {{ h.commune_name }}.
b) Đại diện bên nhận (họ và tên, chức vụ):
~ 1
Cơ quan: {{ e.facility }}.
2. Tiến hành giao, nhận hồ sơ, người cai nghiện ma túy tự nguyện như sau:
a) Người đi cai nghiện:
Họ và tên (viết in hoa): **{{ p.name_upper }}**; Giới tính: {{ p.sex }}.
Tên gọi khác (nếu có): {{ p.aliases }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
b) Tình trạng người cai nghiện (tổ chức, cá nhân tiếp nhận quan sát ghi những đặc điểm chung, tình trạng sức khỏe, những dấu hiệu bất thường về thể chất, tâm thần tại thời điểm giao, nhận):
~ 3
c) Hồ sơ kèm theo gồm:
{%p for item in e.handover_items %}
. {{ loop.index }}) {{ item }}
{%p endfor %}
d) Tư trang, đồ dùng cá nhân (ghi rõ từng loại):
~ 2
3. Biên bản này gồm ...... trang, được lập thành ...... bản có giá trị pháp lý như nhau, được lập xong vào lúc ...... giờ cùng ngày. Hai bên đã thống nhất các nội dung giao, nhận và cùng ký xác nhận. Bên giao giữ ...... bản; Bên nhận giữ ...... bản.
[sign]
ĐẠI DIỆN BÊN GIAO :: {{ e.officer }}
ĐẠI DIỆN BÊN NHẬN ::
[end]
