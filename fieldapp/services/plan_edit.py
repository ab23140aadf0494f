"""The team lead's planning writes on a store session (the server's, or the demo's local one).

Each function changes rows in the caller's transaction and returns a :class:`PlanWrite`:
which shifts, visits and cases changed (including deleted ones), so the caller can put them in
the change feed (``fieldapp.server.feed.emit_changes``) and the audit trail. Nothing here knows
about scopes or HTTP. Refusals raise :class:`PlanRefused` with a Dutch message.

Rules:
- a shift's workers are of the lead's team; a visit's case is of the team and open, assigned to
  one of the shift's workers; placing an *unassigned* case in a shift assigns it to the
  shift's first worker (the lead chose who goes);
- publishing a date range publishes its shifts and their visits, and locks those visits
  (re-planning keeps them); unpublishing takes them off the workers' laptops again;
- :func:`write_plan` replaces the unlocked, unpublished visits of the planned shifts by the
  planner's visits; locked ones stay (with the planner's new times).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldapp.planning.instance import PlanResult, minute_of
from fieldapp.services.errors import PlanRefused
from fieldapp.services.plan_views import dagdeel_of_minute
from fieldapp.store.schema import CaseRow, PlannedVisitRow, ShiftRow, Worker
from fieldapp.sync.protocol_plan import ShiftRequest

MSG_NO_SHIFT = "Deze dienst bestaat niet."
MSG_NO_VISIT = "Dit bezoek bestaat niet."
MSG_NO_WORKER = "Deze medewerker hoort niet bij uw team."
MSG_NO_CASE = "Deze zaak bestaat niet of is gesloten."
MSG_OTHER_WORKER = "Deze zaak is toegewezen aan een andere medewerker dan die van deze dienst."
MSG_DUPLICATE = "Deze zaak staat al in deze dienst."
MSG_PAIR = "Kies twee verschillende medewerkers voor een dienst met z'n tweeën."


@dataclass
class PlanWrite:
    shift_ids: set[str] = field(default_factory=set)
    visit_ids: set[str] = field(default_factory=set)
    case_ids: set[str] = field(default_factory=set)  # cases (re)assigned by the write

    def __or__(self, other: PlanWrite) -> PlanWrite:
        return PlanWrite(
            self.shift_ids | other.shift_ids,
            self.visit_ids | other.visit_ids,
            self.case_ids | other.case_ids,
        )


def _worker_of_team(session: Session, worker_id: str, team: str) -> None:
    worker = session.get(Worker, worker_id)
    if worker is None or worker.team != team:
        raise PlanRefused(MSG_NO_WORKER)


def team_shift(session: Session, shift_id: str, team: str) -> ShiftRow:
    shift = session.get(ShiftRow, shift_id)
    if shift is None or shift.team != team:
        raise PlanRefused(MSG_NO_SHIFT)
    return shift


def save_shift(
    session: Session,
    *,
    team: str,
    request: ShiftRequest,
    shift_id: str | None = None,
    new_id: str | None = None,
) -> tuple[str, PlanWrite]:
    """Create (``shift_id`` None; id ``new_id`` or a fresh UUID) or replace a shift of
    ``team``. Changing its workers keeps its visits only if their cases belong to the new
    workers (others are removed)."""
    _worker_of_team(session, request.worker_id, team)
    if request.partner_worker_id is not None:
        if request.partner_worker_id == request.worker_id:
            raise PlanRefused(MSG_PAIR)
        _worker_of_team(session, request.partner_worker_id, team)
    write = PlanWrite()
    if shift_id is None:
        shift = ShiftRow(id=new_id or str(uuid.uuid4()), team=team, version=0)
        session.add(shift)
    else:
        shift = team_shift(session, shift_id, team)
    shift.worker_id = request.worker_id
    shift.partner_worker_id = request.partner_worker_id
    shift.day = request.day
    shift.start_minute = request.start_minute
    shift.end_minute = request.end_minute
    shift.dagdeel = dagdeel_of_minute(request.start_minute).value
    shift.start_lat, shift.start_lon = request.start_lat, request.start_lon
    shift.end_lat, shift.end_lon = request.end_lat, request.end_lon
    shift.mode = request.mode
    shift.skills = sorted(set(request.skills))
    shift.max_visits = request.max_visits
    if shift.published is None:
        shift.published = False
    session.flush()
    write.shift_ids.add(shift.id)
    if shift_id is not None:
        workers = {request.worker_id, request.partner_worker_id} - {None}
        for visit in session.scalars(
            select(PlannedVisitRow).where(PlannedVisitRow.shift_id == shift.id)
        ):
            owner = session.scalar(
                select(CaseRow.assigned_worker_id).where(CaseRow.id == visit.case_id)
            )
            if owner not in workers:
                write.visit_ids.add(visit.id)
                session.delete(visit)
        session.flush()
        _renumber(session, shift.id, write)
    return shift.id, write


def delete_shift(session: Session, *, team: str, shift_id: str) -> PlanWrite:
    shift = team_shift(session, shift_id, team)
    visits = set(
        session.scalars(select(PlannedVisitRow.id).where(PlannedVisitRow.shift_id == shift_id))
    )
    session.execute(delete(PlannedVisitRow).where(PlannedVisitRow.shift_id == shift_id))
    session.delete(shift)
    session.flush()
    return PlanWrite(shift_ids={shift_id}, visit_ids=visits)


def add_visit(
    session: Session, *, team: str, shift_id: str, case_id: str, seq: int, case_in_team: bool
) -> tuple[str, PlanWrite]:
    """Put a case in a shift at position ``seq`` (1 = first; past the end = last)."""
    shift = team_shift(session, shift_id, team)
    case = session.get(CaseRow, case_id)
    if case is None or not case_in_team or case.status != "open":
        raise PlanRefused(MSG_NO_CASE)
    write = PlanWrite()
    workers = {shift.worker_id, shift.partner_worker_id} - {None}
    if case.assigned_worker_id is None:
        case.assigned_worker_id = shift.worker_id
        write.case_ids.add(case_id)
    elif case.assigned_worker_id not in workers:
        raise PlanRefused(MSG_OTHER_WORKER)
    if session.scalar(
        select(PlannedVisitRow.id).where(
            PlannedVisitRow.shift_id == shift_id, PlannedVisitRow.case_id == case_id
        )
    ):
        raise PlanRefused(MSG_DUPLICATE)
    visit = PlannedVisitRow(
        id=str(uuid.uuid4()),
        shift_id=shift_id,
        case_id=case_id,
        seq=10_000,
        locked=False,
        published=False,
        why="Handmatig ingepland door de teamleider.",
        version=0,
    )
    session.add(visit)
    session.flush()
    _place(session, visit, seq, write)
    return visit.id, write


def team_visit(session: Session, visit_id: str, team: str) -> PlannedVisitRow:
    visit = session.get(PlannedVisitRow, visit_id)
    if visit is None:
        raise PlanRefused(MSG_NO_VISIT)
    shift = session.get(ShiftRow, visit.shift_id)
    if shift is None or shift.team != team:
        raise PlanRefused(MSG_NO_VISIT)
    return visit


def move_visit(session: Session, *, team: str, visit_id: str, shift_id: str, seq: int) -> PlanWrite:
    """Move a visit to position ``seq`` of a shift (the same or another one of the team; its
    case must belong to that shift's workers). A moved published visit stays published only
    if the target shift is published."""
    visit = team_visit(session, visit_id, team)
    target = team_shift(session, shift_id, team)
    write = PlanWrite(visit_ids={visit.id})
    if target.id != visit.shift_id:
        owner = session.scalar(
            select(CaseRow.assigned_worker_id).where(CaseRow.id == visit.case_id)
        )
        if owner not in {target.worker_id, target.partner_worker_id}:
            raise PlanRefused(MSG_OTHER_WORKER)
        if session.scalar(
            select(PlannedVisitRow.id).where(
                PlannedVisitRow.shift_id == target.id, PlannedVisitRow.case_id == visit.case_id
            )
        ):
            raise PlanRefused(MSG_DUPLICATE)
        old_shift = visit.shift_id
        visit.shift_id = target.id
        visit.published = bool(visit.published and target.published)
        visit.eta_minute = visit.start_minute = visit.end_minute = None
        session.flush()
        _renumber(session, old_shift, write)
    _place(session, visit, seq, write)
    return write


def lock_visit(session: Session, *, team: str, visit_id: str, locked: bool) -> PlanWrite:
    visit = team_visit(session, visit_id, team)
    visit.locked = locked
    session.flush()
    return PlanWrite(visit_ids={visit.id})


def delete_visit(session: Session, *, team: str, visit_id: str) -> PlanWrite:
    visit = team_visit(session, visit_id, team)
    shift_id = visit.shift_id
    session.delete(visit)
    session.flush()
    write = PlanWrite(visit_ids={visit_id})
    _renumber(session, shift_id, write)
    return write


def set_published(
    session: Session, *, team: str, van: date, tot: date, published: bool, now: datetime
) -> PlanWrite:
    """(Un)publish the team's shifts from ``van`` to ``tot`` and all their visits; publishing
    also locks the visits."""
    write = PlanWrite()
    shifts = session.scalars(
        select(ShiftRow).where(ShiftRow.team == team, ShiftRow.day >= van, ShiftRow.day <= tot)
    ).all()
    for shift in shifts:
        shift.published = published
        shift.published_at = now if published else None
        write.shift_ids.add(shift.id)
        for visit in session.scalars(
            select(PlannedVisitRow).where(PlannedVisitRow.shift_id == shift.id)
        ):
            visit.published = published
            if published:
                visit.locked = True
            write.visit_ids.add(visit.id)
    session.flush()
    return write


def write_plan(session: Session, result: PlanResult, shift_ids: set[str]) -> PlanWrite:
    """Store a plan for those of ``shift_ids`` that ``result`` covers: drop their unlocked,
    unpublished visits, keep the locked ones (new times and order from the plan), add the new
    visits (unpublished). Shifts of other results (other route owners) are left alone."""
    shift_ids = set(shift_ids) & {p.id for p in result.shifts}
    write = PlanWrite(shift_ids=set(shift_ids))
    kept: dict[tuple[str, str], PlannedVisitRow] = {}
    for visit in session.scalars(
        select(PlannedVisitRow).where(PlannedVisitRow.shift_id.in_(sorted(shift_ids)))
    ):
        if visit.locked or visit.published:
            kept[(visit.shift_id, visit.case_id)] = visit
        else:
            write.visit_ids.add(visit.id)
            session.delete(visit)
    session.flush()
    for plan in result.shifts:
        if plan.id not in shift_ids:
            continue
        for seq, v in enumerate(plan.visits, start=1):
            row = kept.pop((plan.id, v.case), None)
            if row is None:
                row = PlannedVisitRow(
                    id=str(uuid.uuid4()),
                    shift_id=plan.id,
                    case_id=v.case,
                    locked=False,
                    published=False,
                    version=0,
                )
                session.add(row)
            row.seq = seq
            row.eta_minute = minute_of(v.arrive)
            row.start_minute = minute_of(v.start)
            row.end_minute = minute_of(v.end)
            row.why = v.why
            session.flush()
            write.visit_ids.add(row.id)
    # Locked visits the plan did not mention stay where they were, after the planned ones.
    for shift_id in sorted({sid for sid, _ in kept}):
        _renumber(session, shift_id, write)
    return write


def _ordered(session: Session, shift_id: str) -> list[PlannedVisitRow]:
    return list(
        session.scalars(
            select(PlannedVisitRow)
            .where(PlannedVisitRow.shift_id == shift_id)
            .order_by(PlannedVisitRow.seq, PlannedVisitRow.id)
        )
    )


def _renumber(session: Session, shift_id: str, write: PlanWrite) -> None:
    for seq, visit in enumerate(_ordered(session, shift_id), start=1):
        if visit.seq != seq:
            visit.seq = seq
            write.visit_ids.add(visit.id)
    session.flush()


def _place(session: Session, visit: PlannedVisitRow, seq: int, write: PlanWrite) -> None:
    others = [v for v in _ordered(session, visit.shift_id) if v.id != visit.id]
    others.insert(max(0, min(seq - 1, len(others))), visit)
    for n, v in enumerate(others, start=1):
        if v.seq != n or v.id == visit.id:
            v.seq = n
            write.visit_ids.add(v.id)
    session.flush()
