"""Writing a file the user named: a failure is a clear error and leaves nothing behind."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from caseterm.errors import CasetermError
from caseterm.i18n import _


@contextlib.contextmanager
def writing_to(path: Path) -> Iterator[None]:
    """Turn a failed write (no space, no permission, a read-only stick) into a clear error.

    The callers remove their temporary files first, so nothing half-written stays behind.
    """
    try:
        yield
    except OSError as error:
        raise CasetermError(
            _("Cannot write {path}: {reason}. Nothing was written.").format(
                path=path, reason=error.strerror or type(error).__name__
            )
        ) from error
