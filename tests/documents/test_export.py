"""Issue 23 items 3–4: a document leaves the store only on purpose — asked, written, audited,
cleaned."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest
from docx import Document

from caseterm.clock import FrozenClock
from caseterm.errors import UsageError
from caseterm.services.audit.trail import person_trail, unit_trail
from caseterm.services.documents import making
from caseterm.services.documents.cleaning import clean_folder
from caseterm.services.documents.making import MissingFields, document_choices, make_document
from caseterm.services.documents.render import document_text
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person, show_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person
from tests.documents.story import seed_story
from tests.lifecycle.life import at


@pytest.fixture
def story(session: CaseSession, clock: FrozenClock) -> dict[str, str]:
    return seed_story(session, clock)


def test_a_document_is_written_0600_and_audited_with_its_digest_and_no_content(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    made = make_document(session, "III-04", story["anh"], out_folder / "QĐ quản lý.docx")
    data = made.path.read_bytes()
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert made.sha256 == hashlib.sha256(data).hexdigest()
    assert made.decision_no == "01/QĐ-CAX"
    assert [p.name for p in out_folder.iterdir()] == ["QĐ quản lý.docx"], "no temp file left"
    entries = [r for r in person_trail(session, story["anh"]).rows if r.action == "document.export"]
    assert len(entries) == 1
    details = entries[0].details
    assert "form=III-04" in details
    assert f"sha256={made.sha256}" in details
    assert "number=01/QĐ-CAX" in details
    assert "Ánh" not in details and "ÁNH" not in details, "the audit names no one"


def test_a_missing_required_field_is_asked_for_then_kept(
    session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    seed_story(session, clock)
    clock.current = at("09/07/2027 08:00")
    bare = add_person(session, person("Phạm Văn Đức"), confirm=True)
    record_event(session, bare, "test.performed", {"ground": "h", "sample": "URINE",
                 "result": "NEGATIVE"}, occurred_at=at("09/07/2027 07:30"))  # fmt: skip
    target = out_folder / "phieu.docx"
    with pytest.raises(MissingFields) as refused:
        make_document(session, "III-01", bare, target)
    asked = {m.key for m in refused.value.missing}
    assert {"e.summary", "e.slip_no", "e.tester", "e.place", "p.birth_place"} <= asked
    assert not target.exists(), "nothing is written while a required field is missing"
    values = {"summary": "Kiểm tra hành chính.", "slip_no": "22/PKQ", "tester": "Lê Văn Bình",
              "place": "Trụ sở", "birth_place": "Bắc Ninh", "origin_place": "Bắc Ninh",
              "permanent_address": "Thôn Nam", "current_address": "Thôn Nam",
              "ethnicity": "Kinh", "education": "12/12", "occupation": "Làm ruộng"}  # fmt: skip
    made = make_document(session, "III-01", bare, target, values=values)
    text = document_text(made.path.read_bytes())
    assert "☒ Âm tính" in text and "Số: 22/PKQ" in text and "Nơi sinh: Bắc Ninh" in text
    assert show_person(session, bare).person.record.birth_place == "Bắc Ninh", "kept in the file"
    again = make_document(session, "III-01", bare, out_folder / "phieu-2.docx")
    assert "Kiểm tra hành chính." in document_text(again.path.read_bytes()), "kept with the event"


def test_a_pending_test_offers_no_slip_and_the_choices_name_what_is_missing(
    session: CaseSession, story: dict[str, str]
) -> None:
    choices = document_choices(session, story["anh"])
    forms = {c.form for c in choices}
    assert {"III-01", "III-03", "III-04", "III-05", "III-09", "V-23", "V-33"} <= forms
    handovers = [c for c in choices if c.form == "V-23"]
    assert len(handovers) == 2, "one handover record per decision"
    assert all("e.officer_title" in {m.key for m in c.missing} for c in handovers)


def test_refusals_write_nothing(session: CaseSession, story: dict[str, str], out_folder: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    with pytest.raises(UsageError, match=r"\.docx"):
        make_document(session, "III-04", story["anh"], out_folder / "qd.pdf")
    with pytest.raises(UsageError, match="No form"):
        make_document(session, "XX-99", story["anh"], out_folder / "x.docx")
    with pytest.raises(UsageError, match="does not exist"):
        make_document(session, "III-04", story["anh"], out_folder / "no" / "qd.docx")
    (out_folder / "qd.docx").write_bytes(b"mine")
    with pytest.raises(UsageError, match="already exists"):
        make_document(session, "III-04", story["anh"], out_folder / "qd.docx")
    assert (out_folder / "qd.docx").read_bytes() == b"mine"
    monkeypatch.setattr(making, "temp_folders", lambda: (out_folder.resolve(),))
    with pytest.raises(UsageError, match="temporary folder"):
        make_document(session, "III-04", story["anh"], out_folder / "other.docx")
    assert sorted(p.name for p in out_folder.iterdir()) == ["qd.docx"]


def test_the_system_temp_folder_is_refused() -> None:
    import tempfile

    assert Path(tempfile.gettempdir()).resolve() in making.temp_folders()


def test_clean_deletes_ours_even_edited_and_leaves_the_rest(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    ours = make_document(session, "III-04", story["anh"], out_folder / "a.docx").path
    edited = make_document(session, "V-33", story["anh"], out_folder / "b.docx").path
    document = Document(str(edited))
    document.add_paragraph("Sửa tay trong Word")
    document.save(str(edited))
    foreign = out_folder / "thu-cong-van.docx"
    Document().save(str(foreign))
    note = out_folder / "ghi-chu.txt"
    note.write_text("x")
    cleaned = clean_folder(session, out_folder)
    assert sorted(p.name for p in cleaned.removed) == ["a.docx", "b.docx"]
    assert [p.name for p in cleaned.left] == ["thu-cong-van.docx"]
    assert sorted(p.name for p in out_folder.iterdir()) == ["ghi-chu.txt", "thu-cong-van.docx"]
    assert not ours.exists()
    actions = [r.action for r in unit_trail(session, since="", until="").rows]
    assert "document.clean" in actions


def test_a_notice_takes_its_number_when_first_produced_and_keeps_it(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    summary = {"summary": "Sử dụng trái phép chất ma túy."}
    first = make_document(session, "III-02", story["anh"], out_folder / "a.docx", values=summary)
    again = make_document(session, "III-02", story["anh"], out_folder / "b.docx")
    other = make_document(session, "III-02", story["cuong"], out_folder / "c.docx", values=summary)
    assert (first.decision_no, again.decision_no) == ("01/TB-CAX", "01/TB-CAX"), "kept"
    assert other.decision_no == "01/TB-CAX", "Cường's notice is of 2027: the count restarts"
    with session.transaction() as tx:  # the register: one TB number a year, each with its event
        rows = [(r.year, r.kind, r.number, r.form) for r in tx.documents.numbers("26734", 2026)]
    assert (2026, "TB", 1, "III-02") in rows
    assert [r for r in rows if r[1] == "TB"] == [(2026, "TB", 1, "III-02")], (
        "printed twice, given once"
    )


def test_the_json_of_a_list_and_of_a_written_document_follows_its_schema(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    import json

    import jsonschema

    from caseterm.services.documents.json_shapes import choices_json, made_json

    root = Path(__file__).resolve().parents[2] / "schema"
    listed = choices_json(document_choices(session, story["anh"]))
    jsonschema.validate(listed, json.loads((root / "documents.v1.schema.json").read_text()))
    assert any(c["form"] == "III-04" and c["number"] == "01/QĐ-CAX" for c in listed)
    made = made_json(make_document(session, "III-04", story["anh"], out_folder / "qd.docx"))
    jsonschema.validate(made, json.loads((root / "document-made.v1.schema.json").read_text()))
    assert made["number"] == "01/QĐ-CAX" and made["form"] == "III-04"
