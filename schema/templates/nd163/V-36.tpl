@form V-36
@title Văn bản đề nghị Tòa án nhân dân xem xét, quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc
@source ND163 Phụ lục V Mẫu số 36
@event compulsory.sent_to_court
@rebuilt Header, signature and "Nơi nhận" follow ND30/2020 PL I. The list of documents is the dossier in caseterm's order (lý lịch, addiction result, custody decision, violation record, notice); the dossier is page-numbered by hand (bút lục) and sent in two copies, the original to the court (ND163 Art 102(4)).
@recipients court archive
@required doc.number e.court e.ground_words e.dossier sign.rank_name
[header-decision]
# Văn bản đề nghị
## Xem xét, quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc
## Kính gửi: {{ e.court }}
> Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 ngày 10 tháng 12 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy.
Công an {{ h.commune_name }} đề nghị {{ e.court }} xem xét, quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với:
Họ và tên: **{{ p.name_upper }}**. Giới tính: {{ p.sex }}.
Tên gọi khác: {{ p.aliases }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; ngày cấp: {{ p.id_issue_date }}; nơi cấp: {{ p.id_issue_place }}.
Nơi cư trú hoặc chỗ ở hiện nay: {{ p.residence_or_current }}.
Nơi làm việc/học tập: {{ p.workplace }}.
Lý do: {{ e.ground_words }} (điểm {{ e.ground_letter }} khoản 1 Điều 35 Luật Phòng, chống ma túy).
Hồ sơ kèm theo (đã đánh số bút lục), gồm:
{%p for item in e.dossier %}
{{ loop.index }}. {{ item }}
{%p endfor %}
Công an {{ h.commune_name }} kính đề nghị {{ e.court }} xem xét, quyết định./.
[sign-decision]
