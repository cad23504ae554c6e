@form V-41
@title Biên bản xác nhận không nhận thông báo đọc hồ sơ đề nghị áp dụng biện pháp đưa đi cai nghiện bắt buộc (người từ đủ 12 đến dưới 18 tuổi)
@source ND163 Phụ lục V Mẫu số 41
@event compulsory.record_made
@when kind=NOTICE_REFUSED
@rebuilt The record follows the stored ND163 text and ND30/2020 PL I (catalogue gap D4). Only for a minor's dossier; the person refusing is the minor's parent, guardian or legal representative, asked once and kept with the event. The reading notice refused is the dossier's V-37. The stored text quotes "Nghị định số …/2026/NĐ-CP": caseterm prints Decree 163/2026.
@required e.place e.officer e.officer_title e.witnesses e.parent_name
[header-record]
# Biên bản
## Xác nhận không nhận thông báo đọc hồ sơ đề nghị áp dụng biện pháp đưa đi cai nghiện bắt buộc đối với người từ đủ 12 tuổi đến dưới 18 tuổi
Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}.
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
. **I. Chúng tôi gồm:**
1. Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}; Cơ quan: Công an {{ h.commune_name }}.
2. Với sự chứng kiến của: {{ e.witnesses }}.
. **II. Tiến hành lập biên bản vi phạm với các nội dung sau:**
1. Họ và tên: {{ e.parent_name }}, cha, mẹ, người giám hộ hoặc người đại diện hợp pháp của **{{ p.name_upper }}** (sinh ngày {{ p.birth }}; Số CC/CCCD/CMND/HC: {{ p.id_number }}).
2. Không nhận thông báo đọc hồ sơ đề nghị áp dụng biện pháp đưa đi cai nghiện bắt buộc đối với người từ đủ 12 tuổi đến dưới 18 tuổi theo quy định tại Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy.
3. Ý kiến của cá nhân vi phạm:
~ 3
Biên bản lập xong hồi ...... giờ cùng ngày, gồm ...... tờ, được lập thành ...... bản có nội dung và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và cùng ký tên dưới đây; giao cho ông (bà) {{ e.parent_name }} 01 bản, 01 bản lưu hồ sơ.
Trường hợp không ký biên bản, lý do:
~ 2
[sign]
NGƯỜI VI PHẠM :: {{ e.parent_name }}
NGƯỜI CHỨNG KIẾN :: {{ e.witnesses }}
NGƯỜI LẬP BIÊN BẢN :: {{ e.officer }}
[end]
