@form III-10
@title Danh sách người sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 10
@scope unit
@orientation landscape
@rebuilt The catalogue could not verify this register's columns; its footnotes show an identity-number column and "Vắng mặt/Có mặt". The columns here are the management file's own: decision, term, the latest residence check of the period, and how management ended. Header and signature follow ND30/2020 PL I; A4 turned for the columns.
@recipients committee archive
@required period.start period.end
[header-unit]
# Danh sách
## Người sử dụng trái phép chất ma túy bị áp dụng biện pháp quản lý
### Từ ngày {{ period.start }} đến ngày {{ period.end }}
[table 1.2 3.5 2.5 1.2 3.2 3.4 3.2 2.7 1.5 2.8]
STT | Họ và tên | Ngày sinh | Giới tính | Số CCCD/ĐDCN | Nơi cư trú | Quyết định quản lý (số, ngày) | Thời hạn quản lý | Có mặt/ Vắng mặt | Ghi chú
{{ r.n }} | {{ r.name }} | {{ r.birth }} | {{ r.sex }} | {{ r.id_number }} | {{ r.residence }} | {{ r.decision }} | {{ r.term }} | {{ r.present }} | {{ r.note }}
[end]
. Tổng số: {{ rows|length }} người.
[sign-decision]
