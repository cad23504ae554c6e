"""Issue 23 item 2: the unit's yearly register of decision numbers."""

from __future__ import annotations

import pytest

from caseterm.clock import FrozenClock
from caseterm.domain.documents import NumberFormat, NumberFormatError, date_words, vi_upper
from caseterm.errors import RefusedError, UsageError, ValidationFailed
from caseterm.services.documents.header import set_header, show_header
from caseterm.services.lifecycle.events import record_event, void_event
from caseterm.services.registry.persons import add_person, show_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person
from tests.lifecycle.life import at

TESTED = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}


def _managed_ready(session: CaseSession, clock: FrozenClock, name: str, day: str) -> str:
    """A person tested, verified and notified on `day`: a management decision is due."""
    clock.current = at(f"{day} 07:00")
    pid = add_person(session, person(name, id_type=None, id_number=""), confirm=True)
    for event_type, hour, payload in (
        ("test.performed", "08:00", TESTED),
        ("residence.verified", "09:00", {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"}),
        ("use.notice_sent", "10:00", {"recipient": "TCAX"}),
    ):
        clock.current = at(f"{day} {hour}")
        record_event(session, pid, event_type, payload, occurred_at=at(f"{day} {hour}"))
    return pid


def _decide(session: CaseSession, clock: FrozenClock, pid: str, day: str, number: str) -> str:
    clock.current = at(f"{day} 12:00")
    payload = {"reason": "NEW", "decision_no": number, "officer": "Trần Văn An"}
    return record_event(
        session, pid, "mgmt.decided", payload, occurred_at=at(f"{day} 11:00")
    ).event_id


def _number(session: CaseSession, pid: str, event_id: str) -> str:
    file = show_person(session, pid)
    return str(next(e.payload["decision_no"] for e in file.events if e.id == event_id))


def test_auto_numbers_run_in_order_and_restart_each_year(
    session: CaseSession, clock: FrozenClock
) -> None:
    first = _managed_ready(session, clock, "Lê Văn Một", "02/07/2026")
    one = _decide(session, clock, first, "02/07/2026", "auto")
    second = _managed_ready(session, clock, "Lê Văn Hai", "03/07/2026")
    two = _decide(session, clock, second, "03/07/2026", "tự động")
    third = _managed_ready(session, clock, "Lê Văn Ba", "05/01/2027")
    three = _decide(session, clock, third, "05/01/2027", "auto")
    assert _number(session, first, one) == "01/QĐ-CAX"
    assert _number(session, second, two) == "02/QĐ-CAX"
    assert _number(session, third, three) == "01/QĐ-CAX", "the count restarts on 1 January"


def test_a_number_caseterm_gave_is_never_given_again_and_paper_numbers_are_followed(
    session: CaseSession, clock: FrozenClock
) -> None:
    first = _managed_ready(session, clock, "Lê Văn Một", "02/07/2026")
    given = _decide(session, clock, first, "02/07/2026", "auto")
    assert _number(session, first, given) == "01/QĐ-CAX"
    second = _managed_ready(session, clock, "Lê Văn Hai", "03/07/2026")
    with pytest.raises(RefusedError, match="01/QĐ-CAX was already given"):
        _decide(session, clock, second, "03/07/2026", "01/QĐ-CAX")
    _decide(session, clock, second, "03/07/2026", "07/QĐ-CAX")  # a paper decision's number
    third = _managed_ready(session, clock, "Lê Văn Ba", "04/07/2026")
    nxt = _decide(session, clock, third, "04/07/2026", "auto")
    assert _number(session, third, nxt) == "08/QĐ-CAX", "auto follows the highest on paper too"


def test_a_voided_decision_keeps_its_number(session: CaseSession, clock: FrozenClock) -> None:
    pid = _managed_ready(session, clock, "Lê Văn Một", "02/07/2026")
    voided = _decide(session, clock, pid, "02/07/2026", "auto")
    clock.current = at("02/07/2026 13:00")
    void_event(session, voided, "nhập nhầm người")
    again = _decide(session, clock, pid, "02/07/2026", "auto")
    assert _number(session, pid, again) == "02/QĐ-CAX"
    other = _managed_ready(session, clock, "Lê Văn Hai", "03/07/2026")
    with pytest.raises(RefusedError, match="01/QĐ-CAX"):
        _decide(session, clock, other, "03/07/2026", "01/QĐ-CAX")


def test_another_issuers_number_is_not_counted_and_auto_is_only_for_our_decisions(
    session: CaseSession, clock: FrozenClock
) -> None:
    pid = _managed_ready(session, clock, "Lê Văn Một", "02/07/2026")
    _decide(session, clock, pid, "02/07/2026", "53/QĐ-UBND")
    other = _managed_ready(session, clock, "Lê Văn Hai", "03/07/2026")
    assert _number(session, other, _decide(session, clock, other, "03/07/2026", "auto")) == (
        "01/QĐ-CAX"
    )
    with pytest.raises(UsageError, match="auto"):
        record_event(
            session, pid, "person.declared_missing", {"court": "TAND", "decision_no": "auto"}
        )


def test_the_format_is_a_unit_setting(session: CaseSession, clock: FrozenClock) -> None:
    set_header(session, {"number_format": "{number:03d}/{kind}-{symbol}", "symbol": "CAP"})
    assert show_header(session)["number_format"] == "{number:03d}/{kind}-{symbol}"
    pid = _managed_ready(session, clock, "Lê Văn Một", "02/07/2026")
    assert _number(session, pid, _decide(session, clock, pid, "02/07/2026", "auto")) == "001/QĐ-CAP"
    with pytest.raises(ValidationFailed):
        set_header(session, {"number_format": "{kind}-{symbol}"})


def test_number_format_parses_back_what_it_writes() -> None:
    fmt = NumberFormat()
    assert fmt.format(5, "QĐ") == "05/QĐ-CAX"
    assert fmt.parse("05/QĐ-CAX", "QĐ") == 5
    assert fmt.parse(" 112/QĐ-CAX ", "QĐ") == 112
    assert fmt.parse("05/TB-CAX", "QĐ") is None
    assert fmt.parse("05/QĐ-UBND", "QĐ") is None
    with pytest.raises(NumberFormatError):
        NumberFormat("{number}/{symbol}")


def test_vietnamese_typography() -> None:
    assert vi_upper("Nguyễn Thị Ngọc Ánh") == "NGUYỄN THỊ NGỌC ÁNH"
    assert vi_upper("đặng") == "ĐẶNG"
    from datetime import date

    assert date_words(date(2026, 12, 5)) == "ngày 05 tháng 12 năm 2026"
    assert date_words(date(2026, 1, 15)) == "ngày 15 tháng 01 năm 2026", "ND30: 0 before months 1–2"
    assert date_words(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
