@form I-03
@title Biên bản thi hành quyết định áp dụng biện pháp giám sát điện tử
@source ND163 Phụ lục I Mẫu số 03
@event emon.fitted
@rebuilt The family representative's block is left to the hand (who witnesses the fitting is not in the file); the device's accessories are printed when the fitting recorded them (catalogue gap C9), else left to the hand.
@required e.officer e.officer_title e.decision_no e.device_no e.position e.place
[header-record]
# Biên bản
## Thi hành quyết định áp dụng biện pháp giám sát điện tử
Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}.
Chúng tôi gồm:
1. Đại diện cơ quan thi hành quyết định áp dụng biện pháp giám sát điện tử:
Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}.
Cơ quan: Công an {{ h.commune_name }}.
2. Người bị giám sát điện tử:
[include emon-person]
3. Đại diện gia đình người bị giám sát điện tử; cha, mẹ, người giám hộ hoặc người đại diện theo pháp luật của người bị giám sát điện tử từ đủ 12 tuổi đến dưới 18 tuổi (họ và tên, giới tính, ngày sinh, giấy tờ tùy thân, nơi cư trú, điện thoại, quan hệ):
~ 3
Tiến hành lập biên bản thi hành quyết định áp dụng biện pháp giám sát điện tử số {{ e.decision_no }} như sau:
- Đại diện cơ quan thi hành quyết định áp dụng biện pháp giám sát điện tử tiến hành giao quyết định áp dụng biện pháp giám sát điện tử và đeo thiết bị giám sát điện tử lên cơ thể của ông/bà {{ p.full_name }}.
- Vị trí đeo thiết bị: {{ e.position }}.
- Số thiết bị: {{ e.device_no }}.
{%p if e.accessories %}
- Phụ kiện kèm theo thiết bị: {{ e.accessories }}.
{%p else %}
- Phụ kiện kèm theo thiết bị:
~ 1
{%p endif %}
- Tình trạng thiết bị giám sát điện tử và phụ kiện kèm theo: {{ e.condition }}.
Biên bản kết thúc lúc ...... giờ cùng ngày, đã đọc cho những người có tên ở trên nghe, công nhận là đúng và ký xác nhận dưới đây. Biên bản này được lập thành 03 bản có giá trị pháp lý như nhau, mỗi bên giữ 01 bản để thực hiện.
[sign]
ĐẠI DIỆN GIA ĐÌNH ::
NGƯỜI BỊ GIÁM SÁT ĐIỆN TỬ :: {{ p.full_name }}
NGƯỜI THI HÀNH QUYẾT ĐỊNH :: {{ e.officer }}
[end]
