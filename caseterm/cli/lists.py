"""`caseterm person list`, `caseterm watch` and `caseterm review`: the TUI's lists as commands.

Textual has no screen-reader support; every list an officer reads in the TUI (F3/F4 with its
filters, the close-watch list, who has no annual review) is also a command, with `--json`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _


@guarded
def list_command(
    register: Annotated[
        str,
        typer.Option("--register", help=_("Only this register (USERS, ADDICTS, POST_REHAB).")),
    ] = "",
    measure: Annotated[
        str,
        typer.Option("--measure", help=_("Only persons under this measure (e.g. USER_MGMT).")),
    ] = "",
    status: Annotated[str, typer.Option("--status", help=_("Only this status (S0–S15)."))] = "",
    officer: Annotated[
        str,
        typer.Option("--officer", help=_("Only the files of this officer in charge.")),
    ] = "",
    village: Annotated[str, typer.Option("--village", help=_("Only this village."))] = "",
    offset: Annotated[
        int, typer.Option("--offset", min=0, help=_("Skip this many (the next page)."))
    ] = 0,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=100_000, help=_("At most this many."))
    ] = 100,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """The register in Vietnamese name order, filtered as on the registers screen (F3/F4)."""
    from caseterm.services.registry.listing import parse_filters
    from caseterm.services.registry.persons import list_persons

    typed = {
        "register": register,
        "measure": measure,
        "status": status,
        "officer": officer,
        "village": village,
    }
    with unlocked(store, user, passphrase_file) as session:
        where = parse_filters(session, typed)
        page, total = list_persons(session, offset=offset, limit=limit, where=where)
    if json:
        from caseterm.services.registry.json_shapes import page_json

        print_json(page_json(page, total=total, offset=offset))
        return
    from caseterm.cli.render import print_summaries

    print_summaries(page, count=False)
    if page:
        typer.echo(
            _("Persons {first}–{last} of {total}.").format(
                first=offset + 1, last=offset + len(page), total=total
            )
        )
    else:
        typer.echo(_("Nobody on this page ({total} in all).").format(total=total))
    if offset + len(page) < total:
        typer.echo(_("Next page: --offset {next}").format(next=offset + len(page)))


@guarded
def watch_command(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """The close-watch list, the longest unseen first."""
    from caseterm.services.registry.watch import close_watch
    from caseterm.services.words.watch import contact_status, watch_reasons

    with unlocked(store, user, passphrase_file) as session:
        items = close_watch(session)
    if json:
        from caseterm.services.registry.json_shapes import watch_json

        print_json(watch_json(items))
        return
    for item in items:
        status = contact_status(item.days_without_contact, item.overdue)
        reasons = watch_reasons(r.value for r in item.reasons)
        typer.echo(f"{status:<28} {item.full_name:<28} {reasons}")
    from caseterm.services.words.labels import watch_count_line

    typer.echo(watch_count_line(sum(1 for item in items if item.overdue), len(items)))


@guarded
def review_command(
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=100_000, help=_("At most this many."))
    ] = 1000,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Who on the registers has no annual review this year."""
    from caseterm.services.registry.watch import unreviewed
    from caseterm.services.words.lifecycle import REGISTER, label

    with unlocked(store, user, passphrase_file) as session:
        gap = unreviewed(session, limit=limit)
    if json:
        from caseterm.services.registry.json_shapes import unreviewed_json

        print_json(unreviewed_json(gap))
        return
    for _pid, name, registers in gap.people:
        typer.echo(f"{name:<32} {', '.join(label(REGISTER, code) for code in registers)}")
    typer.echo(_("Not reviewed in {year}: {count}").format(year=gap.year, count=gap.total))
    if gap.total > len(gap.people):
        typer.echo(_("… and {n} more (--limit).").format(n=gap.total - len(gap.people)))
