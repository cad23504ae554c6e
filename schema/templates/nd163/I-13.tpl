@form I-13
@title Quyết định miễn áp dụng biện pháp giám sát điện tử
@source ND163 Phụ lục I Mẫu số 13
@event emon.exempted
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I: the stored ND163 text lost its tables. "Căn cứ tài liệu có liên quan" names the documents that show the case of Art 20(3) (a clean year, six months for a minor), asked once and kept with the event. Recipients as for the decision it ends (ND163 Art 17(3)).
@recipients person officer archive
@required doc.number e.basis_documents e.emon_decision e.emon_decision_date e.exempt_from e.officer e.officer_rank e.officer_title sign.rank_name
[header-decision]
# Quyết định
## Miễn áp dụng biện pháp giám sát điện tử
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ tài liệu có liên quan: {{ e.basis_documents }}.
# Quyết định:
Điều 1. Miễn áp dụng biện pháp giám sát điện tử kể từ ngày {{ e.exempt_from }} đối với:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity-emon]
Là người bị áp dụng biện pháp giám sát điện tử theo Quyết định áp dụng biện pháp giám sát điện tử số {{ e.emon_decision }} ngày {{ e.emon_decision_date }} của Trưởng Công an {{ h.commune_name }}.
Điều 2. Quyết định này có hiệu lực kể từ {{ e.effective_words }}.
Điều 3. Đ/c {{ e.officer }}; Cấp bậc: {{ e.officer_rank }}; Chức vụ: {{ e.officer_title }};
Đơn vị: Công an {{ h.commune_name }} và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
