"""Who may do what: the role × action matrix, checked in the services (never only in the UI)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from caseterm.domain.codes import Role


class Action(StrEnum):
    """Things an account can ask the services to do."""

    PERSON_READ = "person.read"
    PERSON_CREATE = "person.create"
    PERSON_UPDATE = "person.update"
    OVERRIDE_SUPERVISED_WARNING = "warning.override_supervised"
    ACCOUNT_MANAGE = "account.manage"
    STORE_VERIFY = "store.verify"
    DEMO_DATA = "store.demo_data"


_OFFICER = {Action.PERSON_READ, Action.PERSON_CREATE, Action.PERSON_UPDATE}
_CHIEF = _OFFICER | {Action.OVERRIDE_SUPERVISED_WARNING}
# The administrator keeps the system, not the case files: need-to-know (legal spec §6.4 P1).
_ADMIN = {Action.ACCOUNT_MANAGE, Action.STORE_VERIFY, Action.DEMO_DATA}
_ANALYST: set[Action] = set()

MATRIX: dict[Role, frozenset[Action]] = {
    Role.OFFICER: frozenset(_OFFICER),
    Role.CHIEF: frozenset(_CHIEF),
    Role.ADMIN: frozenset(_ADMIN),
    Role.DISTRICT_ANALYST: frozenset(_ANALYST),
}


def allowed(roles: Iterable[Role], action: Action) -> bool:
    """Return True when any of the roles grants the action."""
    return any(action in MATRIX[role] for role in roles)
