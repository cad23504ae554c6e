@form V-39
@title Bản xác nhận ý kiến của cha, mẹ, người giám hộ hoặc người đại diện hợp pháp (người từ đủ 12 đến dưới 18 tuổi)
@source ND163 Phụ lục V Mẫu số 39
@for compulsory-minor
@rebuilt The parent, guardian or legal representative writes and signs it for a minor's dossier (ND163 Art 104–105; catalogue gap D4): caseterm prints the minor's identity the file holds and leaves the parent's block, their agreement or not and their opinion to their own hand.
@required p.full_name
[header-record]
# Bản xác nhận
## Ý kiến của cha, mẹ, người giám hộ hoặc người đại diện hợp pháp về việc áp dụng biện pháp đưa đi cai nghiện bắt buộc đối với người từ đủ 12 đến dưới 18 tuổi
## Kính gửi: Công an {{ h.commune_name }}
1. Tôi tên là (viết in hoa), giới tính, ngày sinh, giấy tờ tùy thân, nơi cư trú, điện thoại:
~ 3
2. Quan hệ với người nghiện ma túy:
~ 1
3. Tôi (đồng ý/không đồng ý) .................... áp dụng biện pháp đưa đi cai nghiện bắt buộc đối với:
Họ và tên (viết in hoa): **{{ p.name_upper }}**; Giới tính: {{ p.sex }}.
Tên gọi khác (nếu có): {{ p.aliases }}.
Ngày, tháng, năm sinh: {{ p.birth }}.
Số CC/CCCD/CMND/HC: {{ p.id_number }}; Ngày cấp: {{ p.id_issue_date }}; Nơi cấp: {{ p.id_issue_place }}.
Nơi cư trú hoặc chỗ ở hiện nay: {{ p.residence_or_current }}.
4. Ý kiến khác (nếu có):
~ 3
[sign]
NGƯỜI XÁC NHẬN ::
[end]
