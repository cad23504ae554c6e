@form V-58
@title Biên bản ghi lời khai của người cai nghiện ma túy
@source ND163 Phụ lục V Mẫu số 58
@event compulsory.record_made
@when kind=ORAL_STATEMENT
@rebuilt The record follows the stored ND163 text and ND30/2020 PL I (catalogue gap D4: the records of the compulsory dossier are now events). The identity is the file's; the questions are printed and the answers left to the hand, as the person gives them.
@required e.place e.officer e.second_officer
[header-record]
# Biên bản
## Ghi lời khai của người cai nghiện ma túy
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
Hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}.
Tôi: {{ e.officer }}, thuộc Công an {{ h.commune_name }}, và ông/bà: {{ e.second_officer }} tiến hành lập biên bản ghi lời khai của:
Họ tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
Sinh ngày {{ p.birth }} tại: {{ p.birth_place }}.
Quốc tịch: {{ p.nationality }}. Dân tộc: {{ p.ethnicity }}. Tôn giáo: {{ p.religion }}.
Nghề nghiệp: {{ p.occupation }}.
Số điện thoại để liên hệ khi cần thiết: {{ p.phone }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; cấp ngày {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Nơi thường trú/tạm trú: {{ p.residence }}.
Nơi ở hiện tại: {{ p.current_address }}.
Tư cách tham gia lập hồ sơ: người bị đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc.
Người khai đã được giải thích quyền và nghĩa vụ của mình theo quy định và cam đoan chịu trách nhiệm về lời khai của mình.
# Hỏi và đáp
1. Về quá trình nghiện ma túy (loại ma túy đã từng sử dụng; hình thức sử dụng; tần suất sử dụng hằng ngày, tuần; lý do sử dụng ma túy; thời điểm sử dụng ma túy lần đầu; thời điểm lần cuối sử dụng ma túy):
~ 6
2. Về các biện pháp cai nghiện (tự nguyện và bắt buộc) đã thực hiện (có hoặc không); nếu có, ghi rõ số lần, địa điểm, tên cơ sở cai nghiện tự nguyện:
~ 4
3. Tham gia điều trị nghiện bằng thuốc thay thế (có hoặc không)? Nếu có, thời điểm tự chấm dứt điều trị hoặc bị đưa ra khỏi chương trình điều trị (ghi rõ ngày, tháng, năm):
~ 3
Việc ghi lời khai kết thúc hồi ...... giờ cùng ngày. Biên bản này đã được đọc cho người khai nghe, công nhận đúng và ký tên hoặc điểm chỉ xác nhận dưới đây.
[sign]
NGƯỜI KHAI :: {{ p.full_name }}
NGƯỜI GHI LỜI KHAI :: {{ e.officer }}
[end]
