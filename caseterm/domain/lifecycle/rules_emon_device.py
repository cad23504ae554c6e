"""E-monitoring after the fitting: the device moved or replaced, and monitoring taken over.

ND163 Art 19(3)–(4): a move on the body and a replaced device are records of their own (Mẫu
09, 10). Art 21(2): after a move, the destination's chief names an officer for the term the
origin's decision leaves (Mẫu 17); the device stays on.
"""

from __future__ import annotations

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import R2026_START, MeasureKind, Phase
from caseterm.domain.lifecycle.payloads_emonitoring import EmonReceived
from caseterm.domain.lifecycle.rule import Rule, need, pay, row
from caseterm.domain.lifecycle.rules_emonitoring import basis_measure, emon_phase, monitored
from caseterm.domain.lifecycle.timecalc import add_months, end_of_day, local_day


def _received_check(fold: Fold, event: LifeEvent) -> str | None:
    received = pay(event, EmonReceived)
    if event.occurred_at < R2026_START:
        return "before_r2026"
    if fold.active(MeasureKind.E_MONITORING):
        return "emon_already"
    basis = basis_measure(fold, received.basis)
    if basis is None:
        return "basis_missing"
    # Only a measure carried over from another commune comes with a device already worn.
    return None if basis.marks.get("continuation") else "no_transfer_in"


def _receive(fold: Fold, event: LifeEvent) -> None:
    """The device stays on: monitoring goes on here, to the end the origin's decision set."""
    received = pay(event, EmonReceived)
    basis = need(basis_measure(fold, received.basis))
    measure = fold.open_measure(
        MeasureKind.E_MONITORING, event, Phase.ACTIVE, case=received.basis,
        term_start=event.occurred_at,
    )  # fmt: skip
    measure.marks["basis_measure"] = basis.id
    measure.marks["fitted_at"] = measure.marks["position_since"] = event.occurred_at
    measure.fixed_end = end_of_day(received.term_end)


def _record_only(_fold: Fold, _event: LifeEvent) -> None:
    """A record of a replaced device or accessory: it changes no state or duty."""


def _moved_on_body(fold: Fold, event: LifeEvent) -> None:
    monitored(fold).marks["position_since"] = event.occurred_at


def _position_warning(fold: Fold, event: LifeEvent) -> dict[str, dict[str, str]]:
    """ND163 19(3): a new place after a month at the old one, or on a clinic's request."""
    since = monitored(fold).marks.get("position_since")
    if since is None or add_months(local_day(since), 1) <= local_day(event.occurred_at):
        return {}
    return {"position_under_a_month": {"since": local_day(since).strftime("%d/%m/%Y")}}


RULES: list[Rule] = [
    row(
        "M13",
        "emon.received",
        "The destination commune takes over e-monitoring after a move (Mẫu 17)",
        "ND163 21(2)",
        _receive,
        check=_received_check,
    ),
    row(
        "M11",
        "emon.position_changed",
        "Device moved to another place on the body (Mẫu 09)",
        "ND163 19(3)",
        _moved_on_body,
        check=emon_phase(Phase.ACTIVE, reason="not_e_monitored"),
        warn=_position_warning,
    ),
    row(
        "M12",
        "emon.device_replaced",
        "Device or accessory replaced (Mẫu 10)",
        "ND163 19(4)",
        _record_only,
        check=emon_phase(Phase.ACTIVE, reason="not_e_monitored"),
    ),
]
