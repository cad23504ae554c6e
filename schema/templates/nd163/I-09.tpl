@form I-09
@title Biên bản thay đổi vị trí đeo thiết bị giám sát điện tử
@source ND163 Phụ lục I Mẫu số 09
@event emon.position_changed
@rebuilt The record's layout follows the stored ND163 text and ND30/2020 PL I. The place before is the file's last record of it (gap D1: the move on the body is now an event). A move earlier than a month after the last one asks the chief to confirm (ND163 Art 19(3)); the family's representative is written by hand.
@required e.place e.officer e.officer_title e.device_no e.position e.previous_position
[header-record]
# Biên bản
## Thay đổi vị trí đeo thiết bị giám sát điện tử
Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}.
Chúng tôi gồm:
1. Đại diện cơ quan có thẩm quyền thay đổi vị trí đeo thiết bị giám sát điện tử:
Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}.
Cơ quan: Công an {{ h.commune_name }}.
2. Người bị giám sát điện tử:
[include emon-person]
3. Đại diện gia đình người bị giám sát điện tử; cha, mẹ, người giám hộ hoặc người đại diện theo pháp luật của người bị giám sát điện tử từ đủ 12 tuổi đến dưới 18 tuổi (họ và tên, giới tính, ngày sinh, giấy tờ tùy thân, nơi cư trú, điện thoại, quan hệ):
~ 3
Tiến hành lập biên bản về việc thay đổi vị trí đeo thiết bị giám sát điện tử như sau:
- Đại diện cơ quan có thẩm quyền đã tiến hành thay đổi vị trí đeo thiết bị giám sát điện tử trên cơ thể của ông/bà: {{ p.full_name }}.
- Vị trí đeo thiết bị trước khi thay đổi: {{ e.previous_position }}.
- Vị trí đeo thiết bị sau khi thay đổi: {{ e.position }}.
- Số thiết bị: {{ e.device_no }}.
- Tình trạng thiết bị giám sát điện tử sau khi thay đổi vị trí đeo: {{ e.condition }}
[include emon-close]
