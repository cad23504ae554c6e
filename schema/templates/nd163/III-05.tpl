@form III-05
@title Bản tóm tắt lý lịch người sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 05
@rebuilt Header and the signature row (compiler, head of the unit) follow ND30/2020 PL I and the ND105 scan (Mẫu 05). Item 24 (dose) is left to the hand: caseterm never stores doses (legal spec §6.4 P7).
@required p.full_name sign.rank_name r.education_boxes
[header-unit]
# Bản tóm tắt lý lịch
## Người sử dụng trái phép chất ma túy
. 1. Họ và tên: **{{ p.name_upper }}**
. 2. Tên gọi khác: {{ p.aliases }}
. 3. Giới tính (Nam/Nữ): {{ p.sex }}
. 4. Ngày, tháng, năm sinh: {{ p.birth }}
. 5. Quê quán: {{ p.origin_place }}
. 6. Nơi thường trú/tạm trú: {{ p.residence }}
. 7. Nơi ở hiện tại: {{ p.current_address }}
. 8. Số CMND/CCCD/CC/Hộ chiếu: {{ p.id_number }}; nơi cấp: {{ p.id_issue_place }}; ngày cấp: {{ p.id_issue_date }}
[include resume-items]
. 25. Thông tin liên hệ: Số điện thoại: {{ p.phone }}; Tài khoản mạng xã hội (nếu có): {{ p.social_account }}
[sign]
NGƯỜI LẬP :: {{ e.officer }}
THỦ TRƯỞNG ĐƠN VỊ :: {{ sign.rank_name }}
[end]
