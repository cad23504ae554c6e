"""`caseterm approvals`: the chief's desk on the command line (drafts waiting for the chief)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

if TYPE_CHECKING:
    from caseterm.services.drafts.desk import DraftView
    from caseterm.services.drafts.making import Drafted

app = typer.Typer(
    help=_(
        "Drafts for the commune police chief: a chief approves or rejects them; an officer "
        "reads the answers and may withdraw a draft not yet decided."
    ),
    no_args_is_help=True,
)
DraftArg = Annotated[str, typer.Argument(help=_("The draft's id (or its first 8+ characters)."))]


def echo_drafted(drafted: Drafted, *, json: bool) -> None:
    """What `--draft` prints: the draft's id and the warnings the chief will read."""
    if json:
        print_json({"draft": drafted.id, "warnings": list(drafted.warnings)})
        return
    typer.echo(
        _("Saved as a draft for the commune police chief: {id}. It changes nothing until the "
          "chief approves it (caseterm approvals).").format(id=drafted.id)
    )  # fmt: skip
    for warning in drafted.warnings:
        typer.echo(f"  ⚠ {warning}")


@app.command("list", help=_("The drafts waiting, and those decided in the last 30 days."))
@guarded
def list_command(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """The drafts waiting, and those decided in the last 30 days."""
    from caseterm.services.accounts.approvals import describe_change, requests_for
    from caseterm.services.drafts.desk import list_drafts
    from caseterm.services.drafts.json_shapes import drafts_json

    with unlocked(store, user, passphrase_file) as session:
        found = list_drafts(session)
        requests = requests_for(session)
    if json:
        print_json(drafts_json(found))
        return
    for view in found:
        typer.echo(draft_line(view))
    for request in requests:
        typer.echo(
            _("{id}  ⧗ account change to approve  {what} (asked by {name})").format(
                id=request.id[:13],
                what=describe_change(request.kind, request.subject, request.roles),
                name=request.requested_by,
            )
        )
    if not found and not requests:
        typer.echo(_("No drafts."))


@app.command("show", help=_("One draft: its form, its warnings, whether it still fits."))
@guarded
def show_command(
    draft: DraftArg,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """One draft: its form, its warnings, whether it still fits."""
    from caseterm.services.drafts.desk import show_draft
    from caseterm.services.drafts.json_shapes import draft_json

    with unlocked(store, user, passphrase_file) as session:
        view = show_draft(session, draft)
    if json:
        print_json(draft_json(view))
        return
    from caseterm.services.drafts.wording import form_lines

    typer.echo(draft_line(view))
    for line in form_lines(view):
        typer.echo(f"  {line}")
    for warning in view.info.warnings:
        typer.echo(f"  ⚠ {warning}")


@app.command("approve", help=_("(Chief) Record the draft in your name, dated now."))
@guarded
def approve_command(
    draft: DraftArg,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """(Chief) Record the draft in your name, dated now."""
    from caseterm.services.accounts.approvals import approve_request, find_request
    from caseterm.services.drafts.desk import approve_draft

    with unlocked(store, user, passphrase_file) as session:
        request = find_request(session, draft)
        if request is not None:  # an account change an administrator asked for
            issued = approve_request(session, request)
            typer.echo(
                _("One-time code for the administrator: {code} (valid until {at}).").format(
                    code=issued.code, at=issued.expires
                )
            )
            return
        made = approve_draft(session, draft)
    if json:
        print_json({"draft": draft, "result_id": made})
    else:
        typer.echo(_("Approved: recorded as {id}.").format(id=made))


@app.command("reject", help=_("(Chief) Send the draft back with a reason the officer reads."))
@guarded
def reject_command(
    draft: DraftArg,
    reason: Annotated[str, typer.Option("--reason", help=_("Why (the officer reads it)."))],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """(Chief) Send the draft back with a reason the officer reads."""
    from caseterm.services.drafts.desk import reject_draft

    with unlocked(store, user, passphrase_file) as session:
        reject_draft(session, draft, reason)
    typer.echo(_("Rejected; the officer sees the reason."))


@app.command("withdraw", help=_("(Its officer) Take back a draft not decided yet."))
@guarded
def withdraw_command(
    draft: DraftArg,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """(Its officer) Take back a draft not decided yet."""
    from caseterm.services.drafts.desk import withdraw_draft

    with unlocked(store, user, passphrase_file) as session:
        withdraw_draft(session, draft)
    typer.echo(_("Withdrawn."))


def draft_line(view: DraftView) -> str:
    """One draft in a line: its state in words, what, for whom, who drafted it, when."""
    from caseterm.services.drafts.wording import draft_state
    from caseterm.services.words.labels import moment_label

    return _("{id}  {state}  {what} — {person} (drafted by {officer}, {at})").format(
        id=view.info.id[:13],
        state=draft_state(view),
        what=view.what,
        person=view.person,
        officer=view.drafted_by,
        at=moment_label(view.info.drafted_at),
    )
