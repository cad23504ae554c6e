"""T22 (KDF strength): Argon2id as in RFC 9106, a floor that is refused below, calibration."""

from __future__ import annotations

import unicodedata

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from caseterm.crypto.kdf import PRODUCT_POLICY, KdfParams, KdfPolicy, derive_kek, enrolment_params


def test_rfc9106_argon2id_vector() -> None:
    """RFC 9106 §5.3: the library computes the reference tag (with a secret and associated
    data, which caseterm does not use; its own wrapper is checked below)."""
    kdf = Argon2id(
        salt=b"\x02" * 16,
        length=32,
        iterations=3,
        lanes=4,
        memory_cost=32,
        ad=b"\x04" * 12,
        secret=b"\x03" * 8,
    )
    tag = kdf.derive(b"\x01" * 32)
    assert tag.hex() == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"


KEK_VECTOR = "409040f547d3d24f3668963803151fe1a96dd1bd6029a4e747744a28dd7f221c"
"""derive_kek("Cây bàng trước ngõ", 64 KiB, t=3, p=2, salt 00..0f), computed with the Argon2
reference implementation (argon2-cffi over phc-winner-argon2)."""


def test_derive_kek_is_argon2id_as_the_reference_implementation_computes_it() -> None:
    """caseterm's wrapper: the right variant, parameter order, length and encoding."""
    params = KdfParams(memory_kib=64, iterations=3, lanes=2, salt=bytes(range(16)))
    assert derive_kek("Cây bàng trước ngõ", params).hex() == KEK_VECTOR
    for memory, passes, lanes in ((8, 1, 1), (64, 3, 2), (256, 2, 4)):
        params = KdfParams(memory, passes, lanes, bytes(range(16, 32)))
        expected = hash_secret_raw(
            "mật khẩu dài".encode(), params.salt, passes, memory, lanes, 32, Type.ID
        )
        assert derive_kek("mật khẩu dài", params) == expected, (memory, passes, lanes)


def test_derive_kek_normalises_the_passphrase_however_it_was_typed() -> None:
    """Precomposed (NFC) and decomposed (NFD) Vietnamese give the same key; another does not."""
    params = KdfParams(memory_kib=64, iterations=3, lanes=2, salt=bytes(range(16)))
    composed = unicodedata.normalize("NFC", "Cây bàng trước ngõ")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert derive_kek(decomposed, params).hex() == KEK_VECTOR
    assert derive_kek("Cay bang truoc ngo", params).hex() != KEK_VECTOR


def test_product_floor_is_rfc9106_second_recommended_memory_and_passes() -> None:
    assert PRODUCT_POLICY.floor.memory_kib >= 64 * 1024
    assert PRODUCT_POLICY.floor.iterations >= 3
    assert PRODUCT_POLICY.start.at_least(PRODUCT_POLICY.floor)
    assert PRODUCT_POLICY.calibrate


def test_calibration_adds_passes_until_the_target_time() -> None:
    seen: list[KdfParams] = []

    def fake_timer(params: KdfParams) -> float:
        seen.append(params)
        return 0.05 * params.iterations  # 50 ms per pass

    params = enrolment_params(PRODUCT_POLICY, measure=fake_timer)
    assert 0.5 <= 0.05 * params.iterations <= 1.0
    assert params.memory_kib == PRODUCT_POLICY.start.memory_kib
    assert len(params.salt) == 16


def test_calibration_lowers_memory_on_a_slow_machine_but_never_below_the_floor() -> None:
    params = enrolment_params(PRODUCT_POLICY, measure=lambda p: 5.0)  # hopelessly slow
    assert params.memory_kib == PRODUCT_POLICY.floor.memory_kib
    assert params.at_least(PRODUCT_POLICY.floor)


def test_each_enrolment_gets_its_own_salt() -> None:
    fast = KdfPolicy(
        floor=KdfParams(1024, 1, 1, b""), start=KdfParams(1024, 1, 1, b""), calibrate=False
    )
    assert enrolment_params(fast).salt != enrolment_params(fast).salt
