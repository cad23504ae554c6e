@form V-57
@title Quyết định đưa ra khỏi danh sách người bị quản lý sau cai nghiện ma túy
@source ND163 Phụ lục V Mẫu số 57
@event postrehab.completed
@number QĐ
@rebuilt The stored ND163 text of this form was not available: laid out from the catalogue (TCAX decides; reason per L120 Art 48(4); cites the post-rehab decision, Mẫu 53) and ND30/2020 PL I. The number is the unit's next decision number.
@recipients person committee archive
@required doc.number e.postrehab_decision e.postrehab_decision_date e.certificate_no sign.rank_name
[header-decision]
# Quyết định
## Đưa ra khỏi danh sách người bị quản lý sau cai nghiện ma túy
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ Quyết định quản lý sau cai nghiện ma túy số {{ e.postrehab_decision }} ngày {{ e.postrehab_decision_date }} của Chủ tịch {{ h.committee }};
> Căn cứ Giấy xác nhận chấp hành xong quyết định quản lý sau cai nghiện ma túy số {{ e.certificate_no }}.
# Quyết định:
Điều 1. Đưa ra khỏi danh sách người bị quản lý sau cai nghiện ma túy kể từ ngày {{ e.end_date }} đối với:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Nơi cư trú: {{ p.residence_or_current }}.
Lý do: Đã chấp hành xong thời hạn quản lý sau cai nghiện ma túy (điểm a khoản 4 Điều 48 Luật Phòng, chống ma túy).
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Công an {{ h.commune_name }} và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
