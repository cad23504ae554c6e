"""JSON from outside (bundles, acknowledgements, key files, backups), read strictly.

`json.loads` alone recurses once per nested bracket (8,000 brackets end the process with a
RecursionError, not a refusal), accepts integers of any size (10^30, 2^63: an overflow at the
database, long after the checks) and the non-JSON constants NaN and Infinity. Here nesting is
bounded before parsing, every integer is bounded as it is read, and the constants are refused;
each as a `ValueError`, which every caller already turns into a refusal with a code.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

MAX_DEPTH = 32
"""Deeper than anything caseterm writes (a person record nests four levels)."""
MAX_INTEGER = 2**53
"""Every integer caseterm writes is far smaller; 2^53 is also where JSON numbers stop being
exact in other readers."""
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def _depth(text: str) -> int:
    """The deepest nesting of brackets outside strings."""
    deepest = depth = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _integer(text: str) -> int:
    if len(text) > 20:  # decided before int() spends time on a huge number
        raise ValueError("an integer out of range")
    value = int(text)
    if abs(value) > MAX_INTEGER:
        raise ValueError("an integer out of range")
    return value


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number out of range")
    return value


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def loads(data: bytes | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse strict JSON; `ValueError` (or `UnicodeDecodeError`) for anything else."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    # Counting brackets is C-speed; only text that could be too deep is scanned closely.
    if text.count("[") + text.count("{") > max_depth and _depth(text) > max_depth:
        raise ValueError(f"nested deeper than {max_depth} levels")
    try:
        return json.loads(text, parse_int=_integer, parse_float=_float, parse_constant=_constant)
    except RecursionError:  # unreachable past the bound above; never a crash all the same
        raise ValueError("nested too deeply") from None
