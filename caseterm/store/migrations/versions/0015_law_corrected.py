"""the law corrected (issue 20): every stored lifecycle projection is recomputed

Court and decision terms, exemptions, D33's steps, relapse counting, missed monthly checks and
single D07 duties change what the engine derives from the same events. Nothing in the events
changes; the projections (status, deadlines, report traces) are marked stale so that each is
recomputed from its events at its next read, and `verify` compares like with like.

Revision ID: 0015_law_corrected
Revises: 0014_held_bundles
Create Date: 2026-12-05 07:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015_law_corrected"
down_revision: str | None = "0014_held_bundles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE person_state SET calendar_version = ''")


def downgrade() -> None:
    # The projections of the older engine are recomputed the same way: nothing to undo.
    op.execute("UPDATE person_state SET calendar_version = ''")
