"""The `caseterm-admin` command line: create a store, manage accounts, verify, demo data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from caseterm.cli import (
    approve,
    audit,
    backup,
    calendar,
    district,
    keys,
    report,
    retention,
    templates,
    users,
)
from caseterm.cli.common import (
    guarded,
    print_json,
    resolve_store,
    unlocked,
)
from caseterm.cli.new_store import create_store
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt, VersionOpt
from caseterm.errors import EXIT_INTEGRITY
from caseterm.i18n import _

app = typer.Typer(
    help=_(
        "caseterm-admin: create the store, manage accounts and keys, verify integrity. "
        "Language: --lang vi|en."
    ),
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)
app.add_typer(users.app, name="users")
app.add_typer(approve.app, name="approve")
app.add_typer(calendar.app, name="calendar")
app.add_typer(district.app, name="district")
app.add_typer(keys.app, name="keys")
app.add_typer(backup.app, name="backup")
app.add_typer(report.unit_app, name="unit")
app.add_typer(retention.app, name="retention")
app.add_typer(audit.app, name="audit")
app.add_typer(templates.app, name="templates")
report.unit_app.command(
    "header", help=_("Show or change the header every official document prints (A1–A7).")
)(guarded(templates.header_command))
report.unit_app.command(
    "officer",
    help=_(
        "Show the unit's officers, or set one's rank and title: the forms print them "
        "instead of asking on every record (A6)."
    ),
)(guarded(templates.officer_command))


@app.callback()
def root(
    version: VersionOpt = False,
) -> None:
    """Administer a caseterm store."""


@app.command("init", help=_("Create a new encrypted store, its unit and its first administrator."))
@guarded
def init(
    unit_code: Annotated[
        str, typer.Option("--unit-code", help=_("The commune's code, e.g. 26734."))
    ],
    unit_name: Annotated[
        str, typer.Option("--unit-name", help=_('The commune\'s name, e.g. "Xã Tân An".'))
    ],
    admin: Annotated[
        str, typer.Option("--admin", help=_("The first administrator's account name."))
    ],
    store: StoreOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    display_name: Annotated[
        str, typer.Option("--display-name", help=_("The administrator's full name."))
    ] = "",
    also_chief: Annotated[
        bool,
        typer.Option("--also-chief", help=_("The administrator is also the commune police chief.")),
    ] = False,
    district_key: Annotated[
        str | None,
        typer.Option(
            "--district-key",
            help=_("The district's address (ctd1:…), printed by caseterm-admin district address."),
        ),
    ] = None,
    recovery_public_key: Annotated[
        str | None,
        typer.Option(
            "--recovery-public-key",
            help=_("The recovery key's public line (caseterm-recovery/1:…), kept by the district."),
        ),
    ] = None,
    recovery_key_out: Annotated[
        Path | None,
        typer.Option(
            "--recovery-key-out",
            help=_(
                "Without --recovery-public-key, a new recovery key is made for this store: "
                "write its secret half to this file (to print) instead of showing it once."
            ),
        ),
    ] = None,
) -> None:
    """Create a new encrypted store, its unit and its first administrator."""
    from caseterm.domain.codes import Role
    from caseterm.errors import UsageError
    from caseterm.services.accounts.recovery import new_store_recovery_key, save_recovery_secret
    from caseterm.services.keys.keyfile import parse_public
    from caseterm.services.setup.new_store import InitRequest
    from caseterm.services.sync.commune import parse_address

    address = parse_address(district_key) if district_key else None
    path = resolve_store(store)
    secret: str | None = None
    if recovery_public_key:
        recovery = parse_public(recovery_public_key)
    else:
        if recovery_key_out is not None and recovery_key_out.exists():
            raise UsageError(
                _("{path} already exists; nothing was written.").format(path=recovery_key_out)
            )
        recovery, secret = new_store_recovery_key()
    request = InitRequest(
        path,
        unit_code,
        unit_name,
        admin,
        "",
        display_name,
        extra_roles=(Role.CHIEF,) if also_chief else (),
        district=address,
        recovery_public_key=recovery,
    )
    create_store(request, passphrase_file)
    if secret is not None:
        if recovery_key_out is not None:
            save_recovery_secret(recovery_key_out, secret)
        _say_recovery_key(None if recovery_key_out else secret, recovery_key_out)
    if address is None:
        typer.echo(
            _(
                "No district is set yet: set it with caseterm-admin set-district before the "
                "first monthly bundle."
            )
        )


def _say_recovery_key(secret: str | None, written_to: Path | None) -> None:
    """The store's own recovery key: shown once, or where its secret half was written."""
    typer.echo(
        _(
            "This store got its own recovery key (no district key was given). It opens the "
            "store when every passphrase is lost. Print it, seal it in an envelope and keep it "
            "away from this computer; when the district gives its recovery key, replace this "
            "one with caseterm-admin keys set-recovery."
        )
    )
    if secret is not None:
        typer.echo(_("It is shown only this once:"))
        typer.echo(f"    {secret}")
    else:
        typer.echo(_("Its secret half is in {path}.").format(path=written_to))


