"""T21 (cipher configuration pinned): a store made with other cipher settings, and a SQLCipher 3
library, are refused at open, never half-used."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from caseterm.store import StoreOpenError
from caseterm.store import sqlcipher as pinned

KEY = os.urandom(32)


def _made_with(path: Path, *settings: str) -> Path:
    """A small store written by SQLCipher itself under `KEY` with these pragmas."""
    con = sqlcipher3.connect(str(path), isolation_level=None)
    con.execute(f"PRAGMA key = \"x'{KEY.hex()}'\"")
    for setting in settings:
        con.execute(setting)
    con.execute("CREATE TABLE t(x)")
    con.execute("INSERT INTO t VALUES ('một bản ghi')")
    con.close()
    return path


@pytest.mark.parametrize(
    "settings",
    [
        ("PRAGMA cipher_compatibility = 3",),  # SQLCipher 3: 1 KiB pages, HMAC-SHA1
        ("PRAGMA cipher_page_size = 8192",),
        ("PRAGMA cipher_hmac_algorithm = HMAC_SHA256",),
        ("PRAGMA cipher_use_hmac = OFF",),
        (
            "PRAGMA cipher_plaintext_header_size = 32",
            "PRAGMA cipher_salt = \"x'00112233445566778899aabbccddeeff'\"",
        ),
    ],
    ids=["sqlcipher3-format", "page-size", "hmac-sha256", "no-hmac", "plaintext-header"],
)
def test_a_store_made_with_other_cipher_settings_is_refused(
    tmp_path: Path, settings: tuple[str, ...]
) -> None:
    store = _made_with(tmp_path / "other.db", *settings)
    with pytest.raises(StoreOpenError):
        pinned.connect(store, KEY)


def test_the_same_key_with_the_pinned_settings_opens(tmp_path: Path) -> None:
    store = _made_with(tmp_path / "same.db")
    pinned.connect(store, KEY).close()


class _OldLibrary:
    """A connection that reports itself as Debian's SQLCipher 3.4.1."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.strip() == "PRAGMA cipher_version":
            return self._real.execute("SELECT '3.4.1'")
        return self._real.execute(sql, *args)

    def close(self) -> None:
        self._real.close()


def test_a_sqlcipher_3_library_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _made_with(tmp_path / "same.db")
    real_connect = sqlcipher3.connect
    monkeypatch.setattr(sqlcipher3, "connect", lambda *a, **k: _OldLibrary(real_connect(*a, **k)))
    with pytest.raises(StoreOpenError) as refused:
        pinned.connect(store, KEY)
    assert refused.value.reason == "cipher_version"
