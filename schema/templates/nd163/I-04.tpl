@form I-04
@title Cam kết thực hiện biện pháp giám sát điện tử
@source ND163 Phụ lục I Mẫu số 04
@event emon.fitted
@rebuilt The person signs the pledge; caseterm prints the identity block and the decision it carries out.
@required e.decision_no e.decision_date
[header-record]
# Cam kết
## Thực hiện biện pháp giám sát điện tử
## Kính gửi: Công an {{ h.commune_name }}
Tôi tên (họ và tên): **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Quê quán: {{ p.origin_place }}.
Nơi thường trú/tạm trú: {{ p.residence }}.
Nơi ở hiện tại: {{ p.current_address }}.
Số CMND/CCCD/CC/Hộ chiếu: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Dân tộc: {{ p.ethnicity }}. Tôn giáo: {{ p.religion }}. Trình độ học vấn: {{ p.education }}.
Nghề nghiệp: {{ p.occupation }}.
Nơi làm việc/học tập: {{ p.workplace }}.
Thực hiện quyết định áp dụng biện pháp giám sát điện tử số {{ e.decision_no }} ngày {{ e.decision_date }} của Trưởng Công an {{ h.commune_name }}.
Tôi đã được phổ biến các quy định liên quan đến biện pháp giám sát điện tử và trách nhiệm, nghĩa vụ của người bị giám sát điện tử. Tôi xin cam kết chấp hành nghiêm chỉnh các quy định về giám sát điện tử. Nếu vi phạm tôi xin chịu trách nhiệm theo quy định của pháp luật.
[sign]
NGƯỜI CAM KẾT :: {{ p.full_name }}
[end]
