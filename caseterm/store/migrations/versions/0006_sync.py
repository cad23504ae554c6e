"""sync bundles: the commune's export ledger and the district's registry of communes

Revision ID: 0006_sync
Revises: 0005_watch_lists
Create Date: 2026-11-22 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0006_sync"
down_revision: str | None = "0005_watch_lists"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def _text(name: str, length: int | None = None, *, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, _TEXT(length=length), nullable=nullable)


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy would drop `unit`, which the other tables refer to.
    op.add_column("unit", sa.Column("own", sa.Boolean(), nullable=False, server_default="1"))
    op.create_table(
        "sync_target",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("district_code", 16),
        _text("recipient", 128),
        sa.Column("signing_public_key", sa.LargeBinary(), nullable=False),
        _text("set_at"),
        _text("retired_at", nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_export",
        sa.Column("sequence", sa.Integer(), nullable=False),
        _text("period", 7),
        _text("created_at"),
        _text("bundle_sha256", 64),
        _text("previous_sha256", 64),
        _text("file_name", 64),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("bundle", sa.LargeBinary(), nullable=True),
        sa.Column("carried", sa.LargeBinary(), nullable=False),
        _text("acked_at", nullable=True),
        _text("ack_summary", nullable=True),
        sa.PrimaryKeyConstraint("sequence"),
    )
    op.create_table(
        "sync_acked",
        _text("kind", 8),
        _text("record_id", 36),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id"),
    )
    op.create_table(
        "district_key",
        _text("key_id", 16),
        _text("identity", 128),
        _text("recipient", 128),
        _text("created_at"),
        _text("retired_at", nullable=True),
        sa.PrimaryKeyConstraint("key_id"),
    )
    op.create_table(
        "district_commune",
        _text("unit_code", 16),
        _text("enrolled_at"),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        _text("last_bundle_sha256", 64),
        _text("last_period", 7, nullable=True),
        _text("last_created_at", nullable=True),
        _text("last_received_at", nullable=True),
        sa.ForeignKeyConstraint(["unit_code"], ["unit.code"]),
        sa.PrimaryKeyConstraint("unit_code"),
    )
    op.create_table(
        "district_commune_key",
        _text("key_id", 16),
        _text("unit_code", 16),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        _text("enrolled_at"),
        _text("revoked_at", nullable=True),
        sa.ForeignKeyConstraint(["unit_code"], ["district_commune.unit_code"]),
        sa.PrimaryKeyConstraint("key_id"),
    )
    with op.batch_alter_table("district_commune_key", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_district_commune_key_unit_code"), ["unit_code"], unique=False
        )
    op.create_table(
        "district_bundle",
        _text("unit_code"),
        sa.Column("sequence", sa.Integer(), nullable=False),
        _text("bundle_sha256", 64),
        _text("previous_sha256", 64),
        _text("period", 7),
        _text("created_at"),
        _text("received_at"),
        _text("status", 16),
        _text("applied_at", nullable=True),
        _text("summary"),
        sa.Column("bundle", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(["unit_code"], ["district_commune.unit_code"]),
        sa.PrimaryKeyConstraint("unit_code", "sequence"),
    )
    op.create_table(
        "district_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("unit_code", 16),
        sa.Column("sequence", sa.Integer(), nullable=False),
        _text("code", 32),
        _text("bundle_sha256", 64),
        _text("at"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for table in (
        "district_alert",
        "district_bundle",
        "district_commune_key",
        "district_commune",
        "district_key",
        "sync_acked",
        "sync_export",
        "sync_target",
    ):
        op.drop_table(table)
    op.drop_column("unit", "own")
