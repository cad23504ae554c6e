"""Every user-visible message has a Vietnamese translation with the same placeholders."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
VI = ROOT / "caseterm" / "locale" / "vi" / "LC_MESSAGES" / "caseterm.po"
_FIELDS = string.Formatter()


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in _FIELDS.parse(text) if name}


def _is_translated(string: object) -> bool:
    if isinstance(string, str):
        return bool(string)
    return isinstance(string, tuple | list) and all(string)


def _source_messages() -> set[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in i18n.template() if m.id}


def test_every_source_message_is_in_the_vietnamese_catalog_and_translated() -> None:
    with VI.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0]): m
        for m in catalog
        if m.id and not m.fuzzy and _is_translated(m.string)
    }
    missing = sorted(_source_messages() - set(translated))
    assert not missing, f"untranslated (run scripts/i18n.py extract, then translate): {missing}"
    for message_id, message in translated.items():
        strings = (
            [message.string] if isinstance(message.string, str) else list(message.string or ())
        )
        for text in strings:
            assert _placeholders(text) == _placeholders(message_id), message_id


def test_vietnamese_catalog_has_real_diacritics() -> None:
    text = VI.read_text("utf-8")
    assert "Cụm mật khẩu" in text
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text)


def test_cli_help_is_vietnamese_by_default(cli_env: dict[str, str]) -> None:
    env = {key: value for key, value in cli_env.items() if key != "CASETERM_LANG"}
    shown = subprocess.run(
        [sys.executable, "-m", "caseterm", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "hồ sơ quản lý" in shown
    english = subprocess.run(
        [sys.executable, "-m", "caseterm", "--lang", "en", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "encrypted case files" in english
