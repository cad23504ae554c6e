"""The parsers that meet files from outside (T11, T12), behind one door for the fuzzer.

Each takes raw bytes from a USB stick and either returns what it read or raises
`BundleRejected`; anything else escaping is a defect. `scripts/fuzz.py` drives them with
Atheris; `tests/fuzz/test_corpus.py` replays every input it ever kept.
"""

from __future__ import annotations

from collections.abc import Callable

from caseterm.crypto.bundle import read_header
from caseterm.domain.bundle import parse_manifest
from caseterm.domain.sync import parse_ack
from caseterm.services.sync.bundle_records import read_records

PARSERS: dict[str, Callable[[bytes], object]] = {
    "bundle": read_header,
    "manifest": parse_manifest,
    "payload": read_records,
    "ack": parse_ack,
}
"""The outside-facing parsers, by the kind of input they read."""
