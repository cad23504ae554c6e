@form I-11
@title Quyết định tạm dừng áp dụng biện pháp giám sát điện tử
@source ND163 Phụ lục I Mẫu số 11
@event emon.paused
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I: the stored ND163 text lost its tables. The pause is now recorded as the chief's decision with its number (catalogue gap C10); its period is the sentence or measure that caused it (ND163 Art 20(1)), from the day of the pause. "Căn cứ tài liệu có liên quan" names the judgment or decision, asked once and kept.
@recipients person officer archive
@required doc.number e.basis_documents e.pause_period e.officer e.officer_rank e.officer_title e.effective_words sign.rank_name
[header-decision]
# Quyết định
## Tạm dừng áp dụng biện pháp giám sát điện tử
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ tài liệu có liên quan: {{ e.basis_documents }}.
# Quyết định:
Điều 1. Tạm dừng áp dụng biện pháp giám sát điện tử đối với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity-emon]
Thời gian tạm dừng áp dụng biện pháp giám sát điện tử: {{ e.pause_period }}.
Điều 2. Quyết định này có hiệu lực kể từ {{ e.effective_words }}.
Điều 3. Đ/c {{ e.officer }}; Cấp bậc: {{ e.officer_rank }}; Chức vụ: {{ e.officer_title }};
Đơn vị: Công an {{ h.commune_name }} và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
