@form III-04
@title Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 04
@event mgmt.decided
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I: the stored ND163 text lost its tables. Recipients from ND163 Art 59(3).
@recipients person team committee archive
@required doc.number e.summary e.positive_date e.term e.term_start e.officer e.team_deputy sign.rank_name
[header-decision]
# Quyết định
## Áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy.
# Quyết định:
Điều 1. Áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
[include identity]
Tóm tắt hành vi sử dụng trái phép chất ma túy: {{ e.summary }}
Kết quả xét nghiệm dương tính với chất ma túy trong cơ thể ngày {{ e.positive_date }}.
Thời hạn quản lý người sử dụng trái phép chất ma túy là {{ e.term }}, kể từ ngày {{ e.term_start }}.
Điều 2. Thành lập Tổ quản lý người sử dụng trái phép chất ma túy gồm những người có tên sau:
1. Đ/c {{ e.officer }}, Công an {{ h.commune_name }} - Tổ trưởng.
2. Ông/bà: {{ e.team_deputy }} - Đại diện Thôn/Tổ dân phố - Tổ phó.
{%p for m in e.team_members %}
{{ loop.index + 2 }}. Ông/bà: {{ m }} - Tổ viên.
{%p endfor %}
Điều 3. Trách nhiệm thực hiện quản lý người sử dụng trái phép chất ma túy
1. Đ/c {{ e.officer }}, Công an {{ h.commune_name }} có trách nhiệm:
a) Thực hiện quản lý cư trú đối với người sử dụng trái phép chất ma túy;
b) Đưa người sử dụng trái phép chất ma túy vào danh sách quản lý; cập nhật lên phần mềm Quản lý đối tượng;
c) Thực hiện việc xét nghiệm chất ma túy trong cơ thể trong thời hạn quản lý;
d) Phòng ngừa, ngăn chặn hành vi gây mất an ninh, trật tự của người sử dụng trái phép chất ma túy.
2. Tổ quản lý người sử dụng trái phép chất ma túy có trách nhiệm tư vấn, động viên, giáo dục, hỗ trợ người bị quản lý có tên nêu tại Điều 1 Quyết định này.
3. Gia đình người bị quản lý có trách nhiệm phối hợp quản lý, động viên, giáo dục và giúp đỡ người sử dụng trái phép chất ma túy.
4. Người sử dụng trái phép chất ma túy bị áp dụng biện pháp quản lý có trách nhiệm chấp hành yêu cầu xét nghiệm chất ma túy trong cơ thể của Công an {{ h.commune_name }}.
Điều 4. Quyết định này có hiệu lực kể từ ngày ký.
Điều 5. Ông/bà {{ p.full_name }} và những người có tên tại Điều 2 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
