"""Checks on the names an administrator types (account names, unit codes) and on passphrases."""

from __future__ import annotations

import re
from collections.abc import Iterable

from caseterm.domain.passphrase import check_passphrase
from caseterm.errors import RefusedError, UsageError
from caseterm.i18n import _
from caseterm.services.words.messages import describe_policy

_ACCOUNT = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
_UNIT_CODE = re.compile(r"^[A-Za-z0-9-]{1,16}$")


def check_account_name(name: str) -> str:
    """Return a valid account name or raise `UsageError`."""
    if not _ACCOUNT.match(name):
        raise UsageError(
            _(
                "An account name has 2 to 32 lower-case letters, digits, dots, dashes or "
                "underscores (without tones), e.g. nguyenvana."
            )
        )
    return name


def check_unit(code: str, name: str) -> None:
    """Raise `UsageError` unless the unit code and name are usable."""
    if not _UNIT_CODE.match(code):
        raise UsageError(_("A unit code has 1 to 16 letters, digits or dashes, e.g. 26734."))
    if not name.strip() or len(name) > 200:
        raise UsageError(_("The unit name must be given (at most 200 characters)."))


def require_good_passphrase(passphrase: str, context: Iterable[str]) -> None:
    """Raise `RefusedError` when the policy refuses the passphrase."""
    verdict = check_passphrase(passphrase, context=context)
    if not verdict.ok:
        raise RefusedError(describe_policy(verdict))
