@form V-38
@title Bản tường trình của người nghiện ma túy/người đại diện hợp pháp của người bị đề nghị áp dụng biện pháp đưa đi cai nghiện bắt buộc
@source ND163 Phụ lục V Mẫu số 38
@for compulsory
@rebuilt The person (or the legal representative) writes and signs it for the dossier (ND163 Art 104; catalogue gap D4): caseterm prints the identity the file holds and leaves the representative's block and the answers to the hand.
@required p.full_name
[header-record]
# Bản tường trình
## Của người nghiện ma túy/người đại diện hợp pháp của người bị đề nghị áp dụng biện pháp đưa đi cai nghiện bắt buộc
1. Họ và tên người bị đề nghị (viết in hoa): **{{ p.name_upper }}**; Giới tính: {{ p.sex }}.
Tên gọi khác (nếu có): {{ p.aliases }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Nơi cư trú hoặc chỗ ở hiện nay: {{ p.residence_or_current }}.
Nghề nghiệp: {{ p.occupation }}.
Nơi làm việc/học tập: {{ p.workplace }}.
Hoặc người đại diện hợp pháp (họ và tên, giới tính, ngày sinh, giấy tờ tùy thân, nơi cư trú, điện thoại, quan hệ với người bị đề nghị):
~ 3
2. Tường trình về quá trình nghiện ma túy (loại ma túy đã từng sử dụng; hình thức sử dụng; tần suất sử dụng hằng ngày, tuần; lý do sử dụng ma túy; thời điểm sử dụng ma túy lần đầu; thời điểm lần cuối sử dụng ma túy):
~ 6
3. Các biện pháp cai nghiện (tự nguyện và bắt buộc) đã thực hiện (có hoặc không); nếu có, ghi rõ số lần, địa điểm, tên cơ sở cai nghiện tự nguyện:
~ 3
4. Tham gia điều trị nghiện bằng thuốc thay thế (có hoặc không); nếu có, thời điểm tự chấm dứt điều trị hoặc bị đưa ra khỏi chương trình điều trị (ghi rõ ngày, tháng, năm):
~ 2
[sign]
NGƯỜI TƯỜNG TRÌNH ::
[end]
