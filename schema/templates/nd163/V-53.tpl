@form V-53
@title Quyết định quản lý sau cai nghiện ma túy tại nơi cư trú (Chủ tịch UBND)
@source ND163 Phụ lục V Mẫu số 53
@event postrehab.decided
@issuer committee
@rebuilt The commune police drafts it for the People's Committee chairman, who signs it with the committee's number ("…/QĐ-UBND", as recorded on the event). Header and signature follow ND30/2020 PL I with the committee as the issuer (the form's footnote names the provincial committee above it; caseterm prints the commune committee alone, as commune documents commonly do). The term runs from the completion day the notice states, for the months L120 Art 42 gives. Recipients per ND163 Art 134(3).
@recipients person police archive
@required doc.number e.term_from e.term_to e.officer e.family_member sign.rank_name
[header-committee]
# Quyết định
## Quản lý sau cai nghiện ma túy tại nơi cư trú
## CHỦ TỊCH {{ h.committee_upper }}
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Theo đề nghị của Trưởng Công an {{ h.commune_name }}.
# Quyết định:
Điều 1. Quản lý sau cai nghiện ma túy tại nơi cư trú đối với người có tên sau đây:
[include id-minus]
Thân nhân phối hợp quản lý: {{ e.family_member }}.
2. Thời hạn quản lý: từ ngày {{ e.term_from }} đến ngày {{ e.term_to }}.
Điều 2. Giao cho: {{ e.officer }}, Công an {{ h.commune_name }} và gia đình ông (bà): {{ e.family_member }}; thành viên Tổ quản lý, hỗ trợ xã hội tại nơi cư trú đối với người bị quản lý sau cai nghiện tại nơi cư trú phối hợp hỗ trợ ông (bà): {{ p.full_name }} trong toàn bộ thời gian quản lý sau cai nghiện tại nơi cư trú.
Điều 3. Quyết định này có hiệu lực kể từ {{ e.effective }}.
Điều 4. Ông/bà có tên tại Điều 1 và Điều 2 và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
