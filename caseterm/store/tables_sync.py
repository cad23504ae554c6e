"""The tables of the monthly exchange: the commune's target and exports, the district's side.

They join the one shared `SQLModel.metadata`; `store.tables` imports this module so that
whoever reads that metadata (Alembic, the tests) sees every table.
"""

from sqlmodel import Field, SQLModel


class SyncTarget(SQLModel, table=True):
    """(Commune) The district this store sends its bundles to.

    The newest row without `retired_at` is in force; earlier ones are kept for the record.
    """

    __tablename__ = "sync_target"

    id: int | None = Field(default=None, primary_key=True)
    district_code: str = Field(max_length=16)
    recipient: str = Field(max_length=128)
    """The district's age X25519 recipient (age1…)."""
    signing_public_key: bytes
    """The district's Ed25519 public key, which signs its acknowledgements."""
    set_at: str
    retired_at: str | None = None


class SyncExport(SQLModel, table=True):
    """(Commune) One bundle made: the ledger of sequences, kept forever.

    `bundle` holds the exact bytes (encrypted to the district) until the district acknowledges
    them, so an unacknowledged bundle is written again byte for byte, never re-made.
    """

    __tablename__ = "sync_export"

    sequence: int = Field(primary_key=True)
    period: str = Field(max_length=7)
    created_at: str
    bundle_sha256: str = Field(max_length=64)
    previous_sha256: str = Field(max_length=64)
    file_name: str = Field(max_length=64)
    persons: int
    events: int
    bundle: bytes | None = None
    audit_seq: int | None = None
    """The audit chain's head (seq) the bundle carried; the next one carries what follows."""
    carried: bytes
    """The records it carries, as JSON: {"person": [[id, version]…], "event": [id…]}.

    One value rather than a row per record: at 100k persons the rows were a third of the
    export. They become `sync_acked` rows when the acknowledgement comes.
    """
    acked_at: str | None = None
    ack_summary: str | None = None
    """The acknowledgement's counts as JSON (no personal data)."""


class SyncAcked(SQLModel, table=True):
    """(Commune) The newest version of each record the district has acknowledged."""

    __tablename__ = "sync_acked"

    kind: str = Field(primary_key=True, max_length=8)
    record_id: str = Field(primary_key=True, max_length=36)
    version: int


class DistrictKey(SQLModel, table=True):
    """(District) The age X25519 identity bundles are encrypted to; secret, inside the store."""

    __tablename__ = "district_key"

    key_id: str = Field(primary_key=True, max_length=16)
    identity: str = Field(max_length=128)
    recipient: str = Field(max_length=128)
    created_at: str
    retired_at: str | None = None


class DistrictCommune(SQLModel, table=True):
    """(District) An enrolled commune and where its chain of bundles stands."""

    __tablename__ = "district_commune"

    unit_code: str = Field(primary_key=True, foreign_key="unit.code", max_length=16)
    enrolled_at: str
    last_sequence: int = 0
    last_bundle_sha256: str = Field(default="0" * 64, max_length=64)
    last_period: str | None = Field(default=None, max_length=7)
    last_created_at: str | None = None
    last_received_at: str | None = None
    audit_seq: int | None = None
    """The head of the commune's audit chain its last applied bundle carried (T36)."""
    audit_hash: str | None = Field(default=None, max_length=64)
    rebaseline_at: str | None = None
    """When a district officer accepted that the commune was restored from a backup older than
    its last bundle: its next bundle starts the chain again (once)."""
    rebaseline_reason: str | None = Field(default=None, max_length=200)


class DistrictCommuneKey(SQLModel, table=True):
    """(District) A commune's Ed25519 signing key; a revoked key signs nothing more."""

    __tablename__ = "district_commune_key"

    key_id: str = Field(primary_key=True, max_length=16)
    unit_code: str = Field(foreign_key="district_commune.unit_code", index=True, max_length=16)
    public_key: bytes
    enrolled_at: str
    revoked_at: str | None = None
    introduced_by: str | None = Field(default=None, max_length=16)
    """The commune key whose signed statement introduced this one (None: enrolled by hand)."""
    superseded_from: int | None = None
    """Once a key change replaced this key, the sequence of the bundle that carried it: this
    key signs only bundles before it, and introduces no other key."""


class DistrictBundle(SQLModel, table=True):
    """(District) A bundle received: applied, or quarantined until the one before it arrives.

    A quarantined bundle keeps its (still encrypted) bytes; an applied one keeps its summary.
    """

    __tablename__ = "district_bundle"

    unit_code: str = Field(primary_key=True, foreign_key="district_commune.unit_code")
    sequence: int = Field(primary_key=True)
    bundle_sha256: str = Field(max_length=64)
    previous_sha256: str = Field(max_length=64)
    period: str = Field(max_length=7)
    created_at: str
    received_at: str
    status: str = Field(max_length=16)
    applied_at: str | None = None
    summary: str = ""
    """The counts of the import summary as JSON."""
    bundle: bytes | None = None
    refusal: str | None = Field(default=None, max_length=32)
    """For a held bundle refused when its turn came (status "refused"): the refusal's code."""
    audit_seq: int | None = None
    """The head of the commune's audit chain this bundle ended at (applied bundles)."""
    audit_hash: str | None = Field(default=None, max_length=64)


class DistrictAlert(SQLModel, table=True):
    """(District) Something a person must look at: two different bundles with one sequence."""

    __tablename__ = "district_alert"

    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(max_length=16)
    sequence: int
    code: str = Field(max_length=32)
    bundle_sha256: str = Field(max_length=64)
    at: str
