@form V-42
@title Biên bản giao, nhận hồ sơ, người vào cơ sở cai nghiện công lập
@source ND163 Phụ lục V Mẫu số 42
@event compulsory.transported
@rebuilt The record follows the stored ND163 text and ND30/2020 PL I; the commune police is the giver (catalogue gap D3). The court's order, the facility and the dossier handed over (the documents the request to the court listed, then the order) are the file's; the receiver, the person's condition and belongings are observed at the facility and written there by hand.
@required e.court_decision e.court_decision_date e.court e.facility e.officer e.officer_title
[header-record]
# Biên bản
## Giao, nhận hồ sơ, người vào cơ sở cai nghiện công lập
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ Quyết định số {{ e.court_decision }} ngày {{ e.court_decision_date }} của {{ e.court }} về việc áp dụng biện pháp đưa đi cai nghiện bắt buộc;
1. Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.facility }}, chúng tôi gồm:
a) Đại diện bên giao:
Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}.
Cơ quan: Công an {{ h.commune_name }}.
b) Đại diện bên nhận (họ và tên, chức vụ):
~ 1
Cơ sở cai nghiện: {{ e.facility }}.
2. Tiến hành giao, nhận hồ sơ, người vào cơ sở cai nghiện công lập với các nội dung sau:
a) Người bị áp dụng biện pháp đưa đi cai nghiện bắt buộc:
Họ và tên (viết in hoa): **{{ p.name_upper }}**; Giới tính: {{ p.sex }}.
Tên gọi khác (nếu có): {{ p.aliases }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
b) Tình trạng (cơ sở tiếp nhận quan sát ghi những đặc điểm chung, tình trạng sức khỏe, những dấu hiệu bất thường về thể chất, tâm thần tại thời điểm giao, nhận):
~ 3
c) Hồ sơ kèm theo gồm:
{%p for item in e.handover_items %}
. {{ loop.index }}) {{ item }}
{%p endfor %}
d) Tư trang, đồ dùng cá nhân của người nghiện ma túy (ghi rõ từng loại):
~ 3
3. Biên bản này gồm ...... trang, được lập thành ...... bản có giá trị pháp lý như nhau, được lập xong vào lúc ...... giờ cùng ngày, hai bên đã thống nhất các nội dung giao, nhận và cùng ký xác nhận. Bên giao giữ ...... bản; Bên nhận giữ ...... bản.
[sign]
ĐẠI DIỆN BÊN GIAO :: {{ e.officer }}
ĐẠI DIỆN BÊN NHẬN ::
[end]
