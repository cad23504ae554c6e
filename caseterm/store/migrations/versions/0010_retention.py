"""retention: how long a closed case stays open to corrections; archives and purges of files

Revision ID: 0010_retention
Revises: 0009_audit_anchor
Create Date: 2026-12-03 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0010_retention"
down_revision: str | None = "0009_audit_anchor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "unit",
        sa.Column("read_only_after_days", sa.Integer(), nullable=False, server_default="90"),
    )
    op.create_table(
        "retention_archive",
        sa.Column("id", AutoString(length=36), nullable=False),
        sa.Column("created_at", AutoString(), nullable=False),
        sa.Column("created_by", AutoString(length=36), nullable=False),
        sa.Column("file_name", AutoString(length=200), nullable=False),
        sa.Column("sha256", AutoString(length=64), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # No foreign key to person: the row outlives the file it records (a purge keeps it).
    op.create_table(
        "retention_person",
        sa.Column("person_id", AutoString(length=36), nullable=False),
        sa.Column("archive_id", AutoString(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("purged_at", AutoString(), nullable=True),
        sa.ForeignKeyConstraint(["archive_id"], ["retention_archive.id"]),
        sa.PrimaryKeyConstraint("person_id"),
    )


def downgrade() -> None:
    op.drop_table("retention_person")
    op.drop_table("retention_archive")
    # A plain DROP COLUMN: a batch copy of `unit` trips the foreign keys that point at it.
    op.drop_column("unit", "read_only_after_days")
