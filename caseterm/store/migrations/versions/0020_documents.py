"""official documents: the unit's document header, the yearly number register and the record
of documents written in clear, and the details a document asked for (issue 23)

Revision ID: 0020_documents
Revises: 0019_account_requests
Create Date: 2026-12-05 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0020_documents"
down_revision: str | None = "0019_account_requests"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("unit", sa.Column("doc_header", AutoString(), nullable=True))
    op.create_table(
        "decision_number",
        sa.Column("unit_code", AutoString(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", AutoString(length=8), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("written", AutoString(length=64), nullable=False),
        sa.Column("person_id", AutoString(length=36), nullable=True),
        sa.Column("event_id", AutoString(length=36), nullable=True),
        sa.Column("form", AutoString(length=16), nullable=True),
        sa.Column("typed", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("reserved_at", AutoString(), nullable=False),
        sa.Column("reserved_by", AutoString(length=36), nullable=False),
        sa.PrimaryKeyConstraint("unit_code", "year", "kind", "number"),
    )
    op.create_index("ix_decision_number_event_id", "decision_number", ["event_id"])
    op.create_table(
        "document_export",
        sa.Column("id", AutoString(length=36), nullable=False),
        sa.Column("unit_code", AutoString(length=16), nullable=False),
        sa.Column("person_id", AutoString(length=36), nullable=True),
        sa.Column("form", AutoString(length=16), nullable=False),
        sa.Column("event_id", AutoString(length=36), nullable=True),
        sa.Column("decision_no", AutoString(length=64), nullable=True),
        sa.Column("sha256", AutoString(length=64), nullable=False),
        sa.Column("file_name", AutoString(length=255), nullable=False),
        sa.Column("written_at", AutoString(), nullable=False),
        sa.Column("written_by", AutoString(length=36), nullable=False),
        sa.Column("removed_at", AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_document_export_person_id", "document_export", ["person_id"])
    op.create_table(
        "document_detail",
        sa.Column("event_id", AutoString(length=36), nullable=False),
        sa.Column("field", AutoString(length=64), nullable=False),
        sa.Column("value", AutoString(), nullable=False),
        sa.Column("unit_code", AutoString(length=16), nullable=False),
        sa.Column("set_at", AutoString(), nullable=False),
        sa.Column("set_by", AutoString(length=36), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "field"),
    )


def downgrade() -> None:
    op.drop_table("document_detail")
    op.drop_index("ix_document_export_person_id", table_name="document_export")
    op.drop_table("document_export")
    op.drop_index("ix_decision_number_event_id", table_name="decision_number")
    op.drop_table("decision_number")
    op.drop_column("unit", "doc_header")
