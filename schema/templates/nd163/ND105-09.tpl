@form ND105-09
@title Quyết định dừng quản lý người sử dụng trái phép chất ma túy (Chủ tịch UBND, trước 01/7/2026)
@source ND105 Phụ lục Mẫu số 09
@event mgmt.stopped
@regime R2021
@issuer committee
@rebuilt Before 1/7/2026 the People's Committee chairman stopped management in the cases of Art 23(5) of Law 73/2021 (ND105 Art 48(1)); the ticked box says which. The form's "điểm …" is not printed: the point letters of Art 23(5) could not be checked against the law's text here. The ND105 form has no box for custody longer than the term (an R2026 case). Recipients per the form.
@recipients person family police archive
@required doc.number e.stop_from e.mgmt_decision e.mgmt_decision_date sign.rank_name
[header-committee]
# Quyết định
## Dừng quản lý người sử dụng trái phép chất ma túy
## CHỦ TỊCH {{ h.committee_upper }}
[include basis-105]
> Căn cứ Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy;
> Xét đề nghị của Trưởng Công an {{ h.commune_name }}.
# Quyết định:
Điều 1. Dừng áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity-105]
Bị quản lý theo Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }} của {{ e.mgmt_issuer }}.
Theo quy định tại khoản 5 Điều 23 Luật Phòng, chống ma túy, dừng quản lý đối với {{ p.full_name }} vì lý do:
{{ e.box_addicted }} Kết quả xác định tình trạng nghiện là có nghiện;
{{ e.box_diversion }} Bị áp dụng biện pháp xử lý hành chính giáo dục tại xã, phường, thị trấn do có hành vi sử dụng trái phép chất ma túy;
{{ e.box_education }} Bị áp dụng biện pháp xử lý hành chính đưa vào cơ sở giáo dục bắt buộc, đưa vào trường giáo dưỡng;
{{ e.box_prison }} Phải thi hành án phạt tù;
{{ e.box_death }} Chết, bị Tòa án tuyên bố là mất tích.
Dừng quản lý người sử dụng trái phép chất ma túy kể từ ngày {{ e.stop_from }}.
Điều 2. Tổ quản lý người sử dụng trái phép chất ma túy thành lập theo Quyết định số {{ e.mgmt_decision }} giải thể kể từ ngày Quyết định này có hiệu lực.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Trưởng Công an {{ h.commune_name }} và những người có tên tại Điều 1, Điều 2 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
