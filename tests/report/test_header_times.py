"""Issue 21 item 7: a report says when it was made in Vietnam's time, and says when its month is
not over (its numbers will still change)."""

from __future__ import annotations

from caseterm.clock import FrozenClock
from caseterm.i18n import set_language
from caseterm.services.reports.monthly import monthly_report
from caseterm.services.reports.tables import header
from caseterm.services.session.case_session import CaseSession
from tests.lifecycle.life import at


def test_made_at_is_vietnam_time_and_an_unfinished_month_says_so(
    session: CaseSession, clock: FrozenClock
) -> None:
    set_language("vi")
    clock.current = at("02/11/2026 09:00")
    finished = dict(header(monthly_report(session, "2026-10")))
    assert finished["Thời gian lập"] == "02/11/2026 09:00 (giờ Việt Nam)"
    assert "Lưu ý" not in finished
    running = dict(header(monthly_report(session, "2026-11")))
    assert running["Lưu ý"] == "kỳ báo cáo chưa kết thúc: các số liệu này còn thay đổi"
