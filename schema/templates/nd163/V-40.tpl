@form V-40
@title Biên bản không viết bản tường trình/không có ý kiến của cha, mẹ, người giám hộ hoặc người đại diện hợp pháp (người từ đủ 12 đến dưới 18 tuổi)
@source ND163 Phụ lục V Mẫu số 40
@event compulsory.record_made
@when kind=NO_STATEMENT
@rebuilt The record follows the stored ND163 text and ND30/2020 PL I (catalogue gap D4). Only for a minor's dossier (ND163 Art 104–105). The witness and the parent are asked once and kept with the event; the opinion and a refusal to sign are written by hand.
@required e.place e.officer e.officer_title e.witnesses e.parent_name
[header-record]
# Biên bản
## Không viết bản tường trình/không có ý kiến của cha, mẹ, người giám hộ hoặc người đại diện hợp pháp về việc đề nghị áp dụng biện pháp đưa đi cai nghiện bắt buộc đối với người từ đủ 12 tuổi đến dưới 18 tuổi
Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}.
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
. **I. Chúng tôi gồm:**
1. Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}; Cơ quan: Công an {{ h.commune_name }}.
2. Với sự chứng kiến của: {{ e.witnesses }}.
. **II. Tiến hành lập biên bản vi phạm với các nội dung sau:**
1. Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
- Ngày, tháng, năm sinh: {{ p.birth }}. Quốc tịch: {{ p.nationality }}.
- Nghề nghiệp: {{ p.occupation }}.
- Nơi ở hiện tại: {{ p.current_address }}.
- Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
2. Họ và tên của cha/mẹ/người giám hộ/người đại diện hợp pháp: {{ e.parent_name }}.
3. Đã có các hành vi vi phạm: không viết bản tường trình/không có ý kiến về việc đề nghị áp dụng biện pháp đưa đi cai nghiện bắt buộc theo Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy.
4. Ý kiến của cá nhân vi phạm:
~ 3
Biên bản lập xong hồi ...... giờ cùng ngày, gồm ...... tờ, được lập thành ...... bản có nội dung và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và cùng ký tên dưới đây; giao cho ông (bà) {{ e.parent_name }} 01 bản, 01 bản lưu hồ sơ.
Trường hợp không ký biên bản, lý do:
~ 2
[sign]
NGƯỜI VI PHẠM :: {{ e.parent_name }}
NGƯỜI CHỨNG KIẾN :: {{ e.witnesses }}
NGƯỜI LẬP BIÊN BẢN :: {{ e.officer }}
[end]
