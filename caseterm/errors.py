"""One error hierarchy for the whole application, with a distinct exit code per kind.

The CLI prints `str(error)` to stderr and exits with `error.exit_code`; the TUI shows the same
text in a notification or a modal. Messages never carry personal data: they name fields, rules and
ids, never values.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_REFUSED = 4
EXIT_INTEGRITY = 5
EXIT_NOT_FOUND = 6
EXIT_BUSY = 7
EXIT_DISK = 8
EXIT_INTERNAL = 70


class CasetermError(Exception):
    """Base of every error a user may see; its text is already translated."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(CasetermError):
    """The command or a value was malformed (a date, an option, a file)."""

    exit_code = EXIT_USAGE


class AuthError(CasetermError):
    """The store could not be unlocked: wrong passphrase, unknown or disabled account, delay."""

    exit_code = EXIT_AUTH


class NewPassphraseNeeded(AuthError):
    """A one-time reset code was right: its owner must now choose a passphrase to go on."""


class RefusedError(CasetermError):
    """The rules refused the request: validation, permission, policy."""

    exit_code = EXIT_REFUSED


class PermissionDenied(RefusedError):
    """The account's role does not allow the action."""


class ChiefNeeded(PermissionDenied):
    """Only the commune police chief may do this; an officer may leave it as a draft for them."""


class ValidationFailed(RefusedError):
    """A record failed validation; `issues` holds the translated problems, one per field."""

    def __init__(self, message: str, issues: list[str]) -> None:
        super().__init__(message)
        self.issues = issues

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  - {issue}" for issue in self.issues)])


class NeedsConfirmation(RefusedError):
    """Warnings stand in the way; the caller may confirm them explicitly and try again."""

    def __init__(self, message: str, warnings: list[str]) -> None:
        super().__init__(message)
        self.warnings = warnings

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  - {warning}" for warning in self.warnings)])


class BundleRefused(RefusedError):
    """A sync bundle or acknowledgement failed a check; `code` names the check (`replay`…)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class IntegrityFailure(CasetermError):
    """The store, its key file or its audit chain is damaged, tampered with or unsupported."""

    exit_code = EXIT_INTEGRITY


class NotFound(CasetermError):
    """The store, account or record does not exist."""

    exit_code = EXIT_NOT_FOUND


class StoreBusy(CasetermError):
    """Another process holds the store for an operation that needs it alone."""

    exit_code = EXIT_BUSY


class DiskError(CasetermError):
    """The disk refused a write (full, failing, read-only): nothing of the change was kept."""

    exit_code = EXIT_DISK


class ApprovalNeeded(PermissionDenied):
    """An account change that a chief must approve came without a valid approval."""
