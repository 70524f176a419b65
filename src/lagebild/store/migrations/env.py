"""Alembic environment: runs on the connection the Store hands over (no alembic.ini needed)."""
from alembic import context

from lagebild.store.schema import metadata

connection = context.config.attributes.get("connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
