@form III-03
@title Bản tường trình
@source ND163 Phụ lục III Mẫu số 03
@rebuilt The person writes and signs the statement: caseterm prints the identity block and leaves the narrative lines to the person's own hand (ND163 Art 57(2), 59(4)(đ)).
@required p.full_name
[header-record]
# Bản tường trình
Tên tôi là: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
[include identity]
Tường trình cụ thể về hành vi sử dụng ma túy của bản thân (quá trình sử dụng ma túy, hình thức sử dụng ma túy, tình trạng sử dụng ma túy, lý do sử dụng ma túy, thời điểm sử dụng ma túy lần cuối):
~ 8
Đã cai nghiện ma túy (ghi rõ nơi cai nghiện, số lần (nếu đã bị áp dụng); trường hợp không bị áp dụng thì ghi là: không):
~ 3
[sign]
NGƯỜI TƯỜNG TRÌNH :: {{ p.full_name }}
[end]
