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
