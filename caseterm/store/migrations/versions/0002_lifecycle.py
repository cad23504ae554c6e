"""lifecycle projection and unit events

Revision ID: 0002_lifecycle
Revises: 0001_initial
Create Date: 2026-11-22 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0002_lifecycle"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "person_state",
        sa.Column("person_id", _TEXT(length=36), nullable=False),
        sa.Column("unit_code", _TEXT(length=16), nullable=False),
        sa.Column("status", _TEXT(length=4), nullable=False),
        sa.Column("registers", _TEXT(length=64), nullable=False),
        sa.Column("next_due_at", _TEXT(), nullable=True),
        sa.Column("valid_until", _TEXT(), nullable=True),
        sa.Column("as_of", _TEXT(), nullable=False),
        sa.Column("calendar_version", _TEXT(length=32), nullable=False),
        sa.Column("summary", _TEXT(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["unit_code"], ["unit.code"]),
        sa.PrimaryKeyConstraint("person_id"),
    )
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_state_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_state_next_due_at"), ["next_due_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_state_valid_until"), ["valid_until"], unique=False
        )
    op.create_table(
        "unit_event",
        sa.Column("id", _TEXT(length=36), nullable=False),
        sa.Column("unit_code", _TEXT(length=16), nullable=False),
        sa.Column("type", _TEXT(length=64), nullable=False),
        sa.Column("occurred_at", _TEXT(), nullable=False),
        sa.Column("recorded_at", _TEXT(), nullable=False),
        sa.Column("recorded_by", _TEXT(length=36), nullable=False),
        sa.Column("payload", _TEXT(), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["unit.code"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("unit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_event_type"), ["type"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("unit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_event_type"))
    op.drop_table("unit_event")
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_state_valid_until"))
        batch_op.drop_index(batch_op.f("ix_person_state_next_due_at"))
        batch_op.drop_index(batch_op.f("ix_person_state_status"))
    op.drop_table("person_state")
