"""The client store's tables (SQLAlchemy 2.0 typed models).

Everything here lives inside the SQLCipher file, so every person-level column is encrypted at
rest by the whole-file cipher. The server shares these tables; on PostgreSQL the ``Sealed`` /
``SealedLookup`` columns are encrypted per value by the application (``store.sealed``).
Repositories turn rows into ``fieldapp.domain`` dataclasses; ORM objects never leave
``fieldapp.store`` (relationships are ``lazy="raise"``).

Shaped for what comes next without a rewrite:
- planning: ``shifts`` and ``planned_visits`` (a shift = worker + date + dagdeel; visits ordered);
- outcomes: ``case_events`` (append-only close/hand-over/reopen, synced like attempts; the
  minimum-effort override reason lives there), ``opt_outs``, ``purge_after`` on cases for
  retention, and the DDAS matching fields on cases for the export.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fieldapp.domain.attempts import SyncState
from fieldapp.store.sealed import Sealed, SealedLookup

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as UTC; read back aware (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Worker(Base):
    """A team member: outreach worker or team lead. Contact details appear on cards/letters."""

    __tablename__ = "workers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20), default="worker")
    team: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    whatsapp: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(200), default="")


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Address (nullable: a BSN-only signal has no address until BRP is checked).
    address_key: Mapped[str | None] = mapped_column(SealedLookup(String(40), "address_key"))
    postcode: Mapped[str | None] = mapped_column(String(6))
    huisnummer: Mapped[int | None] = mapped_column(Sealed(Integer(), "cases.huisnummer"))
    toevoeging: Mapped[str] = mapped_column(Sealed(String(10), "cases.toevoeging"), default="")
    straat: Mapped[str] = mapped_column(Sealed(String(200), "cases.straat"), default="")
    plaats: Mapped[str] = mapped_column(String(100), default="")
    wijk: Mapped[str] = mapped_column(String(100), default="")
    lat: Mapped[float | None] = mapped_column(Sealed(Double(), "cases.lat"))
    lon: Mapped[float | None] = mapped_column(Sealed(Double(), "cases.lon"))
    # Workflow.
    status: Mapped[str] = mapped_column(String(20), default="open")
    opened_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    meervoudig: Mapped[bool] = mapped_column(Boolean, default=False)
    opeenvolgend: Mapped[bool] = mapped_column(Boolean, default=False)
    flags: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[str] = mapped_column(Sealed(Text(), "cases.notes"), default="")
    assigned_worker_id: Mapped[str | None] = mapped_column(ForeignKey("workers.id"))
    # DDAS vroegsignaalzaak fields.
    resultaat: Mapped[str | None] = mapped_column(String(80))
    closed_at: Mapped[datetime | None]
    datum_opgepakt: Mapped[date | None] = mapped_column(Date)
    matchingsdatum: Mapped[date | None] = mapped_column(Date)
    matching_start: Mapped[date | None] = mapped_column(Date)
    matching_end: Mapped[date | None] = mapped_column(Date)
    # Sync and retention.
    version: Mapped[int] = mapped_column(Integer, default=0)
    purge_after: Mapped[date | None] = mapped_column(Date)
    # Retention (privacy.retention): when the personal data went, and the one statistic that
    # needs exact dates (first attempt by the deadline), frozen at that moment.
    anonymised_on: Mapped[date | None] = mapped_column(Date)
    contact_on_time: Mapped[bool | None] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    signals: Mapped[list[SignalRow]] = relationship(back_populates="case", lazy="raise")
    people: Mapped[list[PersonRow]] = relationship(back_populates="case", lazy="raise")

    __table_args__ = (
        # intake: find the open case of a household by normalised address.
        Index("ix_cases_address_key_status", "address_key", "status"),
        # Vandaag / case list: open cases by priority and deadline for one worker.
        Index("ix_cases_worker_status_deadline", "assigned_worker_id", "status", "deadline"),
    )


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    identity_key: Mapped[str] = mapped_column(SealedLookup(String(200), "identity_key"))
    achternaam: Mapped[str] = mapped_column(Sealed(String(200), "people.achternaam"), default="")
    voorletters: Mapped[str] = mapped_column(Sealed(String(20), "people.voorletters"), default="")
    voorvoegsel: Mapped[str] = mapped_column(Sealed(String(20), "people.voorvoegsel"), default="")
    voornaam: Mapped[str] = mapped_column(Sealed(String(100), "people.voornaam"), default="")
    geboortedatum: Mapped[date | None] = mapped_column(Sealed(Date(), "people.geboortedatum"))
    geslacht: Mapped[str | None] = mapped_column(Sealed(String(10), "people.geslacht"))
    bsn: Mapped[str | None] = mapped_column(SealedLookup(String(9), "bsn"))
    bsn_invalid: Mapped[str | None] = mapped_column(Sealed(String(40), "people.bsn_invalid"))
    telefoon: Mapped[str | None] = mapped_column(Sealed(String(20), "people.telefoon"))
    email: Mapped[str | None] = mapped_column(Sealed(String(200), "people.email"))

    case: Mapped[CaseRow] = relationship(back_populates="people", lazy="raise")
    __table_args__ = (
        UniqueConstraint("case_id", "identity_key"),
        # intake: BSN-only signals join the case of the same person.
        Index("ix_people_bsn", "bsn"),
    )


class SignalRow(Base):
    __tablename__ = "signals"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    partner: Mapped[str] = mapped_column(String(40))
    external_id: Mapped[str] = mapped_column(String(100))
    case_id: Mapped[str | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(60))
    bedrag_cents: Mapped[int | None] = mapped_column(Integer)
    ontstaansdatum: Mapped[date | None] = mapped_column(Date)
    signaaldatum: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date] = mapped_column(Date)
    crisissignaal: Mapped[bool] = mapped_column(Boolean, default=False)
    warme_overdracht: Mapped[bool] = mapped_column(Boolean, default=False)
    flags: Mapped[list[Any]] = mapped_column(default=list)
    # The household key: an address key, or ``bsn:<bsn>`` for a BSN-only signal.
    address_key: Mapped[str | None] = mapped_column(SealedLookup(String(40), "address_key"))
    import_id: Mapped[str | None] = mapped_column(ForeignKey("imports.id"))

    case: Mapped[CaseRow | None] = relationship(back_populates="signals", lazy="raise")
    __table_args__ = (
        # idempotent intake: a signal is known by partner + its own ID.
        UniqueConstraint("partner", "external_id", name="uq_signals_partner_external_id"),
        # matching: earlier signals at an address (opeenvolgend, herhaalmelding).
        Index("ix_signals_address_key", "address_key"),
    )


class ImportRow(Base):
    """One imported file. Holds counts only, never file names or content (they may name people)."""

    __tablename__ = "imports"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    format: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)


class AttemptRow(Base):
    """Append-only contact attempts; also the sync outbox (``sync_state``)."""

    __tablename__ = "attempts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    soort: Mapped[str] = mapped_column(String(40))
    bereikt: Mapped[bool] = mapped_column(Boolean)
    occurred_at: Mapped[datetime]
    dagdeel: Mapped[str] = mapped_column(String(10))
    # What the conversation led to, for reached attempts: "wil_hulp" | "geen_hulp" | None.
    outcome: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Sealed(Text(), "attempts.note"), default="")
    worker_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    voids: Mapped[str | None] = mapped_column(String(36))
    void_reason: Mapped[str] = mapped_column(Sealed(Text(), "attempts.void_reason"), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sync_state: Mapped[str] = mapped_column(String(10), default=SyncState.PENDING.value)
    acked_at: Mapped[datetime | None]
    server_epoch_at_ack: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        # case view timeline and Vandaag's attempt icons: attempts of a case in time order.
        Index("ix_attempts_case_id_occurred_at", "case_id", "occurred_at"),
        # sync push: the pending outbox.
        Index("ix_attempts_sync_state", "sync_state"),
    )


class CaseEventRow(Base):
    """Append-only case decisions (close with a resultaat, hand over, reopen); synced up."""

    __tablename__ = "case_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # close | reopen | handover
    resultaat: Mapped[str | None] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Sealed(Text(), "case_events.reason"), default="")
    effort_override: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    worker_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    sync_state: Mapped[str] = mapped_column(String(10), default=SyncState.PENDING.value)
    acked_at: Mapped[datetime | None]


class ShiftRow(Base):
    """A block of field time for one worker or a pair (date + start-end); the planner fills
    it with visits. Server-owned: created by the team lead, published to its workers' feeds.

    ``dagdeel`` is that of ``start_minute`` (kept for the print and Vandaag queries);
    ``partner_worker_id`` names the second worker of a pair shift (skill ``pair``). A worker's
    laptop holds a shift only while it is published and names that worker.
    """

    __tablename__ = "shifts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    worker_id: Mapped[str] = mapped_column(ForeignKey("workers.id"))
    day: Mapped[date] = mapped_column(Date)
    dagdeel: Mapped[str] = mapped_column(String(10))
    start_minute: Mapped[int] = mapped_column(Integer)  # minutes after local midnight
    end_minute: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=0)
    team: Mapped[str] = mapped_column(String(100), default="")
    partner_worker_id: Mapped[str | None] = mapped_column(String(36))
    start_lat: Mapped[float | None]
    start_lon: Mapped[float | None]
    end_lat: Mapped[float | None]
    end_lon: Mapped[float | None]
    mode: Mapped[str] = mapped_column(String(10), default="bike")  # walk | bike | car
    skills: Mapped[list[Any]] = mapped_column(default=list)
    max_visits: Mapped[int | None] = mapped_column(Integer)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None]
    __table_args__ = (
        # Vandaag: the worker's shifts of one day.
        Index("ix_shifts_worker_id_day", "worker_id", "day"),
        # the lead's week view and the planner run: a team's shifts in a date range.
        Index("ix_shifts_team_day", "team", "day"),
    )


class PlannedVisitRow(Base):
    """One case in a shift: order (``seq``), times (minutes after local midnight), why this
    slot (a Dutch sentence from the planner), ``locked`` (kept by re-planning) and
    ``published`` (on the worker's laptop)."""

    __tablename__ = "planned_visits"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    eta_minute: Mapped[int | None] = mapped_column(Integer)
    start_minute: Mapped[int | None] = mapped_column(Integer)
    end_minute: Mapped[int | None] = mapped_column(Integer)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    why: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=0)


