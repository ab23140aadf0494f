"""The server's Alembic tree creates exactly the tables the code declares (core + server),
on SQLCipher and on PostgreSQL, and running it again is a no-op."""

from __future__ import annotations

from sqlalchemy import inspect

from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.schema import CLIENT_ONLY_TABLES, VERSION_TABLE
from fieldapp.server.migrations.runner import (
    current_revision,
    head_revision,
    schema_differences,
    upgrade_server_to_head,
)


def test_migrations_match_the_models(server_db: ServerDatabase) -> None:
    assert current_revision(server_db.engine) == head_revision()
    assert schema_differences(server_db.engine) == []
    upgrade_server_to_head(server_db.engine)  # idempotent
    tables = set(inspect(server_db.engine).get_table_names())
    assert {"cases", "attempts", "devices", "change_log", "audit_events", VERSION_TABLE} <= tables
    assert "alembic_version" not in tables  # never mistaken for a client store
    assert not tables & CLIENT_ONLY_TABLES  # a laptop's drafts and kv state stay on the laptop
