"""The records inside a sync bundle's payload: one JSON object per line, persons, events, audit.

The writer makes the lines from the store's records through the same models as `--json`
output; the reader is the district's, and treats every line as hostile: each is bounded in
size, validated against its model (and an event's payload against its type), and the first bad
line rejects the whole bundle with its line number, so nothing of it is applied (T18).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from caseterm.crypto.bundle import BundleHeader, stream_payload
from caseterm.domain import strict_json
from caseterm.domain.audit import AuditEntry, ChainSegment
from caseterm.domain.bundle import RECORD_ID, UNIT_CODE, BundleRejected, canonical
from caseterm.domain.lifecycle.payloads import parse_payload
from caseterm.services.registry.json_shapes import EventOut, RecordOut
from caseterm.services.session.json_shape import UTC_MOMENT
from caseterm.store.convert import record_to_json
from caseterm.store.records import EventInfo, StoredPerson

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
MAX_LINE_BYTES = 256 * 1024
"""A person with every field full is a few kilobytes; longer lines are refused unread."""


class PersonLine(BaseModel):
    """A person's identity block as it stands at export."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["person"]
    id: str = Field(pattern=RECORD_ID)
    unit_code: str = Field(pattern=UNIT_CODE)
    version: int = Field(ge=1, lt=2**31)
    created_at: str = Field(pattern=UTC_MOMENT)
    created_by: str = Field(pattern=RECORD_ID)
    """The account that registered the person (an id, never a name)."""
    updated_at: str = Field(pattern=UTC_MOMENT)
    file_no: int | None = Field(default=None, ge=1, lt=2**31)
    """The commune's file number ("HS-000123"), so that the district names the file as the
    commune does. Absent from bundles made before file numbers existed."""
    record: RecordOut


class EventLine(EventOut):
    """One event (a void is an event too: `event.voided` naming the event it voids)."""

    kind: Literal["event"]


class AuditLine(BaseModel):
    """One entry of the commune's audit chain since its last bundle (T36).

    Its fields are those of `AuditEntry.canonical()`, so the line is that form plus the hash.

    Audit entries hold ids, action names and counts, never personal data. With them the
    district checks that the commune's chain continues the head it accepted last: history
    already sent cannot be rewritten or cut without the next bundle being refused.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["audit"]
    seq: int = Field(ge=1)
    at: str = Field(max_length=40)
    account: str = Field(max_length=64)
    action: str = Field(max_length=64)
    object_type: str = Field(max_length=32)
    object_id: str = Field(max_length=128)
    details: dict[str, str | int]
    prev: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")

    def entry(self) -> AuditEntry:
        """The chained entry this line carries."""
        return AuditEntry(
            seq=self.seq,
            at=self.at,
            account_id=self.account,
            action=self.action,
            object_type=self.object_type,
            object_id=self.object_id,
            details=dict(self.details),
            prev_hash=self.prev,
        )


Line = Annotated[PersonLine | EventLine | AuditLine, Field(discriminator="kind")]
LINE = TypeAdapter(Line)
"""Validates one line; its JSON Schema is `schema/bundle-record.v1.schema.json`."""


@dataclass(frozen=True)
class PayloadRecords:
    """A bundle's records, every one of them valid; its audit entries checked and let go."""

    persons: list[PersonLine]
    events: list[EventLine]
    audit: ChainSegment


def person_line(person: StoredPerson) -> PersonLine:
    """A stored person as a payload line."""
    return PersonLine(
        kind="person",
        id=person.id,
        unit_code=person.unit_code,
        version=person.version,
        created_at=person.created_at,
        created_by=person.created_by,
        updated_at=person.updated_at,
        file_no=person.file_no,
        record=RecordOut.model_validate(record_to_json(person.record)),
    )


def event_line(event: EventInfo) -> EventLine:
    """A stored event as a payload line."""
    return EventLine(kind="event", **asdict(event))


def person_bytes(row: tuple[Any, ...]) -> bytes:
    """A person line straight from a stored row (`SyncRepo.unsent_person_rows`).

    It parses to the same JSON as `person_line(...)` (a test checks it), built without domain
    objects or models and with the stored `details` text spliced in unparsed: at 100k persons
    those conversions were most of the export's time. Its keys are not in canonical order; the
    reader does not need them to be.
    """
    pid, unit, name, sex, birth, id_type, id_number, village, details = row[:9]
    version, created_at, created_by, updated_at, file_no = row[9:]
    columns = canonical(
        {
            "full_name": name,
            "sex": sex,
            "birth": birth,
            "id_type": id_type,
            "id_number": id_number or "",
            "village": village,
        }
    )
    rest = str(details).strip().encode()
    record = columns if rest == b"{}" else columns[:-1] + b"," + rest[1:]
    head = canonical(
        {
            "kind": "person",
            "id": pid,
            "unit_code": unit,
            "version": version,
            "created_at": created_at,
            "created_by": created_by,
            "updated_at": updated_at,
        }
        | ({"file_no": file_no} if file_no is not None else {})
    )
    return head[:-1] + b',"record":' + record + b"}\n"


