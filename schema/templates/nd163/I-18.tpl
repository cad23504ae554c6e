@form I-18
@title Biên bản vi phạm về giám sát điện tử
@source ND163 Phụ lục I Mẫu số 18
@event emon.violation
@rebuilt The stored ND163 text of this form was not available: the record is laid out from the catalogue's field list (two officers, two witnesses, the person, "điểm … khoản 1 Điều 24") and ND30/2020 PL I for a record. The person's own statement and the items recovered are written by hand at the scene; a district may correct the wording by installing a new set.
@required e.place e.officer e.officer_title e.second_officer e.witnesses e.violation_words e.summary
[header-record]
# Biên bản
## Vi phạm về giám sát điện tử
Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}.
Chúng tôi gồm:
1. Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}; Cơ quan: Công an {{ h.commune_name }}.
2. Họ và tên: {{ e.second_officer }}; Cơ quan: Công an {{ h.commune_name }}.
Với sự chứng kiến của: {{ e.witnesses }}.
Tiến hành lập biên bản vi phạm về giám sát điện tử đối với:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
Ngày, tháng, năm sinh: {{ p.birth }}. Nơi sinh: {{ p.birth_place }}.
Nơi thường trú/tạm trú: {{ p.residence }}.
Nơi ở hiện tại: {{ p.current_address }}.
Số CMND/CCCD/CC/Hộ chiếu: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Đang bị áp dụng biện pháp giám sát điện tử theo Quyết định số {{ e.emon_decision }} ngày {{ e.emon_decision_date }} của Trưởng Công an {{ h.commune_name }}.
Đã có hành vi vi phạm quy định tại điểm {{ e.letter }} khoản 1 Điều 24 Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ: {{ e.violation_words }}.
Diễn biến vi phạm: {{ e.summary }}
Ý kiến trình bày của người vi phạm:
~ 3
Tang vật, thiết bị, phụ kiện thu giữ (nếu có):
~ 2
Biên bản kết thúc lúc ...... giờ cùng ngày, đã đọc cho những người có tên ở trên nghe, công nhận là đúng và ký xác nhận dưới đây. Biên bản được lập thành 02 bản, 01 bản giao cho người vi phạm, 01 bản lưu hồ sơ.
[sign]
NGƯỜI VI PHẠM :: {{ p.full_name }}
NGƯỜI CHỨNG KIẾN ::
NGƯỜI LẬP BIÊN BẢN :: {{ e.officer }}
[end]
