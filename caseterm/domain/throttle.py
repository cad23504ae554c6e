"""Unlock throttling: how long the keyboard must wait after wrong passphrases (T23).

After 5 consecutive failures each further try waits 30 s, doubling with every failure, at most
an hour; after 100 the account is locked until an administrator resets it (NIST SP 800-63B:
no more than 100 consecutive failures). This only slows someone at the keyboard: a copied
store is attacked offline, where the passphrase's length and the Argon2id cost are the defence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

FREE_TRIES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
LOCK_AFTER = 100


@dataclass(frozen=True)
class Failures:
    """Consecutive failed unlocks of one account, and when the last one was."""

    count: int
    last: datetime


def wait_needed(failures: Failures | None, now: datetime) -> timedelta:
    """How long until the next try is allowed (zero when it is allowed now)."""
    if failures is None or failures.count < FREE_TRIES:
        return timedelta(0)
    doublings = min(failures.count - FREE_TRIES, 8)  # 30 s × 2⁸ is past the hour already
    wait = min(FIRST_WAIT * (1 << doublings), LONGEST_WAIT)
    remaining: timedelta = failures.last + wait - now
    return max(timedelta(0), remaining)


def locked_out(failures: Failures | None) -> bool:
    """True after so many failures that only an administrator can let the account in again."""
    return failures is not None and failures.count >= LOCK_AFTER
