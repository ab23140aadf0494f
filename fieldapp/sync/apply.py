"""Applying pulled change-feed pages to a client store (the PULL half of sync).

Runs inside the caller's transaction (``fieldapp.services.sync`` re-exports it):

- :func:`apply_page` stores the page **and** its ``next_cursor`` together, so a crash mid-page
  replays the page; upserts older than the stored ``version`` are ignored.
- A tombstone deletes the case's people, signals, plans and *acked* attempts/events. Pending
  ones are never deleted: the case row stays as an emptied "husk" (no address, notes, reasons;
  listed in kv ``sync.husks``) for their foreign key until they are acked, then
  :func:`drop_finished_husks` removes it. Afterwards the caller checkpoints the WAL (TRUNCATE).
- The server's payload is the truth for case fields, people and signals (replaced wholesale);
  attempts from the server are only ever added, never overwrite local ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from fieldapp.domain.attempts import SyncState
from fieldapp.store.repos.kv import case_language_key, get_kv, set_kv
from fieldapp.store.schema import (
    AttemptRow,
    CaseEventRow,
    CaseRow,
    KeyValueRow,
    PersonRow,
    PlannedVisitRow,
    SignalRow,
    Worker,
)
from fieldapp.sync.apply_plans import apply_plan_changes
from fieldapp.sync.protocol import CasePayload, ChangesPage

_CASES: Table = CaseRow.__table__  # type: ignore[assignment]
_PEOPLE: Table = PersonRow.__table__  # type: ignore[assignment]
_SIGNALS: Table = SignalRow.__table__  # type: ignore[assignment]
_ATTEMPTS: Table = AttemptRow.__table__  # type: ignore[assignment]
KV_CURSOR = "sync.cursor"
KV_EPOCH = "sync.epoch"
KV_HUSKS = "sync.husks"


@dataclass(frozen=True, slots=True)
class AppliedPage:
    case_ids: frozenset[str]
    tombstones: int
    workers: bool
    plans: int = 0


def apply_page_rows(session: Session, page: ChangesPage) -> AppliedPage:
    """Apply one pulled page and store its cursor, in the caller's transaction.

    Returns what it touched. Upserts older than the stored version are ignored,
    so replaying a page is harmless. Works in bulk statements per page (one case at a time
    through the ORM costs ~25 ms per case on SQLCipher).
    """
    for w in page.workers:
        row = session.get(Worker, w.id)
        if row is None:
            session.add(Worker(**w.model_dump()))
        else:
            for key, value in w.model_dump().items():
                setattr(row, key, value)
    session.flush()
    case_changes = [c for c in page.changes if c.entity_type == "case"]
    case_ids = {c.entity_id for c in case_changes}
    latest: dict[str, CasePayload] = {}
    tombstone_ids: list[str] = []
    for change in case_changes:  # a page may name a case twice: the last word counts
        if change.op == "upsert" and change.case is not None:
            latest[change.entity_id] = change.case
            if change.entity_id in tombstone_ids:
                tombstone_ids.remove(change.entity_id)
        else:
            latest.pop(change.entity_id, None)
            tombstone_ids.append(change.entity_id)
    _upsert_cases(session, list(latest.values()))
    tombstones = sum(int(_tombstone(session, cid)) for cid in tombstone_ids)
    # Shifts and visits after the cases (a visit needs its case); unknown types are skipped.
    plans = apply_plan_changes(session, page.changes)
    set_kv(session, KV_CURSOR, page.next_cursor)
    return AppliedPage(frozenset(case_ids), tombstones, bool(page.workers), plans)


def _case_values(c: CasePayload) -> dict[str, object]:
    a = c.address
    return {
        "id": c.id,
        "address_key": f"{a.postcode}|{a.huisnummer}|{a.toevoeging.upper()}" if a else None,
        "postcode": a.postcode if a else None,
        "huisnummer": a.huisnummer if a else None,
        "toevoeging": a.toevoeging if a else "",
        "straat": a.straat if a else "",
        "plaats": a.plaats if a else "",
        "wijk": a.wijk if a else "",
        "lat": a.lat if a else None,
        "lon": a.lon if a else None,
        "status": c.status,
        "opened_on": c.opened_on,
        "deadline": c.deadline,
        "priority": c.priority,
        "reasons": list(c.reasons),
        "meervoudig": c.meervoudig,
        "opeenvolgend": c.opeenvolgend,
        "flags": list(c.flags),
        "assigned_worker_id": c.assigned_worker_id,
        "resultaat": c.resultaat,
        "closed_at": c.closed_at,
        "datum_opgepakt": c.datum_opgepakt,
        "matchingsdatum": c.matchingsdatum,
        "version": c.version,
        "purge_after": c.purge_after,
    }


def _upsert_cases(session: Session, payloads: list[CasePayload]) -> None:
    if not payloads:
        return
    ids = [c.id for c in payloads]
    stored = dict(
        session.execute(select(CaseRow.id, CaseRow.version).where(CaseRow.id.in_(ids))).all()
    )
    fresh = [c for c in payloads if c.id not in stored or stored[c.id] <= c.version]
    if not fresh:
        return
    husks = _husks(session)
    if husks & {c.id for c in fresh}:
        _save_husks(session, husks - {c.id for c in fresh})
    fresh_ids = [c.id for c in fresh]
    new = [_case_values(c) for c in fresh if c.id not in stored]
    old = [_case_values(c) for c in fresh if c.id in stored]
    # Core statements (plain executemany): the ORM bulk path's per-row bookkeeping costs more
    # than SQLCipher itself for a page of hundreds of cases.
    if new:
        session.execute(insert(_CASES), new)
    if old:
        # Executemany UPDATE by id; bind names prefixed (Core reserves the column names for
        # the SET clause). ``updated_at`` comes from the column's onupdate.
        by_id = (
            update(_CASES)
            .where(_CASES.c.id == bindparam("b_id"))
            .values({k: bindparam(f"b_{k}") for k in old[0] if k != "id"})
        )
        session.execute(by_id, [{f"b_{k}": v for k, v in row.items()} for row in old])
    # People and signals are replaced wholesale: the server's payload is the truth.
    session.execute(delete(_SIGNALS).where(_SIGNALS.c.case_id.in_(fresh_ids)))
    session.execute(delete(_PEOPLE).where(_PEOPLE.c.case_id.in_(fresh_ids)))
    people = [{**p.model_dump(), "case_id": c.id} for c in fresh for p in c.people]
    signals = [{**x.model_dump(), "case_id": c.id} for c in fresh for x in c.signals]
    if people:
        session.execute(insert(_PEOPLE), people)
    if signals:
        # A signal that moved here from another case we hold: drop the stale copy first.
        session.execute(delete(_SIGNALS).where(_SIGNALS.c.id.in_([x["id"] for x in signals])))
        session.execute(insert(_SIGNALS), signals)
    wanted = {x.id: (c.id, x) for c in fresh for x in c.attempts}
    known = set(session.scalars(select(_ATTEMPTS.c.id).where(_ATTEMPTS.c.id.in_(list(wanted)))))
    now = datetime.now(UTC)
    rows = [
        {
            **x.model_dump(),
            "case_id": cid,
            "sync_state": SyncState.ACKED,
            "acked_at": now,
            "created_at": now,
        }
        for aid, (cid, x) in wanted.items()
        if aid not in known
    ]
    if rows:
        session.execute(insert(_ATTEMPTS), rows)


def _tombstone(session: Session, case_id: str) -> bool:
    row = session.get(CaseRow, case_id)
    if row is None:
        return False
    session.execute(delete(PlannedVisitRow).where(PlannedVisitRow.case_id == case_id))
    session.execute(delete(SignalRow).where(SignalRow.case_id == case_id))
    session.execute(delete(PersonRow).where(PersonRow.case_id == case_id))
    session.execute(delete(KeyValueRow).where(KeyValueRow.key == case_language_key(case_id)))
    session.execute(
        delete(AttemptRow).where(
            AttemptRow.case_id == case_id, AttemptRow.sync_state == SyncState.ACKED
        )
    )
    session.execute(
        delete(CaseEventRow).where(
            CaseEventRow.case_id == case_id, CaseEventRow.sync_state == SyncState.ACKED
        )
    )
    if _has_pending(session, case_id):
        # Husk: keep the row for the pending items' foreign key, without personal data.
        row.address_key = row.postcode = None
        row.huisnummer = row.lat = row.lon = None
        row.toevoeging = row.straat = row.plaats = row.wijk = row.notes = ""
        row.reasons, row.flags = [], []
        row.assigned_worker_id = None
        row.status = "gesloten"
        husks = _husks(session)
        husks.add(case_id)
        _save_husks(session, husks)
    else:
        session.delete(row)
        _unhusk(session, case_id)
    session.flush()
    return True


def _has_pending(session: Session, case_id: str) -> bool:
    a = session.scalar(
        select(AttemptRow.id)
        .where(AttemptRow.case_id == case_id, AttemptRow.sync_state == SyncState.PENDING)
        .limit(1)
    )
    e = session.scalar(
        select(CaseEventRow.id)
        .where(CaseEventRow.case_id == case_id, CaseEventRow.sync_state == SyncState.PENDING)
        .limit(1)
    )
    return a is not None or e is not None


def _husks(session: Session) -> set[str]:
    raw = get_kv(session, KV_HUSKS)
    return set(json.loads(raw)) if raw else set()


def _save_husks(session: Session, husks: set[str]) -> None:
    set_kv(session, KV_HUSKS, json.dumps(sorted(husks)))


def _unhusk(session: Session, case_id: str) -> None:
    husks = _husks(session)
    if case_id in husks:
        husks.discard(case_id)
        _save_husks(session, husks)


def husk_ids(session: Session) -> set[str]:
    """Cases emptied by a tombstone but kept for pending items (not to be shown)."""
    return _husks(session)


def drop_finished_husks(session: Session) -> int:
    """Delete husk cases whose pending items have all been acked. Returns how many."""
    dropped = 0
    for case_id in sorted(_husks(session)):
        if _has_pending(session, case_id):
            continue
        session.execute(delete(AttemptRow).where(AttemptRow.case_id == case_id))
        session.execute(delete(CaseEventRow).where(CaseEventRow.case_id == case_id))
        session.execute(delete(CaseRow).where(CaseRow.id == case_id))
        _unhusk(session, case_id)
        dropped += 1
    return dropped


def purge_expired(session: Session, today: date) -> list[str]:
    """Cases whose ``purge_after`` (stamped at intake, ``domain.retention``) has passed are
    purged like a tombstone (pending attempts kept in a husk until acked). The sync client runs
    it after each pull, for cases the server has not tombstoned yet; offline, retention is
    ``services.retention`` at unlock and daily. Returns the ids; the caller checkpoints the WAL
    afterwards if any."""
    expired = list(
        session.scalars(
            select(CaseRow.id).where(CaseRow.purge_after.is_not(None), CaseRow.purge_after < today)
        )
    )
    husks = _husks(session)
    done = [cid for cid in expired if cid not in husks and _tombstone(session, cid)]
    return done
