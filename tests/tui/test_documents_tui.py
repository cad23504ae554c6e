"""Issue 23 in the TUI: from the person file (x) the officer saves an official document,
giving in a dialog what the file lacks, to a folder they choose."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.documents.render import document_text
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.dialogs.document import DocumentDialog
from caseterm.tui.screens.documents import DocumentsScreen
from tests.conftest import person
from tests.documents.story import out_folder, seed_story
from tests.tui.officer import fill, open_file, open_form, save, settle, unlocked, until

__all__ = ["out_folder"]


async def test_a_handover_record_is_saved_from_the_person_file(
    session: CaseSession, clock: FrozenClock, policy: KdfPolicy, out_folder: Path
) -> None:
    ids = seed_story(session, clock)
    store = session.files.store
    session.close()
    DocumentsScreen.last_folder = None
    async with unlocked(store, policy, clock) as (app, pilot):
        await open_file(app, pilot, ids["anh"])
        await pilot.press("x")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DocumentsScreen)
        forms = [c.form for c in screen.choices]
        assert {"III-01", "III-04", "III-05", "V-23", "V-33"} <= set(forms)
        table = screen.query_one("#documents", DataTable)
        handover = next(
            i for i, c in enumerate(screen.choices) if c.form == "V-23" and c.number == "01/QĐ-CAX"
            and c.when.startswith("06/07/2026")
        )  # fmt: skip
        table.move_cursor(row=handover)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DocumentDialog), "the dialog")
        dialog = app.screen
        assert isinstance(dialog, DocumentDialog)
        assert [m.fill for m in dialog.fillable] == ["officer_title"]
        dialog.query_one("#document-folder", Input).value = str(out_folder)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, DocumentDialog), "an empty required box is refused"
        dialog.query_one("#fill-officer_title", Input).value = "Cảnh sát khu vực"
        await pilot.press("ctrl+s")
        written_yet = out_folder.iterdir  # a test folder listed between pilot turns
        await until(pilot, lambda: any(written_yet()), "the document written")
        await settle(app, pilot)
    written = list(written_yet())
    assert [p.name for p in written] == ["V-23_01-QĐ-CAX.docx"], "the name says what, not whom"
    text = document_text(written[0].read_bytes())
    assert "Chức vụ: Cảnh sát khu vực" in text and "NGUYỄN THỊ NGỌC ÁNH" in text


async def test_the_management_list_is_saved_from_the_registers_screen(
    session: CaseSession, clock: FrozenClock, policy: KdfPolicy, out_folder: Path
) -> None:
    seed_story(session, clock)
    store = session.files.store
    session.close()
    DocumentsScreen.last_folder = None
    async with unlocked(store, policy, clock) as (app, pilot):
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, DocumentDialog), "the dialog")
        dialog = app.screen
        assert isinstance(dialog, DocumentDialog)
        assert dialog.choice.form == "III-10"
        start = dialog.query_one("#fill-from", Input)
        end = dialog.query_one("#fill-to", Input)
        assert (start.value, end.value) == ("01/01/2027", "20/10/2027"), "the year so far"
        start.value = "01/07/2026"
        dialog.query_one("#document-folder", Input).value = str(out_folder)
        await pilot.press("ctrl+s")
        written_yet = out_folder.iterdir
        await until(pilot, lambda: any(written_yet()), "the list written")
        await settle(app, pilot)
    [written] = list(written_yet())
    assert written.name == "III-10.docx"
    text = document_text(written.read_bytes())
    assert "Từ ngày 01/07/2026 đến ngày 20/10/2027" in text
    assert "Nguyễn Thị Ngọc Ánh" in text and "Lê Văn Cường" in text and "Trần Văn Bình" not in text


async def test_the_event_form_offers_its_documents_and_ctrl_o_opens_them_after_saving(
    session: CaseSession, clock: FrozenClock, policy: KdfPolicy
) -> None:
    ids = seed_story(session, clock)
    pid = add_person(session, person("Lý Văn Tư", id_type=None, id_number=""), confirm=True)
    store = session.files.store
    session.close()
    async with unlocked(store, policy, clock) as (app, pilot):
        await open_file(app, pilot, pid)
        form = await open_form(app, pilot, "test.performed")
        await fill(app, pilot, form, ground="h", sample="URINE", result="POSITIVE")
        await save(app, pilot, clock)
        form = await open_form(app, pilot, "residence.verified")
        await fill(app, pilot, form, result="STABLE", criterion="REGISTERED_ADDRESS")
        await save(app, pilot, clock)
        form = await open_form(app, pilot, "use.notice_sent")
        await fill(app, pilot, form, recipient="Trưởng Công an xã Tân An")
        await save(app, pilot, clock)
        form = await open_form(app, pilot, "mgmt.decided")
        line = str(form.query_one("#form-documents").render())
        assert "III-04" in line and "V-23" in line and "Ctrl+O" in line
        await fill(app, pilot, form, reason="NEW", decision_no="auto", officer="Lê Văn Bình")
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, DocumentsScreen), "the documents")
        screen = app.screen
        assert isinstance(screen, DocumentsScreen)
        first = screen.choices[0]
        assert first.form in {"III-04", "V-23"}, "the decision's own documents come first"
        assert first.number.endswith("/QĐ-CAX"), "the number the decision was just given"
    assert ids
