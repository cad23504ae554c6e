"""P11 for scripts/bench.py: the district import's peak memory against the bundle's size.

    python scripts/bench_import_memory.py            # both bundles, default sizes
    python scripts/bench_import_memory.py --audit 400000 --persons 20000

Two bundles of one commune, each imported by a fresh process that reports how far its peak
resident memory rose during the import (ru_maxrss), divided by the file's size:

- an audit tail: a commune whose bundle carries hundreds of thousands of audit entries (what a
  hostile run sent as 270 MB), the case where the reader once held four copies;
- a month of persons: synthetic persons, as a first full export is.

The target is below 2× the file (issue 18). Stores hold synthetic data only, under
`bench-out/import-memory/`, made with the explicit fast test KDF.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caseterm.services.session.case_session import CaseSession

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out" / "import-memory"
ACCOUNT, PASSPHRASE = "bench", "mot con ngua dau ca tau bo co"
TARGET = 2.0


def _open(store: Path) -> CaseSession:
    from caseterm.services.keys.opening import open_session
    from caseterm.services.session.policy import TEST_POLICY

    return open_session(store, ACCOUNT, PASSPHRASE, policy=TEST_POLICY)


def _init(store: Path, code: str, kind: str = "commune") -> None:
    from caseterm.domain.codes import Role
    from caseterm.services.session.policy import TEST_POLICY
    from caseterm.services.setup.new_store import InitRequest, init_store

    store.parent.mkdir(parents=True, exist_ok=True)
    roles = (Role.CHIEF,)
    request = InitRequest(
        store, code, f"Đơn vị {code}", ACCOUNT, PASSPHRASE, extra_roles=roles, kind=kind
    )
    init_store(request, policy=TEST_POLICY)


def build(work: Path, audit_entries: int, persons: int, name: str) -> tuple[Path, Path]:
    """A district, and a commune's bundle with these many extra audit entries and persons."""
    from caseterm.services.demo.demo_store import generate_persons
    from caseterm.services.sync.commune import export_bundle, set_district, sync_status
    from caseterm.services.sync.district import district_address, enroll_commune

    shutil.rmtree(work, ignore_errors=True)
    district, commune = work / "district.db", work / "commune.db"
    _init(district, "HUYEN-01", kind="district")
    _init(commune, "26734")
    session = _open(commune)
    try:
        public = sync_status(session).signing_public_key
        if persons:
            generate_persons(session, persons)
        with session.transaction() as tx:
            for n in range(audit_entries):
                tx.audit.append(
                    at="2026-11-03T02:00:00.000000Z",
                    account_id="01900000-0000-7000-8000-000000000000",
                    action="person.read",
                    object_type="person",
                    object_id=f"01900000-0000-7000-8000-{n:012d}",
                    details={"n": n},
                )
        district_session = _open(district)
        try:
            assert public is not None
            enroll_commune(district_session, "26734", "Xã", public.hex())
            address = district_address(district_session).text()
        finally:
            district_session.close()
        set_district(session, address)
        made = export_bundle(session, "2026-10", work)
    finally:
        session.close()
    bundle = made.path.rename(work / f"{name}.ctb")
    return district, bundle


def measure(district: Path, bundle: Path) -> float:
    """In a fresh process: the rise of peak memory during the import, over the file's size.

    The peak (VmHWM) is reset before the import, so the rise is the import's own.
    """
    probe = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "sys.path.insert(0, sys.argv[3])\n"
        "from bench_import_memory import _open\n"
        "from caseterm.services.sync.district_import import import_bundle\n"
        "import caseterm.services.sync.district_apply, caseterm.services.lifecycle.projection\n"
        "session = _open(Path(sys.argv[1]))\n"
        "Path('/proc/self/clear_refs').write_text('5')\n"
        "status = Path('/proc/self/status').read_text()\n"
        "before = int(status.split('VmRSS:')[1].split()[0])\n"
        "import_bundle(session, Path(sys.argv[2]))\n"
        "after = int(Path('/proc/self/status').read_text().split('VmHWM:')[1].split()[0])\n"
        "session.close()\n"
        "print(json.dumps({'before': before, 'after': after}))\n"
    )
    copy = district.with_name("district-run.db")
    for suffix in ("", ".keys"):
        shutil.copyfile(f"{district}{suffix}", f"{copy}{suffix}")
    done = subprocess.run(
        [sys.executable, "-c", probe, str(copy), str(bundle), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CASETERM_LANG": "en"},
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    rise = (int(found["after"]) - int(found["before"])) * 1024  # /proc counts KiB
    return rise / bundle.stat().st_size


def bench_import_memory(audit_entries: int, persons: int) -> dict[str, tuple[float, float]]:
    """P11: {case: (bundle MB, peak rise ÷ bundle size)}."""
    results = {}
    for name, audit, people in (("audit-tail", audit_entries, 0), ("persons", 0, persons)):
        district, bundle = build(OUT / name, audit, people, name)
        results[name] = (bundle.stat().st_size / 1e6, measure(district, bundle))
    return results


def main() -> None:
    """Print the two ratios."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--audit", type=int, default=400_000)
    parser.add_argument("--persons", type=int, default=20_000)
    args = parser.parse_args()
    for name, (megabytes, ratio) in bench_import_memory(args.audit, args.persons).items():
        verdict = "yes" if ratio < TARGET else "NO"
        print(
            f"P11 import peak memory, {name} ({megabytes:.0f} MB): {ratio:.2f}× (<{TARGET}×) {verdict}"
        )


if __name__ == "__main__":
    main()
