"""The server's engine: SQLCipher for the embedded file, plain SQLAlchemy for PostgreSQL."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from fieldapp.server.db.keys import ServerKeys


@dataclass
class ServerDatabase:
    """The server's engine, session factory and keys. Thread-safe; one per process."""

    engine: Engine
    sessions: sessionmaker[Session]
    keys: ServerKeys
    url_kind: str  # "sqlite" | "postgresql"

    def session(self) -> Session:
        return self.sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(db_url: str, keys: ServerKeys, *, pool_size: int = 20) -> Engine:
    """SQLCipher for ``sqlite:///<path>`` URLs (keyed from the key file), else a plain
    SQLAlchemy engine (PostgreSQL via ``postgresql+psycopg://``)."""
    if db_url.startswith("sqlite"):
        path = db_url.split(":///", 1)[1] if ":///" in db_url else ""
        if not path or path == ":memory:":
            raise ValueError("the embedded server needs a database file path")
        return _sqlcipher_engine(Path(path), keys.db_key)
    # hide_parameters: an error's message and traceback never carry the bound values (names,
    # BSNs); the client engine does the same.
    return create_engine(
        db_url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_timeout=60,
        hide_parameters=True,
    )


def _sqlcipher_engine(path: Path, key: bytes) -> Engine:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        # Create the empty file 0600 before SQLCipher opens it (umask may be permissive).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    engine = create_engine(
        f"sqlite+pysqlite:///{path}", module=sqlcipher, pool_size=10, hide_parameters=True
    )
    key_hex = key.hex()

    @event.listens_for(engine, "connect", insert=True)
    def _key(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.execute(f"PRAGMA key = \"x'{key_hex}'\"").fetchall()
        dbapi_conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in (
            "temp_store = MEMORY",
            "secure_delete = ON",
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
            "busy_timeout = 60000",
        ):
            dbapi_conn.execute(f"PRAGMA {pragma}").fetchall()
        if dbapi_conn.execute("PRAGMA temp_store").fetchone()[0] != 2:
            raise RuntimeError("PRAGMA temp_store not applied")
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
