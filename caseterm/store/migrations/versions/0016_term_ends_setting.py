"""the unit's Civil Code Art 148(5) setting (issue 20, item 11)

A unit can move a person's term whose last day is a day off to the end of the next working day
(legal spec §9, decision 2). Off by default: nothing a store derived before changes, so no
projection needs recomputing.

Revision ID: 0016_term_ends_setting
Revises: 0015_law_corrected
Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_term_ends_setting"
down_revision: str | None = "0015_law_corrected"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "unit",
        sa.Column("moves_term_ends", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    # Projections derived with term ends moved carry their own edition suffix: recompute them.
    op.execute("UPDATE person_state SET calendar_version = ''")
    # A plain DROP COLUMN: a batch copy of `unit` trips the foreign keys that point at it.
    op.drop_column("unit", "moves_term_ends")
