"""Client-side sync use cases on a store session (no network here; see ``fieldapp.sync``).

The outbox is the ``attempts`` and ``case_events`` tables with ``sync_state`` pending|acked.
Every function runs inside the caller's transaction; the rules that make sync safe:

- :func:`mark_pushed` acks only what a *valid* push reply lists (accepted, duplicates,
  quarantined, conflicts); ``rejected`` items stay pending.
- :func:`apply_page` applies a pulled page **and** stores its ``next_cursor`` in the same
  transaction: a crash mid-page replays the page (upserts keyed by id and version).
- :func:`note_epoch`: a new server epoch (server restored from backup) resets the cursor and
  marks every attempt and case event of this device that is still held as pending again; the
  server dedupes the re-push.
- Tombstones delete the case's people, signals, plans and *acked* attempts/events. Pending
  ones are never deleted: the case row stays as an emptied "husk" (no address, notes,
  reasons) until they are acked, then :func:`drop_finished_husks` removes it. After applying
  tombstones the caller must run ``store.checkpoint_truncate()`` (freed pages leave the WAL).

The enrolment (server, device token) is ``fieldapp.services.identity``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Table, func, or_, select, update
from sqlalchemy.orm import Session

from fieldapp.domain.attempts import SyncState
from fieldapp.services.changes import Changes
from fieldapp.services.identity import KV_ENROLLED_AT, is_enrolled
from fieldapp.services.queries import get_kv, set_kv
from fieldapp.store.schema import AttemptRow, CaseEventRow, RouteEditRow
from fieldapp.sync.apply import (
    KV_CURSOR,
    KV_EPOCH,
    KV_HUSKS,
    apply_page_rows,
    drop_finished_husks,
    husk_ids,
    purge_expired,
)
from fieldapp.sync.protocol import (
    AttemptItem,
    CaseEventItem,
    ChangesPage,
    PushItem,
    PushResponse,
    RouteEditItem,
)

__all__ = ["KV_CURSOR", "KV_HUSKS", "drop_finished_husks", "husk_ids", "purge_expired"]

KV_LAST_SYNC = "sync.last_sync_at"

MAX_OFFLINE = timedelta(days=14)
UNSENT_WARNING = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    """What the status bar shows. ``warn_unsent``: pending work older than 24 h."""

    enrolled: bool
    pending_count: int
    oldest_pending_at: datetime | None
    last_sync_at: datetime | None
    warn_unsent: bool
    details_hidden: bool


# --- push --------------------------------------------------------------------------------------


_ATTEMPTS: Table = AttemptRow.__table__  # type: ignore[assignment]
_EVENTS: Table = CaseEventRow.__table__  # type: ignore[assignment]
_ATTEMPT_ITEM_COLS = [c for c in AttemptItem.model_fields if c != "type"]
_EVENT_ITEM_COLS = [c for c in CaseEventItem.model_fields if c != "type"]
_ROUTES: Table = RouteEditRow.__table__  # type: ignore[assignment]
_ROUTE_ITEM_COLS = [c for c in RouteEditItem.model_fields if c != "type"]


def pending_items(session: Session, limit: int, *, exclude: Collection[str] = ()) -> list[PushItem]:
    """The oldest ``limit`` pending outbox items (attempts, case events, route edits), leaving
    out the ids in ``exclude`` (items already in flight, or refused this sync).

    Reads plain column rows (no ORM entities: a page is only serialised and sent); every item
    is still validated against the wire model."""
    skip = list(exclude)
    items: list[PushItem] = []
    attempts = select(*(_ATTEMPTS.c[f] for f in _ATTEMPT_ITEM_COLS)).where(
        _ATTEMPTS.c.sync_state == SyncState.PENDING
    )
    if skip:
        attempts = attempts.where(_ATTEMPTS.c.id.not_in(skip))
    for a in session.execute(
        attempts.order_by(_ATTEMPTS.c.created_at, _ATTEMPTS.c.id).limit(limit)
    ):
        items.append(AttemptItem(**a._mapping))
    room = limit - len(items)
    if room > 0:
        events = select(*(_EVENTS.c[f] for f in _EVENT_ITEM_COLS)).where(
            _EVENTS.c.sync_state == SyncState.PENDING
        )
        if skip:
            events = events.where(_EVENTS.c.id.not_in(skip))
        for e in session.execute(events.order_by(_EVENTS.c.at, _EVENTS.c.id).limit(room)):
            items.append(CaseEventItem(**e._mapping))
    room = limit - len(items)
    if room > 0:
        routes = select(*(_ROUTES.c[f] for f in _ROUTE_ITEM_COLS)).where(
            _ROUTES.c.sync_state == SyncState.PENDING
        )
        if skip:
            routes = routes.where(_ROUTES.c.id.not_in(skip))
        for r in session.execute(routes.order_by(_ROUTES.c.at, _ROUTES.c.id).limit(room)):
            items.append(RouteEditItem(**r._mapping))
    return items


def pending_count(session: Session) -> int:
    attempts = session.scalar(
        select(func.count())
        .select_from(AttemptRow)
        .where(AttemptRow.sync_state == SyncState.PENDING)
    )
    events = session.scalar(
        select(func.count())
        .select_from(CaseEventRow)
        .where(CaseEventRow.sync_state == SyncState.PENDING)
    )
    routes = session.scalar(
        select(func.count())
        .select_from(RouteEditRow)
        .where(RouteEditRow.sync_state == SyncState.PENDING)
    )
    return int(attempts or 0) + int(events or 0) + int(routes or 0)


def mark_pushed(session: Session, reply: PushResponse, now: datetime) -> Changes:
    """Ack every id the server confirmed it holds (or holds in quarantine / as a conflict)."""
    ids = [*reply.accepted, *reply.duplicates, *reply.quarantined, *reply.conflicts]
    if not ids:
        return Changes()
    # Core statements: one UPDATE ... WHERE id IN (...) per table, no ORM session sync.
    done = session.execute(
        update(_ATTEMPTS)
        .where(_ATTEMPTS.c.id.in_(ids), _ATTEMPTS.c.sync_state == SyncState.PENDING)
        .values(sync_state=SyncState.ACKED, acked_at=now, server_epoch_at_ack=reply.server_epoch)
    ).rowcount  # type: ignore[attr-defined]
    done += session.execute(
        update(_EVENTS)
        .where(_EVENTS.c.id.in_(ids), _EVENTS.c.sync_state == SyncState.PENDING)
        .values(sync_state=SyncState.ACKED, acked_at=now)
    ).rowcount  # type: ignore[attr-defined]
    if done < len(ids):  # some ids are route edits (or were acked before): one more UPDATE
        session.execute(
            update(_ROUTES)
            .where(_ROUTES.c.id.in_(ids), _ROUTES.c.sync_state == SyncState.PENDING)
            .values(sync_state=SyncState.ACKED, acked_at=now)
        )
    return Changes(attempts=True, sync=True)


def note_epoch(session: Session, epoch: str, device_id: str) -> bool:
    """Remember the server's epoch; on a change, reset the cursor and re-mark this device's
    held items as pending (returns True). The first epoch seen is just stored."""
    known = get_kv(session, KV_EPOCH)
    if known == epoch:
        return False
    set_kv(session, KV_EPOCH, epoch)
    if not known:
        return False
    set_kv(session, KV_CURSOR, "")
    own_attempt = or_(AttemptRow.device_id.is_(None), AttemptRow.device_id == device_id)
    session.execute(
        update(AttemptRow)
        .where(
            AttemptRow.sync_state == SyncState.ACKED,
            own_attempt,
            or_(AttemptRow.server_epoch_at_ack.is_(None), AttemptRow.server_epoch_at_ack != epoch),
        )
        .values(sync_state=SyncState.PENDING)
    )
    own_event = or_(CaseEventRow.device_id.is_(None), CaseEventRow.device_id == device_id)
    session.execute(
        update(CaseEventRow)
        .where(CaseEventRow.sync_state == SyncState.ACKED, own_event)
        .values(sync_state=SyncState.PENDING)
    )
    own_route = or_(RouteEditRow.device_id.is_(None), RouteEditRow.device_id == device_id)
    session.execute(
        update(RouteEditRow)
        .where(RouteEditRow.sync_state == SyncState.ACKED, own_route)
        .values(sync_state=SyncState.PENDING)
    )
    return True


# --- pull --------------------------------------------------------------------------------------


def apply_page(session: Session, page: ChangesPage) -> tuple[Changes, int]:
    """Apply one pulled page and its cursor in the caller's transaction (see
    ``fieldapp.sync.apply``). Returns (what changed, tombstones applied)."""
    applied = apply_page_rows(session, page)
    touched = bool(applied.case_ids)
    changes = Changes(
        cases=touched,
        signals=touched,
        attempts=touched,
        plans=applied.tombstones > 0 or applied.plans > 0,
        workers=applied.workers,
        sync=True,
        case_ids=applied.case_ids,
    )
    return changes, applied.tombstones


def cursor(session: Session) -> str:
    return get_kv(session, KV_CURSOR) or ""


def reset_cursor(session: Session) -> None:
    set_kv(session, KV_CURSOR, "")


# --- status ------------------------------------------------------------------------------------


def record_sync_success(session: Session, now: datetime) -> None:
    set_kv(session, KV_LAST_SYNC, now.isoformat())


def _kv_time(session: Session, key: str) -> datetime | None:
    raw = get_kv(session, key)
    return datetime.fromisoformat(raw) if raw else None


def details_hidden(session: Session, now: datetime, max_offline: timedelta = MAX_OFFLINE) -> bool:
    """True when an enrolled device has not synced for ``max_offline`` (default 14 days): the
    UI then hides case details until a sync succeeds. Never true for a store that was never
    enrolled (a team lead working locally)."""
    if not is_enrolled(session):
        return False
    last = _kv_time(session, KV_LAST_SYNC) or _kv_time(session, KV_ENROLLED_AT)
    return last is None or now - last > max_offline


def outbox_status(session: Session, now: datetime) -> OutboxStatus:
    oldest_attempt = session.scalar(
        select(func.min(AttemptRow.created_at)).where(AttemptRow.sync_state == SyncState.PENDING)
    )
    oldest_event = session.scalar(
        select(func.min(CaseEventRow.at)).where(CaseEventRow.sync_state == SyncState.PENDING)
    )
    candidates = [t for t in (oldest_attempt, oldest_event) if t is not None]
    oldest = min(candidates) if candidates else None
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)  # func.min bypasses the UTCDateTime type
    enrolled = is_enrolled(session)
    return OutboxStatus(
        enrolled=enrolled,
        pending_count=pending_count(session),
        oldest_pending_at=oldest,
        last_sync_at=_kv_time(session, KV_LAST_SYNC),
        warn_unsent=oldest is not None and now - oldest > UNSENT_WARNING,
        details_hidden=details_hidden(session, now),
    )
