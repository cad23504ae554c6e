"""Problems found by validation, as codes: the front ends turn them into sentences."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How a problem weighs: an error refuses, a warning asks for confirmation."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One validation finding about one field."""

    code: str
    """Stable machine code, e.g. `cccd.birth_year_mismatch`; the catalogs hold its sentence."""
    field: str
    """The record field the problem is about."""
    severity: Severity
    params: dict[str, str] = dataclasses.field(default_factory=dict)
    """Non-personal values used in the sentence (lengths, expected digits, codes)."""
    needs_supervisor: bool = False
    """A warning that only a chief (or admin) may override, as the legal spec demands."""


def errors_of(issues: list[Issue]) -> list[Issue]:
    """Return the issues that refuse the record outright."""
    return [issue for issue in issues if issue.severity is Severity.ERROR]


def warnings_of(issues: list[Issue]) -> list[Issue]:
    """Return the issues that need an explicit confirmation."""
    return [issue for issue in issues if issue.severity is Severity.WARNING]
