"""Process hardening that does not depend on a store."""

from __future__ import annotations

import contextlib
import sys


def disable_core_dumps() -> None:
    """Forbid core dumps of this process where the OS allows: they would hold the keys."""
    if sys.platform == "win32":
        return
    import resource

    # Not permitted everywhere; full-disk encryption remains the baseline then.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
