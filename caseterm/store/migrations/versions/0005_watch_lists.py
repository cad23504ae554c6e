"""the close-watch list and the annual review: their facts as projection columns

Revision ID: 0005_watch_lists
Revises: 0004_person_deadline
Create Date: 2026-11-22 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0005_watch_lists"
down_revision: str | None = "0004_person_deadline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("watch", _TEXT(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("released_at", _TEXT(), nullable=True))
        batch_op.add_column(sa.Column("last_contact", _TEXT(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_year", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_person_state_watch"), ["watch"], unique=False)
        batch_op.create_index(
            "ix_person_state_review_gap", ["reviewed_year", "registers"], unique=False
        )
    # The new columns are empty until each projection is recomputed (the psychosis finding is
    # in the identity block, not the summary): mark them all stale, as 0003 did.
    op.execute("UPDATE person_state SET calendar_version = ''")


def downgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.drop_index("ix_person_state_review_gap")
        batch_op.drop_index(batch_op.f("ix_person_state_watch"))
        batch_op.drop_column("reviewed_year")
        batch_op.drop_column("last_contact")
        batch_op.drop_column("released_at")
        batch_op.drop_column("watch")
