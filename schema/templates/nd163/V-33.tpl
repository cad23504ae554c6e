@form V-33
@title Bản tóm tắt lý lịch của người nghiện ma túy
@source ND163 Phụ lục V Mẫu số 33
@rebuilt The header follows ND30/2020 PL I for a record (national motto only); the stored ND163 text lost it. Items 12–13 list the earlier convictions and sanctions one by one (a legacy file's free-text record follows them); items 17–19 list the episodes from before the file, then those recorded in caseterm.
@required p.full_name
[header-record]
# Bản tóm tắt lý lịch
. **I. PHẦN BẢN THÂN NGƯỜI NGHIỆN**
. 1. Họ và tên (viết in hoa): **{{ p.name_upper }}**; Giới tính: {{ p.sex }}
. Tên gọi khác (nếu có): {{ p.aliases }}
. 2. Ngày, tháng, năm sinh: {{ p.birth }}
. 3. Số CC/CCCD/CMND/HC: {{ p.id_number }} ngày cấp: {{ p.id_issue_date }} nơi cấp: {{ p.id_issue_place }}
. 4. Nơi cư trú hoặc chỗ ở hiện nay: {{ p.residence_or_current }}
. 5. Trình độ đào tạo: {{ p.education }}
. 6. Nghề nghiệp: {{ p.occupation }}
. 7. Nơi làm việc/học tập: {{ p.workplace }}
. **II. THÀNH PHẦN GIA ĐÌNH**
{%p for f in r.family %}
. {{ f.line }}
{%p endfor %}
. **III. TIỀN ÁN, TIỀN SỰ, QUÁ TRÌNH SỬ DỤNG, CAI NGHIỆN MA TÚY**
. 12. Tiền án: {{ r.convictions }}
. 13. Tiền sự: {{ r.sanctions }}
{%p if r.prior_note %}
. Ghi chép trước đây về tiền án, tiền sự: {{ r.prior_note }}
{%p endif %}
. 14. Loại ma túy đã sử dụng: {{ r.drugs }}
. 15. Hình thức sử dụng ma túy: {{ r.routes }}
. 16. Thời điểm sử dụng ma túy lần đầu: {{ r.use_started }}
. 17. Cai nghiện tự nguyện tại gia đình, cộng đồng: {{ r.voluntary_episodes }}
. 18. Quyết định quản lý sau cai nghiện tại nơi cư trú: {{ r.post_rehab_decisions }}
. 19. Đã bị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc: {{ r.compulsory_decisions }}
. 20. Tham gia điều trị nghiện ma túy bằng thuốc thay thế: {{ r.substitution }}
Tôi xin cam đoan lời khai trên là đúng sự thật. Nếu có gì sai tôi xin hoàn toàn chịu trách nhiệm theo quy định của pháp luật.
[sign]
XÁC NHẬN CỦA CƠ QUAN LẬP HỒ SƠ :: {{ sign.rank_name }}
NGƯỜI KHAI :: {{ p.full_name }}
[end]
