@form III-06
@title Thông báo về việc chuyển hồ sơ quản lý người sử dụng trái phép chất ma túy
@source ND163 Phụ lục III Mẫu số 06
@event person.moved_out
@number TB
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I: the stored ND163 text lost its tables. The annexed inventory ("Danh mục tài liệu") lists the management file's documents recorded in caseterm, from the positive test to the move, then the résumé and statement the file keeps on paper (catalogue gap C5). Offered only for a move during user management; sent within 24 hours (ND163 Art 62(1)).
@recipients destination archive
@required doc.number e.destination e.mgmt_decision e.mgmt_decision_date e.term_from e.term_to sign.rank_name
[header-decision]
# Thông báo
## Về việc chuyển hồ sơ quản lý người sử dụng trái phép chất ma túy
## Kính gửi: Trưởng Công an {{ e.destination }}
Công an {{ h.commune_name }} thông báo cho Trưởng Công an {{ e.destination }} về việc chuyển hồ sơ quản lý người sử dụng trái phép chất ma túy có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity]
Là người đang trong thời hạn bị áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy theo Quyết định số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }} của {{ e.mgmt_issuer }}.
Thời gian quản lý từ ngày {{ e.term_from }} đến ngày {{ e.term_to }}.
Nơi chuyển đến: {{ e.destination }}.
Hồ sơ quản lý: có danh mục kèm theo.
Trưởng Công an {{ h.commune_name }} thông báo để Trưởng Công an {{ e.destination }} biết, tiếp tục tổ chức quản lý đối với người sử dụng trái phép chất ma túy có tên nêu trên./.
[sign-decision]
[page]
# Danh mục tài liệu trong hồ sơ quản lý
### (Kèm theo Thông báo số {{ doc.number }} {{ doc.date_words }} của Công an {{ h.commune_name }})
{%p for item in e.inventory %}
. {{ loop.index }}. {{ item }}
{%p endfor %}
