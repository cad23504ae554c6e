@form V-60
@title Quyết định phân công người thực hiện nhiệm vụ tư vấn tâm lý, xã hội, quản lý, hỗ trợ người bị quản lý sau cai nghiện ma túy (Chủ tịch UBND)
@source ND163 Phụ lục V Mẫu số 60
@event postrehab.helper_assigned
@issuer committee
@rebuilt The commune police drafts it for the People's Committee chairman (catalogue gap D5: naming a helper is now an event). Header and signature follow ND30/2020 PL I with the committee as the issuer; the number is the committee's, as recorded on the event. The chairman's earlier decision naming the commune's helpers (Mẫu 59) and, after a move, the origin commune police's notice are cited as recorded. Mẫu 59 itself names many helpers for the whole commune and is not made from a person's file.
@recipients person police archive
@required doc.number e.helper e.helpers_decision sign.rank_name
[header-committee]
# Quyết định
## Phân công người thực hiện nhiệm vụ tư vấn tâm lý, xã hội, quản lý, hỗ trợ người bị quản lý sau cai nghiện ma túy
## CHỦ TỊCH {{ h.committee_upper }}
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ Quyết định số {{ e.helpers_decision }} của Chủ tịch {{ h.committee }} về việc phân công người thực hiện nhiệm vụ tư vấn tâm lý, xã hội, quản lý, hỗ trợ người bị quản lý sau cai nghiện ma túy;
{%p if e.origin_notice %}
> Căn cứ Thông báo {{ e.origin_notice }} về việc tiếp tục quản lý, hỗ trợ đối với người đang bị áp dụng biện pháp quản lý sau cai nghiện khi thay đổi nơi cư trú;
{%p endif %}
> Theo đề nghị của Trưởng Công an {{ h.commune_name }}.
# Quyết định:
Điều 1. Phân công ông/bà {{ e.helper }} thực hiện nhiệm vụ tư vấn tâm lý, xã hội, quản lý, hỗ trợ người bị quản lý sau cai nghiện ma túy đối với ông/bà **{{ p.name_upper }}** (sinh ngày {{ p.birth }}; Số CC/CCCD/CMND/HC: {{ p.id_number }}).
Điều 2. Kinh phí hỗ trợ người thực hiện nhiệm vụ tư vấn tâm lý, xã hội, quản lý, hỗ trợ người bị quản lý sau cai nghiện ma túy được hưởng theo quy định hiện hành.
Điều 3. Quyết định này có hiệu lực kể từ {{ e.effective }}.
Điều 4. Ông/bà có tên tại Điều 1 và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
