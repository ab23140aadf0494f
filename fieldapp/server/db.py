"""The sync server's database: engine, server-only tables, key file and epoch.

The server reuses the client store's core tables (``fieldapp.store.schema.Base``: cases, people,
signals, attempts, case_events, workers, shifts, ...) so the lead's services (import, assign,
queries) run unchanged on a server session. Server-only tables live on a *separate* MetaData
(``ServerBase``) defined here. One Alembic tree (``fieldapp/server/migrations``, version table
``alembic_version_server``) creates both sets; :func:`open_server_db` runs it on start.

At rest:
- Embedded default (any ``sqlite`` URL, default ``<data dir>/server.db``): a SQLCipher file
  keyed with a raw key derived (HKDF) from the server key file ``server.key`` (32 random bytes,
  mode 0600, created on first start). Lose the key file and the database is unreadable: back
  both up, separately.
- PostgreSQL (``postgresql+psycopg://...``): encryption at rest relies on the cluster's disk
  (LUKS/BitLocker or the cloud volume's encryption). The key file is still needed: device
  recovery keys are stored AES-256-GCM-wrapped under a key derived from it.

Concurrency traps:
- SQLite: every transaction starts with ``BEGIN IMMEDIATE`` (driver autocommit + SQLAlchemy
  ``begin`` event), so two request threads never deadlock upgrading a read lock to a write
  lock; ``busy_timeout`` makes writers queue instead of failing.
- PostgreSQL: change sequence numbers are taken from a single-row counter with
  ``UPDATE ... RETURNING`` inside the writing transaction. The row lock is held to COMMIT, so
  writers that emit changes are serialised and seq order equals commit order: a reader can
  never skip a seq that commits later.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from platformdirs import user_data_dir
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    create_engine,
    event,
    select,
    update,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from fieldapp.store.keys import write_private_atomic
from fieldapp.store.schema import NAMING_CONVENTION, UTCDateTime, utcnow

KEY_FILE_NAME = "server.key"
DB_FILE_NAME = "server.db"
VERSION_TABLE = "alembic_version_server"
CHANGE_SEQ = "change_seq"
EPOCH_KEY = "epoch"


def default_data_dir() -> Path:
    return Path(user_data_dir("veldwerk-server", appauthor=False))


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


class UserRow(ServerBase):
    """A person who may sign in. ``worker_id`` links to the core ``workers`` row."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # worker | teamlead
    team: Mapped[str] = mapped_column(String(100), default="")
    worker_id: Mapped[str | None] = mapped_column(String(36))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DeviceRow(ServerBase):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    # sha256 hex of the bearer token; every request looks the device up by it.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="active")  # active|revoked|wipe
    push_first: Mapped[bool] = mapped_column(Boolean, default=False)
    # AES-256-GCM(server key file -> HKDF "recovery"), AAD = device id; base64(nonce|ct).
    recovery_key_enc: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime | None]
    wiped_at: Mapped[datetime | None]


class ChangeLogRow(ServerBase):
    """The per-scope change feed of ``(entity_type, entity_id)``; ``scope`` is
    ``w:<worker_id>`` or ``t:<team>``; entity types: see ``fieldapp.server.scope``.

    Compacted on write: a new row for (scope, entity) deletes the older ones, so the log holds
    at most one row per scope and entity and a cursor never points into a gap that matters.
    """

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    scope: Mapped[str] = mapped_column(String(140))
    entity_type: Mapped[str] = mapped_column(String(20), default="case")
    entity_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))  # upsert | tombstone
    reason: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    __table_args__ = (
        # GET /v1/sync/changes: one scope's rows after a cursor, in seq order.
        Index("ix_change_log_scope_seq", "scope", "seq"),
        # compaction, the quarantine check and held_scopes: the rows of one entity (per scope).
        Index("ix_change_log_entity_scope", "entity_type", "entity_id", "scope"),
    )


class PlanJobRow(ServerBase):
    """A planner run for a team and date range (POST /v1/plan/jobs). Kept in the database so
    any server instance can report progress or take a cancel; the run itself is on a thread
    of the instance that accepted it. ``result`` holds ids, counts and reason codes only."""

    __tablename__ = "plan_jobs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    team: Mapped[str] = mapped_column(String(100), index=True)
    user_id: Mapped[str] = mapped_column(String(36))
    van: Mapped[date] = mapped_column(Date)
    tot: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    progress: Mapped[int] = mapped_column(Integer, default=0)  # percent
    stage: Mapped[str] = mapped_column(String(20), default="")
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    budget_seconds: Mapped[float] = mapped_column(Float, default=5.0)
    result: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class CounterRow(ServerBase):
    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class ServerMetaRow(ServerBase):
    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class CaseTeamRow(ServerBase):
    """Which team owns a case (set at import from the importing team lead's team)."""

    __tablename__ = "case_teams"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    team: Mapped[str] = mapped_column(String(100), index=True)


class AuditEventRow(ServerBase):
    """Append-only (triggers refuse UPDATE and DELETE). Ids and counts only: no PII."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    request_id: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(30))
    outcome: Mapped[str] = mapped_column(String(30))
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    case_ids: Mapped[list[Any]] = mapped_column(default=list)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # audit review: events of one device / one action over time.
    __table_args__ = (Index("ix_audit_events_action_at", "action", "at"),)


class QuarantineRow(ServerBase):
    """Pushed items on cases the pusher no longer holds: kept for team-lead review."""

    __tablename__ = "quarantine"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # attempt | case_event
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    content_hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str] = mapped_column(String(36))
    worker_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    team: Mapped[str] = mapped_column(String(100), default="", index=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]


class ConflictRow(ServerBase):
    """Same id pushed again with different content: a bug somewhere; the first version stays."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(36))
    stored_hash: Mapped[str] = mapped_column(String(64))
    received_hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- key file ----------------------------------------------------------------------------------


