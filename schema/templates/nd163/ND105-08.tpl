@form ND105-08
@title Thông báo về việc chuyển hồ sơ quản lý người sử dụng trái phép chất ma túy (Chủ tịch UBND, trước 01/7/2026)
@source ND105 Phụ lục Mẫu số 08
@event person.moved_out
@regime R2021
@issuer committee
@number_from notice_no
@rebuilt Before 1/7/2026 the People's Committee chairman of the commune left sent the file to the chairman of the commune of arrival within 5 working days (ND105 Art 47(2)); the commune police drafts it. The number is the committee's notice number, asked once and kept with the move. The annexed inventory lists the management file's documents recorded in caseterm, then the résumé and statement kept on paper. Offered only for a move during user management.
@recipients destination_chair police archive
@required e.notice_no e.destination e.mgmt_decision e.mgmt_decision_date e.term_from e.term_to sign.rank_name
[header-committee]
# Thông báo
## Về việc chuyển hồ sơ quản lý người sử dụng trái phép chất ma túy
## Kính gửi: Chủ tịch Ủy ban nhân dân {{ e.destination }}
Chủ tịch {{ h.committee }} thông báo với Chủ tịch Ủy ban nhân dân {{ e.destination }} về việc chuyển hồ sơ quản lý người sử dụng trái phép chất ma túy có tên sau:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
[include identity-105]
Là người đang trong thời hạn bị áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy tại {{ h.commune_name }} theo Quyết định số {{ e.mgmt_decision }} ngày {{ e.mgmt_decision_date }} của {{ e.mgmt_issuer }}.
Thời gian quản lý từ ngày {{ e.term_from }} đến ngày {{ e.term_to }}.
Nơi chuyển đến: {{ e.destination }}.
Hồ sơ quản lý: có danh mục kèm theo.
Chủ tịch {{ h.committee }} thông báo để Chủ tịch Ủy ban nhân dân {{ e.destination }} tiếp tục tổ chức quản lý đối với người sử dụng trái phép chất ma túy có tên nêu trên./.
[sign-decision]
[page]
# Danh mục tài liệu trong hồ sơ quản lý
### (Kèm theo Thông báo số {{ doc.number }} {{ doc.date_words }} của Chủ tịch {{ h.committee }})
{%p for item in e.inventory %}
. {{ loop.index }}. {{ item }}
{%p endfor %}
