@form V-34
@title Biên bản vi phạm (hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc)
@source ND163 Phụ lục V Mẫu số 34
@event compulsory.ground_found
@rebuilt The header follows ND30/2020 PL I for a record. The person's statement, the measures taken and a refusal's reasons are written by hand at the scene (catalogue gaps C2–C3); the witnesses are given once and kept with the event.
@required e.place e.officer e.officer_title e.witnesses e.ground_words e.violation_moment e.summary p.nationality
[header-record]
# Biên bản vi phạm
Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}.
Chúng tôi gồm: {{ e.officer }}; Chức vụ: {{ e.officer_title }}; Cơ quan: Công an {{ h.commune_name }}.
Với sự chứng kiến của (họ và tên, nghề nghiệp, nơi cư trú): {{ e.witnesses }}.
Tiến hành lập biên bản vi phạm đối với:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
Ngày, tháng, năm sinh: {{ p.birth }}. Quốc tịch: {{ p.nationality }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Nơi cư trú hoặc chỗ ở hiện nay: {{ p.residence_or_current }}.
Nghề nghiệp: {{ p.occupation }}.
Đã có hành vi vi phạm: {{ e.ground_words }}, thuộc trường hợp quy định tại điểm {{ e.ground_letter }} khoản 1 Điều 35 Luật Phòng, chống ma túy; thời điểm vi phạm: {{ e.violation_moment }}.
Diễn biến: {{ e.summary }}
Ý kiến trình bày của người vi phạm:
~ 3
Biện pháp ngăn chặn và bảo đảm việc lập hồ sơ đã áp dụng (nếu có):
~ 2
Biên bản được lập thành 02 bản, có giá trị như nhau, đã đọc lại cho những người có tên trên cùng nghe, công nhận là đúng và ký tên dưới đây; 01 bản giao cho người vi phạm. Lý do người vi phạm không ký biên bản (nếu có):
~ 1
[sign]
NGƯỜI VI PHẠM :: {{ p.full_name }}
NGƯỜI CHỨNG KIẾN ::
NGƯỜI LẬP BIÊN BẢN :: {{ e.officer }}
[end]
