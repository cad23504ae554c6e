"""The `caseterm` command line: the TUI by default, and every officer flow as a command."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from caseterm.cli import documents, drafts, event, lists, person, report, sync
from caseterm.cli.common import guarded, resolve_store, warn_if_unsafe_kdf
from caseterm.cli.options import StoreOpt, UserOpt, VersionOpt
from caseterm.i18n import _

app = typer.Typer(
    help=_(
        "caseterm: encrypted case files of people who use drugs, for commune police. "
        "Without a command it opens the terminal interface. Language: --lang vi|en."
    ),
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    invoke_without_command=True,
)
app.add_typer(person.app, name="person")
app.add_typer(event.app, name="event")
app.add_typer(sync.app, name="sync")
app.add_typer(report.app, name="report")
app.add_typer(drafts.app, name="approvals")
app.add_typer(documents.app, name="doc")
app.command(
    "due", help=_("What is overdue, due today and due in the next 7 days, for the whole commune.")
)(event.due_command)
app.command("watch", help=_("The close-watch list, the longest unseen first."))(lists.watch_command)
app.command("review", help=_("Who on the registers has no annual review this year."))(
    lists.review_command
)
person.app.command(
    "list",
    help=_("The register in Vietnamese name order, with the filters of the registers screen."),
)(lists.list_command)
app.command(
    "unit-event",
    help=_("Record a commune-level event: a report to the People's Committee, a data breach."),
)(event.unit_command)


@app.callback()
def root(
    ctx: typer.Context,
    store: StoreOpt = None,
    user: UserOpt = None,
    version: VersionOpt = False,
) -> None:
    """Open the terminal interface when no command is given."""
    if ctx.invoked_subcommand is None:
        _launch_tui(store, user)


@guarded
def _launch_tui(store: StoreOpt, user: UserOpt) -> None:
    warn_if_unsafe_kdf()
    from caseterm.tui.app import run_tui

    run_tui(resolve_store(store), account=user)


@app.command(
    "demo", help=_("Open the app on a demo store of synthetic people (created on first use).")
)
@guarded
def demo(
    persons: Annotated[
        int,
        typer.Option(
            "--persons",
            min=1,
            max=200_000,
            help=_("How many synthetic persons a new demo store gets."),
        ),
    ] = 400,
    no_tui: Annotated[
        bool,
        typer.Option("--no-tui", help=_("Only create the demo store and print how to open it.")),
    ] = False,
) -> None:
    """Open the app on a demo store of synthetic people (created on first use)."""
    from caseterm.paths import demo_dir
    from caseterm.services.demo.demo_store import ensure_demo_store

    warn_if_unsafe_kdf()
    if not (demo_dir() / "demo.db").exists():
        typer.echo(_("Creating the demo store with {n} synthetic persons…").format(n=persons))
    demo_store = ensure_demo_store(demo_dir(), persons=persons)
    typer.echo(_("Demo store: {path}").format(path=demo_store.store))
    typer.echo(
        _("Account: {name}    Passphrase: {passphrase}").format(
            name=demo_store.account, passphrase=demo_store.passphrase
        )
    )
    typer.echo(_("Synthetic data only: never type real people's data into the demo store."))
    if not no_tui:
        from caseterm.tui.app import run_tui

        if sys.stdin.isatty():  # the interface covers the screen: let the passphrase be read first
            typer.prompt(_("Press Enter to open the app"), default="", show_default=False)

        run_tui(demo_store.store, account=demo_store.account)
