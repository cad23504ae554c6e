"""audit anchoring: each bundle carries the audit entries since the last, the district the head

Revision ID: 0009_audit_anchor
Revises: 0008_report
Create Date: 2026-12-03 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0009_audit_anchor"
down_revision: str | None = "0008_report"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable: bundles made before this carried no entries. The commune's next bundle then
    # carries its whole chain, and the district accepts it as the first head it knows.
    op.add_column("sync_export", sa.Column("audit_seq", sa.Integer(), nullable=True))
    op.add_column("district_commune", sa.Column("audit_seq", sa.Integer(), nullable=True))
    op.add_column("district_commune", sa.Column("audit_hash", AutoString(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("district_commune") as batch:
        batch.drop_column("audit_hash")
        batch.drop_column("audit_seq")
    with op.batch_alter_table("sync_export") as batch:
        batch.drop_column("audit_seq")
