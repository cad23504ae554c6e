@form I-02
@title Quyết định áp dụng biện pháp giám sát điện tử
@source ND163 Phụ lục I Mẫu số 02
@event emon.decided
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. Recipients from ND163 Art 17(3). Điều 3.3 (the facility that fits the device) is printed only for a post-rehab basis.
@recipients person officer archive
@required doc.number e.basis_document e.term e.term_from_words e.officer e.officer_rank e.officer_title e.effective sign.rank_name
[header-decision]
# Quyết định
## Áp dụng biện pháp giám sát điện tử
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ các tài liệu liên quan: {{ e.basis_document }}.
# Quyết định:
Điều 1. Áp dụng biện pháp giám sát điện tử đối với người có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
[include identity-emon]
Thời hạn áp dụng biện pháp giám sát điện tử là {{ e.term }}, kể từ {{ e.term_from_words }}.
Điều 2. Phân công thực hiện biện pháp giám sát điện tử:
Đồng chí: {{ e.officer }}; Cấp bậc: {{ e.officer_rank }};
Chức vụ: {{ e.officer_title }};
Đơn vị: Công an {{ h.commune_name }} chủ trì thực hiện biện pháp giám sát điện tử theo quyết định này.
Điều 3. Trách nhiệm phối hợp thực hiện biện pháp giám sát điện tử:
1. Gia đình của người bị giám sát điện tử; cha mẹ, người giám hộ, người đại diện theo pháp luật của người bị giám sát điện tử từ đủ 12 tuổi đến dưới 18 tuổi có trách nhiệm phối hợp quản lý, theo dõi việc thực hiện biện pháp giám sát điện tử của người bị giám sát điện tử. Kịp thời thông báo cho Công an cấp xã khi phát hiện người bị giám sát điện tử vi phạm quy định về giám sát điện tử.
2. Người bị áp dụng biện pháp giám sát điện tử có trách nhiệm chấp hành quyết định và thực hiện theo hướng dẫn của Công an {{ h.commune_name }}.
{%p if e.fitting_facility %}
3. Đề nghị {{ e.fitting_facility }} công bố, thi hành quyết định này và tiến hành đeo, gắn thiết bị giám sát điện tử lên cơ thể của người quy định tại Điều 1.
{%p endif %}
Điều 4. Quyết định này có hiệu lực kể từ {{ e.effective }}.
Điều 5. Những người có tên tại Điều 1, Điều 2, Điều 3 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
