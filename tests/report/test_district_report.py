"""The district's report: per commune and in total, missing communes first (issue 7)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.reports.monthly import district_report, monthly_report
from caseterm.services.reports.tables import district_tables, header
from tests.sync.world import World

SENT = {"26734": 3, "26737": 1}
"""Communes that send their November bundle, and how many people each tests positive."""
SILENT = "26740"


def test_the_district_sums_the_communes_and_lists_the_missing_one_first(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    world = World(tmp_path, policy, clock)
    for code in (*SENT, SILENT):
        world.add_commune(code)
    for code, people in {**SENT, SILENT: 2}.items():
        for n in range(people):
            world.add_person(code, f"Người {code} {n}", id_number=f"0010901{code[-3:]}{n:02d}")
    clock.current += timedelta(days=30)  # 2 December: November is over
    own = {}
    for code in SENT:
        world.import_(world.export(code, "2026-11"))
        with world.open(world.communes[code]) as session:
            own[code] = monthly_report(session, "2026-11")
    with world.open(world.district) as session:
        report = district_report(session, "2026-11")
    assert report.missing == (SILENT,)
    assert header(report)[0] == ("Communes with no data for this period", f"Xã {SILENT} ({SILENT})")
    for row in ("F1.test", "F1.positive", "F1.test.h", "D.registered"):
        assert report.current.get(row) == sum(r.current.get(row) for r in own.values()), row
        for code, commune in own.items():
            assert report.current.get(row, "unit", code) == commune.current.get(row), (row, code)
    assert report.current.get("F1.test") == 4
    flows = district_tables(report)[1]
    columns = [c.key for c in flows.columns]
    assert columns[:5] == ["code", "indicator", "total", "last_year", "change"]
    assert columns[5:] == ["unit:26734", "unit:26737", "unit:26740"]
    tests = next(line for line in flows.lines if line.code == "F1.test")
    assert tests.values == (4, 0, 4, 3, 1, 0)
