@form V-52
@title Đề nghị quản lý sau cai nghiện ma túy
@source ND163 Phụ lục V Mẫu số 52
@event postrehab.proposed
@number ĐN
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. The proposal's number is the one recorded with the event, else the unit's next "ĐN" number of the year. The term follows L120 Art 42 (24 months after an adult's compulsory rehab, 12 otherwise).
@recipients committee archive
@required doc.number e.notice_date e.postrehab_term e.proposed_measures sign.rank_name
[header-decision]
# Đề nghị
## Áp dụng biện pháp quản lý sau cai nghiện ma túy
## Kính gửi: Chủ tịch {{ h.committee }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ thông báo ngày {{ e.notice_date }} về việc người cai nghiện ma túy sắp hoàn thành thời gian cai nghiện.
Công an {{ h.commune_name }} đề nghị Chủ tịch {{ h.committee }} xem xét, quyết định áp dụng biện pháp quản lý sau cai nghiện ma túy đối với:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Nơi cư trú: {{ p.residence_or_current }}.
Thân nhân phối hợp quản lý: {{ e.family_member }}.
Lý do: Người nghiện ma túy hoàn thành thời gian cai nghiện ma túy theo quy định tại Điều 42 Luật Phòng, chống ma túy.
Thời hạn quản lý sau cai nghiện ma túy: {{ e.postrehab_term }}, kể từ ngày hoàn thành cai nghiện ma túy{{ e.completion_on_words }}.
Biện pháp quản lý và người thực hiện đề xuất: {{ e.proposed_measures }}
Công an {{ h.commune_name }} kính đề nghị Chủ tịch {{ h.committee }} xem xét, quyết định./.
[sign-decision]
