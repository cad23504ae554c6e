"""Passphrase → key-encryption key with Argon2id; parameters are stored per account slot.

The product's floor is RFC 9106's second recommended setting in memory and passes (64 MiB, t=3);
enrolment calibrates upwards to about 0.5–1 s on the machine at hand. Tests create their own,
explicitly weak, policy object: nothing here falls back to weak parameters by itself.
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KEK_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters of one slot."""

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def at_least(self, floor: KdfParams) -> bool:
        """True when these parameters are as strong as the floor's in memory and passes."""
        return self.memory_kib >= floor.memory_kib and self.iterations >= floor.iterations

    def with_new_salt(self) -> KdfParams:
        """Return the same cost with a fresh random salt."""
        return KdfParams(self.memory_kib, self.iterations, self.lanes, os.urandom(SALT_BYTES))


@dataclass(frozen=True)
class KdfPolicy:
    """The cost a slot must have (`floor`, refused below) and the cost enrolment aims for."""

    floor: KdfParams
    start: KdfParams
    """Where calibration starts; it adds passes until the target time is reached."""
    target_seconds: tuple[float, float] = (0.5, 1.0)
    calibrate: bool = True
    name: str = "product"


PRODUCT_POLICY = KdfPolicy(
    floor=KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1, salt=b""),
    start=KdfParams(memory_kib=256 * 1024, iterations=3, lanes=2, salt=b""),
)


def normalise_passphrase(passphrase: str) -> bytes:
    """NFKC-normalise (so the same words typed anywhere match) and encode as UTF-8."""
    return unicodedata.normalize("NFKC", passphrase).encode("utf-8")


def derive_kek(passphrase: str, params: KdfParams) -> bytes:
    """Derive the 32-byte key-encryption key; cost as stored in the slot."""
    kdf = Argon2id(
        salt=params.salt,
        length=KEK_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_passphrase(passphrase))


def enrolment_params(
    policy: KdfPolicy, *, measure: Callable[[KdfParams], float] | None = None
) -> KdfParams:
    """Choose parameters for a new slot: calibrated to the policy's target time on this machine."""
    params = policy.start.with_new_salt()
    if not policy.calibrate:
        return params
    timer = measure or _time_derivation
    low, high = policy.target_seconds
    seconds = timer(params)
    while seconds > high and params.memory_kib // 2 >= policy.floor.memory_kib:
        params = KdfParams(params.memory_kib // 2, params.iterations, params.lanes, params.salt)
        seconds = timer(params)
    while seconds < low and params.iterations < 12:
        per_pass = seconds / params.iterations
        wanted = max(params.iterations + 1, int(low / max(per_pass, 1e-6)) + 1)
        params = KdfParams(params.memory_kib, min(wanted, 12), params.lanes, params.salt)
        seconds = timer(params)
    return params


def _time_derivation(params: KdfParams) -> float:
    started = time.perf_counter()
    derive_kek("calibration", params)
    return time.perf_counter() - started
