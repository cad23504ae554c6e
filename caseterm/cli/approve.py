"""`caseterm-admin approve add|reset|recovery|notices`: a chief's side of account changes."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

if TYPE_CHECKING:
    from caseterm.services.accounts.approvals import IssuedApproval

app = typer.Typer(
    help=_(
        "(Chief) Approve a new officer or chief account, a passphrase reset or a recovery key, "
        "and read the notices of account changes."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
NameArg = Annotated[str, typer.Argument(help=_("The account name."), show_default=False)]
ValidHoursOpt = Annotated[
    int,
    typer.Option("--valid-hours", min=1, max=168, help=_("How long the approval code works.")),
]


@app.command("add", help=_("Approve a new officer or chief account with these roles."))
@guarded
def add(
    name: NameArg,
    role: Annotated[
        list[str], typer.Option("--role", help=_("The roles it will have (repeat for several)."))
    ],
    valid_hours: ValidHoursOpt = 24,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Approve a new account with these roles."""
    from caseterm.cli.users import parse_roles
    from caseterm.domain.permissions import AccountChange
    from caseterm.services.accounts.approvals import issue_approval

    roles = parse_roles(role)
    with unlocked(store, user, passphrase_file) as session:
        made = issue_approval(
            session, AccountChange.CREATE, name, roles, timedelta(hours=valid_hours)
        )
    _say_code(made)


@app.command("reset", help=_("Approve a one-time reset code for another person's account."))
@guarded
def reset(
    name: NameArg,
    valid_hours: ValidHoursOpt = 24,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Approve a passphrase reset."""
    from caseterm.domain.permissions import AccountChange
    from caseterm.services.accounts.approvals import issue_approval

    with unlocked(store, user, passphrase_file) as session:
        made = issue_approval(session, AccountChange.RESET, name, (), timedelta(hours=valid_hours))
    _say_code(made)


@app.command("recovery", help=_("Approve giving this recovery public key a grant of the data key."))
@guarded
def recovery(
    public_key: Annotated[
        str, typer.Argument(help=_("The recovery public key line (caseterm-recovery/1:…)."))
    ],
    valid_hours: ValidHoursOpt = 24,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Approve a recovery key, by its fingerprint."""
    from caseterm.services.accounts.approvals import approve_recovery_key

    with unlocked(store, user, passphrase_file) as session:
        made = approve_recovery_key(session, public_key, timedelta(hours=valid_hours))
    _say_code(made)


@app.command("notices", help=_("New accounts, resets and recovery keys no chief has seen yet."))
@guarded
def notices(
    acknowledge: Annotated[
        bool, typer.Option("--acknowledge", help=_("Mark them as seen after listing them."))
    ] = False,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """List (and acknowledge) the account-change notices."""
    from caseterm.services.accounts.approvals import acknowledge_notices, pending_notices
    from caseterm.services.words.labels import moment_label

    with unlocked(store, user, passphrase_file) as session:
        found = pending_notices(session)
        if acknowledge and found:
            acknowledge_notices(session, [notice.id for notice in found])
    if json:
        print_json(
            [
                {
                    "id": n.id,
                    "kind": n.kind.value,
                    "subject": n.subject,
                    "roles": n.roles,
                    "by": n.actor,
                    "approved_by": n.approved_by,
                    "at": n.at,
                }
                for n in found
            ]
        )
        return
    if not found:
        typer.echo(_("No account change waits to be seen."))
        return
    from caseterm.services.accounts.approvals import notice_line

    for notice in found:
        typer.echo(f"⚠ {moment_label(notice.at)}  {notice_line(notice)}")
    if acknowledge:
        typer.echo(_("Marked as seen."))


def _say_code(made: IssuedApproval) -> None:
    from caseterm.services.accounts.approvals import describe_change, roles_text
    from caseterm.services.words.labels import moment_label

    what = describe_change(made.kind, made.subject, roles_text(made.roles))
    typer.echo(_("Approval code for {what}:").format(what=what))
    typer.echo(f"    {made.code}")
    typer.echo(
        _(
            "Give it to the administrator in person; it approves only this, once, until {moment}."
        ).format(moment=moment_label(made.expires))
    )
