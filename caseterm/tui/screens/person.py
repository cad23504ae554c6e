"""Hồ sơ: a person's file — identity, drug-use profile, family and timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from caseterm.i18n import _
from caseterm.services.labels import code_label, event_label, moment_label
from caseterm.services.messages import field_label

if TYPE_CHECKING:
    from caseterm.domain.person import PersonRecord
    from caseterm.services.persons import PersonFile
    from caseterm.tui.app import CasetermApp


def identity_rows(record: PersonRecord) -> list[tuple[str, str]]:
    """(label, value) pairs of the identity block, empty values left out."""
    document = f"{record.id_type.value} {record.id_number}" if record.id_type else ""
    status = record.residence_status.value if record.residence_status else None
    rows = [
        ("aliases", ", ".join(record.aliases)),
        ("sex", code_label(record.sex.value)),
        ("birth", record.birth.display()),
        ("id_number", document),
        ("village", record.village),
        ("permanent_address", record.permanent_address),
        ("temporary_address", record.temporary_address),
        ("current_address", record.current_address),
        ("residence_status", code_label(status)),
        ("birth_place", record.birth_place),
        ("ethnicity", record.ethnicity),
        ("religion", record.religion),
        ("nationality", record.nationality),
        ("education", record.education),
        ("occupation", record.occupation),
        ("workplace", record.workplace),
        ("phone", record.phone),
        ("social_account", record.social_account),
    ]
    return [(field_label(name), value) for name, value in rows if value]


def profile_rows(record: PersonRecord) -> list[tuple[str, str]]:
    """(label, value) pairs of the drug-use profile."""
    profile = record.profile
    psychosis = {True: _("yes"), False: _("no"), None: ""}[profile.psychosis]
    rows = [
        (_("Drug types"), ", ".join(code_label(d.value) for d in profile.drug_types)),
        (_("Route"), ", ".join(code_label(r.value) for r in profile.routes)),
        (_("Use started"), profile.use_started.display() if profile.use_started else ""),
        (_("Frequency"), profile.frequency),
        (_("Drug-induced psychosis"), psychosis),
        (_("Previous voluntary rehab"), str(profile.previous_voluntary_rehab or "")),
        (_("Prior record"), profile.prior_record),
    ]
    return [(label, value) for label, value in rows if value]


class PersonScreen(Screen[None]):
    """One person's file. Opening it is audited as a read."""

    HELP_PAGE = "person"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", _("Back"), id="back")
    ]

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id
        self.person_file: PersonFile | None = None

    @property
    def caseterm(self) -> CasetermApp:
        """The typed application."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Sections are filled once the file is read."""
        yield Header()
        with VerticalScroll(id="file"):
            yield Static("", id="name", markup=False)
            yield Label(_("Identity"), classes="section")
            yield Static("", id="identity", markup=False)
            yield Label(_("Drug-use profile"), classes="section")
            yield Static("", id="profile", markup=False)
            yield Label(_("Family"), classes="section")
            yield Static("", id="family", markup=False)
            yield Label(_("Timeline"), classes="section")
            yield DataTable(id="timeline", cursor_type="row", show_cursor=False)
        yield Footer()

    def on_mount(self) -> None:
        """Read the file (a fast, audited read) and fill the sections."""
        from caseterm.services.persons import show_person

        try:
            self.person_file = show_person(self.caseterm.require_session(), self.person_id)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.caseterm.show_error(error)
            self.app.pop_screen()
            return
        self._fill(self.person_file)

    def _fill(self, person_file: PersonFile) -> None:
        record = person_file.person.record
        self.sub_title = _("Person file")
        self.query_one("#name", Static).update(record.full_name.upper())
        self.query_one("#identity", Static).update(_table(identity_rows(record)))
        self.query_one("#profile", Static).update(
            _table(profile_rows(record)) or _("Nothing recorded.")
        )
        family = [(code_label(m.relation), m.name) for m in record.family]
        self.query_one("#family", Static).update(_table(family) or _("Nothing recorded."))
        timeline = self.query_one("#timeline", DataTable)
        timeline.add_columns(_("When"), _("What"))
        for event in person_file.events:
            timeline.add_row(moment_label(event.occurred_at), event_label(event.type))


def _table(rows: list[tuple[str, str]]) -> str:
    width = max((len(label) for label, _value in rows), default=0)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)
