@form III-05
@title Bản tóm tắt lý lịch người sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 05
@rebuilt Header and the signature row (compiler, head of the unit) follow ND30/2020 PL I and the ND105 scan (Mẫu 05). Item 24 (dose) is left to the hand: caseterm never stores doses (legal spec §6.4 P7).
@required p.full_name sign.rank_name
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
. 9. Dân tộc: Kinh: {{ r.kinh }}   Khác: {{ r.other_ethnicity }}
. 10. Tôn giáo: Có: {{ r.religion_yes }}   Không: {{ r.religion_no }}
. 11. Trình độ văn hóa: {{ p.education }}
. 12. Quốc tịch: {{ p.nationality }}
. 13. Họ tên cha: {{ r.father }}; Số CMND/CCCD/CC/Hộ chiếu: {{ r.father_id }}
. 14. Họ tên mẹ: {{ r.mother }}; Số CMND/CCCD/CC/Hộ chiếu: {{ r.mother_id }}
. 15. Nghề nghiệp; nơi làm việc/học tập: {{ p.occupation }}; {{ p.workplace }}
. 16. Nhân thân (tiền án, tiền sự; các quyết định xử phạt, áp dụng biện pháp xử lý hành chính do sử dụng trái phép chất ma túy, nghiện ma túy): {{ r.prior_record }}
. 17. Có biểu hiện loạn thần (ngáo đá): Có: {{ r.psychosis_yes }}   Không: {{ r.psychosis_no }}
. 18. Thời điểm khai nhận bắt đầu sử dụng trái phép chất ma túy: {{ r.use_started }}
. 19. Thời điểm bị phát hiện sử dụng trái phép chất ma túy lần đầu tiên: {{ r.first_detected }}
. 20. Loại ma túy sử dụng: {{ r.drugs }}
. 21. Hình thức sử dụng ma túy: {{ r.routes }}
. 22. Đã từng cai nghiện: {{ r.rehab }}
. 23. Tần suất sử dụng ma túy (theo ngày, tuần, tháng): {{ r.frequency }}
. 24. Liều lượng ma túy mỗi lần sử dụng:
~ 2
. 25. Thông tin liên hệ: Số điện thoại: {{ p.phone }}; Tài khoản mạng xã hội (nếu có): {{ p.social_account }}
[sign]
NGƯỜI LẬP :: {{ e.officer }}
THỦ TRƯỞNG ĐƠN VỊ :: {{ sign.rank_name }}
[end]
