"""T27 end to end: the real program in a pseudo-terminal, unlocked, then locked. While unlocked,
its memory holds the canaries on screen and the typed passphrase (the control that the scan
works); after the lock the process — replaced by `exec` — holds none of them.

Reading another process's memory needs ptrace rights over it; the program makes itself
non-dumpable (T32), so only root may. CI runs as root, and there the test never skips;
elsewhere it says why it cannot run.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.leakage.canaries import canary_record
from tests.requirements import cannot_run

PEOPLE = 3


def _memory_hits(pid: int, needles: list[bytes]) -> dict[bytes, int]:
    """How often each needle appears in the readable memory of `pid`."""
    hits = dict.fromkeys(needles, 0)
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as memory:
        for line in maps:
            start, end, perms = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+)", line).groups()  # type: ignore[union-attr]
            begin, size = int(start, 16), int(end, 16) - int(start, 16)
            if "r" not in perms or size > 1 << 30:
                continue
            try:
                memory.seek(begin)
                data = memory.read(size)
            except (OSError, ValueError, OverflowError):
                continue  # a guard page or a region gone meanwhile
            for needle in needles:
                hits[needle] += data.count(needle)
    return hits


class Terminal:
    """What the program wrote to its terminal, read on a thread so it never blocks writing."""

    def __init__(self, master: int) -> None:
        self.master = master
        self._seen = b""
        self._changed = threading.Condition()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            with self._changed:
                self._seen += chunk
                self._changed.notify_all()
            if not chunk:
                return

    def wait_for(self, text: str, seconds: float = 60.0) -> None:
        """Return once `text` was written since the last `clear`; fail after `seconds`."""
        with self._changed:
            found = self._changed.wait_for(lambda: text.encode() in self._seen, seconds)
        assert found, f"{text!r} never appeared on the terminal"

    def clear(self) -> None:
        """Forget what was written so far."""
        with self._changed:
            self._seen = b""


@pytest.mark.slow
def test_t27_after_the_lock_no_canary_or_passphrase_is_left_in_memory(
    session: CaseSession, clock: FrozenClock
) -> None:
    if not sys.platform.startswith("linux"):
        cannot_run("reading another process's memory through /proc is Linux's")
    if os.geteuid() != 0:
        cannot_run("reading a non-dumpable process's memory needs root (CI runs as root)")
    names = []
    for index in range(PEOPLE):
        record = canary_record(index)
        pid = add_person(session, record, confirm=True)
        positive = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}
        record_event(session, pid, "test.performed", positive, occurred_at=clock.now())
        names.append(record.full_name.split()[-1].encode())
    store: Path = session.files.store
    session.close()
    env = {**os.environ, "CASETERM_UNSAFE_TEST_KDF": "1", "CASETERM_LANG": "en"}
    env.update(TERM="xterm-256color", COLUMNS="120", LINES="40")
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "caseterm", "--store", str(store), "--user", ADMIN],
        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    terminal = Terminal(master)
    try:
        terminal.wait_for("Passphrase")
        os.write(master, ADMIN_PASSPHRASE.encode() + b"\r")
        terminal.wait_for("Today")
        for name in names:  # the canaries are on screen, so in the program's memory
            terminal.wait_for(name.decode())
        needles = [*names, ADMIN_PASSPHRASE.encode()]
        try:
            unlocked = _memory_hits(child.pid, needles)
        except PermissionError:
            cannot_run("this machine forbids reading another process's memory, even as root")
        assert all(unlocked[name] > 0 for name in names), unlocked  # the control
        terminal.clear()
        os.write(master, b"\x0c")  # ctrl+l: lock
        terminal.wait_for("Passphrase")  # drawn by the new process, which replaced the old
        assert _memory_hits(child.pid, needles) == dict.fromkeys(needles, 0)
    finally:
        child.kill()
        child.wait()
        os.close(master)
