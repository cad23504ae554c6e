"""The JSON shape of `caseterm-admin users list --json` (a list of accounts)."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, RootModel

from caseterm.domain.bundle import RECORD_ID
from caseterm.services.accounts.manage import AccountView
from caseterm.services.session.json_shape import StrictShape


class AccountOut(StrictShape):
    """One account: its roles, whether it is active, and its key slot's cost."""

    id: str = Field(pattern=RECORD_ID)
    name: str
    roles: list[str] = Field(description="officer, chief, admin, district-analyst")
    active: bool
    kdf_memory_mib: int | None = Field(description="None for an account with no slot yet")
    kdf_iterations: int | None


class AccountListOut(RootModel[list[AccountOut]]):
    """`caseterm-admin users list --json`."""

    model_config = ConfigDict(frozen=True)


def accounts_json(views: list[AccountView]) -> list[Any]:
    """The accounts, checked against their schema."""
    raw = [
        {
            "id": v.account.id,
            "name": v.account.name,
            "roles": [r.value for r in v.account.roles],
            "active": v.account.active,
            "kdf_memory_mib": v.kdf_memory_mib,
            "kdf_iterations": v.kdf_iterations,
        }
        for v in views
    ]
    dumped: list[Any] = AccountListOut.model_validate(raw).model_dump(mode="json")
    return dumped
