@form V-55
@title Quyết định phân công Tổ quản lý, hỗ trợ xã hội sau cai nghiện ma túy tại nơi cư trú (Chủ tịch UBND)
@source ND163 Phụ lục V Mẫu số 55
@event postrehab.team_formed
@issuer committee
@rebuilt The commune police drafts it for the People's Committee chairman (catalogue gap D5: the team is now an event). Header and signature follow ND30/2020 PL I with the committee as the issuer; the number is the committee's, as recorded on the event. The team leader is the commune police officer, the deputy the health station's member, as the form lays out.
@recipients police archive
@required doc.number e.leader e.vice_leader sign.rank_name
[header-committee]
# Quyết định
## Phân công Tổ quản lý, hỗ trợ xã hội sau cai nghiện ma túy tại nơi cư trú
## CHỦ TỊCH {{ h.committee_upper }}
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Theo đề nghị của Trưởng Công an {{ h.commune_name }}.
# Quyết định:
Điều 1. Thành lập Tổ quản lý, hỗ trợ xã hội tại nơi cư trú đối với người bị quản lý sau cai nghiện tại nơi cư trú ({{ p.full_name }}, sinh ngày {{ p.birth }}) như sau:
1. Đồng chí {{ e.leader }}, Công an {{ h.commune_name }} - Tổ trưởng.
2. Đồng chí {{ e.vice_leader }}, Trạm Y tế xã - Tổ phó.
{%p for m in e.members %}
{{ loop.index + 2 }}. Đồng chí {{ m }} - Thành viên.
{%p endfor %}
Điều 2. Phân công quản lý, hỗ trợ xã hội tại nơi cư trú đối với người bị quản lý sau cai nghiện tại nơi cư trú như sau: Căn cứ vào tình hình thực tế, Tổ trưởng Tổ quản lý, hỗ trợ xã hội tại nơi cư trú đối với người bị quản lý sau cai nghiện tại nơi cư trú phân công các thành viên theo chức năng, nhiệm vụ được giao thực hiện quản lý, hỗ trợ xã hội đối với người sau cai nghiện tại nơi cư trú.
Điều 3. Kinh phí hoạt động của Tổ thực hiện theo quy định hiện hành.
Điều 4. Quyết định này có hiệu lực kể từ {{ e.effective }}.
Điều 5. Ông/bà có tên tại Điều 1 và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
