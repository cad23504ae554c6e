"""Vietnamese name folding and the register sort order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseterm.domain.names import fold, register_sort_key, split_name, tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nguyễn Văn An", "nguyen van an"),
        ("  Trần   Thị  Bình ", "tran thi binh"),
        ("Đặng Đức Đạt", "dang duc dat"),
        ("đỗ thị ĐÀO", "do thi dao"),
        ("Ðinh Văn Lực", "dinh van luc"),  # Icelandic eth typed for Đ
        ("Hồ Thị Ngọc Ánh", "ho thi ngoc anh"),
        ("Lê-Văn Tí (Tèo)", "le van ti teo"),
        ("Phạm Hữu Ước", "pham huu uoc"),
        ("Vũ Thị Thủy", "vu thi thuy"),
        ("Nguye\u0302\u0303n Va\u0306n An", "nguyen van an"),  # decomposed (NFD) input
    ],
)
def test_fold_table(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_tokens_and_split() -> None:
    assert tokens("Nguyễn Văn  An") == ["nguyen", "van", "an"]
    assert split_name("Nguyễn Thị Ngọc Ánh") == ("Nguyễn", "Thị Ngọc", "Ánh")
    assert split_name("Tí") == ("", "", "Tí")


def _sorted(names: list[str]) -> list[str]:
    return sorted(names, key=register_sort_key)


def test_register_order_is_given_name_first() -> None:
    names = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Phạm Văn Cường"]
    assert _sorted(names) == ["Lê Thị An", "Nguyễn Văn An", "Trần Văn Bình", "Phạm Văn Cường"]


def test_vietnamese_alphabet_order() -> None:
    # a < ă < â; d < đ; o < ô < ơ; u < ư (letters, not accents)
    assert _sorted(["Lê Âu", "Lê Ăn", "Lê An"]) == ["Lê An", "Lê Ăn", "Lê Âu"]
    assert _sorted(["Lê Đan", "Lê Dung"]) == ["Lê Dung", "Lê Đan"]
    assert _sorted(["Lê Ơn", "Lê Ôn", "Lê Oanh"]) == ["Lê Oanh", "Lê Ôn", "Lê Ơn"]
    assert _sorted(["Lê Ưng", "Lê Uyên"]) == ["Lê Uyên", "Lê Ưng"]


def test_tones_only_break_ties() -> None:
    # ngang < huyền < hỏi < ngã < sắc < nặng, and only after the letters are equal
    assert _sorted(["Lê Ạn", "Lê Án", "Lê Ãn", "Lê Ản", "Lê Àn", "Lê An"]) == [
        "Lê An",
        "Lê Àn",
        "Lê Ản",
        "Lê Ãn",
        "Lê Án",
        "Lê Ạn",
    ]
    assert _sorted(["Lê Ánh", "Lê An"]) == ["Lê An", "Lê Ánh"]


def test_same_given_name_then_family_then_middle() -> None:
    names = ["Nguyễn Văn An", "Nguyễn An", "Bùi Văn An", "Nguyễn Thị An"]
    assert _sorted(names) == ["Bùi Văn An", "Nguyễn An", "Nguyễn Thị An", "Nguyễn Văn An"]


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ ", min_size=1, max_size=40))
def test_fold_is_idempotent_and_ascii(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert once.isascii()
