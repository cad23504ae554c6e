"""account approvals: a chief's one-time approval codes, and the notices chiefs acknowledge

Revision ID: 0013_account_approval
Revises: 0012_key_retirement
Create Date: 2026-12-04 21:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0013_account_approval"
down_revision: str | None = "0012_key_retirement"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_approval",
        sa.Column("id", AutoString(length=36), nullable=False),
        sa.Column("kind", AutoString(length=32), nullable=False),
        sa.Column("subject", AutoString(length=64), nullable=False),
        sa.Column("roles", AutoString(length=200), nullable=False),
        sa.Column("code_sha256", AutoString(length=64), nullable=False),
        sa.Column("issued_by", AutoString(length=36), nullable=False),
        sa.Column("issued_at", AutoString(), nullable=False),
        sa.Column("expires_at", AutoString(), nullable=False),
        sa.Column("used_at", AutoString(), nullable=True),
        sa.Column("used_by", AutoString(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_sha256"),
    )
    op.create_table(
        "account_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", AutoString(length=32), nullable=False),
        sa.Column("subject", AutoString(length=64), nullable=False),
        sa.Column("roles", AutoString(length=200), nullable=False),
        sa.Column("actor_id", AutoString(length=36), nullable=False),
        sa.Column("approved_by", AutoString(length=36), nullable=True),
        sa.Column("at", AutoString(), nullable=False),
        sa.Column("acknowledged_by", AutoString(length=36), nullable=True),
        sa.Column("acknowledged_at", AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("account_notice")
    op.drop_table("account_approval")
