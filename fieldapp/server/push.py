"""Applying a pushed batch: idempotent, one transaction, committed before the reply.

Per item, in order:

1. Seen before (same id in ``attempts``/``case_events`` or ``quarantine``)? Same content hash
   -> ``duplicates``; different content -> ``conflicts`` (recorded in ``conflicts``, the stored
   version stays). Retrying a batch whose reply was lost is therefore harmless.
2. The case is writable by the caller -- the caller's scope holds it under the one scope rule
   (:mod:`fieldapp.server.scope`: a worker's open assigned case; any case of a lead's team)
   -> stored, ``accepted``. A route edit (a worker's new order of a published shift) is
   writable when the caller's scope holds the shift; it is recorded and applied to the order
   of the shift's visits, which then reach the team lead (and a pair partner) in the feed.
3. The caller held the case before (its feed has a row for it) -> ``quarantine`` for the team
   lead, reason ``reassigned`` (within the grace window) or ``reassigned_late``. Never dropped.
4. Otherwise -> ``rejected`` ``unknown_case`` (``unknown_shift`` for a route edit): the same
   answer for a case that does not exist and one that belongs to someone else, so nothing
   leaks. (The device drops a refused route edit when the shift's tombstone arrives.)

Ids are already lowercase canonical UUIDs (``protocol.Uuid``). The worker and device written on
stored rows come from the token, never from the body.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from fieldapp.domain.attempts import SyncState
from fieldapp.domain.priority import Policy
from fieldapp.server.auth import Principal
from fieldapp.server.db.schema import ChangeLogRow, ConflictRow, QuarantineRow
from fieldapp.server.feed import emit_case_changes
from fieldapp.server.outcomes import close_verdict
from fieldapp.server.push_outcome import PushOutcome
from fieldapp.server.push_routes import apply_route_edits, route_edit_hash, stored_route_hashes
from fieldapp.server.scope import existing_case_scopes
from fieldapp.store.schema import AttemptRow, CaseEventRow, CaseRow
from fieldapp.sync.protocol import AttemptItem, CaseEventItem, PushItem, Rejected, RouteEditItem

GRACE = timedelta(days=14)
MAX_FUTURE = timedelta(days=1)
# Core table: a plain executemany, without the ORM bulk path's per-row bookkeeping.
_ATTEMPTS: Table = AttemptRow.__table__  # type: ignore[assignment]


def content_hash(item: PushItem) -> str:
    """Hash of what an item says (not who sent it or when it arrived)."""
    if isinstance(item, RouteEditItem):
        return route_edit_hash(item)
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
    # The wire model reads its own fields off the row (``type`` keeps its default).
    return content_hash(AttemptItem.model_validate(row, from_attributes=True))


def _stored_hash_event(row: CaseEventRow) -> str:
    return content_hash(CaseEventItem.model_validate(row, from_attributes=True))


def apply_push(
    session: Session,
    who: Principal,
    all_items: list[PushItem],
    now: datetime,
    policy: Policy | None = None,
) -> PushOutcome:
    """Apply ``items`` inside the caller's transaction (the caller commits, then replies).

    ``policy``: the server's afwegingskader (default ``Policy()``), for the effort check."""
    policy = policy or Policy()
    out = PushOutcome()
    routes = [i for i in all_items if isinstance(i, RouteEditItem)]
    items: list[AttemptItem | CaseEventItem] = [
        i for i in all_items if not isinstance(i, RouteEditItem)
    ]
    ids = [i.id for i in items]
    attempt_ids = [i.id for i in items if isinstance(i, AttemptItem)]
    event_ids = [i.id for i in items if isinstance(i, CaseEventItem)]
    # id -> content hash of what the server already holds (attempts, events, quarantine).
    seen: dict[tuple[str, str], str] = {}
    if attempt_ids:
        for row in session.scalars(select(AttemptRow).where(AttemptRow.id.in_(attempt_ids))):
            seen[("attempt", row.id)] = _stored_hash_attempt(row)
    if event_ids:
        for ev in session.scalars(select(CaseEventRow).where(CaseEventRow.id.in_(event_ids))):
            seen[("case_event", ev.id)] = _stored_hash_event(ev)
    if ids:
        for q in session.execute(
            select(QuarantineRow.id, QuarantineRow.kind, QuarantineRow.content_hash).where(
                QuarantineRow.id.in_(ids)
            )
        ):
            seen[(q.kind, q.id)] = q.content_hash
    case_ids = sorted({i.case_id for i in items})
    # Scopes before the write: the one scope rule (missing cases are absent).
    before = existing_case_scopes(session, case_ids)
    # The owning team is the case's team scope (no second query).
    teams = {
        cid: scope[2:] for cid, scopes in before.items() for scope in scopes if scope[:2] == "t:"
    }
    current = {cid: set(scopes) for cid, scopes in before.items()}
    events_applied = False
    effort_refused: set[str] = set()  # closes the server refused: the pusher must reopen
    touched: set[str] = set()
    new_attempts: list[dict[str, object]] = []

    for item in items:
        digest = content_hash(item)
        stored_hash = seen.get((item.type, item.id))
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
        scopes = current.get(item.case_id)
        writable = scopes is not None and who.scope in scopes
        verdict: str | None = None
        if writable and isinstance(item, CaseEventItem):
            # The server is the authority on the minimum-effort standard (outcomes.py).
            verdict = close_verdict(session, who, item, new_attempts, policy, now=now)
        if writable and verdict is None:
            if isinstance(item, AttemptItem):
                new_attempts.append(_attempt_values(item, who, now))
            else:
                session.add(_event_row(item, who, now))
                case_row = session.get(CaseRow, item.case_id)
                assert case_row is not None
                _apply_event(case_row, item)
                events_applied = True
                session.flush()
                current.update(existing_case_scopes(session, [item.case_id]))
            seen[(item.type, item.id)] = digest
            out.accepted.append(item.id)
            out.case_ids.add(item.case_id)
            touched.add(item.case_id)
            continue
        if verdict is not None:
            effort_refused.add(item.case_id)
        reason = verdict or (
            _quarantine_reason(session, who, item.case_id, now) if scopes is not None else None
        )
        if reason is None:
            out.rejected.append(Rejected(id=item.id, reason="unknown_case"))
            continue
        session.add(
            QuarantineRow(
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
        )
        seen[(item.type, item.id)] = digest
        out.quarantined.append(item.id)
        out.case_ids.add(item.case_id)

    session.flush()
    if new_attempts:
        session.execute(insert(_ATTEMPTS), new_attempts)
    if touched:
        touched_before = {cid: before[cid] for cid in touched}
        emit_case_changes(
            session,
            touched_before,
            skip_scopes=frozenset({who.scope}),
            bump_version=any(isinstance(i, CaseEventItem) for i in items),
            # Attempts alone never move a case between scopes: skip re-reading them.
            after=None if events_applied else touched_before,
        )
    if routes:
        apply_route_edits(session, who, routes, now, out, stored_route_hashes(session, routes))
    if effort_refused:
        # The laptop closed the case; the server kept it open. Send everyone, the pusher
        # included, the server's version so the case reopens there at the next pull.
        emit_case_changes(session, {cid: before[cid] for cid in sorted(effort_refused)})
    return out


def _quarantine_reason(session: Session, who: Principal, case_id: str, now: datetime) -> str | None:
    left_at = session.scalar(
        select(ChangeLogRow.created_at).where(
            ChangeLogRow.scope == who.scope,
            ChangeLogRow.entity_type == "case",
            ChangeLogRow.entity_id == case_id,
        )
    )
    if left_at is None:
        return None
    return "reassigned" if now - left_at <= GRACE else "reassigned_late"


def _attempt_values(item: AttemptItem, who: Principal, now: datetime) -> dict[str, object]:
    return {
        "id": item.id,
        "case_id": item.case_id,
        "soort": item.soort.value,
        "bereikt": item.bereikt,
        "occurred_at": item.occurred_at,
        "dagdeel": item.dagdeel.value,
        "outcome": item.outcome,
        "note": item.note,
        "worker_id": who.worker_id,
        "device_id": who.device_id,
        "voids": item.voids,
        "void_reason": item.void_reason,
        "created_at": now,
        "sync_state": SyncState.ACKED.value,
        "acked_at": now,
        "server_epoch_at_ack": None,
    }


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
        sync_state=SyncState.ACKED.value,
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
