"""Issue 23 item 7 (gap A6): an officer's rank and title are set once for the unit, and every
form that names the officer prints them instead of asking on each record."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.errors import ValidationFailed
from caseterm.services.audit.trail import unit_trail
from caseterm.services.documents.header import officers, set_officer, show_header
from caseterm.services.documents.making import document_choices, make_document
from caseterm.services.documents.render import document_text
from caseterm.services.session.case_session import CaseSession
from tests.documents.story import seed_story


@pytest.fixture
def story(session: CaseSession, clock: FrozenClock) -> dict[str, str]:
    return seed_story(session, clock)


def _needs(session: CaseSession, person: str, form: str) -> set[str]:
    return {m.key for c in document_choices(session, person) if c.form == form for m in c.missing}


def test_the_roster_fills_rank_and_title_on_every_form_naming_the_officer(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    assert {"e.officer_rank", "e.officer_title"} <= _needs(session, story["binh"], "I-02")
    # The records write "Trung úy Lê Văn Bình"; the roster names him without his rank.
    set_officer(session, "Lê  Văn Bình", rank="Trung úy", title="Cảnh sát khu vực")
    assert not {"e.officer_rank", "e.officer_title"} & _needs(session, story["binh"], "I-02")
    assert "e.officer_title" not in _needs(session, story["binh"], "I-03")
    made = make_document(session, "I-02", story["binh"], out_folder / "qd.docx")
    text = document_text(made.path.read_bytes())
    assert "Cấp bậc: Trung úy" in text and "Chức vụ: Cảnh sát khu vực" in text
    own = {"officer_title": "Phó trưởng Công an xã", "place": "Thôn Tây"}
    given = make_document(session, "I-03", story["binh"], out_folder / "bb.docx", values=own)
    assert "Chức vụ: Phó trưởng Công an xã" in document_text(given.path.read_bytes()), (
        "what the officer gave for a record wins over the roster"
    )


def test_the_roster_is_changed_and_audited_without_names(
    session: CaseSession, story: dict[str, str]
) -> None:
    set_officer(session, "Lê Văn Bình", rank="Trung úy", title="Cảnh sát khu vực")
    set_officer(session, "lê văn bình", rank="Thượng úy", title="Cảnh sát khu vực")
    [officer] = officers(session)
    assert (officer.name, officer.rank) == ("lê văn bình", "Thượng úy"), "one entry per name"
    assert "officers" not in show_header(session)
    set_officer(session, "Lê Văn Bình", remove=True)
    assert officers(session) == []
    for name, rank in ((" ", "Trung úy"), ("Ai đó", ""), ("x" * 201, "Trung úy")):
        with pytest.raises(ValidationFailed):
            set_officer(session, name, rank=rank)
    with pytest.raises(ValidationFailed, match="roster"):
        set_officer(session, "Không có", remove=True)
    details = [r.details for r in unit_trail(session).rows if r.action == "unit.doc_header"]
    assert any("fields=officers" in d for d in details)
    assert not any("Bình" in d or "bình" in d for d in details)
