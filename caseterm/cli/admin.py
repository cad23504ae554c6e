"""Entry point of `caseterm-admin`: choose the language, then build and run the command line."""

from __future__ import annotations

import sys

from caseterm.cli.common import take_language
from caseterm.services.session.hardening import disable_core_dumps


def main() -> None:
    """Run `caseterm-admin`."""
    disable_core_dumps()  # a core file of an unlocked process would hold the keys
    argv = take_language(sys.argv[1:])
    from caseterm.cli.cli_words import localise_click

    localise_click()
    from caseterm.cli.admin_app import app

    app(args=argv, prog_name="caseterm-admin")
