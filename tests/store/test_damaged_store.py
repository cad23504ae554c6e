"""Issue 18 item 8: a store with one flipped bit in a data page.

`verify` names the damaged page and exits 5 (not 70), and from then on nothing writes to the
store: not the open session, not a new unlock, not the CLI, until a backup is restored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caseterm.crypto.kdf import KdfPolicy
from caseterm.errors import EXIT_INTEGRITY, IntegrityFailure
from caseterm.services.custody.verify import verify_store
from caseterm.services.keys.opening import open_session
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.damage import recorded_damage
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, person
from tests.programs import clerk

PAGE = 4096


def _damaged_store(session: CaseSession) -> Path:
    """A store of 60 files, closed, with one bit flipped in the middle of its data pages."""
    for index in range(60):
        add_person(
            session, person(f"Trần Văn Số{index}", id_number=f"0010902{index:05d}"), confirm=True
        )
    session.store.checkpoint()
    path = session.files.store
    session.close()
    data = bytearray(path.read_bytes())
    page = len(data) // PAGE // 2
    data[page * PAGE + 2000] ^= 0x10
    path.write_bytes(bytes(data))
    return path


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)}


def test_verify_names_the_damaged_page_and_every_write_is_refused_after(
    session: CaseSession, policy: KdfPolicy
) -> None:
    path = _damaged_store(session)
    opened = open_session(path, ADMIN, ADMIN_PASSPHRASE, policy=policy)
    report = verify_store(opened)
    assert not report.ok
    assert any("HMAC verification failed for page" in p for p in report.integrity_problems)
    damage = recorded_damage(opened.files)
    assert damage is not None and damage.problems == report.integrity_problems[:20]
    with pytest.raises(IntegrityFailure, match="failed its integrity check"):
        add_person(opened, person("Lê Thị Mới", id_number="001090999999"))
    opened.close()  # closes without writing its audit entry
    after_check = _files(path)
    with pytest.raises(IntegrityFailure, match="failed its integrity check") as refused:
        open_session(path, ADMIN, ADMIN_PASSPHRASE, policy=policy)
    assert refused.value.exit_code == EXIT_INTEGRITY
    assert _files(path) == after_check


def test_the_cli_reports_the_damage_with_exit_5(
    session: CaseSession, cli_env: dict[str, str], tmp_path: Path
) -> None:
    path = _damaged_store(session)
    secret = tmp_path / "pass.txt"
    secret.write_text(ADMIN_PASSPHRASE + "\n")
    run = clerk(cli_env, secret)
    verified = run("caseterm-admin", "verify", store=path, expect=EXIT_INTEGRITY)
    assert "HMAC verification failed for page" in verified.stdout
    assert "PROBLEMS FOUND" in verified.stdout
    again = run("caseterm-admin", "verify", store=path, expect=EXIT_INTEGRITY)
    assert "failed its integrity check" in again.stderr
    found = run("caseterm", "person", "find", "Trần", store=path, expect=EXIT_INTEGRITY)
    assert "failed its integrity check" in found.stderr
