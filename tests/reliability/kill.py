"""A child process that says "ready", then is killed with SIGKILL after a delay (or left to end)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def run_child(code: str, args: list[str], delay: float | None) -> bool:
    """Run `code` with `args`; SIGKILL it `delay` s after it is ready. True if it said "done"."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    if delay is not None:
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    return child.stdout.read().strip() == "done"


def fork_child(prepare: Callable[[], T], act: Callable[[T], object], delay: float | None) -> bool:
    """Fork; the child runs `prepare()` (e.g. unlocks), says ready, then `act` on its result.

    SIGKILL the child `delay` s after it is ready; True if it finished first. Forking from a
    process that already imported caseterm saves an interpreter start per kill, so a test can
    afford hundreds; the parent must hold no open store connection while it forks.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into the test runner
        os.close(read_fd)
        try:
            prepared = prepare()
            os.write(write_fd, b"ready\n")
            act(prepared)
            os.write(write_fd, b"done\n")
        finally:
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        assert pipe.readline() == b"ready\n", "the child did not get ready"
        if delay is not None:
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return pipe.read() == b"done\n"
