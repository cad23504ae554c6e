@form III-08
@title Quyết định dừng quản lý người sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 08
@event mgmt.stopped
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. The Law is cited with its number 120/2025/QH15, which the form leaves out. A stop for diversion (the juvenile-justice measure at a reformatory school, L120 24(5)) ticks the reformatory box; caseterm has no stop reason for "giáo dục tại xã" under L120 (catalogue gap C7: whether L120 24(5) still has that case could not be checked here), so that box is left for the hand.
@recipients person team committee archive
@required doc.number e.stop_from e.mgmt_decision e.mgmt_decision_date sign.rank_name
[header-decision]
# Quyết định
## Dừng quản lý người sử dụng trái phép chất ma túy
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy.
# Quyết định:
Điều 1. Dừng áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy kể từ ngày {{ e.stop_from }} với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity]
Bị quản lý theo Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }} của {{ e.mgmt_issuer }}.
Theo quy định tại khoản 5 Điều 24 Luật Phòng, chống ma túy, dừng quản lý đối với {{ p.full_name }} vì lý do:
{{ e.box_addicted }} Kết quả xác định tình trạng nghiện là có nghiện;
{{ e.box_diversion }} Bị áp dụng biện pháp xử lý hành chính giáo dục tại xã, phường, thị trấn do có hành vi sử dụng trái phép chất ma túy;
{{ e.box_education }} Bị áp dụng biện pháp xử lý hành chính đưa vào cơ sở giáo dục bắt buộc, đưa vào trường giáo dưỡng;
{{ e.box_prison }} Thi hành án phạt tù;
{{ e.box_custody }} Thi hành quyết định tạm giữ, tạm giam có thời hạn dài hơn thời hạn quản lý còn lại;
{{ e.box_death }} Chết, bị Tòa án tuyên bố là mất tích.
Điều 2. Tổ quản lý người sử dụng trái phép chất ma túy thành lập theo Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }} giải thể kể từ ngày Quyết định này có hiệu lực.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Công an {{ h.commune_name }} và những người có tên tại Điều 1, Điều 2 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
