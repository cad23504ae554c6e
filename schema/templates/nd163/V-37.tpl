@form V-37
@title Thông báo về việc lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc
@source ND163 Phụ lục V Mẫu số 37
@event compulsory.dossier_notified
@number TB
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. The notice's number is the unit's next "TB" number of the year; the reading period is ND163 Art 102 (3 working days).
@recipients archive
@required doc.number e.recipient_name e.delivered_to_words e.ground_words sign.rank_name
[header-decision]
# Thông báo
## Về việc lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc
## Kính gửi: {{ e.recipient_name }} ({{ e.delivered_to_words }})
Căn cứ Điều 102 Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy, Công an {{ h.commune_name }} thông báo:
Công an {{ h.commune_name }} đã lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với ông/bà **{{ p.name_upper }}**, sinh ngày {{ p.birth }}, Số CC/CCCD/CMND/HC: {{ p.id_number }}, nơi cư trú: {{ p.residence_or_current }}, vì lý do: {{ e.ground_words }} (điểm {{ e.ground_letter }} khoản 1 Điều 35 Luật Phòng, chống ma túy).
Kèm theo Thông báo này là bản sao hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc.
Trong thời hạn 03 ngày làm việc kể từ ngày nhận được Thông báo này, ông/bà có quyền đọc hồ sơ, ghi chép các nội dung cần thiết và có ý kiến về việc lập hồ sơ gửi Công an {{ h.commune_name }}.
Công an {{ h.commune_name }} thông báo để ông/bà biết và thực hiện./.
[sign-decision]
