"""Every table of the store (SQLModel). No `from __future__ import annotations` here (sqlmodel#196).

Ids are UUIDv7 strings made on the laptop, so rows from many communes merge at the district
without collisions. Every row names its owning unit. Events and audit entries are append-only.
"""

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

# The exchange's tables live in their own module; importing it here puts them on `metadata`.
from caseterm.store import tables_sync as tables_sync

# Keep one shared metadata; Alembic's env.py and the tests import it from here.
metadata = SQLModel.metadata


class Unit(SQLModel, table=True):
    """The commune (or district) that owns this store."""

    code: str = Field(primary_key=True, max_length=16)
    name: str = Field(max_length=200)
    kind: str = Field(default="commune", max_length=16)
    created_at: str
    own: bool = True
    """False for the communes a district store receives bundles from."""
    population: int | None = None
    """The commune's population (K5, the QĐ 28/2025 ratio); set by an administrator."""
    report_start_day: int = 1
    """The day of the month a reporting period starts on (1: the calendar month)."""
    read_only_after_days: int = 90
    """How long a closed case stays open to corrections before it becomes read-only."""
    moves_term_ends: bool = False
    """Civil Code Art 148(5): a person's term whose last day is a day off ends at the end of the
    next working day (legal spec §9, decision 2). At a district, each commune's own setting, as
    its latest bundle declared it."""
    last_file_no: int = 0
    """The last file number given to a person of this unit (`Person.file_no`)."""
    keyfile_signed: bool = False
    """True once the key file's recipients carry tags: from then on a key file without them is
    refused (a store made before tags existed adopts them at its first unlock)."""
    doc_header: str | None = None
    """The unit's document header as JSON (provincial police, place name, number format…):
    what every official document prints above its title; None until an administrator sets it."""


class Account(SQLModel, table=True):
    """A person who can unlock the store; roles live here, inside the encryption."""

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(unique=True, max_length=64)
    display_name: str = Field(default="", max_length=200)
    roles: str = Field(max_length=200)
    """Comma-separated role codes (an account may be chief and admin)."""
    unit_code: str = Field(foreign_key="unit.code", max_length=16)
    active: bool = True
    created_at: str
    disabled_at: str | None = None


class Person(SQLModel, table=True):
    """A person's identity block; the rest of the record lives in `details` (JSON)."""

    # Covering indexes for search: the register order, a match's place in it, and ID prefixes.
    # They let a search order its matches without reading the (large) rows.
    __table_args__ = (
        Index("ux_person_file_no", "unit_code", "file_no", unique=True),
        Index("ix_person_register", "sort_key", "id", "num"),
        Index("ix_person_num_order", "num", "sort_key", "id"),
        Index("ix_person_id_number", "id_number", "num"),
    )

    id: str = Field(primary_key=True, max_length=36)
    num: int = Field(unique=True)
    """Local integer key of the search index (stable across VACUUM, never synced)."""
    file_no: int | None = Field(default=None)
    """The commune's file number (hồ sơ số, shown "HS-000123"): 1, 2, 3… in the order the
    commune registered its persons, never reused (a purge leaves a gap). None for the
    persons a district holds for its communes."""
    unit_code: str = Field(foreign_key="unit.code", index=True, max_length=16)
    full_name: str = Field(max_length=200)
    name_folded: str = Field(index=True, max_length=200)
    sort_key: str = Field(max_length=600)
    sex: str = Field(max_length=8)
    birth: str = Field(max_length=10)
    birth_year: int = Field(index=True)
    id_type: str | None = Field(default=None, max_length=16)
    id_number: str | None = Field(default=None, max_length=32)
    village: str = Field(default="", index=True, max_length=200)
    details: str
    """JSON of every other field of the identity block and the drug-use profile."""
    version: int = 1
    created_at: str
    created_by: str = Field(max_length=36)
    updated_at: str


class Event(SQLModel, table=True):
    """Something that happened to a person; append-only, corrected only by a voiding event."""

    id: str = Field(primary_key=True, max_length=36)
    unit_code: str = Field(foreign_key="unit.code", max_length=16)
    person_id: str = Field(foreign_key="person.id", index=True, max_length=36)
    type: str = Field(index=True, max_length=64)
    occurred_at: str
    recorded_at: str
    recorded_by: str = Field(max_length=36)
    payload: str
    """Validated JSON payload of the event type."""


class AuditLog(SQLModel, table=True):
    """The hash-chained audit trail: who did what to which id, when. Never personal data."""

    __tablename__ = "audit_log"

    seq: int = Field(primary_key=True)
    at: str
    account_id: str = Field(max_length=36)
    action: str = Field(max_length=64)
    object_type: str = Field(max_length=32)
    object_id: str = Field(max_length=64)
    details: str
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class UnitKey(SQLModel, table=True):
    """The unit's Ed25519 signing keys (private parts live only inside the encrypted store)."""

    __tablename__ = "unit_key"

    key_id: str = Field(primary_key=True, max_length=32)
    unit_code: str = Field(foreign_key="unit.code", max_length=16)
    private_key: bytes
    public_key: bytes
    created_at: str
    retired_at: str | None = None
    change_statement: bytes | None = None
    """For a key that replaced another: the canonical key-change statement (JSON) …"""
    change_signature: bytes | None = None
    """… and the replaced key's signature over it, carried in bundles to the district."""


