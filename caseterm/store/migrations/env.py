"""Alembic environment: migrations run on the already keyed connection the store hands over."""

from alembic import context

from caseterm.store.tables import metadata

# Virtual tables and their shadow tables are made by hand in the migrations; autogenerate must
# not try to drop them.
_HAND_MADE = ("person_fts",)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(_HAND_MADE))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
