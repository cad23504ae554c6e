"""the monthly report: each person's report trace, and the unit's population and period

Revision ID: 0008_report
Revises: 0007_signing_key_change
Create Date: 2026-12-03 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0008_report"
down_revision: str | None = "0007_signing_key_change"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch copy: other tables' foreign keys point at `unit`, and SQLite
    # adds a column with a constant default in place.
    op.add_column(
        "person_state", sa.Column("report", AutoString(), nullable=False, server_default="")
    )
    op.add_column("person_state", sa.Column("report_from", AutoString(), nullable=True))
    op.add_column("person_state", sa.Column("report_until", AutoString(), nullable=True))
    op.create_index(
        "ix_person_state_report_span", "person_state", ["report_until", "report_from"], unique=False
    )
    op.add_column("unit", sa.Column("population", sa.Integer(), nullable=True))
    op.add_column(
        "unit", sa.Column("report_start_day", sa.Integer(), nullable=False, server_default="1")
    )
    # The trace is empty until each projection is recomputed: mark them all stale, as 0005 did.
    op.execute("UPDATE person_state SET calendar_version = ''")


def downgrade() -> None:
    op.drop_column("unit", "report_start_day")
    op.drop_column("unit", "population")
    op.drop_index("ix_person_state_report_span", table_name="person_state")
    op.drop_column("person_state", "report_until")
    op.drop_column("person_state", "report_from")
    op.drop_column("person_state", "report")
