"""Issue 23 item 7 (gaps B1, B2, B4, B5): the structured history the résumé and lý lịch print.

The education level as the six boxes, each earlier conviction or sanction with its decision,
each earlier rehab episode, each parent's ID with its issue place and date: typed once, kept in
the record (and its bundle line), checked, and printed on III-05, ND105-05 and V-33.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from caseterm.clock import FrozenClock
from caseterm.domain.codes import EducationLevel, PastRehabForm, PriorKind
from caseterm.domain.dates import PartialDate
from caseterm.domain.person import validate_person
from caseterm.errors import ValidationFailed
from caseterm.services.documents.making import make_document
from caseterm.services.documents.render import document_text
from caseterm.services.registry.forms import build_record
from caseterm.services.registry.persons import add_person, show_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.bundle_records import payload_lines, person_line, read_records
from caseterm.store.convert import record_from_json
from tests.documents.story import ANH, BINH, seed_story

HISTORY = {
    "education_level": "THCS",
    "education": "9/12",
    "prior_decisions": [
        "tiền sự ma túy | 12/QĐ-XPHC | 05/03/2023 | Công an xã Tân An | phạt tiền 1.500.000 đồng",
        "tiền án khác | 45/2019/HS-ST | 10/10/2019 | TAND huyện Tiên Du | 12 tháng tù",
    ],
    "past_rehab": [
        "bắt buộc | Cơ sở cai nghiện ma túy số 1 | 01/2020 | 01/2022 | 05/QĐ-TA | TAND huyện "
        "Tiên Du",
        "gia đình | xã Tân An | 03/2023 | 09/2023",
    ],
    "father": "Trần Văn Tám",
    "father_id": "027062000111",
    "father_id_date": "10/08/2021",
    "father_id_place": "Cục Cảnh sát QLHC về TTXH",
    "father_phone": "0912345678",
}
TODAY = date(2027, 10, 20)
TU = dataclasses.replace(BINH, full_name="Hoàng Văn Tú", id_number="027095009999")
SCHEMA = Path(__file__).parents[2] / "schema" / "bundle-record.v1.schema.json"


def test_the_history_is_typed_once_in_the_forms_words() -> None:
    record = build_record(HISTORY, base=BINH)
    assert record.education_level is EducationLevel.LOWER_SECONDARY
    first, second = record.profile.prior_decisions
    assert first.kind is PriorKind.DRUG_SANCTION and first.number == "12/QĐ-XPHC"
    assert first.decided_on == PartialDate(2023, 3, 5) and first.measure.startswith("phạt tiền")
    assert second.kind is PriorKind.OTHER_CONVICTION and second.issuer == "TAND huyện Tiên Du"
    compulsory, home = record.profile.past_rehab
    assert compulsory.form is PastRehabForm.COMPULSORY
    assert (compulsory.started, compulsory.ended) == (PartialDate(2020, 1), PartialDate(2022, 1))
    assert compulsory.authority == "TAND huyện Tiên Du"
    assert home.form is PastRehabForm.VOLUNTARY_HOME and home.decision_no == ""
    father = next(m for m in record.family if m.relation == "father")
    assert (father.id_number, father.id_issue_date, father.phone) == (
        "027062000111", PartialDate(2021, 8, 10), "0912345678"
    )  # fmt: skip
    assert validate_person(record, today=TODAY) == []


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"prior_decisions": ["bị phạt | 1/QĐ"]}, "Earlier convictions and sanctions: not one of"),
        ({"prior_decisions": ["tiền sự | 1/QĐ | 31/02/2023"]}, "not a date"),
        ({"past_rehab": ["bắt buộc | a | b | c | d | e | f"]}, "separated by |"),
        ({"education_level": "lớp 5"}, "Education level: not one of"),
        ({"mother_id": "027165000222"}, "give the name before the other details"),
        ({"father_birth_year": "62"}, "the birth year is 4 digits"),
    ],
)
def test_a_bad_entry_is_refused_with_its_field_named(values: dict[str, str], problem: str) -> None:
    base = dataclasses.replace(ANH, family=ANH.family[:1])
    with pytest.raises(ValidationFailed) as refused:
        build_record(values, base=base)
    assert any(problem in line for line in refused.value.issues), refused.value.issues


def test_dates_after_today_and_episodes_ending_before_they_began_are_errors() -> None:
    future = build_record({"prior_decisions": ["tiền sự | 1/QĐ | 2030"]}, base=ANH)
    backwards = build_record({"past_rehab": ["gia đình | x | 2023 | 2021"]}, base=ANH)
    assert [i.code for i in validate_person(future, today=TODAY)] == ["history.future"]
    assert [i.code for i in validate_person(backwards, today=TODAY)] == ["history.order"]
    hidden = build_record({"past_rehab": ["gia đình | x\u202e"]}, base=ANH)
    assert "text.hidden_characters" in [i.code for i in validate_person(hidden, today=TODAY)]


def test_the_history_is_kept_in_the_store_and_travels_in_the_bundle(
    session: CaseSession, clock: FrozenClock
) -> None:
    seed_story(session, clock)
    record = build_record(HISTORY, base=TU)
    pid = add_person(session, record, confirm=True)
    kept = show_person(session, pid).person
    assert kept.record == record, "the store gives back what was typed"
    line = b"".join(payload_lines([person_line(kept)], []))
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.validate(json.loads(line), schema)
    (read,) = read_records(line).persons
    assert record_from_json(read.record.model_dump(mode="json")) == record
    old = json.loads(line)
    for key in ("education_level",):
        old["record"].pop(key)
    for member in old["record"]["family"]:
        for key in ("sex", "id_issue_date", "id_issue_place", "phone"):
            member.pop(key)
    for key in ("prior_decisions", "past_rehab"):
        old["record"]["profile"].pop(key)
    earlier = json.dumps(old, ensure_ascii=False).encode("utf-8") + b"\n"
    (before,) = read_records(earlier).persons
    assert before.record.profile.prior_decisions == [], "a bundle from before still reads"


def test_the_resume_and_the_ly_lich_print_the_history(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    seed_story(session, clock)
    pid = add_person(session, build_record(HISTORY, base=TU), confirm=True)
    resume = document_text(
        make_document(session, "III-05", pid, out_folder / "ll.docx").path.read_bytes()
    )
    for text in (
        "☐ Tiểu học   ☒ THCS   ☐ THPT",
        "(9/12)",
        "Số CMND/CCCD/CC/Hộ chiếu: 027062000111; nơi cấp: Cục Cảnh sát QLHC về TTXH; ngày cấp: "
        "10/08/2021",
        "+ Bị xử lý vi phạm hành chính về ma túy: ☒",
        "+ Có tiền án các tội về ma túy: ☐",
        "+ Có tiền án về tội phạm khác: ☒",
        "Lần 1: Quyết định số 12/QĐ-XPHC ngày 05/03/2023 của Công an xã Tân An: phạt tiền",
        "Lần 2: Quyết định số 45/2019/HS-ST ngày 10/10/2019 của TAND huyện Tiên Du",
        "Đã từng cai nghiện: Có",
        "☐ 1 lần   ☒ 2 lần",
        "Cai nghiện bắt buộc tại Cơ sở cai nghiện ma túy số 1, từ 01/2020 đến 01/2022 (05/QĐ-TA "
        "TAND huyện Tiên Du)",
    ):
        assert text in resume, f"{text!r} not in\n{resume}"
    ly_lich = document_text(
        make_document(session, "V-33", pid, out_folder / "v33.docx").path.read_bytes()
    )
    assert "12. Tiền án: Lần 1: Quyết định số 45/2019/HS-ST" in ly_lich
    assert "13. Tiền sự: Lần 1: Quyết định số 12/QĐ-XPHC" in ly_lich
    assert "17. Cai nghiện tự nguyện tại gia đình, cộng đồng: tại xã Tân An, từ 03/2023 đến " \
        "09/2023" in ly_lich  # fmt: skip
    item_19 = "19. Đã bị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc: tại Cơ sở cai"
    assert (
        f"{item_19} nghiện ma túy số 1, từ 01/2020 đến 01/2022 (05/QĐ-TA TAND huyện Tiên Du)"
        in (ly_lich)
    )


def test_a_missing_education_is_asked_as_a_level_and_kept(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    seed_story(session, clock)
    pid = add_person(session, dataclasses.replace(TU, education=""), confirm=True)
    with pytest.raises(ValidationFailed, match="III-05 needs"):
        make_document(session, "III-05", pid, out_folder / "a.docx")
    made = make_document(session, "III-05", pid, out_folder / "a.docx",
                         values={"education_level": "THPT"})  # fmt: skip
    assert "☒ THPT" in document_text(made.path.read_bytes())
    kept = show_person(session, pid).person.record
    assert kept.education_level is EducationLevel.UPPER_SECONDARY
