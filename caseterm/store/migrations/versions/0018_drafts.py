"""drafts: decisions and confirmations an officer prepares for the commune police chief

Revision ID: 0018_drafts
Revises: 0017_file_numbers
Create Date: 2026-12-05 12:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0018_drafts"
down_revision: str | None = "0017_file_numbers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", AutoString(length=36), nullable=False),
        sa.Column("kind", AutoString(length=32), nullable=False),
        sa.Column("person_id", AutoString(length=36), nullable=True),
        sa.Column("event_type", AutoString(length=64), nullable=True),
        sa.Column("content", AutoString(), nullable=False),
        sa.Column("warnings", AutoString(), nullable=False),
        sa.Column("drafted_by", AutoString(length=36), nullable=False),
        sa.Column("drafted_at", AutoString(), nullable=False),
        sa.Column("status", AutoString(length=16), nullable=False),
        sa.Column("decided_by", AutoString(length=36), nullable=True),
        sa.Column("decided_at", AutoString(), nullable=True),
        sa.Column("reason", AutoString(), nullable=True),
        sa.Column("result_id", AutoString(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_draft_person_id", "draft", ["person_id"])
    op.create_index("ix_draft_status", "draft", ["status"])


def downgrade() -> None:
    op.drop_index("ix_draft_status", table_name="draft")
    op.drop_index("ix_draft_person_id", table_name="draft")
    op.drop_table("draft")