class PersonState(SQLModel, table=True):
    """The lifecycle projection of a person: rebuildable from the events, checked by verify.

    `as_of` is the moment it was computed at; `valid_until` the next moment at which time alone
    changes it (a deadline passes, a new month starts). `summary` is the derived state as JSON.
    """

    __tablename__ = "person_state"
    __table_args__ = (
        # Who has no review this year is then counted from the index alone.
        Index("ix_person_state_review_gap", "reviewed_year", "registers"),
        # A report reads only the people whose span meets its periods (closed files skipped).
        Index("ix_person_state_report_span", "report_until", "report_from"),
    )

    person_id: str = Field(primary_key=True, foreign_key="person.id", max_length=36)
    unit_code: str = Field(foreign_key="unit.code", max_length=16)
    status: str = Field(index=True, max_length=4)
    registers: str = Field(default="", index=True, max_length=64)
    """The registers, comma-separated; indexed so counting them does not read the summaries."""
    measures: str = Field(default="", max_length=128)
    """The kinds of the active measures, comma-separated (the list's measure filter)."""
    officer: str = Field(default="", max_length=200)
    """The officer in charge named by the latest decision that names one."""
    watch: str = Field(default="", index=True, max_length=64)
    """Lasting reasons for the close-watch list, comma-separated ("" if none)."""
    released_at: str | None = None
    last_contact: str | None = None
    reviewed_year: int | None = None
    """The latest year with a completed annual review (indexed with the registers, below)."""
    next_due_at: str | None = Field(default=None, index=True)
    valid_until: str | None = Field(default=None, index=True)
    as_of: str
    calendar_version: str = Field(index=True, max_length=32)
    summary: str
    report: str = ""
    """The report's trace of the person and the identity facts it breaks down by (JSON)."""
    report_from: str | None = None
    report_until: str | None = None
    """The moments between which the person can count in a report (`PersonTrace.span`)."""


class PersonDeadline(SQLModel, table=True):
    """The open deadlines of each projection, one row each, replaced with the projection.

    The today list reads these rows instead of decoding every projection's JSON summary. The
    person's name is copied in (and rewritten whenever the projection is), and the table is
    clustered on (due moment, name): the list is read in display order with no join or sort.
    """

    __tablename__ = "person_deadline"
    __table_args__ = {"sqlite_with_rowid": False}

    due_at: str = Field(primary_key=True)
    sort_key: str = Field(primary_key=True, max_length=600)
    person_id: str = Field(primary_key=True, foreign_key="person.id", index=True, max_length=36)
    key: str = Field(primary_key=True, max_length=200)
    full_name: str = Field(max_length=200)
    code: str = Field(max_length=8)
    visible_from: str | None = Field(default=None, index=True)
    measure_id: str | None = Field(default=None, max_length=36)
    measure_kind: str | None = Field(default=None, max_length=32)
    basis: str = Field(default="")
    """The citation codes, one per line (a code may contain commas)."""


class UnitEvent(SQLModel, table=True):
    """A unit-level record: a report to the commune People's Committee, a data breach."""

    __tablename__ = "unit_event"

    id: str = Field(primary_key=True, max_length=36)
    unit_code: str = Field(foreign_key="unit.code", max_length=16)
    type: str = Field(index=True, max_length=64)
    occurred_at: str
    recorded_at: str
    recorded_by: str = Field(max_length=36)
    payload: str


class RetentionArchive(SQLModel, table=True):
    """(Commune) An encrypted archive file of closed cases, made for the official archive."""

    __tablename__ = "retention_archive"

    id: str = Field(primary_key=True, max_length=36)
    created_at: str
    created_by: str = Field(max_length=36)
    file_name: str = Field(max_length=200)
    sha256: str = Field(max_length=64)
    persons: int


class RetentionPerson(SQLModel, table=True):
    """(Commune) A file in an archive, as archived; `purged_at` once removed here.

    `version` and `events` say what the archive holds: events are only ever added (a void is an
    event too), so the same count is the same events.

    No foreign key to `person`: this row is what remains of a purged file (its id only).
    """

    __tablename__ = "retention_person"

    person_id: str = Field(primary_key=True, max_length=36)
    archive_id: str = Field(foreign_key="retention_archive.id", max_length=36)
    version: int
    events: int
    purged_at: str | None = None


