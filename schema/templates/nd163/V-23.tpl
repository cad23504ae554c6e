@form V-23
@title Biên bản giao nhận Quyết định/Giấy xác nhận/Thông báo
@source ND163 Phụ lục V Mẫu số 23
@event mgmt.decided mgmt.stopped mgmt.terminated rehab.decided emon.decided
@rebuilt The header follows ND30/2020 PL I for a record. The receiver is the person named in the decision; a family member who receives in their stead is written by hand on the printed copy.
@required e.handed_document e.officer e.officer_title h.commune_police
[header-record]
# Biên bản
## Về việc giao nhận Quyết định/Giấy xác nhận/Thông báo
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
1. Hôm nay, hồi ...... giờ ...... phút, {{ doc.date_words }}, tại {{ e.handover_place }}, chúng tôi gồm:
a) Đại diện bên giao:
Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}.
Cơ quan: Công an {{ h.commune_name }}.
b) Đại diện bên nhận:
Họ và tên: **{{ p.name_upper }}**; Giới tính: {{ p.sex }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Điện thoại liên lạc: {{ p.phone }}.
Quan hệ với người nghiện ma túy được quản lý: Bản thân.
2. Chúng tôi bên giao giao cho bên nhận: {{ e.handed_document }}.
3. Biên bản này gồm ...... trang, được lập thành 02 bản có giá trị pháp lý như nhau, được lập xong vào lúc ...... giờ cùng ngày. Hai bên đã thống nhất các nội dung giao, nhận và cùng ký xác nhận.
Bên giao giữ 01 bản; Bên nhận giữ 01 bản.
[sign]
ĐẠI DIỆN BÊN NHẬN :: {{ p.full_name }}
ĐẠI DIỆN BÊN GIAO :: {{ e.officer }}
[end]
