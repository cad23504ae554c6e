@form V-22
@title Quyết định cai nghiện ma túy tự nguyện
@source ND163 Phụ lục V Mẫu số 22
@event rehab.decided
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. Recipients from ND163 Art 91(2).
@recipients person pc04 archive
@required doc.number h.advising_unit e.term_from e.term_to e.place e.effective sign.rank_name
[header-decision]
# Quyết định
## Cai nghiện ma túy tự nguyện
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ đơn xin đi cai nghiện ma túy tự nguyện;
> Theo đề nghị của {{ h.advising_unit }}.
# Quyết định:
Điều 1. Cai nghiện ma túy tự nguyện đối với:
1. Ông (bà) **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Nơi cư trú: {{ p.residence_or_current }}.
2. Thời gian cai nghiện: từ ngày {{ e.term_from }} đến ngày {{ e.term_to }}.
Điều 2. Địa điểm cai nghiện ma túy: {{ e.place }}.
Điều 3. Quyết định này có hiệu lực kể từ {{ e.effective }}.
Điều 4. Ông/bà có tên tại Điều 1, cơ quan, tổ chức, cá nhân chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
