@form I-07
@title Biên bản tháo tạm thời thiết bị giám sát điện tử
@source ND163 Phụ lục I Mẫu số 07
@event emon.removed_temporarily
@rebuilt The record's layout follows the stored ND163 text and ND30/2020 PL I. The device, its place and its accessories are the file's last record of them; the custody body's representative (for a removal for custody) and the family's are written by hand; the device's condition is written at the removal. ND163 Art 19(1)–(2).
@required e.place e.officer e.officer_title e.device_no
[header-record]
# Biên bản
## Tháo tạm thời thiết bị giám sát điện tử
Hôm nay, hồi {{ e.time }}, {{ doc.date_words }}, tại {{ e.place }}.
Chúng tôi gồm:
1. Đại diện cơ quan có thẩm quyền tháo tạm thời thiết bị giám sát điện tử:
Họ và tên: {{ e.officer }}; Chức vụ: {{ e.officer_title }}.
Cơ quan, đơn vị công tác: Công an {{ h.commune_name }}.
{%p if e.custody_party %}
2. Đại diện cơ quan thi hành quyết định tạm giữ hình sự, tạm giam (họ và tên, chức vụ, cơ quan):
~ 2
{%p else %}
2. Đại diện cơ quan thi hành quyết định tạm giữ hình sự, tạm giam: Không.
{%p endif %}
3. Người bị giám sát điện tử:
[include emon-person]
4. Đại diện gia đình người bị giám sát điện tử; cha, mẹ, người giám hộ hoặc người đại diện theo pháp luật của người bị giám sát điện tử từ đủ 12 tuổi đến dưới 18 tuổi (họ và tên, giới tính, ngày sinh, giấy tờ tùy thân, nơi cư trú, điện thoại, quan hệ):
~ 3
Tiến hành lập biên bản về việc tháo tạm thời thiết bị giám sát điện tử ({{ e.removal_reason }}) như sau:
- Đại diện cơ quan có thẩm quyền tháo tạm thời thiết bị giám sát điện tử đã tháo thiết bị giám sát điện tử số {{ e.device_no }} ({{ e.position }}) trên cơ thể của ông/bà {{ p.full_name }} và tiến hành thu hồi thiết bị giám sát điện tử cùng phụ kiện kèm theo gồm: {{ e.accessories }}.
- Tình trạng thiết bị giám sát điện tử và phụ kiện kèm theo: {{ e.condition }}
- Đề nghị ông/bà {{ p.full_name }} đến Công an {{ h.commune_name }} để được đeo lại thiết bị giám sát điện tử {{ e.refit_by }}.
[include emon-close]
