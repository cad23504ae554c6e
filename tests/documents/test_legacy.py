"""Issue 23 item 1: a file begun before 1/7/2026 prints its acts on the Decree 105/2021 forms.

Each act is printed on the form in force on its day: a 2025 management decision on the People's
Committee chairman's Mẫu 07, never on ND163's Mẫu 04, and a 2026 one the other way round. The
chairman's decisions carry his number and name, never the police chief's.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.errors import UsageError
from caseterm.services.documents.context import law_in_force
from caseterm.services.documents.making import MissingFields, document_choices, make_document
from caseterm.services.documents.render import document_text
from caseterm.services.documents.templates import active_set
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person, show_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person
from tests.documents.legacy_story import NAM, seed_legacy_story
from tests.documents.story import HEADER, seed_story
from tests.lifecycle.life import at

LEGACY_FORMS = {"ND105-03", "ND105-04", "ND105-05", "ND105-06", "ND105-07", "ND105-08",
                "ND105-09", "ND105-10"}  # fmt: skip


def _offered(session: CaseSession, person_id: str) -> dict[str, list[str]]:
    offered: dict[str, list[str]] = {}
    for choice in document_choices(session, person_id):
        offered.setdefault(choice.form, []).append(choice.when)
    return offered


def _decided(
    session: CaseSession, clock: FrozenClock, who: tuple[str, str], day: str, number: str
) -> str:
    """A person tested, verified and notified on `day`, decided on with `number`."""
    clock.current = at(f"{day} 07:00")
    record = dataclasses.replace(NAM, full_name=who[0], id_number=who[1])
    pid = add_person(session, record, confirm=True)
    steps = [("test.performed", "08:00", {"ground": "h", "sample": "URINE", "result": "POSITIVE"}),
             ("residence.verified", "09:00", {"result": "STABLE",
                                              "criterion": "REGISTERED_ADDRESS"}),
             ("use.notice_sent", "10:00", {"recipient": "Chủ tịch UBND xã"}),
             ("mgmt.decided", "11:00", {"reason": "NEW", "decision_no": number,
                                        "officer": "Phan Văn Tư",
                                        "summary": "Sử dụng tại nhà."})]  # fmt: skip
    for event_type, hour, payload in steps:
        clock.current = at(f"{day} {hour}")
        record_event(session, pid, event_type, payload, occurred_at=at(f"{day} {hour}"))
    return pid


def test_the_set_ships_the_legacy_forms_marked_with_their_regime() -> None:
    forms = active_set().forms
    assert {f for f, info in forms.items() if info.regime == "R2021"} == LEGACY_FORMS
    assert {f for f, info in forms.items() if info.issuer == "committee"} == {
        "ND105-07", "ND105-08", "ND105-09", "ND105-10", "V-53", "V-55", "V-56", "V-60"
    }  # fmt: skip
    assert all(info.regime == "R2026" for f, info in forms.items() if f not in LEGACY_FORMS)


def test_a_legacy_file_is_offered_the_legacy_forms_for_its_legacy_acts(
    session: CaseSession, clock: FrozenClock
) -> None:
    ids = seed_legacy_story(session, clock)
    mai = _offered(session, ids["mai"])
    assert mai["ND105-07"] == ["13/03/2025 10:00"]
    assert mai["ND105-10"] == ["16/03/2026 09:00"]
    assert {"ND105-03", "ND105-04", "ND105-05", "ND105-06"} <= mai.keys()
    assert not {"III-01", "III-02", "III-04", "III-09", "V-23"} & mai.keys(), (
        "a 2025 act is never printed on a form that cites the 2025 law"
    )
    assert "ND105-09" in _offered(session, ids["nam"])


def test_a_file_begun_after_the_switch_is_never_offered_a_legacy_form(
    session: CaseSession, clock: FrozenClock
) -> None:
    ids = seed_story(session, clock)
    offered = _offered(session, ids["anh"])
    assert {"III-01", "III-02", "III-04", "III-09"} <= offered.keys()
    assert not LEGACY_FORMS & offered.keys()


def test_an_act_asked_on_the_other_regimes_form_names_its_own_form(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    ids = seed_legacy_story(session, clock)
    decided = next(e for e in show_person(session, ids["mai"]).life if e.type == "mgmt.decided")
    with pytest.raises(UsageError, match="ND105-07") as refused:
        make_document(session, "III-04", ids["mai"], out_folder / "x.docx", event_id=decided.id)
    assert "1/7/2026" in str(refused.value)
    assert not (out_folder / "x.docx").exists()
    with pytest.raises(UsageError, match="no event III-04 is made from"):
        make_document(session, "III-04", ids["mai"], out_folder / "x.docx")


def test_the_chairmans_decision_needs_the_chairman_never_the_police_chief(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    seed_legacy_story(session, clock)
    pid = _decided(session, clock, ("Lý Văn Ba", "027094001111"), "02/05/2026", "30/QĐ-UBND")
    with pytest.raises(MissingFields) as missing:
        make_document(session, "ND105-07", pid, out_folder / "qd.docx",
                      values={"team_deputy": "Phạm Văn Sơn"})  # fmt: skip
    assert [m.key for m in missing.value.missing] == ["sign.rank_name"]
    assert not (out_folder / "qd.docx").exists()
    made = make_document(session, "ND105-07", pid, out_folder / "qd.docx",
                         values={"signer": "Trần Văn Chủ"})  # fmt: skip
    assert made.decision_no == "30/QĐ-UBND"
    text = document_text(made.path.read_bytes())
    assert "Trần Văn Chủ" in text
    assert HEADER["chief_name"] not in text, "the police chief never signs for the chairman"


def test_auto_is_refused_for_a_legacy_management_decision(
    session: CaseSession, clock: FrozenClock
) -> None:
    clock.current = at("01/05/2026 08:00")
    pid = add_person(session, person("Lý Văn Bốn", id_type=None, id_number=""), confirm=True)
    clock.current = at("05/05/2026 08:00")
    for event_type, payload in (
        ("test.performed", {"ground": "h", "sample": "URINE", "result": "POSITIVE"}),
        ("residence.verified", {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"}),
        ("use.notice_sent", {"recipient": "Chủ tịch UBND xã"}),
    ):
        record_event(session, pid, event_type, payload, occurred_at=at("02/05/2026 09:00"))
    before = len(show_person(session, pid).events)
    with pytest.raises(UsageError, match="QĐ-UBND"):
        record_event(session, pid, "mgmt.decided",
                     {"reason": "NEW", "decision_no": "auto", "officer": "Phan Văn Tư"},
                     occurred_at=at("04/05/2026 10:00"))  # fmt: skip
    assert len(show_person(session, pid).events) == before, "nothing was recorded"


def test_the_local_government_law_cited_is_the_one_in_force_that_day() -> None:
    words = active_set().words
    old = law_in_force(words, "local_government_law", date(2025, 6, 30))
    new = law_in_force(words, "local_government_law", date(2025, 7, 1))
    assert "ngày 19 tháng 6 năm 2015" in old
    assert "72/2025/QH15" in new


def test_diversion_ticks_the_reformatory_box_from_the_switch(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    seed_legacy_story(session, clock)
    pid = _decided(session, clock, ("Lý Văn Năm", "027094005555"), "02/08/2026", "auto")
    clock.current = at("10/09/2026 09:00")
    record_event(session, pid, "mgmt.stopped", {"reason": "DIVERSION", "decision_no": "auto"},
                 occurred_at=at("10/09/2026 09:00"))  # fmt: skip
    text = document_text(make_document(session, "III-08", pid, out_folder / "d.docx").path
                         .read_bytes())  # fmt: skip
    assert "☒ Bị áp dụng biện pháp xử lý hành chính đưa vào cơ sở giáo dục bắt buộc" in text
    assert "☐ Bị áp dụng biện pháp xử lý hành chính giáo dục tại xã" in text


def test_a_malformed_law_list_in_a_set_is_a_clear_error() -> None:
    with pytest.raises(UsageError, match="local_government_law"):
        law_in_force({"local_government_law": [["1/7/2025", "x"]]}, "local_government_law",
                     date(2026, 1, 1))  # fmt: skip
