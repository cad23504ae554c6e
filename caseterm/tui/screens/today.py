"""Hôm nay: what is overdue, due today and due in the next 7 days; Enter opens the file at it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from caseterm.i18n import N_, _
from caseterm.services.lifecycle.today import today_banners, today_basis, when_label
from caseterm.services.words.lifecycle import MEASURE, REGISTER, deadline_label, label
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.screens.today_detail import detail_text
from caseterm.tui.screens.today_lists import (
    unreviewed_cells,
    unreviewed_columns,
    watch_cells,
    watch_columns,
    watch_summary,
)
from caseterm.tui.table import ListTable

if TYPE_CHECKING:
    from caseterm.services.accounts.approvals import Notice
    from caseterm.services.lifecycle.due import DueItem, DueList
    from caseterm.services.registry.watch import Unreviewed, WatchItem
    from caseterm.services.session.case_session import CaseSession

T = TypeVar("T")

PAGE = 100
"""Lines drawn at a time. The table measures every cell it is given, so a list of thousands is
drawn a page ahead of the cursor, never all at once."""
NEAR_END = 10
"""Lines from the end at which the next page is drawn."""
GROUPS = (
    ("overdue", "⚠", "error"),
    ("today", "●", "warning"),
    ("upcoming", "○", ""),
)
"""Each group's text marker and style: status is written, the colour only repeats it."""


