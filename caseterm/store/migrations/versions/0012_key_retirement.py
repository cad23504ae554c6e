"""key retirement: which key introduced a commune's key, and from which bundle a key is retired

Revision ID: 0012_key_retirement
Revises: 0011_keyfile_auth
Create Date: 2026-12-04 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0012_key_retirement"
down_revision: str | None = "0011_keyfile_auth"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "district_commune_key",
        sa.Column("introduced_by", AutoString(length=16), nullable=True),
    )
    op.add_column(
        "district_commune_key",
        sa.Column("superseded_from", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    op.drop_column("district_commune_key", "superseded_from")
    op.drop_column("district_commune_key", "introduced_by")
