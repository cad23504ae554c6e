@form III-09
@title Quyết định chấm dứt quản lý người sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 09
@event mgmt.terminated
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. The form's slip "ngày 75 tháng 5" is printed as 15, and the Law with its number 120/2025/QH15. For a file under the old regime (R2021) the management decision was the People's Committee chairman's: the issuer line says so.
@recipients person team committee archive
@required doc.number e.mgmt_decision e.mgmt_decision_date sign.rank_name
[header-decision]
# Quyết định
## Chấm dứt quản lý người sử dụng trái phép chất ma túy
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy.
# Quyết định:
Điều 1. Chấm dứt áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity]
Đến nay đã hết thời hạn quản lý theo Quyết định số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }} của {{ e.mgmt_issuer }}.
Điều 2. Tổ quản lý người sử dụng trái phép chất ma túy thành lập theo Quyết định số {{ e.mgmt_decision }} giải thể kể từ ngày Quyết định này có hiệu lực.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Trưởng Công an {{ h.commune_name }} và những người có tên tại Điều 1, Điều 2 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
