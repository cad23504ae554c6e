@form III-07
@title Quyết định tạm đình chỉ quản lý người sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 07
@event mgmt.suspended
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I: the stored ND163 text lost its tables. The custody decision, its kind, term and end are the event's or are asked once and kept with it (catalogue gap C6). Sent within 24 hours (ND163 Art 63(4)).
@recipients person team committee archive
@required doc.number e.custody_decision e.custody_kind e.custody_term e.custody_until e.mgmt_decision e.mgmt_decision_date sign.rank_name
[header-decision]
# Quyết định
## Tạm đình chỉ quản lý người sử dụng trái phép chất ma túy
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }};
> Căn cứ Quyết định {{ e.custody_kind }} {{ e.custody_decision }}.
# Quyết định:
Điều 1. Tạm đình chỉ áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy kể từ ngày {{ e.suspend_from }} với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity]
Bị quản lý theo Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }} của {{ e.mgmt_issuer }}.
Theo quy định tại khoản 7 Điều 24 Luật Phòng, chống ma túy, tạm đình chỉ quản lý đối với {{ p.full_name }} vì lý do:
{{ e.box_detention }} Bị tạm giữ{{ e.detention_period }}.
{{ e.box_remand }} Bị tạm giam{{ e.remand_period }}.
Điều 2. Sau khi hết thời hạn tạm giữ, tạm giam, tiếp tục quản lý đến hết thời hạn theo Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }}.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Công an {{ h.commune_name }} và những người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
