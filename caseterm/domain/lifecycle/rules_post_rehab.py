"""Table F: post-rehab management — proposal, decision, continuation, completion."""

from __future__ import annotations

from datetime import timedelta

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Measure,
    MeasureKind,
    Phase,
    Regime,
    Register,
    regime_at,
)
from caseterm.domain.lifecycle.payloads_compulsory import PostRehabDecided
from caseterm.domain.lifecycle.rule import (
    Rule,
    hours,
    need,
    pay,
    row,
    too_early,
)


def _running_rehab(fold: Fold) -> Measure | None:
    for kind, phase in (
        (MeasureKind.VOLUNTARY_REHAB, Phase.IN_PROGRESS),
        (MeasureKind.SUBSTITUTION_TX, Phase.ACTIVE),
        (MeasureKind.COMPULSORY, Phase.IN_FACILITY),
    ):
        measure = fold.active(kind)
        if measure and measure.phase is phase:
            return measure
    return None


def _proposal_check(fold: Fold, _event: LifeEvent) -> str | None:
    post = fold.active(MeasureKind.POST_REHAB)
    if _running_rehab(fold) or (post and post.phase is Phase.AWAITING_DECISION):
        return None
    return "no_rehab_to_follow"


def _propose(fold: Fold, _event: LifeEvent) -> None:
    fold.done("D23")


def _post_decision_check(fold: Fold, _event: LifeEvent) -> str | None:
    post = fold.active(MeasureKind.POST_REHAB)
    if post and post.phase is Phase.AWAITING_DECISION:
        return None
    running = _running_rehab(fold)
    if running is None:
        return "no_rehab_to_follow"
    return "post_rehab_already_decided" if "postrehab_decision" in running.marks else None


def _post_decide(fold: Fold, event: LifeEvent) -> None:
    post = fold.active(MeasureKind.POST_REHAB)
    fold.done("D23")
    fold.done("D24")
    if post and post.phase is Phase.AWAITING_DECISION:
        post.phase = Phase.ACTIVE
        post.marks["decided_at"] = event.occurred_at
        fold.enter(Register.POST_REHAB, event.occurred_at, event.id)
        basis: Measure = post
    else:
        running = need(_running_rehab(fold))
        running.marks["postrehab_decision"] = event.occurred_at
        basis = running
    if regime_at(event.occurred_at) is Regime.R2026 and not fold.is_minor(event.occurred_at):
        fold.due("D14", f"post:{basis.id}", hours(event.occurred_at, 12), event=event)


def _continuation_check(fold: Fold, _event: LifeEvent) -> str | None:
    intake = fold.intake
    return None if intake and intake.phase == "TRANSFER_IN:POST_REHAB" else "no_transfer_in"


def _post_continue(fold: Fold, event: LifeEvent) -> None:
    intake = need(fold.intake)
    post = fold.open_measure(
        MeasureKind.POST_REHAB, event, Phase.ACTIVE, term_start=event.occurred_at
    )
    post.fixed_end = intake.term_end
    post.marks["continuation"] = True
    fold.intake = None
    fold.done("D03")
    fold.enter(Register.POST_REHAB, event.occurred_at, event.id)


def _post_active(fold: Fold, _event: LifeEvent) -> str | None:
    post = fold.active(MeasureKind.POST_REHAB)
    return None if post and post.phase is Phase.ACTIVE else "not_in_post_rehab"


def _post_complete_check(fold: Fold, event: LifeEvent) -> str | None:
    reason = _post_active(fold, event)
    if reason:
        return reason
    post = need(fold.active(MeasureKind.POST_REHAB))
    # The certificate is due 3 working days before expiry (D35); it may be issued during the
    # term's last month, not before (a policy: the decree sets only the latest day).
    return "term_not_over" if too_early(post, event.occurred_at, timedelta(days=31)) else None


def _post_complete(fold: Fold, event: LifeEvent) -> None:
    post = need(fold.active(MeasureKind.POST_REHAB))
    fold.close(post, event.occurred_at, CloseReason.POST_REHAB_COMPLETED)
    fold.leave(Register.POST_REHAB, event.occurred_at, "COMPLETED")


def _team_check(fold: Fold, _event: LifeEvent) -> str | None:
    """A team supports a post-rehab the chairman has decided (before or after it starts)."""
    post = fold.active(MeasureKind.POST_REHAB)
    if post is not None and post.phase is Phase.ACTIVE:
        return None
    running = _running_rehab(fold)
    decided = running is not None and "postrehab_decision" in running.marks
    return None if decided else "no_post_rehab_decision"


def _team(_fold: Fold, _event: LifeEvent) -> None:
    """The team is the chairman's record: it changes no state and opens no duty."""


RULES: list[Rule] = [
    row(
        "T54.1",
        "postrehab.proposed",
        "Post-rehab proposal (Mẫu 52) within 2 working days",
        "ND163 134(1)",
        _propose,
        check=_proposal_check,
    ),
    row(
        "T59.2",
        "postrehab.decided",
        "Destination decision after a move: the term continues",
        "L120 48(2); ND163 136(1)(b)",
        _post_continue,
        when=lambda _f, e: pay(e, PostRehabDecided).continuation,
        check=_continuation_check,
    ),
    row(
        "T54",
        "postrehab.decided",
        "Post-rehab decision (Mẫu 53) by the commune chairman",
        "L120 42; ND163 134; ND163 135; ND163 136",
        _post_decide,
        check=_post_decision_check,
    ),
    row(
        "T54.2",
        "postrehab.team_formed",
        "Post-rehab management and support team (Mẫu 55) by the commune chairman",
        "ND163 135",
        _team,
        check=_team_check,
    ),
    row(
        "T54.3",
        "postrehab.helper_assigned",
        "A helper named for the person by the commune chairman (Mẫu 60)",
        "ND163 135",
        _team,
        check=_team_check,
    ),
    row(
        "T61",
        "postrehab.completed",
        "Post-rehab complete: certificate Mẫu 56, off the list",
        "ND163 135(6); ND163 138",
        _post_complete,
        check=_post_complete_check,
    ),
]