class TodayScreen(CasetermScreen[None]):
    """The officer's morning: the deadlines, most urgent first."""

    HELP_PAGE = "today"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", N_("Refresh"), id="today-reload"),
        Binding("1", "show_list('due')", N_("Deadlines"), id="today-due"),
        Binding("2", "show_list('watch')", N_("Close watch"), id="today-watch"),
        Binding("3", "show_list('unreviewed')", N_("Not reviewed"), id="today-unreviewed"),
        Binding("f3", "app.registers", N_("Registers"), id="today-registers"),
        Binding("a", "acknowledge", N_("Seen: account changes"), id="today-acknowledge"),
    ]

    def __init__(self, first: DueList | None = None) -> None:
        """`first`: the first page of the due list, if already read (just after unlock)."""
        super().__init__()
        self._first = first
        self.items: list[DueItem] = []
        """The first deadline of each line drawn, in table order."""
        self.others: list[list[DueItem]] = []
        """Each line's other deadlines of the same person and group (`by_person`)."""
        self._waiting: list[tuple[DueItem, str, list[DueItem]]] = []
        """The lines not drawn yet, with their group and other deadlines, in order."""
        self._found: DueList | None = None
        self._reading_all = False
        """Whether the rest of a long list is being read (asked for once)."""
        self.watched: list[WatchItem] = []
        self.unreviewed: Unreviewed | None = None
        self.notices: list[Notice] = []
        """(Chief) Account changes no chief has acknowledged yet."""

    def compose(self) -> ComposeResult:
        """Banner, counts, then three lists: deadlines, close watch, not reviewed this year."""
        yield ScreenHeader()
        yield Static("", id="notices", markup=False)
        yield Static("", id="banner", markup=False)
        yield Static("", id="counts", markup=False)
        with TabbedContent(id="lists"):
            with TabPane(_("1 Deadlines"), id="tab-due"):
                yield ListTable(id="due", cursor_type="row", zebra_stripes=True)
                yield Static("", id="due-detail", markup=False)
            with TabPane(_("2 Close watch"), id="tab-watch"):
                yield ListTable(id="watch", cursor_type="row", zebra_stripes=True)
            with TabPane(_("3 Not reviewed this year"), id="tab-unreviewed"):
                yield ListTable(id="unreviewed", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def action_show_list(self, name: str) -> None:
        """Bring one of the three lists forward, its cursor ready."""
        self.query_one(TabbedContent).active = f"tab-{name}"
        self.query_one(f"#{name}", DataTable).focus()

    def on_mount(self) -> None:
        """Set the columns and read the list in a worker (it may refresh stale projections)."""
        self.sub_title = _("Today")
        table = self.query_one("#due", DataTable)
        table.add_columns(
            _("Status"), _("Due"), _("Person"), _("What is due"), _("Measure"), _("Legal basis")
        )
        self.query_one("#watch", DataTable).add_columns(*watch_columns())
        self.query_one("#unreviewed", DataTable).add_columns(*unreviewed_columns())
        table.focus()
        self.query_one("#notices", Static).display = False
        if self._first is None:
            self.action_reload()
            return
        self.show_list(self._first)
        self._first = None
        # After the deadlines are painted: read while painting, it would slow the painting.
        self.call_after_refresh(self._load_watch)
        self.call_after_refresh(self._load_notices)

    def action_reload(self) -> None:
        """Read the lists again (the deadlines' first page; the rest when the cursor gets there)."""
        self._load(PAGE)
        self._load_watch()
        self._load_notices()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "seen" only while there are account changes to acknowledge."""
        if action == "acknowledge":
            return bool(self.notices)
        return True

    @work(thread=True, exclusive=True, exit_on_error=False, group="notices")
    def _load_notices(self) -> None:
        from caseterm.domain.permissions import Action
        from caseterm.services.accounts.approvals import pending_notices

        if self.caseterm.require_session().may(Action.ACCOUNT_APPROVE):
            self._read_into(self.show_notices, pending_notices)

    def show_notices(self, notices: list[Notice]) -> None:
        """(Chief) New accounts, resets and recovery keys, until a chief acknowledges them."""
        from caseterm.services.accounts.approvals import notice_line

        self.notices = notices
        shown = self.query_one("#notices", Static)
        lines = [f"⚠ {when_label_iso(n.at)} {notice_line(n)}" for n in notices]
        if notices:
            lines.append(_("Press a once you have checked them: they are then marked as seen."))
        shown.update("\n".join(lines))
        shown.display = bool(notices)
        self.refresh_bindings()

    @work(thread=True, exclusive=True, exit_on_error=False, group="notices")
    def action_acknowledge(self) -> None:
        """Mark the shown account changes as seen by this chief."""
        from caseterm.services.accounts.approvals import acknowledge_notices

        shown = [notice.id for notice in self.notices]
        self._read_into(
            lambda _done: self.show_notices([]),
            lambda session: acknowledge_notices(session, shown),
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="today")
    def _load(self, limit: int | None) -> None:
        from caseterm.services.lifecycle.due import due_list

        show = self.show_list if limit else self._extend
        self._read_into(show, lambda session: due_list(session, limit=limit))

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch")
    def _load_watch(self) -> None:
        from caseterm.services.registry.watch import close_watch, unreviewed

        # Only how many are unreviewed: the names are read when their tab is opened.
        self._read_into(
            lambda found: self.show_watch(*found),
            lambda session: (close_watch(session), unreviewed(session, limit=0)),
        )

    def _read_into(self, show: Callable[[T], None], read: Callable[[CaseSession], T]) -> None:
        """In a worker: read with the session, then show on the screen (errors as messages)."""
        try:
            found = read(self.caseterm.require_session())
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(show, found)

    def show_watch(self, watched: list[WatchItem], gap: Unreviewed) -> None:
        """Fill the close-watch list and the counts of both lists."""
        self.watched, self.unreviewed = watched, gap
        table = self.query_one("#watch", DataTable)
        table.clear()
        for item in watched:
            table.add_row(*watch_cells(item), key=item.person_id)
        if not watched:
            table.add_row(Text(_("Nobody is on the close-watch list.")), "", "")
        self._show_counts()
        if self.query_one(TabbedContent).active == "tab-unreviewed":
            self._load_unreviewed()

    def _show_counts(self) -> None:
        """The totals of the three lists, as far as they have been read."""
        lines = [] if self._found is None else [_counts_line(self._found)]
        if self.unreviewed is not None:
            lines.append(watch_summary(self.watched, self.unreviewed))
        self.query_one("#counts", Static).update("\n".join(lines))

    @on(TabbedContent.TabActivated, "#lists")
    def _tab_opened(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-unreviewed":
            self._load_unreviewed()

    @work(thread=True, exclusive=True, exit_on_error=False, group="unreviewed")
    def _load_unreviewed(self) -> None:
        from caseterm.services.registry.watch import unreviewed

        self._read_into(self.show_unreviewed, unreviewed)

    def show_unreviewed(self, gap: Unreviewed) -> None:
        """Fill the list of who has no annual review this year."""
        table = self.query_one("#unreviewed", DataTable)
        table.clear()
        for person in gap.people:
            table.add_row(*unreviewed_cells(person), key=person[0])
        if not gap.total:
            table.add_row(Text(_("Everyone on the registers has been reviewed this year.")), "")
        elif gap.total > len(gap.people):
            more = _("… and {n} more: the registers (F3) list everyone.")
            table.add_row(Text(more.format(n=gap.total - len(gap.people))), "")

    def show_list(self, found: DueList) -> None:
        """Fill the banner, the counts and the table."""
        banners = today_banners(found)
        banner = self.query_one("#banner", Static)
        banner.update("\n".join(f"⚠ {line}" for line in banners))
        banner.display = bool(banners)
        table = self.query_one("#due", DataTable)
        table.clear()
        self.items, self.others = [], []
        self._found = found
        self._show_counts()
        self._reading_all = False
        self._waiting = _in_order(found)
        if not self._waiting:
            table.add_row(Text(_("Nothing is due in the next 7 days.")), "", "", "", "", "")
        self._draw_page()

    def _extend(self, found: DueList) -> None:
        """Take the whole list read after the first page; redraw only if it changed meanwhile."""
        waiting = _in_order(found)
        drawn = [(i.person_id, i.key, len(o)) for i, o in zip(self.items, self.others, strict=True)]
        again = [(i.person_id, i.key, len(o)) for i, _group, o in waiting[::-1][: len(drawn)]]
        if again != drawn:
            self.show_list(found)
            return
        self._found = found
        self._reading_all = False
        self._waiting = waiting[: len(waiting) - len(drawn)]
        self._draw_page()

    def _draw_page(self) -> None:
        """Draw the next page of waiting deadlines."""
        if self._found is None:
            return
        table = self.query_one("#due", DataTable)
        markers = {group: (marker, style) for group, marker, style in GROUPS}
        for _line in range(min(PAGE, len(self._waiting))):
            item, group, others = self._waiting.pop()
            marker, style = markers[group]
            cells = _cells(item, others, (group, marker, style), self._found)
            table.add_row(*cells, key=str(len(self.items)))
            self.items.append(item)
            self.others.append(others)

    @on(DataTable.RowHighlighted, "#due")
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)
        if event.cursor_row < len(self.items) - NEAR_END or self._found is None:
            return
        if self._waiting:
            self._draw_page()
        elif not self._found.complete() and not self._reading_all:
            self._reading_all = True
            self._load(None)

    @on(DataTable.RowSelected, "#due")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None or not event.row_key.value.isdigit():
            return
        item = self.items[int(event.row_key.value)]
        if item.person_id is None:
            self.notify(
                _("This deadline is the commune's: record it with “caseterm unit-event”."),
                markup=False,
            )
            return
        from caseterm.tui.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(item.person_id, focus_deadline=item.key))

    @on(DataTable.RowSelected, "#watch, #unreviewed")
    def _open_person(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None:
            return  # the "nobody" or "and N more" line
        from caseterm.tui.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(event.row_key.value))

    def _show_detail(self, row: int) -> None:
        """The highlighted line in full, wrapped: who, every duty of theirs, the law.

        The table's cells are cut at 80 columns; this line is not.
        """
        detail = self.query_one("#due-detail", Static)
        if not 0 <= row < len(self.items) or self._found is None:
            detail.update("")
            return
        detail.update(detail_text(self.items[row], self.others[row], self._found))


def when_label_iso(moment: str) -> str:
    """A stored UTC moment as `dd/mm/yyyy HH:MM`, Vietnam time."""
    from datetime import datetime

    return when_label(datetime.fromisoformat(moment))


def _cells(
    item: DueItem, others: list[DueItem], group: tuple[str, str, str], found: DueList
) -> tuple[Text, ...]:
    """One line; the first cell says the status in words, the colour only repeats it."""
    from caseterm.services.words.labels import relative_label

    name, marker, style = group
    relative = relative_label(item.due_moment, found.now)
    status = _("today, {relative}").format(relative=relative) if name == "today" else relative
    if item.person_id is None:
        measure = _("the commune")
    else:
        measure = label(MEASURE, item.measure_kind) if item.measure_kind else "—"
    person = Text(item.full_name or _("(the commune)"))
    if item.person_id in found.tags:
        person.append(f" · {found.tags[item.person_id]}", style="dim")
    what = f"{item.code} {deadline_label(item.code, item.key)}"
    if others:
        what = _("{first} (+{n} more)").format(first=what, n=len(others))
    if item.person_id in found.drafts:
        what = _("⧗ draft with the chief · {what}").format(what=what)
    return (
        Text(f"{marker} {status}", style=style),
        Text(when_label(item.due_moment)),
        person,
        Text(what),
        Text(measure),
        Text(today_basis(item)),
    )


def _in_order(found: DueList) -> list[tuple[DueItem, str, list[DueItem]]]:
    """The lines, one per person and group, reversed: pages are popped from the end."""
    from caseterm.services.lifecycle.due import by_person

    groups = [(group, by_person(getattr(found, group))) for group, _marker, _style in GROUPS]
    return [
        (item, group, others) for group, lines in reversed(groups) for item, others in lines[::-1]
    ]


def _counts_line(found: DueList) -> str:
    counts = " · ".join(
        f"{label(REGISTER, code)}: {found.registers.get(code, 0)}" for code in sorted(REGISTER)
    )
    totals = _("{overdue} overdue, {today} today, {upcoming} in the next 7 days").format(
        overdue=found.totals.get("overdue", 0),
        today=found.totals.get("today", 0),
        upcoming=found.totals.get("upcoming", 0),
    )
    return f"{totals}\n{counts}"
