"""held bundles: refused when their turn came, each receipt's audit head, rebaselines

Revision ID: 0014_held_bundles
Revises: 0013_account_approval
Create Date: 2026-12-04 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0014_held_bundles"
down_revision: str | None = "0013_account_approval"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("district_bundle", sa.Column("refusal", AutoString(length=32), nullable=True))
    op.add_column("district_bundle", sa.Column("audit_seq", sa.Integer(), nullable=True))
    op.add_column("district_bundle", sa.Column("audit_hash", AutoString(length=64), nullable=True))
    op.add_column("district_commune", sa.Column("rebaseline_at", AutoString(), nullable=True))
    op.add_column(
        "district_commune", sa.Column("rebaseline_reason", AutoString(length=200), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("district_commune", "rebaseline_reason")
    op.drop_column("district_commune", "rebaseline_at")
    op.drop_column("district_bundle", "audit_hash")
    op.drop_column("district_bundle", "audit_seq")
    op.drop_column("district_bundle", "refusal")
