"""T27 end to end: the real program in a pseudo-terminal, unlocked, then locked. While unlocked,
its memory holds the canaries on screen and the typed passphrase (the control that the scan
works); after the lock the process — replaced by `exec` — holds none of them.

Reading another process's memory needs ptrace rights over it; the program makes itself
non-dumpable (T32), so only root may. CI runs as root; elsewhere the test says why it cannot.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.services.lifecycle import record_event
from caseterm.services.persons import add_person
from caseterm.services.session import CaseSession
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.leakage.canaries import canary_record

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


def _drain(master: int, seen: list[bytes]) -> None:
    """Read the terminal's output so that the program never blocks writing to it."""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            return
        if not chunk:
            return
        seen.append(chunk)


def _wait_for(seen: list[bytes], text: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text.encode() in b"".join(seen):
            return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared on the terminal")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_t27_after_the_lock_no_canary_or_passphrase_is_left_in_memory(
    session: CaseSession, clock: FrozenClock
) -> None:
    if os.geteuid() != 0:
        pytest.skip("reading a non-dumpable process's memory needs root (CI runs as root)")
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
    seen: list[bytes] = []
    threading.Thread(target=_drain, args=(master, seen), daemon=True).start()
    try:
        _wait_for(seen, "Passphrase")
        os.write(master, ADMIN_PASSPHRASE.encode() + b"\r")
        _wait_for(seen, "Today")
        time.sleep(1.0)
        needles = [*names, ADMIN_PASSPHRASE.encode()]
        try:
            unlocked = _memory_hits(child.pid, needles)
        except PermissionError:
            pytest.skip("this machine forbids reading another process's memory, even as root")
        assert all(unlocked[name] > 0 for name in names), unlocked  # the control
        seen.clear()
        os.write(master, b"\x0c")  # ctrl+l: lock
        _wait_for(seen, "Passphrase")
        time.sleep(1.0)
        assert _memory_hits(child.pid, needles) == dict.fromkeys(needles, 0)
    finally:
        child.kill()
        child.wait()
        os.close(master)
