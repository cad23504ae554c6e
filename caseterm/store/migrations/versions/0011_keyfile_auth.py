"""keyfile auth: the store records that its key file's recipients carry tags

Revision ID: 0011_keyfile_auth
Revises: 0010_retention
Create Date: 2026-12-04 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_keyfile_auth"
down_revision: str | None = "0010_retention"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "unit",
        sa.Column("keyfile_signed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    # A plain DROP COLUMN: a batch copy of `unit` trips the foreign keys that point at it.
    op.drop_column("unit", "keyfile_signed")
