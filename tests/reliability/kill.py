"""A child process that says "ready", then is killed with SIGKILL after a delay (or left to end)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time


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
