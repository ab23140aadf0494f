"""Bring a store's schema to the code's head revision, safely.

Contract of :func:`upgrade_to_head` (called on every open and on create):

- empty database (new store) -> create the schema, no backup;
- at head -> nothing;
- behind head -> first ``VACUUM INTO '<db>.bak-<rev>'`` (an encrypted copy with the same key),
  open and verify that copy, and only then upgrade, in one transaction;
- revision unknown to this code (a newer Veldwerk wrote it) -> :class:`StoreTooNew`, untouched;
- tables but no ``alembic_version`` -> :class:`StoreCorrupt`, untouched.

Foreign keys are switched off during the upgrade (batch mode copies tables; SQLite ignores the
pragma inside a transaction, so it is set on the driver connection before ``BEGIN``) and
``PRAGMA foreign_key_check`` must come back empty before the commit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

from fieldapp.errors import StoreCorrupt, StoreTooNew
from fieldapp.store.engine import (
    integrity_check,
    open_engine,
    open_plain_engine_for_benchmark,
    raw_connection,
)
from fieldapp.store.schema import Base

MIGRATIONS_DIR = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"

MSG_TOO_NEW = "Deze database is gemaakt door een nieuwere versie van Veldwerk. Werk Veldwerk bij."
MSG_NO_VERSION = "De database is beschadigd: de schemaversie ontbreekt."
MSG_BACKUP_BAD = (
    "Veldwerk kon vóór het bijwerken van de database geen goede reservekopie maken. "
    "Er is niets veranderd."
)


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup_path: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    """An in-memory Alembic config (no ini file); ``connection`` is handed to env.py."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {len(heads)}")
    return str(heads[0])


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None if it has no version table."""
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


HEAD_REVISION = "0003_planning"
"""The newest revision in ``versions/``. Opening a store at head (every open but the first
after an upgrade) then needs no Alembic import at all: ~0.1 s less start-up. A test checks it
equals Alembic's own head."""


def _stamped_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if VERSION_TABLE not in inspect(conn).get_table_names():
            return None
        # VERSION_TABLE is a constant of this module, never input.
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()  # noqa: S608
    return rows[0][0] if len(rows) == 1 else None


def upgrade_to_head(engine: Engine, db_path: Path, dek: bytearray | None) -> UpgradeResult:
    """See module docstring. ``dek`` is needed to verify the backup (None for a plain DB)."""
    if _stamped_revision(engine) == HEAD_REVISION:
        return UpgradeResult(HEAD_REVISION, HEAD_REVISION, None)
    from alembic.migration import MigrationContext

    head = head_revision()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        user_tables = [t for t in inspect(conn).get_table_names() if t != VERSION_TABLE]
    if current == head:
        return UpgradeResult(current, head, None)
    if current is None and user_tables:
        raise StoreCorrupt(MSG_NO_VERSION)
    if current is not None and current not in known_revisions():
        raise StoreTooNew(MSG_TOO_NEW)
    backup = None if current is None else _backup(engine, db_path, dek, current)
    _run_upgrade(engine)
    return UpgradeResult(current, head, backup)


def schema_differences(engine: Engine) -> list[Any]:
    """Alembic's autogenerate diff between the database and ``schema.py`` (empty = equal)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, Base.metadata))


def backup_path_for(db_path: Path, revision: str) -> Path:
    """``<db>.bak-<rev>``, or ``<db>.bak-<rev>-2`` ... if an earlier backup is already there
    (an earlier backup is never overwritten)."""
    candidate = db_path.with_name(f"{db_path.name}.bak-{revision}")
    n = 2
    while candidate.exists():
        candidate = db_path.with_name(f"{db_path.name}.bak-{revision}-{n}")
        n += 1
    return candidate


def _backup(engine: Engine, db_path: Path, dek: bytearray | None, revision: str) -> Path:
    target = backup_path_for(db_path, revision)
    old_umask = os.umask(0o077)
    try:
        with raw_connection(engine) as conn:
            # VACUUM INTO writes a consistent snapshot (WAL included) with the same cipher key.
            conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        os.umask(old_umask)
    try:
        _verify_backup(target, dek, revision)
    except Exception:
        target.unlink(missing_ok=True)
        raise StoreCorrupt(MSG_BACKUP_BAD) from None
    return target


def _verify_backup(path: Path, dek: bytearray | None, revision: str) -> None:
    engine = open_engine(path, dek) if dek is not None else open_plain_engine_for_benchmark(path)
    try:
        if current_revision(engine) != revision:
            raise RuntimeError("backup has the wrong revision")
        if integrity_check(engine):
            raise RuntimeError("backup fails its integrity check")
    finally:
        engine.dispose()


def _run_upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), "head")
                violations = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if violations:
                    raise RuntimeError(f"migration broke {len(violations)} foreign keys")
        finally:
            driver.execute("PRAGMA foreign_keys = ON")
            if driver.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
                conn.invalidate()  # never hand a connection without FK checks back to the pool
                raise RuntimeError("PRAGMA foreign_keys not restored")
