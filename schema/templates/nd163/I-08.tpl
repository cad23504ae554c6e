@form I-08
@title Biên bản đeo lại thiết bị giám sát điện tử
@source ND163 Phụ lục I Mẫu số 08
@event emon.refitted
@rebuilt The record's layout follows the stored ND163 text and ND30/2020 PL I. The device, its place and accessories are the refit's own, else the file's last record of them; the family's representative is written by hand. ND163 Art 19(2), 20(2).
@required e.place e.officer e.officer_title e.device_no e.position
[header-record]
# Biên bản
## Đeo lại thiết bị giám sát điện tử
Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}. Chúng tôi gồm:
1. Đại diện cơ quan có thẩm quyền đeo lại thiết bị giám sát điện tử:
Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}.
Cơ quan: Công an {{ h.commune_name }}.
2. Người bị giám sát điện tử:
[include emon-person]
3. Đại diện gia đình người bị giám sát điện tử; cha, mẹ, người giám hộ hoặc người đại diện theo pháp luật của người bị giám sát điện tử từ đủ 12 tuổi đến dưới 18 tuổi (họ và tên, giới tính, ngày sinh, giấy tờ tùy thân, nơi cư trú, điện thoại, quan hệ):
~ 3
Tiến hành lập biên bản về việc đeo lại thiết bị giám sát điện tử như sau:
- Đại diện cơ quan có thẩm quyền đã tiến hành đeo lại thiết bị giám sát điện tử lên cơ thể của ông/bà {{ p.full_name }}.
- Vị trí đeo thiết bị: {{ e.position }}.
- Số thiết bị: {{ e.device_no }}.
- Phụ kiện kèm theo thiết bị: {{ e.accessories }}.
- Tình trạng thiết bị giám sát điện tử và phụ kiện kèm theo: {{ e.condition }}
[include emon-close]
