"""Process hardening that does not depend on a store (T32).

A core dump, or another process of the same user reading this one's memory, would expose the
keys and whatever case data is on screen. Both are closed where the OS allows; full-disk
encryption remains the baseline where it does not.
"""

from __future__ import annotations

import contextlib
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def disable_core_dumps() -> None:
    """Forbid core dumps and, on Linux, ptrace and /proc/<pid>/mem by other processes."""
    if sys.platform == "win32":
        return
    import resource

    # Not permitted everywhere; full-disk encryption remains the baseline then.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        _not_dumpable()


def _not_dumpable() -> None:
    """prctl(PR_SET_DUMPABLE, 0): no core, and same-user processes cannot read our memory."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def dumpable() -> bool | None:
    """Whether this process is still dumpable (None where it cannot be asked)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return bool(ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    except (OSError, AttributeError):
        return None
