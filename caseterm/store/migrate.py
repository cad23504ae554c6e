"""Schema migrations with Alembic, applied when the store is unlocked.

Alembic is slow to import (about 0.6 s), so the store first compares the recorded revision with
`HEAD` and only loads Alembic when there is work to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEAD = "0020_documents"
"""The newest migration; a test keeps it equal to Alembic's own head."""
MIGRATIONS = Path(__file__).parent / "migrations"
HAND_MADE = ("person_fts",)
"""Virtual tables (and their shadow tables) made by hand in the migrations."""


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Tell Alembic's autogenerate to leave the hand-made virtual tables alone."""
    return not (type_ == "table" and name is not None and name.startswith(HAND_MADE))


def recorded_revision(dbapi_connection: Any) -> str | None:
    """Return the schema revision recorded in the store (None for a new, empty store)."""
    row = dbapi_connection.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if row is None:
        return None
    found = dbapi_connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(found[0]) if found else None


def alembic_config(connection: Any) -> Any:
    """Return an Alembic configuration that runs on `connection` (a SQLAlchemy Connection)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Any) -> None:
    """Apply every pending migration in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
