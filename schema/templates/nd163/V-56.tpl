@form V-56
@title Giấy xác nhận chấp hành xong quyết định quản lý sau cai nghiện ma túy tại nơi cư trú (Chủ tịch UBND)
@source ND163 Phụ lục V Mẫu số 56
@event postrehab.completed
@issuer committee
@number_from certificate_no
@rebuilt The commune police drafts it for the People's Committee chairman, within 3 working days before the end (ND163 Art 138); its number is the certificate's, as recorded on the event. Header and signature follow ND30/2020 PL I with the committee as the issuer. The chairman who signs is asked once and kept with the event.
@recipients person police archive
@required e.postrehab_decision e.postrehab_decision_date e.term_from e.term_to sign.rank_name
[header-committee]
# Giấy xác nhận
## Chấp hành xong Quyết định quản lý sau cai nghiện ma túy tại nơi cư trú
## CHỦ TỊCH {{ h.committee_upper }}
> Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
> Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
> Căn cứ Quyết định số {{ e.postrehab_decision }} ngày {{ e.postrehab_decision_date }} của Chủ tịch {{ h.committee }} về việc quản lý sau cai nghiện ma túy tại nơi cư trú;
> Theo đề nghị của Trưởng Công an {{ h.commune_name }}.
# Xác nhận:
[include id-minus]
2. Xác nhận: Đã chấp hành xong thời hạn quản lý sau cai nghiện ma túy tại nơi cư trú. Thời gian: từ ngày {{ e.term_from }} đến ngày {{ e.term_to }}.
[sign-decision]
