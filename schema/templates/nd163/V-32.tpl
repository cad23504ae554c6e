@form V-32
@title Quyết định giao người nghiện ma túy cho cơ sở quản lý trong thời gian lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc
@source ND163 Phụ lục V Mẫu số 32
@event compulsory.custody_decided
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. ND163 Art 98(2) requires a reason, which the form has no line for: it is printed in Điều 1 from the ground found and the facts the officer gives.
@recipients person facility archive
@required doc.number e.facility e.ground_words e.summary sign.rank_name
[header-decision]
# Quyết định
## Giao người nghiện ma túy cho cơ sở quản lý trong thời gian lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy.
# Quyết định:
Điều 1. Giao ông/bà **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Nơi cư trú hoặc chỗ ở hiện nay: {{ p.residence_or_current }}.
cho {{ e.facility }} quản lý trong thời gian lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc, đến khi có quyết định của Tòa án.
Lý do: {{ e.ground_words }} (điểm {{ e.ground_letter }} khoản 1 Điều 35 Luật Phòng, chống ma túy). {{ e.summary }}
Điều 2. Thời gian quản lý tại cơ sở được trừ vào thời hạn chấp hành quyết định đưa vào cơ sở cai nghiện bắt buộc.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Ông/bà có tên tại Điều 1, {{ e.facility }} và các cơ quan, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
