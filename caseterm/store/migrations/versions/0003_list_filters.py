"""list filters on the projection: active measures and the officer in charge

Revision ID: 0003_list_filters
Revises: 0002_lifecycle
Create Date: 2026-11-22 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0003_list_filters"
down_revision: str | None = "0002_lifecycle"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("measures", _TEXT(length=128), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("officer", _TEXT(length=200), nullable=False, server_default="")
        )
    # The new columns are empty until each projection is recomputed: mark them all stale.
    op.execute("UPDATE person_state SET calendar_version = ''")


def downgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.drop_column("officer")
        batch_op.drop_column("measures")
