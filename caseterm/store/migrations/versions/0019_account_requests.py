"""account requests: an administrator's change refused for want of a chief's approval waits
on the chiefs' Approvals list

Revision ID: 0019_account_requests
Revises: 0018_drafts
Create Date: 2026-12-05 13:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0019_account_requests"
down_revision: str | None = "0018_drafts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_request",
        sa.Column("id", AutoString(length=36), nullable=False),
        sa.Column("kind", AutoString(length=32), nullable=False),
        sa.Column("subject", AutoString(length=64), nullable=False),
        sa.Column("roles", AutoString(length=200), nullable=False),
        sa.Column("requested_by", AutoString(length=36), nullable=False),
        sa.Column("requested_at", AutoString(), nullable=False),
        sa.Column("status", AutoString(length=16), nullable=False),
        sa.Column("decided_by", AutoString(length=36), nullable=True),
        sa.Column("decided_at", AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_account_request_status", "account_request", ["status"])


def downgrade() -> None:
    op.drop_index("ix_account_request_status", table_name="account_request")
    op.drop_table("account_request")
