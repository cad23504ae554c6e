"""Option types shared by the commands.

Imported only after `take_language` ran, so the help texts are in the chosen language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from caseterm.i18n import _

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        envvar="CASETERM_STORE",
        help=_("The store file (default: the user data folder)."),
        show_default=False,
    ),
]
UserOpt = Annotated[
    str | None,
    typer.Option(
        "--user",
        "-u",
        envvar="CASETERM_USER",
        help=_("The account to unlock with."),
        show_default=False,
    ),
]
PassphraseFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--passphrase-file",
        show_default=False,
        help=_("Read the passphrase from this file's first line instead of asking (automation)."),
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help=_("Print JSON for scripts."))]
DraftOpt = Annotated[
    bool,
    typer.Option(
        "--draft",
        help=_(
            "Leave it as a draft for the commune police chief (a chief's decision, or a record "
            "with a warning only a chief may confirm); see caseterm approvals."
        ),
    ),
]
NewPassphraseFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--new-passphrase-file",
        show_default=False,
        help=_("Read the new passphrase from this file's first line (automation)."),
    ),
]


def _show_version(ctx: typer.Context, value: bool) -> None:
    if value:
        from caseterm import __version__

        typer.echo(f"{ctx.info_name} {__version__}")
        raise typer.Exit


VersionOpt = Annotated[
    bool,
    typer.Option(
        "--version", callback=_show_version, is_eager=True, help=_("Show the version and exit.")
    ),
]
ApprovalOpt = Annotated[
    str | None,
    typer.Option(
        "--approval",
        show_default=False,
        help=_(
            "A chief's one-time approval code for this change (caseterm-admin approve); not "
            "needed when you are a chief yourself."
        ),
    ),
]
