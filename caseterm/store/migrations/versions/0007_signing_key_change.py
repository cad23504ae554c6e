"""signing-key rotation: a new key keeps the statement the old key signed to introduce it

Revision ID: 0007_signing_key_change
Revises: 0006_sync
Create Date: 2026-11-22 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_signing_key_change"
down_revision: str | None = "0006_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs (nullable): the keys made at init have no predecessor.
    op.add_column("unit_key", sa.Column("change_statement", sa.LargeBinary(), nullable=True))
    op.add_column("unit_key", sa.Column("change_signature", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("unit_key") as batch:
        batch.drop_column("change_signature")
        batch.drop_column("change_statement")
