@form ND105-05
@title Bản tóm tắt lý lịch người sử dụng trái phép chất ma túy (hồ sơ trước 01/7/2026)
@source ND105 Phụ lục Mẫu số 05
@regime R2021
@rebuilt The Decree 105/2021 résumé, for a file begun before 1/7/2026. Header and signatures (compiler, head of the unit) from the ND105 scan and ND30/2020 PL I. The 3×4 photo is glued and sealed across by hand. Item 24 (dose) is left to the hand: caseterm never stores doses (legal spec §6.4 P7).
@required p.full_name sign.rank_name r.education_boxes
[header-unit]
. (Ảnh 3x4, đóng dấu giáp lai)
# Bản tóm tắt lý lịch
## Người sử dụng trái phép chất ma túy
. 1. Họ và tên: **{{ p.name_upper }}**
. 2. Tên gọi khác: {{ p.aliases }}
. 3. Giới tính (Nam/Nữ): {{ p.sex }}
. 4. Ngày, tháng, năm sinh: {{ p.birth }}
. 5. Quê quán: {{ p.origin_place }}
. 6. Nơi thường trú/tạm trú: {{ p.residence }}
. 7. Nơi ở hiện tại: {{ p.current_address }}
. 8. Số CMND/CCCD/Hộ chiếu: {{ p.id_number }}; nơi cấp: {{ p.id_issue_place }}; ngày cấp: {{ p.id_issue_date }}
[include resume-items]
. 25. Thông tin liên hệ của người sử dụng trái phép chất ma túy hoặc người đại diện: Số điện thoại: {{ p.phone }}
[sign]
NGƯỜI LẬP BẢN TÓM TẮT LÝ LỊCH :: {{ e.officer }}
THỦ TRƯỞNG ĐƠN VỊ :: {{ sign.rank_name }}
[end]
