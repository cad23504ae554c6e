@form I-17
@title Quyết định phân công cán bộ tiếp nhận và thực hiện biện pháp giám sát điện tử
@source ND163 Phụ lục I Mẫu số 17
@event emon.received
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I: the stored ND163 text lost its tables. The taking over of e-monitoring after a move is now an event of its own (catalogue gap D2); the origin's decision, the officer and the end of the term are the event's. ND163 Art 21(2): within 24 hours of the move's formalities.
@recipients person officer archive
@required doc.number e.origin_decision e.officer e.officer_rank e.officer_title e.received_from e.term_end sign.rank_name
[header-decision]
# Quyết định
## Phân công cán bộ tiếp nhận và thực hiện biện pháp giám sát điện tử
## TRƯỞNG CÔNG AN {{ h.commune_upper }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ Quyết định áp dụng biện pháp giám sát điện tử {{ e.origin_decision }} và việc thay đổi nơi cư trú của người bị giám sát điện tử quy định tại khoản 2 Điều 21 Nghị định số 163/2026/NĐ-CP.
# Quyết định:
Điều 1. Phân công đồng chí:
Họ và tên: {{ e.officer }}; Cấp bậc: {{ e.officer_rank }};
Chức vụ: {{ e.officer_title }};
Đơn vị: Công an {{ h.commune_name }}.
Có trách nhiệm tiếp nhận và chủ trì thực hiện biện pháp giám sát điện tử theo Quyết định áp dụng biện pháp giám sát điện tử {{ e.origin_decision }}, đến hết ngày {{ e.term_end }}, đối với:
[include emon-person]
Dân tộc: {{ p.ethnicity }}. Tôn giáo: {{ p.religion }}. Trình độ học vấn: {{ p.education }}.
Nghề nghiệp: {{ p.occupation }}.
Nơi làm việc/học tập: {{ p.workplace }}.
Điều 2. Thời gian tiếp nhận và thực hiện biện pháp giám sát điện tử: kể từ ngày {{ e.received_from }}.
Điều 3. Trách nhiệm phối hợp thực hiện biện pháp giám sát điện tử:
1. Gia đình của người bị giám sát điện tử; cha mẹ, người giám hộ, người đại diện theo pháp luật của người bị giám sát điện tử từ đủ 12 tuổi đến dưới 18 tuổi có trách nhiệm phối hợp quản lý, theo dõi việc thực hiện biện pháp giám sát điện tử của người bị giám sát điện tử. Kịp thời thông báo cho Công an cấp xã khi phát hiện người bị giám sát điện tử vi phạm quy định về giám sát điện tử.
2. Người bị áp dụng biện pháp giám sát điện tử có trách nhiệm chấp hành quyết định và thực hiện theo hướng dẫn của Công an {{ h.commune_name }}.
Điều 4. Quyết định này có hiệu lực kể từ {{ e.effective_words }}.
Điều 5. Những người có tên tại Điều 1, Điều 2, Điều 3 chịu trách nhiệm thi hành Quyết định này./.
[sign-decision]
