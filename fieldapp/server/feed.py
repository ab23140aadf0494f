"""The per-scope change feed: emitting changes and serving pages of it.

Every write that changes what a scope should hold calls :func:`emit_changes` (or, for cases
only, :func:`emit_case_changes`) inside the same transaction. Who belongs where is decided by
the one scope rule in :mod:`fieldapp.server.scope`; what each scope holds now is read from the
log itself (its latest row per entity). Scopes an entity left get a tombstone; scopes it is in
get an upsert. Planned visits are dependents: emitting a case or a shift re-emits its visits
after it, so a client reading the feed in seq order never meets a visit before its case and
shift (the log is compacted, so an old visit row could otherwise precede a re-emitted case).

Rows are compacted per (scope, entity); ``version`` of cases, shifts and visits is set to the
seq of the last emission, so a client can tell an old payload from a new one.

Cursor: ``<epoch>.<scope tag>.<seq>`` (opaque to clients; ``""`` = from the start). A cursor
from another epoch (server restored), another scope (someone else's) or beyond the current seq
is refused with :class:`StaleCursor` (HTTP 410) and the client re-pulls from the start.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from fieldapp.server.auth import worker_scope
from fieldapp.server.db.schema import ChangeLogRow
from fieldapp.server.db.sequence import allocate_seqs, current_seq
from fieldapp.server.feed_cases import case_payloads, team_workers
from fieldapp.server.feed_plans import shift_payloads, visit_payloads
from fieldapp.server.scope import (
    ENTITY_CASE,
    ENTITY_ORDER,
    ENTITY_SHIFT,
    ENTITY_VISIT,
    EntityKey,
    case_scopes,
    chunks,
    held_scopes,
    scopes_of,
    visit_keys_of,
)
from fieldapp.store.schema import (
    CaseRow,
    PlannedVisitRow,
    ShiftRow,
    utcnow,
)
from fieldapp.sync.protocol import (
    Change,
)

__all__ = ["case_payloads", "case_scopes", "emit_case_changes", "emit_changes", "team_workers"]

T = TypeVar("T")
P = TypeVar("P", bound=BaseModel)
# Core table for the bulk writes below (no ORM bookkeeping per row).
_CHANGE_LOG: Table = ChangeLogRow.__table__  # type: ignore[assignment]
_VERSIONED: dict[str, Any] = {
    ENTITY_CASE: CaseRow,
    ENTITY_SHIFT: ShiftRow,
    ENTITY_VISIT: PlannedVisitRow,
}
KIND_UPSERT = "upsert"
KIND_TOMBSTONE = "tombstone"


class StaleCursor(Exception):
    """The cursor is from another epoch or scope, or ahead of the log: re-pull from 0."""


def emit_case_changes(
    session: Session,
    before: dict[str, set[str]],
    *,
    skip_scopes: frozenset[str] = frozenset(),
    bump_version: bool = True,
    after: dict[str, set[str]] | None = None,
) -> int:
    """:func:`emit_changes` for cases (and their planned visits) with their scopes ``before``
    the write. ``bump_version=False`` when no case field changed (only attempts were added):
    clients accept an upsert of equal version, so the new attempts still arrive. ``after``:
    the scopes after the write when the caller knows them (attempts only: unchanged)."""
    return emit_changes(
        session,
        [(ENTITY_CASE, cid) for cid in before],
        before={(ENTITY_CASE, cid): s for cid, s in before.items()},
        after=None if after is None else {(ENTITY_CASE, cid): s for cid, s in after.items()},
        skip_scopes=skip_scopes,
        bump_version=bump_version,
    )


def emit_changes(
    session: Session,
    keys: Iterable[EntityKey],
    *,
    before: dict[EntityKey, set[str]] | None = None,
    after: dict[EntityKey, set[str]] | None = None,
    skip_scopes: frozenset[str] = frozenset(),
    bump_version: bool = True,
) -> int:
    """Write feed rows for ``keys`` (plus the planned visits of any case or shift among them).

    ``before``/``after``: scopes the caller already knows (saves queries); the rest come from
    the log (what each scope holds) and the scope rule (where it belongs now). An entity
    deleted by the write gets tombstones everywhere it was held: pass its key (for a deleted
    shift, also its visits' keys: they are gone from the table). ``skip_scopes``: upserts not
    needed there (the pusher's own scope: it already has what it pushed). Returns the number
    of rows written.
    """
    primary = set(keys)
    cases = [eid for kind, eid in primary if kind == ENTITY_CASE]
    shifts = [eid for kind, eid in primary if kind == ENTITY_SHIFT]
    dependents = visit_keys_of(session, case_ids=cases, shift_ids=shifts) - primary
    everything = primary | dependents
    known_before = dict(before or {})
    missing = [k for k in everything if k not in known_before]
    if missing:
        known_before.update(held_scopes(session, missing))
    known_after = dict(after or {})
    if after is not None:
        # The caller vouches that nothing moved (attempts only): neither did the visits.
        known_after.update({k: known_before[k] for k in dependents if k not in known_after})
    lacking = [k for k in everything if k not in known_after]
    if lacking:
        known_after.update(scopes_of(session, lacking))
    rows: list[tuple[str, str, str, str, str | None]] = []
    for key in sorted(everything, key=lambda k: (ENTITY_ORDER.get(k[0], 9), k[1])):
        kind, eid = key
        gone = known_before[key] - known_after[key]
        for scope in sorted(gone):
            rows.append((scope, kind, eid, KIND_TOMBSTONE, _tombstone_reason(session, key, scope)))
        for scope in sorted(known_after[key] - skip_scopes):
            rows.append((scope, kind, eid, KIND_UPSERT, None))
    if not rows:
        return 0
    seqs = allocate_seqs(session, len(rows))
    now = utcnow()
    groups: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for scope, kind, eid in sorted({(s, k, e) for s, k, e, _, _ in rows}):
        groups[(scope, kind)].append(eid)
    for (scope, kind), ids in groups.items():
        for chunk in chunks(ids, 200):
            session.execute(
                delete(_CHANGE_LOG).where(
                    _CHANGE_LOG.c.scope == scope,
                    _CHANGE_LOG.c.entity_type == kind,
                    _CHANGE_LOG.c.entity_id.in_(chunk),
                )
            )
    session.execute(
        insert(_CHANGE_LOG),
        [
            {
                "seq": seq,
                "scope": s,
                "entity_type": k,
                "entity_id": e,
                "kind": op,
                "reason": r,
                "created_at": now,
            }
            for seq, (s, k, e, op, r) in zip(seqs, rows, strict=True)
        ],
    )
    if bump_version:
        _bump_versions(session, primary, zip(seqs, rows, strict=True))
    return len(rows)


def _bump_versions(
    session: Session, primary: set[EntityKey], emitted: Iterable[tuple[int, tuple[Any, ...]]]
) -> None:
    last: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for seq, (_, kind, eid, _, _) in emitted:
        if (kind, eid) in primary:
            last[kind][eid] = seq
    for kind, by_id in last.items():
        model = _VERSIONED.get(kind)
        if model is None:
            continue
        existing = set(session.scalars(select(model.id).where(model.id.in_(list(by_id)))).all())
        if existing:
            session.execute(
                update(model),
                [{"id": eid, "version": seq} for eid, seq in by_id.items() if eid in existing],
            )


def _tombstone_reason(session: Session, key: EntityKey, scope: str) -> str:
    kind, eid = key
    if kind == ENTITY_CASE:
        closed = scope.startswith("w:") and _is_closed_for(session, eid, scope)
        return "closed" if closed else "unassigned"
    model = _VERSIONED.get(kind)
    row = session.get(model, eid) if model is not None else None
    if row is None:
        return "deleted"
    return "reassigned" if bool(getattr(row, "published", False)) else "unpublished"


def _is_closed_for(session: Session, case_id: str, scope: str) -> bool:
    row = session.execute(
        select(CaseRow.assigned_worker_id, CaseRow.status).where(CaseRow.id == case_id)
    ).first()
    return row is not None and worker_scope(row[0] or "") == scope and row[1] != "open"


def held_before(session: Session, scope: str, case_id: str) -> bool:
    """True if ``scope`` was sent this case before (its latest feed row is a tombstone now)."""
    return (
        session.scalar(
            select(ChangeLogRow.seq).where(
                ChangeLogRow.scope == scope,
                ChangeLogRow.entity_type == ENTITY_CASE,
                ChangeLogRow.entity_id == case_id,
            )
        )
        is not None
    )


# --- cursor ------------------------------------------------------------------------------------


def scope_tag(scope: str) -> str:
    return hashlib.sha256(scope.encode()).hexdigest()[:10]


def make_cursor(epoch: str, scope: str, seq: int) -> str:
    return f"{epoch}.{scope_tag(scope)}.{seq}"


def parse_cursor(session: Session, cursor: str, *, epoch: str, scope: str) -> int:
    if cursor in ("", "0"):
        return 0
    parts = cursor.split(".")
    if len(parts) != 3 or parts[0] != epoch or parts[1] != scope_tag(scope):
        raise StaleCursor
    try:
        seq = int(parts[2])
    except ValueError:
        raise StaleCursor from None
    if seq < 0 or seq > current_seq(session):
        raise StaleCursor
    return seq


# --- pages -------------------------------------------------------------------------------------


def read_page(
    session: Session, scope: str, since: int, limit: int
) -> tuple[list[Change], int, bool]:
    """One page of ``scope``'s feed after ``since``: (changes, last seq, has_more)."""
    rows = session.execute(
        select(
            ChangeLogRow.seq,
            ChangeLogRow.entity_type,
            ChangeLogRow.entity_id,
            ChangeLogRow.kind,
            ChangeLogRow.reason,
        )
        .where(ChangeLogRow.scope == scope, ChangeLogRow.seq > since)
        .order_by(ChangeLogRow.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    wanted: defaultdict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r.kind == KIND_UPSERT:
            wanted[r.entity_type].append(r.entity_id)
    cases = case_payloads(session, wanted[ENTITY_CASE])
    shifts = shift_payloads(session, wanted[ENTITY_SHIFT])
    visits = visit_payloads(session, wanted[ENTITY_VISIT])
    changes: list[Change] = []
    for r in rows:
        kind, eid = r.entity_type, r.entity_id
        if r.kind == KIND_UPSERT and kind == ENTITY_CASE and eid in cases:
            c = cases[eid]
            changes.append(_upsert(r.seq, kind, eid, c.version, case=c))
        elif r.kind == KIND_UPSERT and kind == ENTITY_SHIFT and eid in shifts:
            sh = shifts[eid]
            changes.append(_upsert(r.seq, kind, eid, sh.version, shift=sh))
        elif r.kind == KIND_UPSERT and kind == ENTITY_VISIT and eid in visits:
            v = visits[eid]
            changes.append(_upsert(r.seq, kind, eid, v.version, planned_visit=v))
        else:
            default = "purged" if kind == ENTITY_CASE else "deleted"
            changes.append(
                Change(
                    seq=r.seq,
                    entity_type=kind,
                    entity_id=eid,
                    op="tombstone",
                    reason=r.reason or default,
                )
            )
    last = rows[-1].seq if rows else since
    return changes, last, has_more


def _upsert(seq: int, kind: str, eid: str, version: int, **payload: Any) -> Change:
    return Change(seq=seq, entity_type=kind, entity_id=eid, op="upsert", version=version, **payload)
