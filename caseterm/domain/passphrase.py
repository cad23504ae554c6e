"""Passphrase policy (NIST SP 800-63B-4, ASVS 6.2): length and a blocklist, no composition rules.

At least 15 characters (Unicode code points, counted as typed), up to 1024; no rules about digits
or symbols; no expiry. Refused when it is a common or predictable password (zxcvbn's list of
common passwords, keyboard walks, repeats and sequences) or when it is made only of words of the
context: the unit's name and code, place words, the account name, this application's name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from caseterm.domain.names import fold

MIN_LENGTH = 15
MAX_LENGTH = 1024
MIN_GUESSES = 10**10
"""Below this many guesses (zxcvbn's estimate) the passphrase is common or predictable."""

APP_WORDS = (
    "caseterm",
    "cong an",
    "công an",
    "ca",
    "xa",
    "xã",
    "phuong",
    "phường",
    "thi tran",
    "huyen",
    "tinh",
    "ma tuy",
    "ma túy",
    "mat khau",
    "mật khẩu",
    "can bo",
    "cán bộ",
    "truong",
    "police",
    "password",
    "admin",
    "quan tri",
    "cai nghien",
    "viet nam",
    "thon",
    "to dan pho",
    "ban",
    "khu pho",
    "ap",
    "doi",
    "so",
    "huyen",
    "quan",
    "tp",
    "thanh pho",
)


@dataclass(frozen=True)
class PolicyVerdict:
    """The outcome of a policy check: `reason` is None when the passphrase is acceptable."""

    reason: str | None
    """`too_short`, `too_long`, `common` or `context_words`."""

    @property
    def ok(self) -> bool:
        """True when the passphrase may be used."""
        return self.reason is None


def check_passphrase(passphrase: str, *, context: Iterable[str] = ()) -> PolicyVerdict:
    """Check a new passphrase against the policy; `context` names the unit, place and account."""
    length = len(unicodedata.normalize("NFC", passphrase))
    if length < MIN_LENGTH:
        return PolicyVerdict("too_short")
    if length > MAX_LENGTH:
        return PolicyVerdict("too_long")
    words = _context_words([*APP_WORDS, *context])
    if _only_context_words(passphrase, words):
        return PolicyVerdict("context_words")
    from zxcvbn import zxcvbn  # deferred: 50 ms, needed only when a passphrase is set

    # zxcvbn reads at most 72 characters: the estimate of the start is a lower bound.
    estimate = zxcvbn(passphrase[:72], user_inputs=sorted(words))
    if float(estimate["guesses"]) < MIN_GUESSES:
        return PolicyVerdict("common")
    return PolicyVerdict(None)


def _context_words(texts: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for text in texts:
        folded = fold(text)
        if not folded:
            continue
        words.add(folded.replace(" ", ""))
        words.update(word for word in folded.split(" ") if word)
    return words


def _only_context_words(passphrase: str, words: set[str]) -> bool:
    """True when the letters of the passphrase split wholly into context words."""
    letters = "".join(ch for ch in fold(passphrase) if ch.isalpha())
    if not letters:
        return True  # digits and symbols only
    reachable = [True] + [False] * len(letters)
    for end in range(1, len(letters) + 1):
        reachable[end] = any(
            reachable[start] and letters[start:end] in words
            for start in range(max(0, end - 24), end)
        )
    return reachable[-1]
