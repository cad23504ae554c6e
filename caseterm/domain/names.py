"""Vietnamese names: folding for search, and the register sort order (given name first).

Folding removes tones and letter marks (đ→d) so an officer can type "nguyen van a" for
"Nguyễn Văn A". Sorting follows the Vietnamese alphabet (a ă â b c d đ e ê g … ư v x y) and
orders by given name (the last word), then family name (the first word), then middle names.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^0-9a-z ]+")

# Combining marks: tone marks are secondary weights, letter marks make distinct letters.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_LETTER_MARKS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_MARKED = {
    ("a", "breve"): "ă",
    ("a", "circumflex"): "â",
    ("e", "circumflex"): "ê",
    ("o", "circumflex"): "ô",
    ("o", "horn"): "ơ",
    ("u", "horn"): "ư",
}
_WEIGHT = {letter: index for index, letter in enumerate(_ALPHABET)}
_DIGIT_BASE = 0x30
_LETTER_BASE = 0x41


def normalise_spaces(text: str) -> str:
    """Trim and collapse runs of white space to one space (NFC form)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """Fold text for search: lower case, no tones or letter marks, đ→d, words separated by a space.

    >>> fold("  Nguyễn  Thị Ðào ")
    'nguyen thi dao'
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("ð", "d")  # Icelandic eth is often typed for Đ
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", bare)).strip()


def tokens(text: str) -> list[str]:
    """Return the folded words of a text."""
    folded = fold(text)
    return folded.split(" ") if folded else []


def _letter_key(word: str) -> tuple[str, str]:
    """Return (primary, secondary) weights of one word as sortable strings."""
    primary: list[str] = []
    secondary: list[str] = []
    for cluster in _clusters(unicodedata.normalize("NFD", word.lower())):
        base, marks = cluster[0], cluster[1:]
        if base == "đ" or base == "ð":
            letter = "đ"
        else:
            mark_names = [_LETTER_MARKS[m] for m in marks if m in _LETTER_MARKS]
            letter = _MARKED.get((base, mark_names[0]), base) if mark_names else base
        tone = max((_TONES.get(m, 0) for m in marks), default=0)
        if letter in _WEIGHT:
            primary.append(chr(_LETTER_BASE + _WEIGHT[letter]))
        elif letter.isdigit():
            primary.append(chr(_DIGIT_BASE + int(letter)))
        else:
            continue
        secondary.append(str(tone))
    return "".join(primary), "".join(secondary)


def _clusters(decomposed: str) -> list[str]:
    clusters: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and clusters:
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


def split_name(full_name: str) -> tuple[str, str, str]:
    """Split a full name into (family, middle, given), as written in Vietnamese order."""
    words = normalise_spaces(full_name).split(" ")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def register_sort_key(full_name: str) -> str:
    """Return a string whose byte order is the Vietnamese register order of names.

    Given name first, then family name, then middle names; letters in the Vietnamese alphabet
    order; tones only break ties. The result is stored in an indexed column for ORDER BY.
    """
    family, middle, given = split_name(full_name)
    parts = [_letter_key(word) for word in (given, family, middle)]
    # \x02 separates the words, \x01 the letters from the tones: both sort below every letter,
    # so a shorter name sorts before a longer one that starts the same way.
    primary = "\x02".join(p for p, _ in parts)
    secondary = "\x02".join(s for _, s in parts)
    return f"{primary}\x01{secondary}"
