"""Issue 21 item 6: every list of the TUI is a command too (Textual has no screen reader):
`person list` with the filters of F3/F4 and paging, `watch`, `review`, each with `--json`."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from caseterm.clock import VIETNAM
from caseterm.errors import EXIT_USAGE
from tests.lifecycle import paths
from tests.lifecycle.life import Life
from tests.programs import Programs
from tests.schemas import conforms


def _add(run: Programs, name: str, number: str, village: str) -> str:
    added = run(
        "caseterm", "person", "add", "--name", name, "--sex", "nam", "--dob", "12/03/1990",
        "--id-type", "CCCD", "--id-number", number, "--village", village, "--json",
    )  # fmt: skip
    return str(json.loads(added.stdout)["id"])


def _record(run: Programs, pid: str, life: Life, tmp_path: Path) -> None:
    """The scripted events, through `event record` as a clerk types them (a week ago)."""
    shift = timedelta(days=0)
    for number, event in enumerate(life.events):
        payload = tmp_path / f"{pid}-{number}.json"
        payload.write_text(json.dumps(event.payload.model_dump(mode="json", exclude_none=True)))
        moment = (event.occurred_at + shift).astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")
        run("caseterm", "event", "record", pid, event.type, "--payload-file", str(payload),
            "--at", moment)  # fmt: skip


def test_person_list_filters_pages_and_json(run: Programs, tmp_path: Path) -> None:
    managed = _add(run, "Nguyễn Văn Quản", "001090111111", "Thôn Đông")
    positive = _add(run, "Trần Văn Dương", "001090222222", "Thôn Tây")
    newcomer = _add(run, "Lê Văn Mới", "001090333333", "Thôn Tây")
    life = Life()
    paths.managed(life, "03/11/2026 08:00")
    _record(run, managed, life, tmp_path)
    test = Life()
    paths.positive(test, "03/11/2026 08:00")
    _record(run, positive, test, tmp_path)

    def listed(*filters: str) -> dict[str, object]:
        shown = run("caseterm", "person", "list", *filters, "--json").stdout
        return dict(conforms(json.loads(shown), "person-page.v1.schema.json"))

    def ids(*filters: str) -> list[str]:
        return [str(p["id"]) for p in listed(*filters)["persons"]]  # type: ignore[attr-defined]

    assert listed()["total"] == 3
    assert ids("--register", "danh sach nguoi su dung trai phep chat ma tuy") == [managed]
    assert ids("--register", "USERS") == [managed]
    assert ids("--measure", "quản lý người sử dụng trái phép chất ma túy") == [managed]
    assert ids("--officer", "tran van an") == [managed]
    assert ids("--status", "s2") == [positive]
    assert sorted(ids("--village", "thon tay")) == sorted([positive, newcomer])
    first = listed("--limit", "2")
    second = listed("--limit", "2", "--offset", "2")
    assert (first["total"], len(first["persons"]), len(second["persons"])) == (3, 2, 1)  # type: ignore[arg-type]
    page = run("caseterm", "person", "list", "--limit", "2").stdout
    # Register order is by given name: Dương (HS-000002), Mới (HS-000003), then Quản.
    assert "1–2" in page and "--offset 2" in page and page.startswith("HS-000002")
    bad = run("caseterm", "person", "list", "--register", "nowhere", expect=EXIT_USAGE)
    assert "ADDICTS" in bad.stderr and "Traceback" not in bad.stderr


def test_watch_and_review_as_commands(run: Programs, tmp_path: Path) -> None:
    managed = _add(run, "Nguyễn Văn Quản", "001090111111", "Thôn Đông")
    life = Life()
    paths.managed(life, "03/11/2026 08:00")
    _record(run, managed, life, tmp_path)
    watched = conforms(
        json.loads(run("caseterm", "watch", "--json").stdout), "watch.v1.schema.json"
    )
    assert watched["items"] == []
    assert "0" in run("caseterm", "watch").stdout
    review = conforms(
        json.loads(run("caseterm", "review", "--json").stdout), "review.v1.schema.json"
    )
    assert review["total"] == 1 and review["persons"][0]["person_id"] == managed
    assert "Nguyễn Văn Quản" in run("caseterm", "review").stdout


def test_find_takes_up_to_a_thousand(run: Programs) -> None:
    """`person find --limit` was capped at 500; the search orders up to 1,000 matches."""
    run("caseterm", "person", "find", "An", "--limit", "1000", "--json")
    run("caseterm", "person", "find", "An", "--limit", "1001", expect=EXIT_USAGE)