@app.command(
    "set-district",
    help=_("Set (or change) the district this commune's bundles are encrypted to."),
)
@guarded
def set_district_command(
    address: Annotated[
        str, typer.Argument(help=_("The district's address (ctd1:…), from the district."))
    ],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Set (or change) the district this commune's bundles are encrypted to."""
    from caseterm.services.sync.commune import set_district

    with unlocked(store, user, passphrase_file) as session:
        found = set_district(session, address)
    typer.echo(
        _("Bundles are now encrypted to the district {code}.").format(code=found.district_code)
    )


@app.command(
    "verify",
    help=_(
        "Check SQLite and SQLCipher integrity, the audit chain, and that every stored lifecycle "
        "equals a recomputation from the events; exit 5 on any problem."
    ),
)
@guarded
def verify(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Check integrity, the audit chain and the lifecycle projections; exit 5 on any problem."""
    from caseterm.services.custody.json_shapes import verify_json
    from caseterm.services.custody.verify import verify_store

    with unlocked(store, user, passphrase_file) as session:
        report = verify_store(session)
    fault = report.audit_fault
    if json:
        print_json(verify_json(report))
    else:
        typer.echo(
            _("SQLCipher {version}, cipher settings as pinned.").format(
                version=report.cipher["cipher_version"]
            )
        )
        for problem in report.integrity_problems:
            typer.echo(_("Integrity problem: {problem}").format(problem=problem))
        typer.echo(_("Audit chain: {n} entries verified.").format(n=report.audit_entries))
        if fault:
            typer.echo(
                _("Audit chain broken at entry {seq} ({reason}).").format(
                    seq=fault.seq, reason=fault.reason
                )
            )
        typer.echo(
            _("Lifecycle: {n} persons recomputed from their events.").format(
                n=report.projections_checked
            )
        )
        for person_id in report.projection_mismatches:
            typer.echo(_("Lifecycle differs from its events: person {pid}").format(pid=person_id))
        if report.projections_missing:
            typer.echo(_("Lifecycle missing for {n} persons.").format(n=report.projections_missing))
        typer.echo(_("Everything verified.") if report.ok else _("PROBLEMS FOUND."))
    if not report.ok:
        raise typer.Exit(EXIT_INTEGRITY)


@app.command("demo-data", help=_("Add synthetic persons (for trying caseterm and for benchmarks)."))
@guarded
def demo_data(
    persons: Annotated[int, typer.Option("--persons", min=1, max=1_000_000, help=_("How many."))],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    seed: Annotated[int, typer.Option("--seed", help=_("Same seed, same people."))] = 1,
) -> None:
    """Add synthetic persons (for trying caseterm and for benchmarks)."""
    from caseterm.services.demo.demo_store import generate_persons

    with (
        unlocked(store, user, passphrase_file) as session,
        typer.progressbar(length=persons, label=_("Synthetic persons"), file=sys.stderr) as bar,
    ):
        last = [0]

        def advance(done: int, _total: int) -> None:
            bar.update(done - last[0])
            last[0] = done

        added = generate_persons(session, persons, seed=seed, progress=advance)
    typer.echo(_("Added {n} synthetic persons.").format(n=added))
