"""F1 / ?: what the screen is for and which keys do what."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from caseterm.i18n import N_, _


def help_text(screen_name: str) -> str:
    """Return the help page (Markdown) of a screen, in the active language."""
    common = _(
        "## Keys everywhere\n\n"
        "- **F1** or **?**: this help\n"
        "- **Ctrl+P**: command palette (every action by name)\n"
        "- **F2**: today · **F3**: registers · **F5**: sync with the district · **F6**: "
        "reports · **F7**: approvals (the chief's desk)\n"
        "- **Ctrl+L**: lock now (the keys are dropped; unlock again to continue)\n"
        "- **Escape**: back / close\n"
        "- **Ctrl+Q**: quit\n\n"
        "The app locks itself after a few idle minutes. Status is always written in words, "
        "never shown by colour alone."
    )
    pages = {
        "unlock": _(
            "# Unlock\n\nChoose your account, type your passphrase and press Enter. Each officer "
            "has their own passphrase; never share it. After wrong passphrases the app waits "
            "longer before the next try."
        ),
        "today": _(
            "# Today\n\nWhat is due, most urgent first: **⚠ OVERDUE**, then **● TODAY**, then "
            "**○ 7 DAYS**. Each line names the person, the measure, what is due, the deadline "
            "(and how long until or since it), and the legal basis. Above the list: the counts "
            "per register, and a warning when the commune's monthly report is due.\n\n"
            "Long lists are drawn a page at a time as the cursor moves down (**Ctrl+End**: the "
            "last line).\n\n"
            "**2 Close watch**: people after rehab, with drug-induced psychosis, or released "
            "from prison in the last year, the longest unseen first; **⚠** after 30 days "
            "without contact (record a contact in their file). **3 Not reviewed this year**: "
            "who on the registers has no annual review yet.\n\n"
            "- **1 / 2 / 3**: deadlines, close watch, not reviewed\n"
            "- **Enter**: open the person's file (at that deadline)\n"
            "- **R**: read the lists again\n- **F3**: the registers"
        ),
        "registers": _(
            '# Registers\n\nType to search: a name without tones ("nguyen van an"), an other '
            "name, or the start of an ID number. Words may come in any order. The filters "
            "(register, measure, state, officer in charge, village) narrow the list and the "
            "search. More persons load as the cursor reaches the end of the list.\n\n"
            "- **Enter**: open the person's file\n"
            "- **Ctrl+N** (or **N** in the list): register a new person\n"
            "- **/**: go to the search box\n- **F4**: go to the filters\n"
            "- **Down**: go to the list\n"
            "- **F8**: save the list of persons under user management (Mẫu III-10) for a "
            "period, as a Word file to print"
        ),
        "person": _(
            "# Person file\n\nThe status and registers, the measures (state, term, time "
            "remaining, flags), the open deadlines, the actions the law allows now, the timeline "
            "(voided events struck through, with the reason), then identity, drug-use profile "
            "and family. Opening a file is written in the audit log.\n\n"
            "An action only the commune police chief may record is shown dimmed, with the "
            "reason. An action the law does not allow now is not shown.\n\n"
            "- **A**: go to the actions; **Enter** opens the form\n"
            "- **T**: go to the timeline; **V**: void the selected event (a reason is required)\n"
            "- **X**: official documents (decisions, records, résumés) filled from the file\n"
            "- **Escape**: back"
        ),
        "documents": _(
            "# Official documents\n\nThe forms of Decree 163/2026 this file can fill: ✓ ready, "
            "or what each still needs. **Enter** asks for what the file lacks (kept in the file "
            "for next time) and where to save the .docx; you can still correct it in Word "
            "before signing. A decision saved with the number “auto” takes the unit's next "
            "number for the year. The file holds personal data in clear: save it to your own "
            "folder, print it, then delete it (caseterm doc clean FOLDER). Writing it is "
            "recorded in the audit log.\n\n- **Enter**: save as a file · **Escape**: back"
        ),
        "audit": _(
            "# Audit trail\n\nWho opened, changed, drafted or approved on this file, and "
            "when, oldest first; or, from the command palette, the unit's own operations "
            "(unlocks, failed unlocks, accounts, keys, backups). Every entry is chained to the "
            "one before: the line above the list says whether the chain is intact. Reading "
            "the trail is itself recorded. For an inspection: caseterm-admin audit show "
            "--person FILE --xlsx FILE.\n\n- **Escape**: back"
        ),
        "approvals": _(
            "# Approvals\n\nThe chief's desk. A chief's decision that an officer prepares, or "
            "a record whose warnings only a chief may confirm (a CCCD that fails its rules, an "
            "ID number another person holds), waits here as a draft: it changes nothing in "
            "the file and starts no deadline until the chief approves it. Approving records "
            "it in the chief's name, dated now, with the officer kept as its drafter. A draft "
            "the file has outgrown says why and cannot be approved: reject it, saying so. "
            "Account changes (new accounts, resets, recovery keys) that no chief has seen yet "
            "are listed too.\n\n"
            "- **D**: approve (a chief) · **X**: reject with a reason the officer reads\n"
            "- **W**: withdraw your own draft (an officer) · **S**: account changes seen\n"
            "- **R**: read the list again"
        ),
        "event_form": _(
            "# Record an event\n\nFields marked * are required. Dates are dd/mm/yyyy, times "
            "dd/mm/yyyy HH:MM (Vietnam time); “When it happened” starts at now. Problems show "
            "beside their field as you type, and the box below says what saving will do (a "
            "new deadline, a measure opened or closed) or why the law refuses it.\n\n"
            "- **Tab** / **Shift+Tab**: next / previous field\n- **Ctrl+S**: save\n"
            "- **Ctrl+O**: save, then open the official documents this event makes (Xuất văn "
            "bản: the decision, its handover record…)\n"
            "- **Escape**: cancel (asks first if something was typed)\n\n"
            "If the app locks while a form is open, the form is discarded unsaved."
        ),
        "sync": _(
            "# Sync with the district\n\nOnce a month the commune sends the district an "
            "encrypted, signed bundle of everything the district has not acknowledged yet. "
            "Write it to a USB stick and take it to the district; bring back the "
            "acknowledgement file (.ack) and read it here. A bundle not yet acknowledged is "
            "written again unchanged if you export the same month again.\n\n"
            "- **E**: export the month (**Escape** cancels while it runs; nothing is kept)\n"
            "- **A**: read an acknowledgement\n- **R**: read the status again"
        ),
        "report": _(
            "# Monthly report\n\nThe stock at the cut-off (K1–K5: each person counted once), "
            "the flows of the month (F1–F9), the directive indicators and the ratios, each beside "
            "the same month last year, then the same by village / residential group and by "
            "officer. Counts only, never a name. Scroll right for the breakdowns by sex, age, "
            "substance and regime. A district's report has one column per commune; communes with "
            "no data for the month are named first.\n\n"
            "- **P**: choose the month (YYYY-MM)\n- **]** / **N**, **[** / **B**: next / previous "
            "table\n- **X**: save as XLSX (printable on A4) · **C**: save as CSV\n"
            "- **W**: a commune's report as a numbered Word document for the commune People's "
            "Committee"
        ),
        "district": _(
            "# District\n\nEach commune's last bundle, how many days ago it came, and its "
            "state in words: **✓ up to date**, **⚠ no bundle for N days** (after 35 days), "
            "**⚠ waiting for bundle N** (a later one is held until the missing one arrives). "
            "Below: alerts (two different bundles with one number) and ID numbers that two "
            "communes both hold.\n\n"
            "- **I**: import a bundle file, or every bundle in a folder; an acknowledgement is "
            "written beside each\n- **R**: read the status again"
        ),
        "new_person": _(
            "# New person\n\nFill in at least the full name, sex and date of birth "
            "(dd/mm/yyyy, or the year alone for old records). Likely duplicates and warnings "
            "are shown before saving.\n\n- **Ctrl+S**: save\n- **Escape**: cancel (asks first "
            "if something was typed)"
        ),
    }
    return pages.get(screen_name, "") + "\n\n" + common


class HelpScreen(ModalScreen[None]):
    """A scrollable help page over the current screen."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 100%; height: 90%; border: thick $primary; background: $panel;
        padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", N_("Close"), id="help-close"),
        Binding("f1", "dismiss", N_("Close"), show=False),
    ]

    def __init__(self, screen_name: str) -> None:
        super().__init__()
        self._screen_name = screen_name

    def compose(self) -> ComposeResult:
        """Show the page and the footer."""
        with VerticalScroll():
            yield Markdown(help_text(self._screen_name))
        yield Footer()
