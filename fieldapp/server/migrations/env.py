"""Alembic environment for the sync server.

The server passes an open ``Connection`` in ``config.attributes["connection"]`` (see
``fieldapp.server.migrations.runner``); the version table is ``alembic_version_server`` so a
server database is never mistaken for a client store. For developers, autogenerate works
against a plain scratch URL given as ``-x url=sqlite:////tmp/scratch.db``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from fieldapp.server.db.schema import VERSION_TABLE, ServerBase, server_core_metadata

config = context.config
target_metadata = [server_core_metadata(), ServerBase.metadata]


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url", "")
    if not url.startswith("sqlite:///"):
        raise RuntimeError("dev use only: pass -x url=sqlite:////tmp/scratch.db")
    engine = create_engine(url)
    with engine.connect() as dev_connection:
        _configure_and_run(dev_connection)
        dev_connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported for the server")
run_migrations_online()
