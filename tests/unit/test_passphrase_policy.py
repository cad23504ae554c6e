"""T24 (passphrase policy): length, blocklist of common passwords and context words, no rules."""

from __future__ import annotations

import pytest

from caseterm.domain.passphrase import MIN_LENGTH, check_passphrase

CONTEXT = ["26734", "Xã Tân An", "canbo1"]


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("ngắn quá", "too_short"),
        ("a" * (MIN_LENGTH - 1), "too_short"),
        ("x" * 1025, "too_long"),
        ("passwordpassword", "context_words"),
        ("123456789012345", "context_words"),
        ("!!!!!!!!!!!!!!!!!!", "context_words"),
        ("CongAnXaTanAn2026!", "context_words"),
        ("canbo1canbo1canbo1", "context_words"),
        ("Công an xã Tân An 26734", "context_words"),
        ("matkhaumatkhau123", "context_words"),
        ("iloveyouiloveyou", "common"),
        ("qwertyuiopasdfgh", "common"),
        ("abcdefghijklmnopq", "common"),
    ],
)
def test_refused(passphrase: str, reason: str) -> None:
    assert check_passphrase(passphrase, context=CONTEXT).reason == reason


@pytest.mark.parametrize(
    "passphrase",
    [
        "correct horse battery staple",
        "Trời mưa bong bóng phập phồng",  # Vietnamese with tones, counted as code points
        "xanh la cay mua thu",
        "nhung con song chay ve bien dong xa",
        "ĐÂY LÀ CỤM MẬT KHẨU DÀI",  # only upper case: no composition rules
        "tôi thích ăn phở bò tái chín " * 3,  # long passphrases are allowed
    ],
)
def test_accepted(passphrase: str) -> None:
    assert check_passphrase(passphrase, context=CONTEXT).ok


def test_length_is_counted_in_code_points_as_typed() -> None:
    # 15 Vietnamese letters, some of them two code points when decomposed (NFD).
    composed = "ươngườiđượcmộtt"
    assert len(composed) == MIN_LENGTH
    assert check_passphrase(composed).reason != "too_short"
