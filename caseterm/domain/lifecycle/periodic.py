"""Deadlines that follow from running terms: checks, expiries, notices, anniversaries.

Computed at the end of each replay from the measures still open, so they always reflect the
term as it now stands (excluded time added back, custody deducted, a day-off move applied).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from caseterm.domain.lifecycle.checks import managed_months, month_end, month_label
from caseterm.domain.lifecycle.fold import Fold
from caseterm.domain.lifecycle.model import Flag, Measure, MeasureKind, Phase, RehabForm
from caseterm.domain.lifecycle.timecalc import (
    add_months,
    before_working_days,
    end_of_day,
    local_day,
    start_of_day,
)


def periodic_deadlines(fold: Fold, now: datetime) -> None:
    """Deadlines computed from running terms: checks, expiries, notices, anniversaries."""
    for measure in fold.measures:
        if not measure.active:
            continue
        end = measure.term_end()
        _term_over(fold, measure, end, now)
        if measure.kind is MeasureKind.USER_MGMT:
            _user_mgmt(fold, measure, end, now)
        elif measure.kind is MeasureKind.VOLUNTARY_REHAB and measure.phase is Phase.IN_PROGRESS:
            _voluntary(fold, measure, end)
        elif measure.kind is MeasureKind.COMPULSORY and measure.phase is Phase.IN_FACILITY:
            _compulsory(fold, measure, end)
        elif measure.kind is MeasureKind.POST_REHAB and measure.phase is Phase.ACTIVE and end:
            due = before_working_days(end, 3, fold.calendar)
            fold.due(
                "D35",
                measure.id,
                due,
                measure=measure,
                visible_from=due - timedelta(days=10),
                params=measure.term_end_params(),
            )
        elif measure.kind is MeasureKind.E_MONITORING and measure.phase is Phase.ACTIVE:
            _emon(fold, measure, end)


_TERM_OVER_KINDS = frozenset(
    {MeasureKind.POST_REHAB, MeasureKind.VOLUNTARY_REHAB, MeasureKind.COMPULSORY}
)
"""Measures whose running-out term needs D41; user management has its own, D06."""


def _term_over(fold: Fold, measure: Measure, end: datetime | None, now: datetime) -> None:
    """D41 (legal spec §9 decision 5): a term ended with no closing record — say why."""
    if end is None or end > now or measure.kind not in _TERM_OVER_KINDS:
        return
    if measure.flags & {Flag.SUSPENDED, Flag.POSTPONED, Flag.ABSCONDED}:
        return  # the term is not running: it ends later, when it runs again
    due, moved = end_of_day(local_day(end)), measure.term_end_params()
    fold.due("D41", measure.id, due, measure=measure, visible_from=end, params=moved)


def _user_mgmt(fold: Fold, measure: Measure, end: datetime | None, now: datetime) -> None:
    if end is not None and Flag.SUSPENDED not in measure.flags:
        early, moved = end - timedelta(days=7), measure.term_end_params()
        fold.due("D06", measure.id, end, measure=measure, visible_from=early, params=moved)
    for month in managed_months(measure, now):
        label, ends = month_label(month), month_end(month)
        # A month already over without a check is missed (`checks.missed_months`), not a duty.
        if label not in fold.months_checked and ends > now:
            reminder = start_of_day(month.replace(day=20))
            fold.due("D05", label, ends, measure=measure, visible_from=reminder)


def _voluntary(fold: Fold, measure: Measure, end: datetime | None) -> None:
    if end is None:
        return
    if "notice_at" not in measure.marks:
        _before_end(fold, "D22", measure, end, before=30, warn=5)
    if "postrehab_decision" not in measure.marks:
        _before_end(fold, "D24", measure, end, before=1, warn=10)
    if measure.form is RehabForm.HOME:
        _before_end(fold, "D25", measure, end, before=0, warn=2)


def _before_end(
    fold: Fold, code: str, measure: Measure, end: datetime, *, before: int, warn: int
) -> None:
    """A duty `before` days ahead of a term's end, shown `warn` days earlier still.

    Its text says when the end was (or could be) moved off a day off (Civil Code Art 148(5)).
    """
    due = end - timedelta(days=before)
    early, moved = due - timedelta(days=warn), measure.term_end_params()
    fold.due(code, measure.id, due, measure=measure, visible_from=early, params=moved)


def _compulsory(fold: Fold, measure: Measure, end: datetime | None) -> None:
    if end is None:
        return
    if "notice_at" not in measure.marks:
        _before_end(fold, "D34", measure, end, before=30, warn=5)
    birthday = fold.birthday(18)
    if (
        birthday is not None
        and not measure.marks.get("adult_facility")
        and fold.is_minor(measure.opened_at)
        and end_of_day(birthday) <= end - timedelta(days=90)
    ):
        due = end_of_day(birthday)
        fold.due("D38", measure.id, due, measure=measure, visible_from=due - timedelta(days=30))


def _emon(fold: Fold, measure: Measure, end: datetime | None) -> None:
    fitted: datetime = measure.marks["fitted_at"]
    if not measure.marks.get("exemption_reviewed"):
        months = 6 if fold.is_minor(fitted) else 12
        due = end_of_day(add_months(local_day(fitted), months))
        fold.due("D18", measure.id, due, measure=measure, visible_from=due - timedelta(days=7))
    if measure.case in {"SUBSTITUTION", "SUBST_VIOLATION"} and end is not None:
        fold.due("D19", measure.id, end, measure=measure, visible_from=end - timedelta(days=7))
