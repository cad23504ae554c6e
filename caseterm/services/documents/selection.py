"""Which events a form is made from.

The form's own event types, under the rules in force on the event's day (ND163 from 1/7/2026,
the legacy ND105 forms before), and only the events it can say (a pending test result prints
neither box; a transfer notice needs a move under management).
"""

from __future__ import annotations

from datetime import datetime

from caseterm.domain.lifecycle import LifeEvent
from caseterm.domain.lifecycle.model import MeasureKind, Regime, RehabForm, regime_at
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.services.documents.templates import FormInfo, active_set
from caseterm.services.registry.persons import PersonFile


def forms_of_event(event_type: str, moment: datetime) -> list[str]:
    """The forms an event of this type at this moment is printed on (under its own rules)."""
    regime = regime_at(moment).value
    return sorted(f.form for f in active_set().forms.values()
                  if event_type in f.events and f.regime in ("", regime))  # fmt: skip


def regimes_of(file: PersonFile) -> set[str]:
    """The rules the file's acts fell under.

    A file begun before 1/7/2026 is offered the legacy résumé and statement as well.
    """
    return {regime_at(e.occurred_at).value for e in file.life} | {Regime.R2026.value}


def _on_its_form(info: FormInfo, event: LifeEvent) -> bool:
    """True when the event's regime is the form's: an act is printed on the form in force."""
    return not info.regime or regime_at(event.occurred_at).value == info.regime


def events_for(file: PersonFile, info: FormInfo) -> list[LifeEvent]:
    """The file's events this form can be made from, newest first."""
    voided = file.lifecycle.voided
    found = [e for e in file.life if e.type in info.events and e.id not in voided
             and _on_its_form(info, e) and _printable(file, info, e)]  # fmt: skip
    return sorted(found, key=lambda e: e.occurred_at, reverse=True)


def _printable(file: PersonFile, info: FormInfo, event: LifeEvent) -> bool:
    """False for an event its form cannot say.

    A pending result on the slip (neither box), or a move by someone not under user management
    on the management file's transfer notice.
    """
    if info.when:
        field, _sep, value = info.when.partition("=")
        if str(getattr(event.payload, field, "")) != value:
            return False
    if info.form == "III-01":
        return getattr(event.payload, "result", "") != "PENDING"
    if info.form in {"III-06", "ND105-08"}:
        managed = [m for m in file.lifecycle.measures if m.kind is MeasureKind.USER_MGMT
                   and m.opened_at <= event.occurred_at]  # fmt: skip
        return any(m.closed_at is None or m.closed_at >= event.occurred_at for m in managed)
    if info.form == "V-31":  # a start in a public facility or a reformatory school, not at home
        rehab = [m for m in file.lifecycle.measures if m.kind is MeasureKind.VOLUNTARY_REHAB
                 and m.opened_at <= event.occurred_at]  # fmt: skip
        latest = max(rehab, key=lambda m: m.opened_at, default=None)
        return latest is not None and latest.form in {RehabForm.PUBLIC, RehabForm.REFORMATORY}
    return True


def chosen_event(file: PersonFile, info: FormInfo, event_id: str | None) -> LifeEvent | None:
    """The event a document is made from: the one asked for, else the newest.

    A clear error when there is none, or when the one asked for is another form's.
    """
    if not info.events:
        return None
    candidates = events_for(file, info)
    if event_id is None:
        if not candidates:
            raise UsageError(
                _("The file has no event {form} is made from ({types}).").format(
                    form=info.form, types=", ".join(info.events)
                )
            )
        return candidates[0]
    chosen = next((e for e in candidates if e.id == event_id or e.id.startswith(event_id)), None)
    if chosen is None:
        _refuse_other_regime(file, info, event_id)
        raise UsageError(
            _("Event {event} is not one {form} is made from.").format(
                event=event_id, form=info.form
            )
        )
    return chosen


def _refuse_other_regime(file: PersonFile, info: FormInfo, event_id: str) -> None:
    """A clear answer when the event exists but falls under the other regime's form."""
    event = next((e for e in file.life if e.id == event_id or e.id.startswith(event_id)), None)
    if event is None or event.type not in info.events or _on_its_form(info, event):
        return
    other = [f.form for f in active_set().forms.values()
             if event.type in f.events and _on_its_form(f, event)]  # fmt: skip
    raise UsageError(
        _(
            "Event {event} is not printed on {form}: acts before 1/7/2026 use the Decree "
            "105/2021 forms, acts from then on the Decree 163/2026 forms. Its form is: {others}."
        ).format(event=event_id, form=info.form, others=", ".join(sorted(other)) or "-")
    )


def is_for(file: PersonFile, info: FormInfo, now: datetime) -> bool:
    """True when an event-less form concerns this file (its `for`, when it names one).

    `compulsory`: a compulsory dossier in the file (up to `now`); `compulsory-minor`: one
    begun while the person was 12 to under 18 (a parent's opinion written for it).
    """
    if not info.audience:
        return True
    dossiers = [m for m in file.lifecycle.measures
                if m.kind is MeasureKind.COMPULSORY and m.opened_at <= now]  # fmt: skip
    if info.audience == "compulsory":
        return bool(dossiers)
    birth = file.person.record.birth.latest()

    def age(day: datetime) -> int:
        d = day.date()
        return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))

    return info.audience == "compulsory-minor" and any(12 <= age(m.opened_at) < 18
                                                        for m in dossiers)  # fmt: skip
