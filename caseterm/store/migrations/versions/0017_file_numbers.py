"""file numbers: each commune numbers its persons' files 1, 2, 3… (issue 21, item 2)

The id printed for a person was the first 13 characters of a UUIDv7 — its millisecond — so two
persons registered in the same millisecond (an import, the demo) could not be told apart by it.
A commune now gives each person a file number (hồ sơ số, "HS-000123"), in the order it
registered them, never reused. Existing persons of the store's own unit are numbered in the
order they were registered (`num`); a district's copies of its communes' persons have none.

Revision ID: 0017_file_numbers
Revises: 0016_term_ends_setting
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_file_numbers"
down_revision: str | None = "0016_term_ends_setting"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("person", sa.Column("file_no", sa.Integer(), nullable=True))
    op.add_column(
        "unit", sa.Column("last_file_no", sa.Integer(), nullable=False, server_default="0")
    )
    op.execute(
        "UPDATE person SET file_no = (SELECT n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY num)"
        " AS n FROM person WHERE unit_code IN (SELECT code FROM unit WHERE own)) AS numbered"
        " WHERE numbered.id = person.id) WHERE unit_code IN (SELECT code FROM unit WHERE own)"
    )
    op.execute(
        "UPDATE unit SET last_file_no = (SELECT COALESCE(MAX(file_no), 0) FROM person"
        " WHERE person.unit_code = unit.code)"
    )
    op.create_index("ux_person_file_no", "person", ["unit_code", "file_no"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_person_file_no", table_name="person")
    # Plain DROP COLUMN: a batch copy of `unit` or `person` trips the foreign keys to them.
    op.drop_column("unit", "last_file_no")
    op.drop_column("person", "file_no")
