@form ND105-07
@title Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy (Chủ tịch UBND, trước 01/7/2026)
@source ND105 Phụ lục Mẫu số 07
@event mgmt.decided
@regime R2021
@issuer committee
@rebuilt Before 1/7/2026 the People's Committee chairman decided user management on the commune police chief's proposal, for one year (ND105 Art 42). The number is the committee's own ("…/QĐ-UBND"), as recorded on the event: caseterm never gives it. The first basis line cites the local-government law in force on the decision's date ([I]: Law 72/2025/QH15 from 1/7/2025). Recipients per ND105 Art 42(4).
@recipients person team police archive
@required doc.number e.summary e.positive_date e.term_start e.officer e.team_deputy sign.rank_name
[header-committee]
# Quyết định
## Áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy
## CHỦ TỊCH {{ h.committee_upper }}
[include basis-105]
> Xét đề nghị của Trưởng Công an {{ h.commune_name }}.
# Quyết định:
Điều 1. Áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
[include identity-105]
Tóm tắt hành vi sử dụng trái phép chất ma túy: {{ e.summary }}
Kết quả xét nghiệm dương tính với chất ma túy trong cơ thể ngày {{ e.positive_date }}.
Thời hạn quản lý người sử dụng trái phép chất ma túy là 01 năm, kể từ ngày {{ e.term_start }}.
Điều 2. Thành lập Tổ quản lý người sử dụng trái phép chất ma túy và phân công nhiệm vụ như sau:
1. Đ/c {{ e.officer }}, Công an {{ h.commune_name }} - Tổ trưởng.
2. Ông/bà: {{ e.team_deputy }} - Đại diện Thôn/Tổ dân phố - Tổ phó.
{%p for m in e.team_members %}
{{ loop.index + 2 }}. Ông/bà: {{ m }} - Tổ viên.
{%p endfor %}
Điều 3. Trách nhiệm thực hiện quản lý người sử dụng trái phép chất ma túy
1. Công an {{ h.commune_name }} có trách nhiệm:
a) Đưa người sử dụng trái phép chất ma túy vào danh sách quản lý.
b) Tổ chức thực hiện việc xét nghiệm chất ma túy trong cơ thể trong thời hạn quản lý.
2. Tổ quản lý người sử dụng trái phép chất ma túy có trách nhiệm tư vấn, động viên, giáo dục, hỗ trợ người bị quản lý có tên nêu tại Điều 1 Quyết định này.
3. Gia đình người bị quản lý có trách nhiệm phối hợp quản lý, động viên, giáo dục và giúp đỡ người sử dụng trái phép chất ma túy.
4. Người sử dụng trái phép chất ma túy bị áp dụng biện pháp quản lý có trách nhiệm chấp hành yêu cầu xét nghiệm chất ma túy trong cơ thể của Công an {{ h.commune_name }}.
Điều 4. Quyết định này có hiệu lực kể từ ngày ký.
Điều 5. Trưởng Công an {{ h.commune_name }} và những người có tên tại Điều 1, Điều 2 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
