"""T35 on the encrypted store: 1,000 random tamperings of the stored audit log, each found at
its first bad entry by the check `caseterm-admin verify` runs.

Each tampering is made with plain SQL, as someone holding the data key would, inside a
transaction that is rolled back after the check, so one log serves every trial. Re-chaining
everything after the tampered entry is not detectable on the laptop: that is T36's, upstream.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

from sqlalchemy import Connection, text

from caseterm.services.custody.verify import verify_store
from caseterm.services.session.case_session import CaseSession

LENGTH = 1000
TRIALS = 1000


class _RollBack(Exception):
    """Leaves the tampering transaction without committing it."""


def _edit(column: str, value: str) -> Callable[[Connection, int], None]:
    def tamper(connection: Connection, seq: int) -> None:
        statement = f"UPDATE audit_log SET {column} = :value WHERE seq = :seq"  # noqa: S608
        connection.execute(text(statement), {"value": value, "seq": seq})

    return tamper


def _delete(connection: Connection, seq: int) -> None:
    connection.execute(text("DELETE FROM audit_log WHERE seq = :seq"), {"seq": seq})


def _cut_the_middle(connection: Connection, seq: int) -> None:
    connection.execute(
        text("DELETE FROM audit_log WHERE seq BETWEEN :seq AND :end"), {"seq": seq, "end": seq + 9}
    )


def _swap(connection: Connection, seq: int) -> None:
    for old, new in ((seq, -1), (seq + 1, seq), (-1, seq + 1)):
        connection.execute(
            text("UPDATE audit_log SET seq = :new WHERE seq = :old"), {"old": old, "new": new}
        )


def _insert(connection: Connection, seq: int) -> None:
    """A copy of an earlier, valid entry slipped in at `seq` (everything after moves up)."""
    connection.execute(text("UPDATE audit_log SET seq = -seq - 1 WHERE seq >= :seq"), locals())
    connection.execute(text("UPDATE audit_log SET seq = -seq WHERE seq < 0"))
    connection.execute(
        text(
            "INSERT INTO audit_log (seq, at, account_id, action, object_type, object_id, details, "
            "prev_hash, hash) SELECT :seq, at, account_id, action, object_type, object_id, "
            "details, prev_hash, hash FROM audit_log WHERE seq = :seq - 1"
        ),
        locals(),
    )


TAMPERINGS: dict[str, Callable[[Connection, int], None]] = {
    "edit_action": _edit("action", "person.update"),
    "edit_object": _edit("object_id", "someone-else"),
    "edit_time": _edit("at", "2020-01-01T00:00:00.000000Z"),
    "edit_details": _edit("details", '{"results": 999}'),
    "edit_hash": _edit("hash", "f" * 64),
    "relink": _edit("prev_hash", "e" * 64),
    "delete": _delete,
    "cut_the_middle": _cut_the_middle,
    "swap": _swap,
    "insert": _insert,
}


def _first_bad_after(
    session: CaseSession, tamper: Callable[[Connection, int], None], seq: int
) -> int | None:
    """Tamper, verify, roll back; the seq verify names as the first bad entry."""
    try:
        with session.store.transaction() as tx:
            tamper(tx.audit._session.connection(), seq)
            _count, fault = tx.audit.verify()
            raise _RollBack(None if fault is None else fault.seq)
    except _RollBack as stopped:
        first_bad: int | None = stopped.args[0]
        return first_bad


def test_t35_a_thousand_random_tamperings_are_each_found_at_the_first_bad_entry(
    session: CaseSession,
) -> None:
    with session.transaction() as tx:
        for index in range(LENGTH):
            session.audit(tx, "person.read", "person", f"p-{index}", {"results": index % 7})
    assert verify_store(session).ok
    rng = random.Random(35)
    found: Counter[str] = Counter()
    for _trial in range(TRIALS):
        name = rng.choice(sorted(TAMPERINGS))
        seq = rng.randrange(2, LENGTH - 10)
        assert _first_bad_after(session, TAMPERINGS[name], seq) == seq, name
        found[name] += 1
    assert sum(found.values()) == TRIALS and set(found) == set(TAMPERINGS)
    report = verify_store(session)  # every tampering was rolled back: the log is whole again
    assert report.ok and report.audit_entries > LENGTH
