"""Chờ duyệt (F7): the chief's desk — drafts to approve or reject, account changes to see.

A chief sees every officer's drafts and the account changes no chief has seen yet; an officer
sees their own drafts with the chief's answers, and may withdraw one not yet decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from caseterm.i18n import N_, _
from caseterm.services.drafts.wording import draft_state, form_lines
from caseterm.services.words.labels import moment_label
from caseterm.tui.dialogs.ask import AskDialog
from caseterm.tui.dialogs.confirm import ConfirmDialog
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.table import ListTable

if TYPE_CHECKING:
    from caseterm.services.accounts.approvals import Notice, Request
    from caseterm.services.drafts.desk import DraftView
    from caseterm.services.session.case_session import CaseSession


@dataclass(frozen=True)
class Desk:
    """What the screen shows: the drafts, and (for a chief) the account changes to see."""

    drafts: list[DraftView]
    notices: list[Notice]
    chief: bool
    requests: list[Request]


class ApprovalsScreen(CasetermScreen[None]):
    """The drafts and account changes waiting for the chief, with their states in words."""

    HELP_PAGE = "approvals"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "approve", N_("Approve"), id="approvals-approve"),
        Binding("x", "reject", N_("Reject"), id="approvals-reject"),
        Binding("w", "withdraw", N_("Withdraw"), id="approvals-withdraw"),
        Binding("s", "seen", N_("Seen"), id="approvals-seen"),
        Binding("r", "reload", N_("Refresh"), id="approvals-reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.desk: Desk | None = None

    def compose(self) -> ComposeResult:
        """The summary, the list, and the highlighted draft in full."""
        yield ScreenHeader()
        yield Static("", id="approvals-summary", markup=False)
        yield ListTable(id="drafts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="draft-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and read the desk."""
        self.sub_title = _("Approvals")
        self.query_one("#drafts", DataTable).add_columns(
            _("State of the draft"), _("What"), _("Person"), _("By"), _("When")
        )
        self.action_reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="approvals")
    def action_reload(self) -> None:
        """Read the drafts (and the account changes, for a chief) again."""
        try:
            found = read_desk(self.caseterm.require_session())
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self.show_desk, found)

    def show_desk(self, desk: Desk) -> None:
        """Fill the list: one row per draft, then one per account change."""
        self.desk = desk
        table = self.query_one("#drafts", DataTable)
        table.clear()
        for view in desk.drafts:
            state = Text(draft_state(view), style="bold" if view.waiting else "dim")
            table.add_row(
                state,
                view.what,
                view.person,
                view.drafted_by,
                moment_label(view.info.drafted_at),
                key=view.info.id,
            )
        for request in desk.requests:
            table.add_row(
                Text(_("⧗ account change to approve"), style="bold"),
                _request_what(request),
                "",
                request.requested_by,
                moment_label(request.at),
                key=f"request:{request.id}",
            )
        for notice in desk.notices:
            table.add_row(
                Text(_("⚠ account change to see"), style="bold"),
                _notice_what(notice),
                "",
                notice.actor,
                moment_label(notice.at),
                key=f"notice:{notice.id}",
            )
        waiting = sum(view.waiting for view in desk.drafts) + len(desk.requests)
        summary = _("{n} drafts waiting for the chief · {m} account changes to see").format(
            n=waiting, m=len(desk.notices)
        )
        if not desk.drafts and not desk.notices and not desk.requests:
            summary = _("Nothing waits for the chief.")
        self.query_one("#approvals-summary", Static).update(summary)
        self._show_detail()

    @on(DataTable.RowHighlighted, "#drafts")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        view = self.current()
        detail = self.query_one("#draft-detail", Static)
        detail.update(draft_detail(view) if view is not None else "")

    def current(self) -> DraftView | None:
        """The highlighted draft, if the cursor is on one."""
        if self.desk is None:
            return None
        table = self.query_one("#drafts", DataTable)
        row = table.cursor_row
        return self.desk.drafts[row] if 0 <= row < len(self.desk.drafts) else None

    # --- decisions ----------------------------------------------------------------------------

    def current_request(self) -> Request | None:
        """The highlighted account request, if the cursor is on one."""
        if self.desk is None:
            return None
        row = self.query_one("#drafts", DataTable).cursor_row - len(self.desk.drafts)
        return self.desk.requests[row] if 0 <= row < len(self.desk.requests) else None

    def action_approve(self) -> None:
        """(Chief) Approve the highlighted draft after reading what it records."""
        request = self.current_request()
        if request is not None:
            self._approve_request(request)
            return
        view = self.current()
        if view is None or not view.waiting:
            self.notify(_("Choose a draft waiting for the chief."), severity="warning")
            return
        if view.stale:
            self.notify(view.stale, title=_("Cannot be approved"), severity="error", markup=False)
            return
        reasons = [f"{view.what} — {view.person}", *view.info.warnings]
        dialog = ConfirmDialog(
            _("Approve and record it in your name, dated now?"),
            reasons,
            yes=_("Approve"),
            no=_("Go back"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._decide("approve", view)

        self.app.push_screen(dialog, answered)

    def action_reject(self) -> None:
        """(Chief) Send the highlighted draft back, with a reason the officer reads."""
        view = self.current()
        if view is None or not view.waiting:
            self.notify(_("Choose a draft waiting for the chief."), severity="warning")
            return
        fields = [("reason", _("Why (the officer reads it)"), view.stale or "")]

        def answered(answer: dict[str, str] | None) -> None:
            if answer is not None:
                self._decide("reject", view, answer["reason"])

        self.app.push_screen(AskDialog(_("Reject the draft"), fields, ok=_("Reject")), answered)

    def action_withdraw(self) -> None:
        """(Its officer) Take back the highlighted draft."""
        view = self.current()
        if view is None or not view.waiting:
            self.notify(_("Choose a draft waiting for the chief."), severity="warning")
            return
        self._decide("withdraw", view)

    def action_seen(self) -> None:
        """(Chief) Mark the account changes as seen."""
        if self.desk is None or not self.desk.notices:
            self.notify(_("No account change to see."), severity="warning")
            return
        self._decide("seen", None)

    def _approve_request(self, request: Request) -> None:
        dialog = ConfirmDialog(
            _("Issue the one-time code for this change?"),
            [_request_what(request), _("asked by {name}").format(name=request.requested_by)],
            yes=_("Approve"),
            no=_("Go back"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._issue(request)

        self.app.push_screen(dialog, answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="approvals-decide")
    def _issue(self, request: Request) -> None:
        from caseterm.services.accounts.approvals import approve_request

        try:
            issued = approve_request(self.caseterm.require_session(), request)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        shown = ConfirmDialog(
            _("Give this one-time code to the administrator, by hand:"),
            [issued.code, _("valid until {at}").format(at=moment_label(issued.expires))],
            yes=_("Done"),
            no=_("Close"),
        )
        self.app.call_from_thread(self.app.push_screen, shown)
        self.app.call_from_thread(self.action_reload)

    @work(thread=True, exclusive=True, exit_on_error=False, group="approvals-decide")
    def _decide(self, how: str, view: DraftView | None, reason: str = "") -> None:
        from caseterm.services.accounts.approvals import acknowledge_notices
        from caseterm.services.drafts.desk import approve_draft, reject_draft, withdraw_draft

        session = self.caseterm.require_session()
        try:
            if how == "seen" and self.desk is not None:
                acknowledge_notices(session, [notice.id for notice in self.desk.notices])
            elif view is not None and how == "approve":
                approve_draft(session, view.info.id)
            elif view is not None and how == "reject":
                reject_draft(session, view.info.id, reason)
            elif view is not None:
                withdraw_draft(session, view.info.id)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        done = {
            "approve": _("Approved and recorded."),
            "reject": _("Rejected; the officer sees the reason."),
            "withdraw": _("Withdrawn."),
            "seen": _("Marked as seen."),
        }[how]
        self.app.call_from_thread(self.notify, done, markup=False)
        self.app.call_from_thread(self.action_reload)


def read_desk(session: CaseSession) -> Desk:
    """The drafts this account sees, and the account changes a chief has to see."""
    from caseterm.domain.permissions import Action
    from caseterm.services.accounts.approvals import pending_notices, waiting_requests
    from caseterm.services.drafts.desk import list_drafts

    chief = session.may(Action.ACCOUNT_APPROVE)
    drafts = list_drafts(session)
    notices = pending_notices(session) if chief else []
    requests = waiting_requests(session) if chief else []
    return Desk(drafts, notices, chief, requests)


def draft_detail(view: DraftView) -> str:
    """The highlighted draft whole: the form's values, its warnings, and the chief's answer."""
    drafted = _("drafted by {officer}, {at}").format(
        officer=view.drafted_by, at=moment_label(view.info.drafted_at)
    )
    lines = [f"{draft_state(view)} — {view.what} — {view.person} ({drafted})"]
    lines.append(" · ".join(form_lines(view)))
    lines += [f"⚠ {warning}" for warning in view.info.warnings]
    return "\n".join(lines)


def _notice_what(notice: Notice) -> str:
    from caseterm.services.accounts.approvals import notice_line

    return notice_line(notice)


def _request_what(request: Request) -> str:
    from caseterm.services.accounts.approvals import describe_change

    return describe_change(request.kind, request.subject, request.roles)
