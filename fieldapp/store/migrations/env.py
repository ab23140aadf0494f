"""Alembic environment for the client store.

At runtime the store passes an open SQLAlchemy ``Connection`` (already keyed, inside a
transaction) in ``config.attributes["connection"]``; see ``fieldapp.store.migrations.runner``.
There is deliberately no URL-based path for real stores: a SQLCipher key must never be in a URL.

For developers, ``alembic -c fieldapp/store/alembic.ini revision --autogenerate -m ...`` works
against the *plain* scratch SQLite URL in that ini file (never a real store).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from fieldapp.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url or not url.startswith("sqlite:///"):
        raise RuntimeError("dev use only: set a plain scratch sqlite:/// URL in alembic.ini")
    engine = create_engine(url)
    with engine.connect() as dev_connection:
        _configure_and_run(dev_connection)
    engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported for the client store")
run_migrations_online()
