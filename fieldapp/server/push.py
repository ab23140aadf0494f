"""Applying a pushed batch: idempotent, one transaction, committed before the reply.

Per item, in order:

1. Seen before (same id in ``attempts``/``case_events`` or ``quarantine``)? Same content hash
   -> ``duplicates``; different content -> ``conflicts`` (recorded in ``conflicts``, the stored
   version stays). Retrying a batch whose reply was lost is therefore harmless.
2. The case is writable by the caller (a worker's open assigned case; any case of a lead's
   team) -> stored, ``accepted``.
3. The caller held the case before (its feed has a row for it) -> ``quarantine`` for the team
   lead, reason ``reassigned`` (within the grace window) or ``reassigned_late``. Never dropped.
4. Otherwise -> ``rejected`` ``unknown_case``: the same answer for a case that does not exist
   and one that belongs to someone else, so nothing leaks.

Ids are already lowercase canonical UUIDs (``protocol.Uuid``). The worker and device written on
stored rows come from the token, never from the body.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.server.auth import Principal, team_scope, worker_scope
from fieldapp.server.db import CaseTeamRow, ChangeLogRow, ConflictRow, QuarantineRow
from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.store.schema import AttemptRow, CaseEventRow, CaseRow
from fieldapp.sync.protocol import AttemptItem, CaseEventItem, PushItem, Rejected

GRACE = timedelta(days=14)
MAX_FUTURE = timedelta(days=1)


@dataclass
class PushOutcome:
    accepted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    quarantined: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    case_ids: set[str] = field(default_factory=set)


def content_hash(item: PushItem) -> str:
    """Hash of what an item says (not who sent it or when it arrived)."""
    if isinstance(item, AttemptItem):
        doc: dict[str, object] = {
            "case_id": item.case_id,
            "soort": item.soort.value,
            "bereikt": item.bereikt,
            "occurred_at": _utc_iso(item.occurred_at),
            "dagdeel": item.dagdeel.value,
            "outcome": item.outcome,
            "note": item.note,
            "voids": item.voids,
            "void_reason": item.void_reason,
        }
    else:
        doc = {
            "case_id": item.case_id,
            "kind": item.kind,
            "resultaat": item.resultaat.value if item.resultaat else None,
            "reason": item.reason,
            "effort_override": item.effort_override,
            "at": _utc_iso(item.at),
        }
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


def _utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def _stored_hash_attempt(row: AttemptRow) -> str:
    return content_hash(
        AttemptItem.model_validate(
            {
                "id": row.id,
                "case_id": row.case_id,
                "soort": row.soort,
                "bereikt": row.bereikt,
                "occurred_at": row.occurred_at,
                "dagdeel": row.dagdeel,
                "outcome": row.outcome,
                "note": row.note,
                "voids": row.voids,
                "void_reason": row.void_reason,
            }
        )
    )


def _stored_hash_event(row: CaseEventRow) -> str:
    return content_hash(
        CaseEventItem.model_validate(
            {
                "id": row.id,
                "case_id": row.case_id,
                "kind": row.kind,
                "resultaat": row.resultaat,
                "reason": row.reason,
                "effort_override": row.effort_override,
                "at": row.at,
            }
        )
    )


def apply_push(
    session: Session, who: Principal, items: list[PushItem], now: datetime
) -> PushOutcome:
    """Apply ``items`` inside the caller's transaction (the caller commits, then replies)."""
    out = PushOutcome()
    ids = [i.id for i in items]
    attempt_ids = [i.id for i in items if isinstance(i, AttemptItem)]
    event_ids = [i.id for i in items if isinstance(i, CaseEventItem)]
    stored_attempts = {
        r.id: r
        for r in session.scalars(select(AttemptRow).where(AttemptRow.id.in_(attempt_ids)))
    }
    stored_events = {
        r.id: r for r in session.scalars(select(CaseEventRow).where(CaseEventRow.id.in_(event_ids)))
    }
    quarantined = {
        r.id: r for r in session.scalars(select(QuarantineRow).where(QuarantineRow.id.in_(ids)))
    }
    case_ids = sorted({i.case_id for i in items})
    cases = {
        r.id: r for r in session.scalars(select(CaseRow).where(CaseRow.id.in_(case_ids)))
    }
    teams = dict(
        session.execute(
            select(CaseTeamRow.case_id, CaseTeamRow.team).where(CaseTeamRow.case_id.in_(case_ids))
        ).all()
    )
    before = case_scopes(session, case_ids)
    touched: set[str] = set()
    new_attempts: list[AttemptRow] = []

    for item in items:
        digest = content_hash(item)
        stored_hash = _seen_hash(item, stored_attempts, stored_events, quarantined)
        if stored_hash is not None:
            if stored_hash == digest:
                out.duplicates.append(item.id)
            else:
                out.conflicts.append(item.id)
                session.add(
                    ConflictRow(
                        item_id=item.id,
                        kind=item.type,
                        device_id=who.device_id,
                        stored_hash=stored_hash,
                        received_hash=digest,
                        received_at=now,
                    )
                )
            continue
        if isinstance(item, AttemptItem) and item.occurred_at > now + MAX_FUTURE:
            out.rejected.append(Rejected(id=item.id, reason="occurred_at_in_future"))
            continue
        case = cases.get(item.case_id)
        if case is not None and _writable(who, case, teams.get(case.id)):
            if isinstance(item, AttemptItem):
                row = _attempt_row(item, who, now)
                new_attempts.append(row)
                stored_attempts[item.id] = row
            else:
                event = _event_row(item, who, now)
                session.add(event)
                stored_events[item.id] = event
                _apply_event(case, item)
            out.accepted.append(item.id)
            out.case_ids.add(item.case_id)
            touched.add(item.case_id)
            continue
        reason = _quarantine_reason(session, who, item.case_id, now) if case else None
        if reason is None:
            out.rejected.append(Rejected(id=item.id, reason="unknown_case"))
            continue
        q = QuarantineRow(
            id=item.id,
            kind=item.type,
            case_id=item.case_id,
            payload=item.model_dump(mode="json"),
            content_hash=digest,
            reason=reason,
            user_id=who.user_id,
            worker_id=who.worker_id,
            device_id=who.device_id,
            team=teams.get(item.case_id, who.team),
            received_at=now,
        )
        session.add(q)
        quarantined[item.id] = q
        out.quarantined.append(item.id)
        out.case_ids.add(item.case_id)

    session.add_all(new_attempts)
    session.flush()
    if touched:
        emit_case_changes(
            session,
            {cid: before[cid] for cid in touched},
            skip_scopes=frozenset({who.scope}),
        )
    return out


