"""Server tables of the BRP check (issue 13), on ``ServerBase``; imported by ``schema``.

Minimal storage: a check keeps its verdict, reason code, time, gemeentecode and BAG id, never
the BRP payload. The query log is append-only (triggers, like ``audit_events``) and holds no
personal values: counts, codes, the correlation id and the persoonslijst ids the API delivered.
Extract rows are sealed (AES-256-GCM) and found through keyed hashes, so even a PostgreSQL
deployment without disk encryption holds no readable extract.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.server.db.schema import ServerBase
from fieldapp.store.schema import utcnow
from fieldapp.store.sealed import Sealed


class BrpCheckRow(ServerBase):
    """One person's latest check per run. ``state``: ``klaar`` (applied), ``controle`` (a
    flag for the lead), ``handmatig`` (in the lead's manual queue), ``afgehandeld`` (the lead
    recorded the outcome of a hand check)."""

    __tablename__ = "brp_checks"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36))
    person_id: Mapped[str | None] = mapped_column(String(36))
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)
    backend: Mapped[str] = mapped_column(String(20))
    verdict: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(30))
    state: Mapped[str] = mapped_column(String(12))
    gemeentecode: Mapped[str | None] = mapped_column(String(4))
    # The address's BAG id: sealed on PostgreSQL like the address itself (store.sealed).
    bag_id: Mapped[str | None] = mapped_column(Sealed(String(16), "brp_checks.bag_id"))
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    __table_args__ = (
        # the lead's manual queue and the flag list: open checks by state.
        Index("ix_brp_checks_state_checked_at", "state", "checked_at"),
        # "not checked yet" and the case view: checks of one case / person.
        Index("ix_brp_checks_case_id", "case_id"),
        Index("ix_brp_checks_person_id", "person_id"),
    )


class BrpQueryRow(ServerBase):
    """Protocollering: one row per query to a backend (append-only)."""

    __tablename__ = "brp_queries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    backend: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    correlation_id: Mapped[str] = mapped_column(String(64))
    user_ref: Mapped[str] = mapped_column(String(100))
    task: Mapped[str] = mapped_column(String(200))
    asked: Mapped[int] = mapped_column(Integer, default=0)
    delivered: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20))
    http_status: Mapped[int | None] = mapped_column(Integer)
    delivered_pls: Mapped[list[Any]] = mapped_column(default=list)
    # review: the queries of one correlation id (what one check run asked).
    __table_args__ = (Index("ix_brp_queries_correlation_id", "correlation_id"),)


class BrpExtractRow(ServerBase):
    """One imported extract; the newest is used until the next one replaces it."""

    __tablename__ = "brp_extracts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    peildatum: Mapped[date] = mapped_column(Date)
    persons: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))


class BrpExtractPersonRow(ServerBase):
    __tablename__ = "brp_extract_persons"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    extract_id: Mapped[str] = mapped_column(String(36))
    bsn_hash: Mapped[str] = mapped_column(String(64))
    address_hash: Mapped[str | None] = mapped_column(String(64))
    sealed: Mapped[str] = mapped_column(Text)
    __table_args__ = (
        # check by BSN and address search against the extract.
        Index("ix_brp_extract_persons_bsn_hash", "bsn_hash"),
        Index("ix_brp_extract_persons_address_hash", "address_hash"),
    )