class RouteEditRow(Base):
    """A worker's own change to the order of a published shift ("niet thuis, straks terug"),
    append-only with a device-generated UUID: the client's outbox and the server's record."""

    __tablename__ = "route_edits"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    shift_id: Mapped[str] = mapped_column(String(36), index=True)
    case_ids: Mapped[list[Any]] = mapped_column(default=list)  # the shift's new visiting order
    reason: Mapped[str] = mapped_column(String(40), default="volgorde")
    at: Mapped[datetime] = mapped_column(default=utcnow)
    worker_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    sync_state: Mapped[str] = mapped_column(String(10), default="pending")
    acked_at: Mapped[datetime | None]
    # sync push: the pending outbox.
    __table_args__ = (Index("ix_route_edits_sync_state", "sync_state"),)


class OptOutRow(Base):
    """The server-owned exclusion list, synced to laptops (``privacy.optout``).

    ``kind`` ``niet_benaderen``: 'do not approach me again' (by address key or BSN); Zorg
    signals are still processed, with a visible note. ``kind`` ``onveilig``: unsafe for a
    worker; ``visit_mode`` ``duo`` (visit only in pairs) or ``nooit`` (no visits at all).
    ``reason`` is for the team only: it never leaves in partner feedback or a delivery.
    """

    __tablename__ = "opt_outs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    address_key: Mapped[str | None] = mapped_column(
        SealedLookup(String(40), "address_key"), index=True
    )
    bsn: Mapped[str | None] = mapped_column(SealedLookup(String(9), "bsn"), index=True)
    until: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Sealed(Text(), "opt_outs.reason"), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(20), default="niet_benaderen")
    visit_mode: Mapped[str | None] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer, default=0)


class DraftRow(Base):
    """An unfinished form (e.g. an attempt being typed when auto-lock fired), kept encrypted."""

    __tablename__ = "drafts"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class KeyValueRow(Base):
    """Small state: sync cursor, server epoch, device id, settings that hold no secrets."""

    __tablename__ = "kv"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
