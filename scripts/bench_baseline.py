"""The baseline scripts/bench.py compares with: the same SQL run on a plain (or raw SQLCipher) connection."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

SEARCH_SQL = (
    "SELECT id, full_name FROM person WHERE num IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?) "
    "ORDER BY sort_key, id LIMIT 50"
)


ID_SQL = "SELECT id, full_name FROM person WHERE id_number >= ? AND id_number < ? ORDER BY sort_key, id LIMIT 50"


FILE_SQL = (
    "SELECT * FROM person WHERE id = ?",
    "SELECT * FROM event WHERE person_id = ? ORDER BY occurred_at, recorded_at, id",
)


def sql_for(query: str) -> tuple[str, tuple[str, ...]]:
    """The statement the store runs for a query (same logic as the repository)."""
    from caseterm.domain.names import tokens

    compact = query.replace(" ", "")
    if compact.isdigit():
        return ID_SQL, (compact, compact[:-1] + chr(ord(compact[-1]) + 1))
    return SEARCH_SQL, (" AND ".join(f'"{w}"*' for w in tokens(query)),)


def raw_connection(path: Path, data_key: bytes | None) -> Any:
    """A raw connection with the store's settings, keyed or plain."""
    import sqlcipher3

    con = sqlcipher3.connect(str(path))
    if data_key is not None:
        con.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    con.execute("PRAGMA cache_size = -65536")
    con.execute("PRAGMA temp_store = MEMORY")
    con.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    return con


def run_sql(con: Any, statements: list[tuple[str, tuple[str, ...]]]) -> list[float]:
    """Time each statement (all rows fetched)."""
    times = []
    for sql, params in statements:
        started = time.perf_counter()
        con.execute(sql, params).fetchall()
        times.append(time.perf_counter() - started)
    return times
