@form BC-UBND
@title Báo cáo tình hình quản lý người sử dụng trái phép chất ma túy, người nghiện ma túy
@source Luật Phòng, chống ma túy Điều 24 khoản 8 và Điều 32 khoản 5 điểm d (báo cáo định kỳ Ủy ban nhân dân cấp xã)
@scope unit
@number BC
@rebuilt The law fixes no form for this report: it is laid out as a report under ND30/2020 PL I, numbered from the unit's "BC" register, with the commune report's indicators (K1–K5, F1–F9, directive indicators) for the month beside the same month last year. Every figure is counted from the events, as the report screen's.
@recipients committee archive
@required doc.number period.start period.end
[header-decision]
# Báo cáo
## Tình hình quản lý người sử dụng trái phép chất ma túy, người nghiện ma túy
## Kính gửi: {{ h.committee }}
Thực hiện khoản 8 Điều 24 và điểm d khoản 5 Điều 32 Luật Phòng, chống ma túy, Công an {{ h.commune_name }} báo cáo tình hình quản lý người sử dụng trái phép chất ma túy, người nghiện ma túy trên địa bàn từ ngày {{ period.start }} đến ngày {{ period.end }} như sau:
[table 1.8 8.2 2.2 2.4 1.9]
Mã | Chỉ tiêu | Kỳ này | Cùng kỳ năm trước | Tăng, giảm
{{ r.code }} | {{ r.label }} | {{ r.now }} | {{ r.before }} | {{ r.change }}
[end]
. Số liệu được tính từ các sự kiện ghi trong hồ sơ đến hết ngày {{ period.end }}; mỗi người chỉ được tính một lần ở các chỉ tiêu tồn (K1–K5).
Công an {{ h.commune_name }} kính báo cáo {{ h.committee }}./.
[sign-decision]
