"""Issue 23: the suspension for custody (III-07) and the file's transfer notice (III-06).

The custody's kind, term and decision come from the event or are asked once and kept (gap
C6); the transfer notice is offered only for a move during user management and lists the
file's documents in its annex (gap C5).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.services.documents.making import MissingFields, document_choices, make_document
from caseterm.services.documents.render import document_text
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from tests.documents.story import KHANH, seed_later_story, seed_story
from tests.lifecycle.life import at

TESTED = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}


def _managed(session: CaseSession, clock: FrozenClock) -> str:
    seed_story(session, clock)
    pid = add_person(session, KHANH, confirm=True)
    steps = [
        ("test.performed", "01/02/2028 08:00", TESTED),
        ("residence.verified", "01/02/2028 09:00",
         {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"}),
        ("use.notice_sent", "01/02/2028 10:00", {"recipient": "Trưởng Công an xã Tân An"}),
        ("mgmt.decided", "01/02/2028 11:00",
         {"reason": "NEW", "decision_no": "auto", "officer": "Lê Văn Bình", "summary": "x"}),
    ]  # fmt: skip
    for event_type, moment, payload in steps:
        clock.current = at(moment)
        record_event(session, pid, event_type, payload, occurred_at=at(moment))
    return pid


def test_a_suspension_recorded_without_the_custody_asks_for_it_and_keeps_it(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    pid = _managed(session, clock)
    clock.current = at("01/03/2028 16:00")
    record_event(session, pid, "mgmt.suspended", {"decision_no": "auto"},
                 occurred_at=at("01/03/2028 15:00"))  # fmt: skip
    with pytest.raises(MissingFields) as missing:
        make_document(session, "III-07", pid, out_folder / "a.docx")
    asked = {m.key for m in missing.value.missing}
    assert asked == {"e.custody_decision", "e.custody_kind", "e.custody_term", "e.custody_until"}
    assert all(m.fill for m in missing.value.missing), "each can be given with --set"
    given = {"custody_kind": "tạm giam", "custody_term": "02 tháng", "custody_until": "30/04/2028",
             "custody_decision": "số 9/QĐ-TG ngày 01/03/2028 của VKSND tỉnh Bắc Ninh"}  # fmt: skip
    made = make_document(session, "III-07", pid, out_folder / "a.docx", values=given)
    text = document_text(made.path.read_bytes())
    assert "☒ Bị tạm giam trong thời hạn 02 tháng từ ngày 01/03/2028 đến ngày 30/04/2028." in text
    assert "☐ Bị tạm giữ." in text
    again = make_document(session, "III-07", pid, out_folder / "b.docx")  # kept: not asked again
    assert again.decision_no == made.decision_no


def test_the_transfer_notice_is_offered_only_for_a_move_under_management(
    session: CaseSession, clock: FrozenClock
) -> None:
    pid = _managed(session, clock)
    clock.current = at("10/04/2028 10:00")
    record_event(session, pid, "person.moved_out", {"destination": "xã Hòa Bình"},
                 occurred_at=at("10/04/2028 09:00"))  # fmt: skip
    offered = {c.form for c in document_choices(session, pid)}
    assert "III-06" in offered
    other = dataclasses.replace(KHANH, full_name="Lã Văn Một", id_number="027099003333")
    stranger = add_person(session, other, confirm=True)
    record_event(session, stranger, "person.moved_out", {"destination": "xã Hòa Bình"},
                 occurred_at=at("10/04/2028 09:30"))  # fmt: skip
    assert "III-06" not in {c.form for c in document_choices(session, stranger)}


def test_a_fitting_without_accessories_leaves_their_line_to_the_hand(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    ids = seed_later_story(session, clock)
    values = {"officer_title": "Cảnh sát khu vực", "officer_rank": "Trung úy", "place": "Trụ sở"}
    made = make_document(session, "I-03", ids["ha"], out_folder / "i03.docx", values=values)
    text = document_text(made.path.read_bytes())
    accessories = text[text.index("Phụ kiện kèm theo thiết bị:") :].splitlines()
    assert accessories[0] == "Phụ kiện kèm theo thiết bị:"
    assert set(accessories[1]) == {"."}, "a dotted line to write on"


def test_a_notice_printed_first_is_listed_with_its_number_by_the_documents_that_list_it(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    ids = seed_later_story(session, clock)
    notice = make_document(session, "V-37", ids["dung"], out_folder / "v37.docx",
                           values={"recipient_name": "Ông Phạm Văn Dũng"})  # fmt: skip
    request = make_document(session, "V-36", ids["dung"], out_folder / "v36.docx")
    text = document_text(request.path.read_bytes())
    assert f"({notice.decision_no} — 05/11/2027)." in text, text
    told = make_document(session, "III-02", ids["khanh"], out_folder / "iii02.docx",
                         values={"summary": "Sử dụng ma túy tại nhà."})  # fmt: skip
    moved = make_document(session, "III-06", ids["khanh"], out_folder / "iii06.docx")
    listed = document_text(moved.path.read_bytes())
    assert f"Thông báo về hành vi sử dụng trái phép chất ma túy số {told.decision_no}" in listed


def test_a_minors_records_are_each_printed_on_their_own_form(
    session: CaseSession, clock: FrozenClock
) -> None:
    ids = seed_later_story(session, clock)
    offered = [(c.form, c.when) for c in document_choices(session, ids["ti"])]
    assert [w for f, w in offered if f == "V-40"] == ["05/03/2028 09:00"]
    assert [w for f, w in offered if f == "V-41"] == ["06/03/2028 09:00"]
    assert not any(f == "V-58" for f, _w in offered), "no statement was taken down"
    assert {"V-38", "V-39"} <= {f for f, _w in offered}, "the minor's and the parent's papers"
    adult = {c.form for c in document_choices(session, ids["dung"])}
    assert "V-38" in adult and "V-39" not in adult, "a parent's opinion only for a minor"
    assert not {"V-38", "V-39"} & {c.form for c in document_choices(session, ids["anh"])}


def test_the_facility_handover_is_offered_for_a_public_facility_not_for_home(
    session: CaseSession, clock: FrozenClock
) -> None:
    ids = seed_later_story(session, clock)
    assert "V-31" in {c.form for c in document_choices(session, ids["quy"])}
    assert "V-31" not in {c.form for c in document_choices(session, ids["ha"])}, "home rehab"
