"""Which KDF policy is in force.

The product policy always applies, except when a test run says otherwise explicitly with
`CASETERM_UNSAFE_TEST_KDF=1`: then a fast, weak policy is used *and announced* on every command
(and a store made that way is refused by a normal run, because its slots are below the floor).
"""

from __future__ import annotations

import os

from caseterm.crypto.kdf import PRODUCT_POLICY, KdfParams, KdfPolicy

__all__ = ["TEST_POLICY", "KdfPolicy", "active_policy", "is_unsafe"]

TEST_ENV = "CASETERM_UNSAFE_TEST_KDF"

TEST_POLICY = KdfPolicy(
    floor=KdfParams(memory_kib=1024, iterations=1, lanes=1, salt=b""),
    start=KdfParams(memory_kib=1024, iterations=1, lanes=1, salt=b""),
    calibrate=False,
    name="UNSAFE-TEST",
)
"""For tests only: about a millisecond per derivation."""


def active_policy() -> KdfPolicy:
    """Return the product policy, or the unsafe test policy when the environment asks for it."""
    return TEST_POLICY if os.environ.get(TEST_ENV) == "1" else PRODUCT_POLICY


def is_unsafe(policy: KdfPolicy) -> bool:
    """True when the policy is weaker than the product's."""
    return policy.name != PRODUCT_POLICY.name
