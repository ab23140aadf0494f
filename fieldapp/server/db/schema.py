"""Server-only tables on their own MetaData (``ServerBase``); the core tables are the store's.

Add a server table here (and one revision in ``fieldapp/server/migrations``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fieldapp.store.schema import NAMING_CONVENTION, Base, UTCDateTime, utcnow
from fieldapp.store.sealed import Sealed

VERSION_TABLE = "alembic_version_server"
# Core tables only a laptop uses: its drafts and its key-value state (cursor, device token,
# identity). The server never reads them, so it does not hold them (server revision
# 0005_layers drops them); every other table of ``fieldapp.store.schema.Base`` it does.
CLIENT_ONLY_TABLES = frozenset({"drafts", "kv"})
CHANGE_SEQ = "change_seq"
EPOCH_KEY = "epoch"


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
    # The pushed item as sent (its note included): sealed on PostgreSQL like the attempt itself.
    payload: Mapped[dict[str, Any]] = mapped_column(
        Sealed(JSON(), "quarantine.payload"), default=dict
    )
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


class LoginThrottleRow(ServerBase):
    """Failed sign-ins per account (``acct:`` + a hash of the user name) and per source address
    (``addr:`` + IP). Shared by all workers through the database, so a lockout holds across
    processes. Rows go when a sign-in succeeds (account) or a lead/admin unlocks."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RecoveryTicketRow(ServerBase):
    """A one-time permission, issued by a team lead for one device, to release that device's
    recovery key once (a forgotten passphrase). Only a hash of the code is kept. ``rotated_at``
    is set when the laptop has replaced the released key (the server then forgets it)."""

    __tablename__ = "recovery_tickets"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), ForeignKey("devices.id"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_by: Mapped[str | None] = mapped_column(String(36))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    rotated_at: Mapped[datetime | None] = mapped_column()


def server_core_metadata() -> MetaData:
    """The store's core tables the server holds: all but :data:`CLIENT_ONLY_TABLES`."""
    core = MetaData(naming_convention=NAMING_CONVENTION)
    for table in Base.metadata.sorted_tables:
        if table.name not in CLIENT_ONLY_TABLES:
            table.to_metadata(core)
    return core