class AccountApproval(SQLModel, table=True):
    """A chief's one-time approval of one account change, by the hash of the code handed over.

    Bound to what it approves: the kind, the account name (or the recovery key's fingerprint)
    and, for a new account, its roles. Used once, before it expires.
    """

    __tablename__ = "account_approval"

    id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(max_length=32)
    subject: str = Field(max_length=64)
    roles: str = Field(default="", max_length=200)
    code_sha256: str = Field(unique=True, max_length=64)
    issued_by: str = Field(max_length=36)
    issued_at: str
    expires_at: str
    used_at: str | None = None
    used_by: str | None = Field(default=None, max_length=36)


class AccountNotice(SQLModel, table=True):
    """A new account, a reset or a recovery-key change, shown to the chiefs until one acknowledges.

    Written in the same transaction as the change it tells of.
    """

    __tablename__ = "account_notice"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    subject: str = Field(max_length=64)
    roles: str = Field(default="", max_length=200)
    actor_id: str = Field(max_length=36)
    approved_by: str | None = Field(default=None, max_length=36)
    at: str
    acknowledged_by: str | None = Field(default=None, max_length=36)
    acknowledged_at: str | None = None


class Draft(SQLModel, table=True):
    """A chief's decision or confirmation prepared by an officer, waiting for the chief.

    It changes no file until approved: the approval records the decision (or registers the
    person) in the chief's name, in the same transaction that marks the draft approved.
    """

    __tablename__ = "draft"

    id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(max_length=32)
    """"event" (a decision for a person) or "person" (a registration a chief must confirm)."""
    person_id: str | None = Field(default=None, index=True, max_length=36)
    event_type: str | None = Field(default=None, max_length=64)
    content: str
    """The form as typed, as JSON: an event's payload, or the person's record."""
    warnings: str = "[]"
    """The warnings the form raised when drafted, as a JSON list of sentences."""
    drafted_by: str = Field(max_length=36)
    drafted_at: str
    status: str = Field(index=True, max_length=16)
    decided_by: str | None = Field(default=None, max_length=36)
    decided_at: str | None = None
    reason: str | None = None
    """Why the chief rejected it (the officer reads it)."""
    result_id: str | None = Field(default=None, max_length=36)
    """The event recorded, or the person registered, when approved."""


class AccountRequest(SQLModel, table=True):
    """An account change an administrator tried without a chief's approval.

    It waits on the chiefs' Approvals list, where a chief issues its one-time code.
    """

    __tablename__ = "account_request"

    id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(max_length=32)
    subject: str = Field(max_length=64)
    roles: str = Field(default="", max_length=200)
    requested_by: str = Field(max_length=36)
    requested_at: str
    status: str = Field(index=True, max_length=16)
    decided_by: str | None = Field(default=None, max_length=36)
    decided_at: str | None = None


class DecisionNumber(SQLModel, table=True):
    """A number of the unit's yearly register, per kind (QĐ, TB…): given once, never reused.

    A voided decision keeps its number (Decree 30/2020: numbers run in order through the year).
    """

    __tablename__ = "decision_number"

    unit_code: str = Field(primary_key=True, max_length=16)
    year: int = Field(primary_key=True)
    kind: str = Field(primary_key=True, max_length=8)
    number: int = Field(primary_key=True)
    written: str = Field(max_length=64)
    """The number as printed, in the unit's format at the time (`12/QĐ-CAX`)."""
    person_id: str | None = Field(default=None, max_length=36)
    event_id: str | None = Field(default=None, index=True, max_length=36)
    form: str | None = Field(default=None, max_length=16)
    """The form it was given for (`III-04`), when a document reserved it."""
    typed: bool = False
    """The officer typed it (a paper decision): caseterm did not choose it."""
    reserved_at: str
    reserved_by: str = Field(max_length=36)


class DocumentExport(SQLModel, table=True):
    """A document written to a file in clear: what, for whom, its digest, never its content."""

    __tablename__ = "document_export"

    id: str = Field(primary_key=True, max_length=36)
    unit_code: str = Field(max_length=16)
    person_id: str | None = Field(default=None, index=True, max_length=36)
    form: str = Field(max_length=16)
    event_id: str | None = Field(default=None, max_length=36)
    decision_no: str | None = Field(default=None, max_length=64)
    sha256: str = Field(max_length=64)
    file_name: str = Field(max_length=255)
    written_at: str
    written_by: str = Field(max_length=36)
    removed_at: str | None = None
    """When `caseterm doc clean` deleted the file."""


class DocumentDetail(SQLModel, table=True):
    """A value a document needs that its event does not carry (a narrative, an officer's rank).

    Asked for once, when the document is first made, and kept so the next print says the same.
    """

    __tablename__ = "document_detail"

    event_id: str = Field(primary_key=True, max_length=36)
    field: str = Field(primary_key=True, max_length=64)
    value: str
    unit_code: str = Field(max_length=16)
    set_at: str
    set_by: str = Field(max_length=36)
