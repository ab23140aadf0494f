"""Bring the server database to the code's head revision (called on every server start).

Unlike the client store, no automatic backup is taken: server backups are the operator's job
(``fieldapp server backup`` for the embedded file, pg_dump for PostgreSQL); after restoring
one, run ``fieldapp server rotate-epoch``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from fieldapp.server.db.schema import VERSION_TABLE, ServerBase, server_core_metadata

MIGRATIONS_DIR = Path(__file__).resolve().parent


class ServerTooNew(RuntimeError):
    """The database was migrated by a newer server version."""


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {len(heads)}")
    return str(heads[0])


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return ctx.get_current_revision()


def upgrade_server_to_head(engine: Engine) -> None:
    current = current_revision(engine)
    if current == head_revision():
        return
    script = ScriptDirectory.from_config(alembic_config())
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        raise ServerTooNew("server database is newer than this server version")
    with engine.connect() as conn, conn.begin():
        command.upgrade(alembic_config(conn), "head")


def schema_differences(engine: Engine) -> list[Any]:
    """Autogenerate diff between the database and the tables the server holds (the core
    tables but the client-only ones, and the server tables); empty = equal."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        # One comparison over both sets, else each reports the other's tables as extra.
        return list(compare_metadata(ctx, [server_core_metadata(), ServerBase.metadata]))  # type: ignore[arg-type]
