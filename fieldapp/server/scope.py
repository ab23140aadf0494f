"""Who may hold what: THE scope rule of the change feed and of push (one place, used by both).

An entity is ``(entity_type, entity_id)``. Scopes are ``w:<worker>`` (a worker's laptop) and
``t:<team>`` (the team lead's). The rule:

- a **case** is in ``w:<worker>`` while it is open and assigned to that worker, and in
  ``t:<team>`` while it exists (the team that imported it, ``case_teams``);
- a **shift** is in ``t:<its team>`` while it exists, and in the scope of each of its workers
  (``worker_id``, ``partner_worker_id``) while it is published;
- a **planned visit** is in every scope that holds both its shift and its case; in a worker's
  scope only once the visit itself is published.

A pushed item on a case is writable by the caller exactly when the caller's scope holds the
case (:func:`case_scopes`); :mod:`fieldapp.server.push` asks nothing else.

What a scope holds *now* according to the log (its latest row is an upsert) is
:func:`held_scopes`: the feed diffs it against the rule, so a write that forgets to snapshot
its "before" state still tombstones correctly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.server.auth import team_scope, worker_scope
from fieldapp.server.db.schema import CaseTeamRow, ChangeLogRow
from fieldapp.store.schema import CaseRow, PlannedVisitRow, ShiftRow

ENTITY_CASE: Final = "case"
ENTITY_SHIFT: Final = "shift"
ENTITY_VISIT: Final = "planned_visit"
# Emission order inside one write: parents before children, so a client applying a page in
# seq order always has a visit's case and shift before the visit itself.
ENTITY_ORDER: Final = {ENTITY_CASE: 0, ENTITY_SHIFT: 1, ENTITY_VISIT: 2}

EntityKey = tuple[str, str]
T = TypeVar("T")


def existing_case_scopes(session: Session, case_ids: Iterable[str]) -> dict[str, set[str]]:
    """Scopes of the cases that exist (missing ids are absent from the result)."""
    ids = sorted(set(case_ids))
    result: dict[str, set[str]] = {}
    for chunk in chunks(ids, 500):
        for cid, worker, status in session.execute(
            select(CaseRow.id, CaseRow.assigned_worker_id, CaseRow.status).where(
                CaseRow.id.in_(chunk)
            )
        ):
            scopes = result.setdefault(cid, set())
            if worker and status == "open":
                scopes.add(worker_scope(worker))
        for cid, team in session.execute(
            select(CaseTeamRow.case_id, CaseTeamRow.team).where(CaseTeamRow.case_id.in_(chunk))
        ):
            if cid in result:
                result[cid].add(team_scope(team))
    return result


def case_scopes(session: Session, case_ids: Iterable[str]) -> dict[str, set[str]]:
    """The scopes each case is in right now (missing cases map to an empty set)."""
    ids = set(case_ids)
    found = existing_case_scopes(session, ids)
    return {cid: found.get(cid, set()) for cid in sorted(ids)}


def shift_scopes(session: Session, shift_ids: Iterable[str]) -> dict[str, set[str]]:
    ids = sorted(set(shift_ids))
    result: dict[str, set[str]] = {sid: set() for sid in ids}
    for chunk in chunks(ids, 500):
        for sid, team, worker, partner, published in session.execute(
            select(
                ShiftRow.id,
                ShiftRow.team,
                ShiftRow.worker_id,
                ShiftRow.partner_worker_id,
                ShiftRow.published,
            ).where(ShiftRow.id.in_(chunk))
        ):
            result[sid].add(team_scope(team))
            if published:
                result[sid].update(worker_scope(w) for w in (worker, partner) if w)
    return result


def visit_scopes(session: Session, visit_ids: Iterable[str]) -> dict[str, set[str]]:
    ids = sorted(set(visit_ids))
    result: dict[str, set[str]] = {vid: set() for vid in ids}
    rows: list[tuple[str, str, str, bool]] = []
    for chunk in chunks(ids, 500):
        rows.extend(
            (r[0], r[1], r[2], bool(r[3]))
            for r in session.execute(
                select(
                    PlannedVisitRow.id,
                    PlannedVisitRow.shift_id,
                    PlannedVisitRow.case_id,
                    PlannedVisitRow.published,
                ).where(PlannedVisitRow.id.in_(chunk))
            )
        )
    shifts = shift_scopes(session, {r[1] for r in rows})
    cases = case_scopes(session, {r[2] for r in rows})
    for vid, sid, cid, published in rows:
        both = shifts[sid] & cases[cid]
        result[vid] = both if published else {s for s in both if s.startswith("t:")}
    return result


def scopes_of(session: Session, keys: Iterable[EntityKey]) -> dict[EntityKey, set[str]]:
    """The scopes each entity belongs in right now (unknown types and missing rows: none)."""
    by_type: defaultdict[str, set[str]] = defaultdict(set)
    wanted = set(keys)
    for kind, eid in wanted:
        by_type[kind].add(eid)
    out: dict[EntityKey, set[str]] = {k: set() for k in wanted}
    for cid, scopes in case_scopes(session, by_type[ENTITY_CASE]).items():
        out[(ENTITY_CASE, cid)] = scopes
    for sid, scopes in shift_scopes(session, by_type[ENTITY_SHIFT]).items():
        out[(ENTITY_SHIFT, sid)] = scopes
    for vid, scopes in visit_scopes(session, by_type[ENTITY_VISIT]).items():
        out[(ENTITY_VISIT, vid)] = scopes
    return out


def visit_keys_of(
    session: Session, *, case_ids: Iterable[str] = (), shift_ids: Iterable[str] = ()
) -> set[EntityKey]:
    """The planned visits of these cases and shifts (their dependents in the feed)."""
    out: set[EntityKey] = set()
    for column, ids in (
        (PlannedVisitRow.case_id, sorted(set(case_ids))),
        (PlannedVisitRow.shift_id, sorted(set(shift_ids))),
    ):
        for chunk in chunks(ids, 500):
            out.update(
                (ENTITY_VISIT, vid)
                for vid in session.scalars(select(PlannedVisitRow.id).where(column.in_(chunk)))
            )
    return out


def held_scopes(session: Session, keys: Iterable[EntityKey]) -> dict[EntityKey, set[str]]:
    """The scopes whose latest feed row for the entity is an upsert (they hold it now)."""
    by_type: defaultdict[str, list[str]] = defaultdict(list)
    wanted = set(keys)
    for kind, eid in sorted(wanted):
        by_type[kind].append(eid)
    out: dict[EntityKey, set[str]] = {k: set() for k in wanted}
    for kind, ids in by_type.items():
        for chunk in chunks(ids, 500):
            for eid, scope, op in session.execute(
                select(ChangeLogRow.entity_id, ChangeLogRow.scope, ChangeLogRow.kind).where(
                    ChangeLogRow.entity_type == kind, ChangeLogRow.entity_id.in_(chunk)
                )
            ):
                if op == "upsert":
                    out[(kind, eid)].add(scope)
    return out


def chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
