"""Coverage-guided fuzzing of the parsers that read files from outside (T12), with Atheris.

    pip install -e '.[fuzz]'
    python scripts/fuzz.py --minutes 10              # all four parsers, in turn
    python scripts/fuzz.py --parser payload --minutes 60

Seeds come from `tests/fuzz/corpus/<parser>/` (synthetic data only). Every input that makes a
parser raise anything but `BundleRejected` is a defect: it is written to that folder as
`crash-<sha>` (minimise it, fix the parser, keep the file: the test suite replays the corpus).
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fuzz" / "corpus"


def fuzz_one(parser_name: str) -> None:
    """Run Atheris on one parser (in this process, until its time limit)."""
    import atheris  # the fuzz extra (not installed for the tests)

    with atheris.instrument_imports():
        from caseterm.domain.bundle import BundleRejected
        from caseterm.services.sync.outside_parsers import PARSERS
    parser = PARSERS[parser_name]

    def target(data: bytes) -> None:
        try:
            parser(data)
        except BundleRejected:
            return
        except BaseException:
            crash = CORPUS / parser_name / f"crash-{hashlib.sha256(data).hexdigest()[:16]}"
            crash.write_bytes(data)
            raise

    atheris.Setup([sys.argv[0], *sys.argv[3:]], target)
    atheris.Fuzz()


def main() -> int:
    """Fuzz each parser for its share of the time, each in its own process."""
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        fuzz_one(sys.argv[2])
        return 0
    from caseterm.services.sync.outside_parsers import PARSERS

    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--parser", choices=sorted(PARSERS), default=None)
    options.add_argument("--minutes", type=float, default=10.0)
    args = options.parse_args()
    names = [args.parser] if args.parser else sorted(PARSERS)
    seconds = max(1, int(args.minutes * 60 / len(names)))
    failed = 0
    for name in names:
        seeds = CORPUS / name
        work = ROOT / "bench-out" / "fuzz" / name  # git-ignored: the fuzzer's growing corpus
        work.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, __file__, "--one", name, f"-max_total_time={seconds}",
                   "-max_len=65536", "-rss_limit_mb=1024", "-timeout=5", str(work), str(seeds)]  # fmt: skip
        print(f"{name}: {seconds} s", flush=True)
        failed += subprocess.run(command, check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
