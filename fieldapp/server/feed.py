"""The per-scope change feed: emitting changes and serving pages of it.

Every write that changes what a scope should hold calls :func:`emit_case_changes` inside the
same transaction, with the scopes each case was in *before* the write. A case belongs to:

- ``w:<worker>`` while it is open and assigned to that worker;
- ``t:<team>`` while it exists (the team that imported it, ``case_teams``).

Scopes a case left get a tombstone (reason ``unassigned`` or ``closed``); scopes it is in get
an upsert. Rows are compacted per (scope, case), and ``cases.version`` is set to the seq of the
last emission, so a client can tell an old payload from a new one.

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
from sqlalchemy import Select, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from fieldapp.server.auth import team_scope, worker_scope
from fieldapp.server.db.schema import CaseTeamRow, ChangeLogRow
from fieldapp.server.db.sequence import allocate_seqs, current_seq
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow, SignalRow, Worker, utcnow
from fieldapp.sync.protocol import (
    AddressPayload,
    AttemptPayload,
    CasePayload,
    Change,
    PersonPayload,
    SignalPayload,
    WorkerPayload,
)

T = TypeVar("T")
P = TypeVar("P", bound=BaseModel)
# Core table for the bulk writes below (no ORM bookkeeping per row).
_CHANGE_LOG: Table = ChangeLogRow.__table__  # type: ignore[assignment]
KIND_UPSERT = "upsert"
KIND_TOMBSTONE = "tombstone"


class StaleCursor(Exception):
    """The cursor is from another epoch or scope, or ahead of the log: re-pull from 0."""


def case_scopes(session: Session, case_ids: Iterable[str]) -> dict[str, set[str]]:
    """The scopes each case is in right now (missing cases map to an empty set)."""
    ids = sorted(set(case_ids))
    result: dict[str, set[str]] = {cid: set() for cid in ids}
    for chunk in _chunks(ids, 500):
        for cid, worker, status in session.execute(
            select(CaseRow.id, CaseRow.assigned_worker_id, CaseRow.status).where(
                CaseRow.id.in_(chunk)
            )
        ):
            if worker and status == "open":
                result[cid].add(worker_scope(worker))
        for cid, team in session.execute(
            select(CaseTeamRow.case_id, CaseTeamRow.team).where(CaseTeamRow.case_id.in_(chunk))
        ):
            result[cid].add(team_scope(team))
    return result


def emit_case_changes(
    session: Session,
    before: dict[str, set[str]],
    *,
    skip_scopes: frozenset[str] = frozenset(),
    bump_version: bool = True,
    after: dict[str, set[str]] | None = None,
) -> int:
    """Write feed rows for the cases in ``before`` (their scopes before the write).

    ``skip_scopes``: upserts not needed there (the pusher's own scope after a push: the device
    already has what it pushed). ``bump_version=False`` when no case field changed (only
    attempts were added): clients accept an upsert of equal version, so the new attempts still
    arrive, and a hot push path saves one UPDATE per case. ``after``: the scopes after the write
    when the caller knows them (a push of attempts only: unchanged); read from the database when
    omitted. Returns the number of rows written.
    """
    if after is None:
        after = case_scopes(session, before)
    rows: list[tuple[str, str, str, str | None]] = []
    for cid in sorted(before):
        closed = False
        for scope in sorted(before[cid] - after[cid]):
            if scope.startswith("w:"):
                closed = closed or _is_closed_for(session, cid, scope)
            rows.append((scope, cid, KIND_TOMBSTONE, "closed" if closed else "unassigned"))
        for scope in sorted(after[cid] - skip_scopes):
            rows.append((scope, cid, KIND_UPSERT, None))
    if not rows:
        return 0
    seqs = allocate_seqs(session, len(rows))
    now = utcnow()
    for chunk in _chunks(sorted({(s, c) for s, c, _, _ in rows}), 200):
        for scope in {s for s, _ in chunk}:
            ids = [c for s, c in chunk if s == scope]
            session.execute(
                delete(_CHANGE_LOG).where(
                    _CHANGE_LOG.c.scope == scope, _CHANGE_LOG.c.case_id.in_(ids)
                )
            )
    session.execute(
        insert(_CHANGE_LOG),
        [
            {"seq": seq, "scope": s, "case_id": c, "kind": k, "reason": r, "created_at": now}
            for seq, (s, c, k, r) in zip(seqs, rows, strict=True)
        ],
    )
    if not bump_version:
        return len(rows)
    last_seq: dict[str, int] = {}
    for seq, (_, cid, _, _) in zip(seqs, rows, strict=True):
        last_seq[cid] = seq
    existing = set(session.scalars(select(CaseRow.id).where(CaseRow.id.in_(list(last_seq)))).all())
    if existing:
        session.execute(
            update(CaseRow),
            [{"id": cid, "version": seq} for cid, seq in last_seq.items() if cid in existing],
        )
    return len(rows)


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
                ChangeLogRow.scope == scope, ChangeLogRow.case_id == case_id
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
        select(ChangeLogRow.seq, ChangeLogRow.case_id, ChangeLogRow.kind, ChangeLogRow.reason)
        .where(ChangeLogRow.scope == scope, ChangeLogRow.seq > since)
        .order_by(ChangeLogRow.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    upsert_ids = [r.case_id for r in rows if r.kind == KIND_UPSERT]
    payloads = case_payloads(session, upsert_ids)
    changes: list[Change] = []
    for r in rows:
        payload = payloads.get(r.case_id) if r.kind == KIND_UPSERT else None
        if payload is None:
            changes.append(
                Change(
                    seq=r.seq, kind="case_tombstone", case_id=r.case_id, reason=r.reason or "purged"
                )
            )
        else:
            changes.append(Change(seq=r.seq, kind="case_upsert", case_id=r.case_id, case=payload))
    last = rows[-1].seq if rows else since
    return changes, last, has_more


_PERSON_FIELDS = tuple(PersonPayload.model_fields)
_SIGNAL_FIELDS = tuple(SignalPayload.model_fields)
_ATTEMPT_FIELDS = tuple(AttemptPayload.model_fields)


def case_payloads(session: Session, case_ids: list[str]) -> dict[str, CasePayload]:
    """Full payloads (people, signals, attempts) for the given cases, in bulk queries.

    Reads plain column rows (Core), not ORM entities: identity-map bookkeeping for thousands
    of rows that are only serialised costs more than the queries. Payloads are still validated.
    """
    out: dict[str, CasePayload] = {}
    cases_t, people_t = _table(CaseRow), _table(PersonRow)
    signals_t, attempts_t = _table(SignalRow), _table(AttemptRow)
    person_cols = [people_t.c.case_id, *(people_t.c[f] for f in _PERSON_FIELDS)]
    signal_cols = [signals_t.c.case_id, *(signals_t.c[f] for f in _SIGNAL_FIELDS)]
    attempt_cols = [attempts_t.c.case_id, *(attempts_t.c[f] for f in _ATTEMPT_FIELDS)]
    for chunk in _chunks(sorted(set(case_ids)), 500):
        people: dict[str, list[PersonPayload]] = defaultdict(list)
        people = _by_case(
            session,
            select(*person_cols).where(people_t.c.case_id.in_(chunk)),
            PersonPayload,
            _PERSON_FIELDS,
        )
        signals = _by_case(
            session,
            select(*signal_cols).where(signals_t.c.case_id.in_(chunk)),
            SignalPayload,
            _SIGNAL_FIELDS,
        )
        attempts = _by_case(
            session,
            select(*attempt_cols)
            .where(attempts_t.c.case_id.in_(chunk))
            .order_by(attempts_t.c.occurred_at, attempts_t.c.id),
            AttemptPayload,
            _ATTEMPT_FIELDS,
        )
        for c in session.execute(select(cases_t).where(cases_t.c.id.in_(chunk))):
            address = None
            if c.postcode and c.huisnummer is not None:
                address = AddressPayload(
                    postcode=c.postcode,
                    huisnummer=c.huisnummer,
                    toevoeging=c.toevoeging,
                    straat=c.straat,
                    plaats=c.plaats,
                    wijk=c.wijk,
                    lat=c.lat,
                    lon=c.lon,
                )
            out[c.id] = CasePayload(
                id=c.id,
                address=address,
                people=people[c.id],
                signals=signals[c.id],
                attempts=attempts[c.id],
                status=c.status,
                opened_on=c.opened_on,
                deadline=c.deadline,
                priority=c.priority,
                reasons=[str(r) for r in c.reasons or []],
                meervoudig=c.meervoudig,
                opeenvolgend=c.opeenvolgend,
                flags=[str(f) for f in c.flags or []],
                assigned_worker_id=c.assigned_worker_id,
                resultaat=c.resultaat,
                closed_at=c.closed_at,
                datum_opgepakt=c.datum_opgepakt,
                matchingsdatum=c.matchingsdatum,
                version=c.version,
                purge_after=c.purge_after,
            )
    return out


def _by_case(
    session: Session, stmt: Select[Any], model: type[P], fields: tuple[str, ...]
) -> defaultdict[str, list[P]]:
    """Validated payloads per case id from ``stmt`` (selecting case_id, then ``fields``).
    Rows are zipped with the known names: ``Row._mapping`` builds a key view per row."""
    out: defaultdict[str, list[P]] = defaultdict(list)
    for row in session.execute(stmt):
        values = dict(zip(fields, row[1:], strict=True))
        if "flags" in values:
            values["flags"] = [str(f) for f in values["flags"] or []]
        out[row[0] or ""].append(model.model_validate(values))
    return out


def team_workers(session: Session, team: str) -> list[WorkerPayload]:
    return [
        WorkerPayload.model_validate(w, from_attributes=True)
        for w in session.scalars(select(Worker).where(Worker.team == team).order_by(Worker.id))
    ]


def _table(model: type[object]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def _chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