def event_bytes(row: tuple[Any, ...]) -> bytes:
    """An event line straight from a stored row, its stored payload text spliced in unparsed."""
    eid, pid, type_, occurred_at, recorded_at, recorded_by, payload = row
    head = canonical(
        {
            "kind": "event",
            "id": eid,
            "person_id": pid,
            "type": type_,
            "occurred_at": occurred_at,
            "recorded_at": recorded_at,
            "recorded_by": recorded_by,
        }
    )
    return head[:-1] + b',"payload":' + str(payload).encode() + b"}\n"


def audit_bytes(entry: AuditEntry, stored_hash: str) -> bytes:
    """An audit entry as a payload line: the chain's own canonical form, kind and hash added."""
    values = json.loads(entry.canonical()) | {"kind": "audit", "hash": stored_hash}
    return canonical(values) + b"\n"


def payload_lines(
    persons: Iterable[PersonLine],
    events: Iterable[EventLine],
    audit: Iterable[AuditLine] = (),
) -> Iterator[bytes]:
    """The payload, line by line: persons first, so every event's person comes before it.

    A person without a file number is written without the field, as before numbers existed.
    """
    for line in (*persons, *events, *audit):
        values = line.model_dump(mode="json")
        if isinstance(line, PersonLine) and line.file_no is None:
            del values["file_no"]
        yield canonical(values) + b"\n"


class RecordSink(Protocol):
    """Where a reader hands each valid record, in payload order (persons, then events)."""

    def person(self, number: int, line: PersonLine) -> None:
        """A person line; `number` is its line in the payload."""

    def event(self, number: int, line: EventLine) -> None:
        """An event line."""


class _Collect:
    """Keeps every record (small payloads: tests, tools)."""

    def __init__(self) -> None:
        self.persons: list[PersonLine] = []
        self.events: list[EventLine] = []

    def person(self, number: int, line: PersonLine) -> None:
        self.persons.append(line)

    def event(self, number: int, line: EventLine) -> None:
        self.events.append(line)


class CheckOnly:
    """Keeps nothing: the records of a bundle held for later are checked, not kept."""

    def person(self, number: int, line: PersonLine) -> None:
        """Checked by the reader already."""

    def event(self, number: int, line: EventLine) -> None:
        """Checked by the reader already."""


class RecordReader:
    """Reads a payload line by line as it is decrypted and hands each record to a sink.

    Audit entries are chained as they come and dropped (`ChainSegment`): a bundle's audit
    tail costs the district two hashes, not a copy of itself. What the reader keeps is the id
    of each record, to refuse one sent twice.
    """

    def __init__(self, sink: RecordSink) -> None:
        self.audit = ChainSegment()
        self._sink = sink
        self._seen: dict[str, set[str]] = {"person": set(), "event": set()}
        self._number = 0
        self._events_started = False

    def feed(self, raw: bytes) -> None:
        """Take the next line (without its newline), or raise `BundleRejected` naming it."""
        self._number += 1
        number = self._number
        line = _line(raw, number)
        if isinstance(line, AuditLine):
            self.audit.add(line.entry(), line.hash)  # the chain check links and orders
            return
        if self.audit.first is not None:
            raise BundleRejected("record", f"line {number}: a record after the audit entries")
        seen = self._seen[line.kind]
        if line.id in seen:
            raise BundleRejected("record", f"line {number}: {line.kind} {line.id} twice")
        seen.add(line.id)
        if isinstance(line, PersonLine):
            if self._events_started:
                raise BundleRejected("record", f"line {number}: a person after the events")
            self._sink.person(number, line)
        else:
            self._events_started = True
            self._sink.event(number, line)


def read_records(payload: bytes) -> PayloadRecords:
    """Every record of a payload, or `BundleRejected` naming the first line that is wrong."""
    kept = _Collect()
    reader = RecordReader(kept)
    lines = payload.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # the newline that ends the last line
    for raw in lines:
        reader.feed(raw)
    return PayloadRecords(kept.persons, kept.events, reader.audit)


def stream_records(
    data: bytes, header: BundleHeader, identity: str, sink: RecordSink
) -> ChainSegment:
    """Decrypt a bundle's payload and hand its records to `sink` as it streams.

    The payload is never whole in memory; the audit entries come back as a checked segment.
    """
    reader = RecordReader(sink)
    stream_payload(data, header, identity, reader.feed, max_line=MAX_LINE_BYTES)
    return reader.audit


def _line(raw: bytes, number: int) -> PersonLine | EventLine | AuditLine:
    if len(raw) > MAX_LINE_BYTES:
        raise BundleRejected("record", f"line {number}: longer than {MAX_LINE_BYTES} bytes")
    try:
        values: Any = strict_json.loads(raw)
        # JSON escapes can spell lone surrogates that no UTF-8 store can hold: refuse them here
        # (encoding the whole line is the check; most lines have no such escape to look at).
        if _SURROGATE_ESCAPE.search(raw):
            canonical(values)
        line = LINE.validate_python(values)
    except (UnicodeDecodeError, ValueError) as error:
        first = error.errors()[0] if isinstance(error, ValidationError) else None
        where = ".".join(str(part) for part in first["loc"]) if first else ""
        raise BundleRejected("record", f"line {number}: {where or 'not JSON'}") from None
    if isinstance(line, EventLine):
        try:
            parse_payload(line.type, line.payload)
        except (KeyError, ValueError):
            raise BundleRejected("record", f"line {number}: payload of {line.type}") from None
    return line
