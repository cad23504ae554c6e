"""T12 (the PR part): every input in the fuzzing corpus — the seeds and anything the fuzzer
ever found — goes through its parser again, which must read it or refuse it with
`BundleRejected`, never raise anything else. `scripts/fuzz.py` adds to the corpus."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from caseterm.domain.bundle import BundleRejected
from caseterm.services.sync.outside_parsers import PARSERS

CORPUS = Path(__file__).parent / "corpus"


def _inputs() -> list[Path]:
    return sorted(path for path in CORPUS.rglob("*") if path.is_file())


def test_the_corpus_has_seeds_for_every_parser() -> None:
    assert {path.parent.name for path in _inputs()} == set(PARSERS)


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_t12_every_corpus_input_is_read_or_refused(path: Path) -> None:
    parser = PARSERS[path.parent.name]
    with contextlib.suppress(BundleRejected):  # a refusal is fine; anything else fails here
        parser(path.read_bytes())
