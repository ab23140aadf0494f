"""Pushed route edits: a worker's own new visiting order of a published shift.

Idempotent like attempts (same id and content = duplicate; same id, other content = conflict,
the first version stays). Writable when the caller's scope holds the shift (the one scope rule:
a published shift of theirs; any shift of a lead's team). The edit is recorded as sent
(``route_edits``, for the lead) and applied to the shift's visits: the cases it names, in its
order, first; visits it does not name (added by the lead meanwhile) keep their relative order
after them. The new order reaches the lead and a pair partner through the feed.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.server.auth import Principal
from fieldapp.server.db.schema import ConflictRow
from fieldapp.server.feed import emit_changes
from fieldapp.server.push_outcome import PushOutcome
from fieldapp.server.scope import ENTITY_VISIT, shift_scopes
from fieldapp.store.schema import PlannedVisitRow, RouteEditRow
from fieldapp.sync.protocol import Rejected, RouteEditItem


def route_edit_hash(item: RouteEditItem) -> str:
    doc = {
        "shift_id": item.shift_id,
        "case_ids": list(item.case_ids),
        "reason": item.reason,
        "at": item.at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds"),
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


def stored_route_hashes(session: Session, items: list[RouteEditItem]) -> dict[str, str]:
    rows = session.scalars(
        select(RouteEditRow).where(RouteEditRow.id.in_([i.id for i in items]))
    ).all()
    return {
        r.id: route_edit_hash(
            RouteEditItem(
                id=r.id,
                shift_id=r.shift_id,
                case_ids=[str(c) for c in r.case_ids],
                reason=r.reason,  # type: ignore[arg-type]
                at=r.at,
            )
        )
        for r in rows
    }


def apply_route_edits(
    session: Session,
    who: Principal,
    items: list[RouteEditItem],
    now: datetime,
    out: PushOutcome,
    seen: dict[str, str],
) -> None:
    held = shift_scopes(session, {i.shift_id for i in items})
    moved: set[tuple[str, str]] = set()
    for item in items:
        digest = route_edit_hash(item)
        if item.id in seen:
            if seen[item.id] == digest:
                out.duplicates.append(item.id)
            else:
                out.conflicts.append(item.id)
                session.add(
                    ConflictRow(
                        item_id=item.id,
                        kind=item.type,
                        device_id=who.device_id,
                        stored_hash=seen[item.id],
                        received_hash=digest,
                        received_at=now,
                    )
                )
            continue
        if who.scope not in held.get(item.shift_id, set()):
            out.rejected.append(Rejected(id=item.id, reason="unknown_shift"))
            continue
        session.add(
            RouteEditRow(
                id=item.id,
                shift_id=item.shift_id,
                case_ids=list(item.case_ids),
                reason=item.reason,
                at=item.at,
                worker_id=who.worker_id,
                device_id=who.device_id,
                sync_state="acked",
                acked_at=now,
            )
        )
        seen[item.id] = digest
        moved |= _reorder(session, item.shift_id, list(item.case_ids))
        out.accepted.append(item.id)
    session.flush()
    if moved:
        emit_changes(session, moved, skip_scopes=frozenset({who.scope}))


def _reorder(session: Session, shift_id: str, case_ids: list[str]) -> set[tuple[str, str]]:
    visits = session.scalars(
        select(PlannedVisitRow)
        .where(PlannedVisitRow.shift_id == shift_id)
        .order_by(PlannedVisitRow.seq, PlannedVisitRow.id)
    ).all()
    rank = {cid: i for i, cid in enumerate(dict.fromkeys(case_ids))}
    named = sorted((v for v in visits if v.case_id in rank), key=lambda v: rank[v.case_id])
    rest = [v for v in visits if v.case_id not in rank]
    changed: set[tuple[str, str]] = set()
    for seq, visit in enumerate([*named, *rest], start=1):
        if visit.seq != seq:
            visit.seq = seq
            changed.add((ENTITY_VISIT, visit.id))
    return changed
