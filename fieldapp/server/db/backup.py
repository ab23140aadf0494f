"""A consistent copy of the embedded server database."""

from __future__ import annotations

from pathlib import Path

from fieldapp.files import private_umask
from fieldapp.server.db.engine import ServerDatabase


def backup_embedded(db: ServerDatabase, target: Path) -> None:
    """A consistent copy of the embedded SQLCipher database (same key, so keep the key file
    too). PostgreSQL deployments use pg_dump instead. Refuses to overwrite ``target``."""
    if db.url_kind != "sqlite":
        raise ValueError("use pg_dump to back up a PostgreSQL server database")
    if target.exists():
        raise FileExistsError("backup target exists")
    raw = db.engine.raw_connection()
    try:
        with private_umask():
            raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
    finally:
        raw.close()