def _seen_hash(
    item: PushItem,
    attempts: dict[str, AttemptRow],
    events: dict[str, CaseEventRow],
    quarantined: dict[str, QuarantineRow],
) -> str | None:
    if item.id in quarantined:
        return quarantined[item.id].content_hash
    if isinstance(item, AttemptItem) and item.id in attempts:
        return _stored_hash_attempt(attempts[item.id])
    if isinstance(item, CaseEventItem) and item.id in events:
        return _stored_hash_event(events[item.id])
    return None


def _writable(who: Principal, case: CaseRow, team: str | None) -> bool:
    if who.is_lead:
        return team is not None and team == who.team
    return (
        who.worker_id is not None
        and case.assigned_worker_id == who.worker_id
        and case.status == "open"
    )


def _quarantine_reason(session: Session, who: Principal, case_id: str, now: datetime) -> str | None:
    scope = team_scope(who.team) if who.is_lead else worker_scope(who.worker_id or "")
    left_at = session.scalar(
        select(ChangeLogRow.created_at).where(
            ChangeLogRow.scope == scope, ChangeLogRow.case_id == case_id
        )
    )
    if left_at is None:
        return None
    return "reassigned" if now - left_at <= GRACE else "reassigned_late"


def _attempt_row(item: AttemptItem, who: Principal, now: datetime) -> AttemptRow:
    return AttemptRow(
        id=item.id,
        case_id=item.case_id,
        soort=item.soort.value,
        bereikt=item.bereikt,
        occurred_at=item.occurred_at,
        dagdeel=item.dagdeel.value,
        outcome=item.outcome,
        note=item.note,
        worker_id=who.worker_id,
        device_id=who.device_id,
        voids=item.voids,
        void_reason=item.void_reason,
        created_at=now,
        sync_state="acked",
        acked_at=now,
    )


def _event_row(item: CaseEventItem, who: Principal, now: datetime) -> CaseEventRow:
    return CaseEventRow(
        id=item.id,
        case_id=item.case_id,
        kind=item.kind,
        resultaat=item.resultaat.value if item.resultaat else None,
        reason=item.reason,
        effort_override=item.effort_override,
        at=item.at,
        worker_id=who.worker_id,
        device_id=who.device_id,
        sync_state="acked",
        acked_at=now,
    )


def _apply_event(case: CaseRow, item: CaseEventItem) -> None:
    if item.kind == "close":
        case.status = "gesloten"
        case.resultaat = item.resultaat.value if item.resultaat else None
        case.closed_at = item.at
    elif item.kind == "reopen":
        case.status = "open"
        case.resultaat = None
        case.closed_at = None
    else:  # handover: back to the team lead's pool
        case.assigned_worker_id = None
