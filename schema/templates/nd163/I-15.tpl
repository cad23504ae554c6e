@form I-15
@title Quyết định chấm dứt áp dụng biện pháp giám sát điện tử
@source ND163 Phụ lục I Mẫu số 15
@event emon.ended
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I: the stored ND163 text lost its tables. The end is now recorded with its decision number and signer (catalogue gap C10; an end saved before has none, and the form asks for it). "Căn cứ tài liệu có liên quan" names the documents that show the case of Art 20(4), asked once and kept with the event.
@recipients person officer archive
@required doc.number e.basis_documents e.officer e.officer_rank e.officer_title sign.rank_name
[header-decision]
# Quyết định
## Chấm dứt áp dụng biện pháp giám sát điện tử
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ tài liệu có liên quan: {{ e.basis_documents }}.
# Quyết định:
Điều 1. Chấm dứt áp dụng biện pháp giám sát điện tử đối với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity]
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Đ/c {{ e.officer }}; Cấp bậc: {{ e.officer_rank }}; Chức vụ: {{ e.officer_title }};
Đơn vị: Công an {{ h.commune_name }} và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
