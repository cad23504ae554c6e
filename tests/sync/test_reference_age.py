"""The bundle's encrypted part opens with the reference `age` tool (the Go implementation).

pyrage is rage, a second implementation of the same format; this checks the promise that a
district can decrypt a bundle without caseterm. `scripts/test` installs `age` where it can
(Debian's package); CI must have it, elsewhere the test says why it did not run.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.bundle import read_header
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.bundle import canonical
from caseterm.services.sync.bundle_records import read_records
from tests.requirements import cannot_run
from tests.sync.world import World, one_commune

AGE = shutil.which("age")


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    return one_commune(tmp_path, policy, clock)


def test_the_reference_age_tool_decrypts_a_bundle(world: World, tmp_path: Path) -> None:
    if AGE is None:
        cannot_run("no reference `age` on PATH (scripts/test installs Debian's package as root)")
    data = world.export("26734", "2026-10").read_bytes()
    header = read_header(data)
    encrypted = tmp_path / "payload.age"
    encrypted.write_bytes(data[header.payload_offset :])
    with world.open(world.district) as session, session.transaction() as tx:
        [(_key_id, identity, _recipient)] = tx.district.age_keys()
    key_file = tmp_path / "district.key"
    key_file.write_text(identity + "\n")
    key_file.chmod(0o600)
    plain = subprocess.run(
        [AGE, "--decrypt", "--identity", str(key_file), str(encrypted)],
        capture_output=True,
        check=True,
    ).stdout
    inner, _newline, payload = plain.partition(b"\n")
    assert inner == canonical(header.manifest.inner())
    records = read_records(payload)
    assert (len(records.persons), len(records.events)) == (1, 2)
