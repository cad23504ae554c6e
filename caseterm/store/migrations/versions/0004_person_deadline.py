"""open deadlines as rows; registers and calendar version indexed

The today list then reads no projection's JSON: not to list deadlines, count registers or find
stale projections.

Revision ID: 0004_person_deadline
Revises: 0003_list_filters
Create Date: 2026-11-22 12:00:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0004_person_deadline"
down_revision: str | None = "0003_list_filters"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "person_deadline",
        sa.Column("due_at", _TEXT(), nullable=False),
        sa.Column("sort_key", _TEXT(length=600), nullable=False),
        sa.Column("person_id", _TEXT(length=36), nullable=False),
        sa.Column("key", _TEXT(length=200), nullable=False),
        sa.Column("full_name", _TEXT(length=200), nullable=False),
        sa.Column("code", _TEXT(length=8), nullable=False),
        sa.Column("visible_from", _TEXT(), nullable=True),
        sa.Column("measure_id", _TEXT(length=36), nullable=True),
        sa.Column("measure_kind", _TEXT(length=32), nullable=True),
        sa.Column("basis", _TEXT(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("due_at", "sort_key", "person_id", "key"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("person_deadline", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_deadline_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_deadline_visible_from"), ["visible_from"], unique=False
        )
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_state_registers"), ["registers"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_state_calendar_version"), ["calendar_version"], unique=False
        )
    _copy_from_summaries()


def _copy_from_summaries() -> None:
    """Fill the table from the deadlines each projection's summary already holds.

    Copying is exact and fast; recomputing every projection at the next open would take
    minutes on a large store.
    """
    bind = op.get_bind()
    insert = sa.text(
        "INSERT INTO person_deadline (due_at, sort_key, person_id, key, full_name, code, "
        "visible_from, measure_id, measure_kind, basis) "
        "SELECT :due_at, p.sort_key, p.id, :key, p.full_name, :code, :visible_from, "
        ":measure_id, :measure_kind, :basis FROM person AS p WHERE p.id = :person_id"
    )
    for person_id, summary in bind.execute(sa.text("SELECT person_id, summary FROM person_state")):
        derived = json.loads(summary)
        kinds = {measure["id"]: measure["kind"] for measure in derived.get("measures", [])}
        rows = [
            {
                "person_id": person_id,
                "key": deadline["key"],
                "code": deadline["code"],
                "due_at": deadline["due_at"],
                "visible_from": deadline.get("visible_from"),
                "measure_id": deadline.get("measure_id"),
                "measure_kind": kinds.get(deadline.get("measure_id")),
                "basis": "\n".join(deadline.get("basis", [])),
            }
            for deadline in derived.get("deadlines", [])
        ]
        if rows:
            bind.execute(insert, rows)


def downgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_state_calendar_version"))
        batch_op.drop_index(batch_op.f("ix_person_state_registers"))
    with op.batch_alter_table("person_deadline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_deadline_visible_from"))
        batch_op.drop_index(batch_op.f("ix_person_deadline_person_id"))
    op.drop_table("person_deadline")
