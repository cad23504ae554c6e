@form ND105-06
@title Bản tường trình (hồ sơ trước 01/7/2026)
@source ND105 Phụ lục Mẫu số 06
@regime R2021
@rebuilt The Decree 105/2021 statement, for a file begun before 1/7/2026: caseterm prints the identity block and leaves the narrative to the person's own hand; the last question asks about "giáo dục tại xã", as the legacy form does.
@required p.full_name
[header-record]
# Bản tường trình
Tên tôi là: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
[include identity-105]
Tường trình cụ thể về hành vi sử dụng ma túy của bản thân (quá trình sử dụng ma túy, hình thức sử dụng ma túy, tình trạng sử dụng ma túy, lý do sử dụng ma túy, thời điểm sử dụng ma túy lần cuối):
~ 8
Đã áp dụng biện pháp giáo dục tại xã, phường, thị trấn do sử dụng trái phép chất ma túy (ghi rõ số lần (nếu đã bị áp dụng); trường hợp không bị áp dụng thì ghi là: không):
~ 3
[sign]
NGƯỜI TƯỜNG TRÌNH :: {{ p.full_name }}
[end]
