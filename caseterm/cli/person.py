"""`caseterm person add|find|show|update`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import DraftOpt, JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.cli.person_fields import split_fields, with_field_options
from caseterm.i18n import _

app = typer.Typer(
    help=_("Find, show, register and update persons."), no_args_is_help=True, rich_markup_mode=None
)
ConfirmOpt = Annotated[
    bool,
    typer.Option(
        "--confirm", help=_("Save even with warnings or possible duplicates (after checking them).")
    ),
]
PersonArg = Annotated[
    str, typer.Argument(help=_("The person's id (or its first 8+ characters)."), show_default=False)
]


@app.command("add", help=_("Register a new person (the duplicate check runs first)."))
@with_field_options
@guarded
def add(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    confirm: ConfirmOpt = False,
    draft: DraftOpt = False,
    json: JsonOpt = False,
    **fields: Any,
) -> None:
    """Register a new person (the duplicate check runs first)."""
    from caseterm.services.registry.forms import build_record
    from caseterm.services.registry.persons import add_person

    record = build_record(split_fields(fields))
    if draft:
        from caseterm.cli.drafts import echo_drafted
        from caseterm.services.drafts.making import draft_person

        with unlocked(store, user, passphrase_file) as session:
            drafted = draft_person(session, record)
        echo_drafted(drafted, json=json)
        return
    with unlocked(store, user, passphrase_file) as session:
        person_id = add_person(session, record, confirm=confirm)
    if json:
        print_json({"id": person_id})
    else:
        typer.echo(_("Registered {name}: id {pid}").format(name=record.full_name, pid=person_id))


@app.command(
    "update", help=_("Change fields of a person's identity block (only the options given).")
)
@with_field_options
@guarded
def update(
    person: PersonArg,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    confirm: ConfirmOpt = False,
    json: JsonOpt = False,
    **fields: Any,
) -> None:
    """Change fields of a person's identity block (only the options given)."""
    from caseterm.services.registry.forms import build_record
    from caseterm.services.registry.persons import show_person, update_person

    values = split_fields(fields)
    with unlocked(store, user, passphrase_file) as session:
        current = show_person(session, person).person
        record = build_record(values, base=current.record)
        changed = update_person(
            session, current.id, record, expected_version=current.version, confirm=confirm
        )
    if json:
        print_json({"id": current.id, "changed": changed})
    elif changed:
        typer.echo(_("Updated {pid}: {fields}").format(pid=current.id, fields=", ".join(changed)))
    else:
        typer.echo(_("Nothing changed."))


@app.command("find", help=_("Search the registers."))
@guarded
def find(
    query: Annotated[
        str,
        typer.Argument(
            help=_(
                "Name or other name (tones optional, any word order), or the start of an ID number."
            )
        ),
    ],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            min=1,
            max=1000,
            help=_("At most this many (1,000; for everyone, use “person list”)."),
        ),
    ] = 50,
    json: JsonOpt = False,
) -> None:
    """Search the registers."""
    from caseterm.services.registry.persons import find_persons

    with unlocked(store, user, passphrase_file) as session:
        found = find_persons(session, query, limit=limit)
    if json:
        from caseterm.services.registry.json_shapes import summary_json

        print_json([summary_json(item) for item in found.persons])
    else:
        from caseterm.cli.render import print_summaries

        print_summaries(found.persons, complete=found.complete)


@app.command("show", help=_("Show a person's file: identity, profile and timeline."))
@guarded
def show(
    person: PersonArg,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Show a person's file: identity, profile and timeline."""
    from caseterm.services.registry.persons import show_person

    with unlocked(store, user, passphrase_file) as session:
        person_file = show_person(session, person)
    if json:
        from caseterm.services.registry.json_shapes import person_file_json

        print_json(person_file_json(person_file))
    else:
        from caseterm.cli.render import print_person_file

        print_person_file(person_file)
