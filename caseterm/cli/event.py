"""`caseterm event record|void|types` and `caseterm due`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caseterm.cli.common import fail, guarded, print_json, unlocked
from caseterm.cli.options import DraftOpt, JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.errors import EXIT_USAGE
from caseterm.i18n import N_, _

if TYPE_CHECKING:
    from caseterm.services.lifecycle.event_form import FormField

app = typer.Typer(
    help=_("Record what happened to a person (checked against the law), or void a record."),
    no_args_is_help=True,
    rich_markup_mode=None,
)
AtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        help=_("When it happened, dd/mm/yyyy HH:MM (Vietnam time); default: now."),
        show_default=False,
    ),
]


@app.command("record", help=_("Record an event; refused events name the rule and the law."))
@guarded
def record(
    person: Annotated[str, typer.Argument(help=_("The person's id (or its first 8+ characters)."))],
    event_type: Annotated[
        str, typer.Argument(metavar="TYPE", help=_("The event type, e.g. test.performed."))
    ],
    field: Annotated[
        list[str] | None,
        typer.Option("--field", "-f", help=_("A payload field as name=value (repeatable).")),
    ] = None,
    payload_file: Annotated[
        Path | None,
        typer.Option("--payload-file", help=_("The payload as a JSON object in a file.")),
    ] = None,
    at: AtOpt = None,
    confirm: Annotated[
        bool,
        typer.Option(
            "--confirm",
            help=_("Save even with warnings (a chief, after reading them)."),
        ),
    ] = False,
    draft: DraftOpt = False,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Record an event; refused events name the rule and the law."""
    from caseterm.services.lifecycle.event_input import (
        parse_moment,
        payload_from_fields,
        payload_from_file,
    )
    from caseterm.services.lifecycle.events import record_event
    from caseterm.services.words.lifecycle import event_label, status_label

    payload = payload_from_file(payload_file) if payload_file else {}
    payload.update(payload_from_fields(event_type, field or []))
    moment = parse_moment(at) if at else None
    if draft:
        from caseterm.cli.drafts import echo_drafted
        from caseterm.services.drafts.making import draft_event

        with unlocked(store, user, passphrase_file) as session:
            drafted = draft_event(session, person, event_type, payload, occurred_at=moment)
        echo_drafted(drafted, json=json)
        return
    with unlocked(store, user, passphrase_file) as session:
        done = record_event(
            session, person, event_type, payload, occurred_at=moment, confirm=confirm
        )
    if json:
        print_json({"id": done.event_id, "rule": done.rule, "status": done.state.status.value})
        return
    typer.echo(
        _("Recorded {event} ({eid}) under rule {rule}.").format(
            event=event_label(event_type), eid=done.event_id, rule=done.rule
        )
    )
    typer.echo(_("Status now: {status}").format(status=status_label(done.state.status.value)))
    from caseterm.cli.render import print_deadlines

    print_deadlines(done.state.visible_deadlines(), now=done.state.as_of)


@app.command("void", help=_("Void an event with a reason; the file is recomputed without it."))
@guarded
def void(
    event: Annotated[str, typer.Argument(help=_("The id of the event to void."))],
    reason: Annotated[str, typer.Option("--reason", help=_("Why the record is void."))],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Void an event with a reason; the file is recomputed without it."""
    from caseterm.services.lifecycle.events import void_event
    from caseterm.services.words.lifecycle import status_label

    with unlocked(store, user, passphrase_file) as session:
        done = void_event(session, event, reason)
    if json:
        print_json(
            {
                "id": done.void_id,
                "status": done.state.status.value,
                "no_longer_fit": done.no_longer_fit,
            }
        )
        return
    typer.echo(_("Voided {eid}.").format(eid=event))
    typer.echo(_("Status now: {status}").format(status=status_label(done.state.status.value)))
    for later in done.no_longer_fit:
        typer.echo(_("No longer fits after the correction: event {eid}").format(eid=later))


@app.command(
    "types",
    help=_("List the event types, their fields (* = required) and the values each accepts."),
)
def types_(
    event_type: Annotated[
        str | None, typer.Argument(metavar="TYPE", help=_("Only this event type."))
    ] = None,
) -> None:
    """List the event types, their fields (* = required) and the values each accepts."""
    from caseterm.domain.lifecycle.payloads import PAYLOADS
    from caseterm.services.lifecycle.event_form import form_fields
    from caseterm.services.words.lifecycle import event_label

    chosen = sorted(PAYLOADS) if event_type is None else [event_type]
    if event_type is not None and event_type not in PAYLOADS:
        fail(_("Unknown event type: {type}.").format(type=event_type), EXIT_USAGE)
    for name in chosen:
        typer.echo(f"{name} — {event_label(name)}")
        for spec in form_fields(name):
            star = "*" if spec.required else ""
            typer.echo(f"    {spec.name}{star} ({spec.label}): {_accepts(spec)}")


_KIND_WORDS = {
    "text": N_("text"),
    "moment": N_("date and time, dd/mm/yyyy HH:MM"),
    "date": N_("date, dd/mm/yyyy"),
    "number": N_("whole number"),
    "yesno": N_("có or không (yes or no)"),
    "list": N_("several texts, separated by ;"),
    "event": N_("the id of an earlier event of the file"),
}


def _accepts(spec: FormField) -> str:
    """What a field accepts, in words: its codes with their meaning, or its kind."""
    if spec.kind in {"choice", "many"}:
        listed = "; ".join(f"{code} = {words}" for words, code in spec.choices)
        return listed + ("  " + _("(repeat the field for several)") if spec.kind == "many" else "")
    return _(_KIND_WORDS.get(spec.kind, "text"))


def due(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """What is overdue, due today and due in the next 7 days, for the whole commune."""
    from caseterm.services.lifecycle.due import due_list

    with unlocked(store, user, passphrase_file) as session:
        found = due_list(session)
    if json:
        from caseterm.services.lifecycle.json_shapes import due_json

        print_json(due_json(found))
        return
    from caseterm.cli.render import print_due

    print_due(found)


def unit_record(
    event_type: Annotated[
        str,
        typer.Argument(
            metavar="TYPE",
            help=_("unit.report_sent, breach.discovered or breach.notified"),
        ),
    ],
    field: Annotated[
        list[str] | None,
        typer.Option("--field", "-f", help=_("refers_to=ID (breach.notified), reference=…")),
    ] = None,
    at: AtOpt = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Record a commune-level event: a report to the People's Committee, a data breach."""
    from caseterm.services.lifecycle.due import record_unit_event
    from caseterm.services.lifecycle.event_input import parse_moment

    pairs = dict(item.partition("=")[::2] for item in field or [])
    with unlocked(store, user, passphrase_file) as session:
        event_id = record_unit_event(
            session, event_type, pairs, occurred_at=parse_moment(at) if at else None
        )
    typer.echo(_("Recorded {event} ({eid}).").format(event=event_type, eid=event_id))


due_command = guarded(due)
unit_command = guarded(unit_record)
