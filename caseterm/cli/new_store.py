"""Creating a store from the command line (`init`, `district init`): passphrase, what to keep."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from caseterm.cli.common import (
    read_passphrase,
    warn_if_unsafe_kdf,
)
from caseterm.i18n import _

if TYPE_CHECKING:  # the services load only when a command runs (fast --help)
    from caseterm.services.setup.new_store import InitRequest


def create_store(request: InitRequest, passphrase_file: Path | None) -> None:
    """Ask for the passphrase, create the store of `request` and say what to keep."""
    from dataclasses import replace

    from caseterm.cli.render import say_duties_combined
    from caseterm.domain.codes import Role
    from caseterm.services.setup.new_store import init_store

    warn_if_unsafe_kdf()
    typer.echo(
        _(
            "Choose the passphrase of {name}: at least 15 characters; a few unrelated words "
            "are easiest to remember."
        ).format(name=request.admin_name),
        err=True,
    )
    passphrase = read_passphrase(
        passphrase_file,
        _("New passphrase: "),
        confirm=True,
        context=(request.unit_code, request.unit_name, request.admin_name),
    )
    typer.echo(_("Measuring this computer to set the key-derivation cost…"), err=True)
    made = init_store(replace(request, passphrase=passphrase))
    path = request.store
    typer.echo(
        _("Created the store {path} (id {store_id}) with the administrator {name}.").format(
            path=path, store_id=made.store_id, name=request.admin_name
        )
    )
    typer.echo(
        _("Keep the file {keys} beside the store: without it the store cannot be opened.").format(
            keys=path.with_name(path.name + ".keys")
        )
    )
    if Role.CHIEF in request.extra_roles:
        say_duties_combined((request.admin_name,))
