"""I/O faults for T05 and T06: the k-th write, fsync or rename fails, or the disk is full.

An operation runs in a forked child (the parent's `os` is never patched). Python-level faults
replace `os.write`, `os.fsync`, `os.replace` and `os.rename` with versions that raise `OSError`
(EIO or ENOSPC) at the k-th call, once or from then on. SQLite writes from C, where Python cannot
reach, so the disk-full case sets `RLIMIT_FSIZE` instead: any write past the limit fails with
EFBIG in SQLite and Python alike, as on a full disk (SIGXFSZ is ignored so that it fails rather
than kills). The child reports how the operation ended: done, refused with a user-facing error
(`CasetermError`), or crashed with anything else — which the tests count as a defect.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from caseterm.errors import CasetermError

FAULTED = ("write", "fsync", "replace", "rename")


@dataclass(frozen=True)
class Plan:
    """Which call fails and how; `at=0` fails none (a dry run that counts the calls)."""

    at: int = 0
    persistent: bool = False
    code: int = errno.EIO
    file_size_limit: int | None = None


@dataclass(frozen=True)
class Outcome:
    """How the operation ended in the child."""

    ended: str
    """`done`, `refused` (a CasetermError: a message for the user) or `crashed`."""
    error: str
    """The error's class and message (empty when done)."""
    calls: int
    """How many of the faulted calls the operation made."""


def _install(plan: Plan, counter: list[int]) -> None:
    """Replace the faulted `os` functions in this (child) process."""
    for name in FAULTED:
        original = getattr(os, name)

        def faulty(*args: object, _original: Callable[..., object] = original) -> object:
            counter[0] += 1
            if plan.at and (counter[0] == plan.at or (plan.persistent and counter[0] > plan.at)):
                raise OSError(plan.code, os.strerror(plan.code))
            return _original(*args)

        setattr(os, name, faulty)
    if plan.file_size_limit is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (plan.file_size_limit, resource.RLIM_INFINITY))


def run_faulted(operation: Callable[[], object], plan: Plan, *, timeout: float = 60.0) -> Outcome:
    """Run `operation` in a forked child under `plan`; return how it ended."""
    read_fd, write_fd = os.pipe()
    report = os.write  # the parent's, unpatched: the child reports with it
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        counter = [0]
        ended, error = "done", ""
        try:
            _install(plan, counter)
            operation()
        except CasetermError as refused:
            ended, error = "refused", f"{type(refused).__name__}: {refused}"
        except BaseException as other:
            traceback.print_exc()  # synthetic data only
            ended, error = "crashed", f"{type(other).__name__}: {other}"
        report(write_fd, f"{ended}\t{counter[0]}\t{error}".encode())
        os._exit(0)
    os.close(write_fd)
    signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
    signal.alarm(int(timeout))
    try:
        with os.fdopen(read_fd, "rb") as pipe:
            line = pipe.read().decode()
        os.waitpid(pid, 0)
    finally:
        signal.alarm(0)
    if not line:
        return Outcome("crashed", "no report (killed or hung)", 0)
    ended, calls, error = line.split("\t", 2)
    return Outcome(ended, error, int(calls))


def plans(calls: int) -> list[Plan]:
    """Every k from 1 to `calls`, fail-once and fail-persistently, with EIO and with ENOSPC."""
    return [
        Plan(at, persistent, code)
        for at in range(1, calls + 1)
        for persistent in (False, True)
        for code in (errno.EIO, errno.ENOSPC)
    ]