class ServerKeys:
    """Keys derived from the server key file. Never logged; never in a URL or message."""

    def __init__(self, master: bytes) -> None:
        if len(master) != 32:
            raise ValueError("server key must be 32 bytes")
        self._db = _hkdf(master, b"veldwerk server db v1")
        self._recovery = _hkdf(master, b"veldwerk server recovery v1")

    @classmethod
    def load_or_create(cls, key_file: Path) -> ServerKeys:
        """Read ``key_file`` (hex), creating it 0600 with a fresh key if missing."""
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private_atomic(key_file, secrets.token_bytes(32).hex().encode() + b"\n")
        raw = key_file.read_text(encoding="ascii").strip()
        return cls(bytes.fromhex(raw))

    @property
    def db_key(self) -> bytes:
        return self._db

    def seal_recovery_key(self, device_id: str, recovery_key: bytes) -> str:
        nonce = secrets.token_bytes(12)
        ct = AESGCM(self._recovery).encrypt(nonce, recovery_key, device_id.encode())
        return base64.b64encode(nonce + ct).decode("ascii")

    def open_recovery_key(self, device_id: str, sealed: str) -> bytes:
        blob = base64.b64decode(sealed)
        return AESGCM(self._recovery).decrypt(blob[:12], blob[12:], device_id.encode())


def _hkdf(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


# --- engine --------------------------------------------------------------------------------


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
    return create_engine(db_url, pool_size=pool_size, max_overflow=pool_size, pool_timeout=60)


def _sqlcipher_engine(path: Path, key: bytes) -> Engine:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        # Create the empty file 0600 before SQLCipher opens it (umask may be permissive).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    engine = create_engine(f"sqlite+pysqlite:///{path}", module=sqlcipher, pool_size=10)
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


def open_server_db(
    db_url: str | None = None,
    *,
    data_dir: Path | None = None,
    key_file: Path | None = None,
    migrate: bool = True,
) -> ServerDatabase:
    """Open (and by default migrate) the server database.

    ``db_url=None`` means the embedded SQLCipher file in ``data_dir`` (default: the platform's
    user data dir for "veldwerk-server"). The key file defaults to ``<data_dir>/server.key``.
    """
    base = data_dir or default_data_dir()
    keys = ServerKeys.load_or_create(key_file or base / KEY_FILE_NAME)
    url = db_url or f"sqlite:///{base / DB_FILE_NAME}"
    engine = make_engine(url, keys)
    db = ServerDatabase(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        keys=keys,
        url_kind="sqlite" if url.startswith("sqlite") else "postgresql",
    )
    if migrate:
        from fieldapp.server.migrations.runner import upgrade_server_to_head

        upgrade_server_to_head(engine)
        with db.session() as session, session.begin():
            ensure_epoch(session)
            if session.get(CounterRow, CHANGE_SEQ) is None:
                session.add(CounterRow(name=CHANGE_SEQ, value=0))
    return db


# --- epoch and sequence ----------------------------------------------------------------------


def ensure_epoch(session: Session) -> str:
    row = session.get(ServerMetaRow, EPOCH_KEY)
    if row is None:
        row = ServerMetaRow(key=EPOCH_KEY, value=secrets.token_hex(8))
        session.add(row)
        session.flush()
    return row.value


def get_epoch(session: Session) -> str:
    value = session.scalar(select(ServerMetaRow.value).where(ServerMetaRow.key == EPOCH_KEY))
    return value if value is not None else ensure_epoch(session)


def rotate_epoch(session: Session) -> str:
    """Give the database a new generation id. Run after restoring a backup: every client then
    resets its cursor and re-pushes what it still holds (the server dedupes)."""
    new = secrets.token_hex(8)
    row = session.get(ServerMetaRow, EPOCH_KEY)
    if row is None:
        session.add(ServerMetaRow(key=EPOCH_KEY, value=new))
    else:
        row.value = new
    session.flush()
    return new


def allocate_seqs(session: Session, count: int) -> range:
    """``count`` consecutive change sequence numbers, taken under the counter's row lock."""
    if count <= 0:
        return range(0)
    top = session.execute(
        update(CounterRow)
        .where(CounterRow.name == CHANGE_SEQ)
        .values(value=CounterRow.value + count)
        .returning(CounterRow.value)
    ).scalar_one_or_none()
    if top is None:
        session.add(CounterRow(name=CHANGE_SEQ, value=count))
        session.flush()
        top = count
    return range(top - count + 1, top + 1)


def current_seq(session: Session) -> int:
    value = session.scalar(select(CounterRow.value).where(CounterRow.name == CHANGE_SEQ))
    return int(value or 0)


def backup_embedded(db: ServerDatabase, target: Path) -> None:
    """A consistent copy of the embedded SQLCipher database (same key, so keep the key file
    too). PostgreSQL deployments use pg_dump instead. Refuses to overwrite ``target``."""
    if db.url_kind != "sqlite":
        raise ValueError("use pg_dump to back up a PostgreSQL server database")
    if target.exists():
        raise FileExistsError("backup target exists")
    old = os.umask(0o077)
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
    finally:
        raw.close()
        os.umask(old)
