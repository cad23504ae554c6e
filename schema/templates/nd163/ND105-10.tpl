@form ND105-10
@title Quyết định chấm dứt quản lý người sử dụng trái phép chất ma túy (Chủ tịch UBND, trước 01/7/2026)
@source ND105 Phụ lục Mẫu số 10
@event mgmt.terminated
@regime R2021
@issuer committee
@rebuilt Before 1/7/2026 the People's Committee chairman ended management when the year passed with no use (ND105 Art 48(2)); from 1/7/2026 the commune police chief does, on Mẫu 09 of ND163, quoting the chairman's decision. Recipients per the form.
@recipients person family police archive
@required doc.number e.mgmt_decision e.mgmt_decision_date sign.rank_name
[header-committee]
# Quyết định
## Chấm dứt quản lý người sử dụng trái phép chất ma túy
## CHỦ TỊCH {{ h.committee_upper }}
[include basis-105]
> Căn cứ Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy;
> Xét đề nghị của Trưởng Công an {{ h.commune_name }}.
# Quyết định:
Điều 1. Chấm dứt áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity-105]
Đến nay đã hết thời hạn quản lý theo Quyết định số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }} của {{ e.mgmt_issuer }}.
Điều 2. Tổ quản lý người sử dụng trái phép chất ma túy thành lập theo Quyết định số {{ e.mgmt_decision }} giải thể kể từ ngày Quyết định này có hiệu lực.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Trưởng Công an {{ h.commune_name }} và những người có tên tại Điều 1, Điều 2 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
