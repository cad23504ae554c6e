"""Issue 23 item 5: templates are data — a checked set, a newer set installed, a unit's own form,
and Jinja in its sandbox."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from caseterm.errors import UsageError
from caseterm.services.documents.making import make_document
from caseterm.services.documents.overrides import set_override
from caseterm.services.documents.render import check_template, document_text
from caseterm.services.documents.templates import (
    MANIFEST,
    active_set,
    install_set,
    installed_folder,
    shipped_folder,
)
from caseterm.services.session.case_session import CaseSession

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_set() -> None:
    active_set.cache_clear()


def _docx(*lines: str) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zipped_set(tmp_path: Path, *, edition: str, change: dict[str, bytes] | None = None,
                digest_of: dict[str, bytes] | None = None) -> Path:  # fmt: skip
    """The shipped set as a zip, with another edition and some forms replaced."""
    folder = shipped_folder()
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    manifest["edition"] = edition
    files = {p.name: p.read_bytes() for p in folder.glob("*.docx")}
    for name, data in (change or {}).items():
        files[name] = data
    for name, data in (digest_of or change or {}).items():
        form = name.removesuffix(".docx")
        manifest["forms"][form]["sha256"] = hashlib.sha256(data).hexdigest()
    target = tmp_path / f"set-{edition}.zip"
    with zipfile.ZipFile(target, "w") as zipped:
        for name, data in files.items():
            zipped.writestr(name, data)
        zipped.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False))
    return target


def test_the_shipped_templates_are_built_from_their_sources() -> None:
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_templates.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_every_shipped_form_matches_its_digest_and_renders_in_the_sandbox() -> None:
    shipped = active_set()
    assert len(shipped.forms) >= 12
    for code, info in shipped.forms.items():
        data = shipped.docx(code)
        assert hashlib.sha256(data).hexdigest() == info.sha256
        check_template(data, code)


def test_a_newer_set_is_installed_and_a_changed_file_is_then_refused(tmp_path: Path) -> None:
    custom = _docx("MẪU TỈNH {{ p.name_upper }}")
    installed = install_set(
        _zipped_set(tmp_path, edition="2027.1.1", change={"III-03.docx": custom})
    )
    assert installed.edition == "2027.1.1"
    assert active_set().edition == "2027.1.1"
    assert active_set().docx("III-03") == custom
    (installed_folder() / "III-03.docx").write_bytes(_docx("{{ p.full_name }} sửa lén"))
    with pytest.raises(UsageError, match="does not match its manifest"):
        active_set().docx("III-03")


def test_bad_sets_are_refused_and_change_nothing(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="older"):
        install_set(_zipped_set(tmp_path, edition="2020.1.1"))
    wrong = _zipped_set(tmp_path, edition="2027.2.1", change={"III-03.docx": _docx("x")},
                        digest_of={"III-03.docx": b"something else"})  # fmt: skip
    with pytest.raises(UsageError, match="digest"):
        install_set(wrong)
    escape = _docx("{{ p.full_name.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(UsageError, match="not a usable DOCX template"):
        install_set(_zipped_set(tmp_path, edition="2027.3.1", change={"III-03.docx": escape}))
    unclosed = _docx("{{ p.full_name ")
    with pytest.raises(UsageError):
        install_set(_zipped_set(tmp_path, edition="2027.4.1", change={"III-03.docx": unclosed}))
    (tmp_path / "not-a-zip.zip").write_bytes(b"PK no")
    with pytest.raises(UsageError):
        install_set(tmp_path / "not-a-zip.zip")
    assert not (installed_folder() / MANIFEST).exists()
    assert active_set().folder == shipped_folder()


def test_a_unit_uses_its_own_form(session: CaseSession, tmp_path: Path,
                                  out_folder: Path) -> None:  # fmt: skip
    from caseterm.services.documents.header import set_header
    from caseterm.services.registry.persons import add_person
    from tests.documents.story import ANH, HEADER

    set_header(session, HEADER)
    pid = add_person(session, ANH, confirm=True)
    own = tmp_path / "tuong-trinh.docx"
    own.write_bytes(_docx("BẢN TƯỜNG TRÌNH (mẫu của xã)", "{{ p.name_upper }}, {{ h.place }}"))
    set_override(session, "III-03", own)
    made = make_document(session, "III-03", pid, out_folder / "tt.docx")
    assert "BẢN TƯỜNG TRÌNH (mẫu của xã)\nNGUYỄN THỊ NGỌC ÁNH, Tân An" in document_text(
        made.path.read_bytes()
    )
    set_override(session, "III-03", None)
    again = make_document(session, "III-03", pid, out_folder / "tt2.docx")
    assert "mẫu của xã" not in document_text(again.path.read_bytes())
    bad = tmp_path / "bad.docx"
    bad.write_bytes(_docx("{{ p.__init__.__globals__ }}"))
    with pytest.raises(UsageError):
        set_override(session, "III-03", bad)


def test_a_sandbox_escape_in_a_template_is_refused_at_render() -> None:
    with pytest.raises(UsageError):
        check_template(_docx("{{ ''.__class__.__mro__ }}"), "X")
