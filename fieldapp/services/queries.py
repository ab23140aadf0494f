"""Read use cases: lists for Vandaag and the case list, the full case, workers, small state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.domain.cases import Case
from fieldapp.domain.dayparts import DAYPART_ORDER
from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.listing import AttemptMark, CaseListRow, WorkerInfo
from fieldapp.domain.priority import Policy
from fieldapp.services.errors import CaseNotFound
from fieldapp.store.repos import cases as case_repo
from fieldapp.store.repos import kv as kv_repo
from fieldapp.store.repos.convert import worker_of
from fieldapp.store.schema import PlannedVisitRow, ShiftRow, Worker

__all__ = [
    "AttemptMark",
    "CaseListRow",
    "WorkerInfo",
    "get_case",
    "get_kv",
    "list_case_rows",
    "list_workers",
    "set_kv",
    "shift_slots",
    "today_rows",
]

DEFAULT_POLICY = Policy()


def list_case_rows(
    session: Session,
    *,
    worker_id: str | None = None,
    include_closed: bool = False,
    today: date | None = None,
    policy: Policy = DEFAULT_POLICY,
    limit: int | None = None,
) -> list[CaseListRow]:
    """Cases as flat rows, highest priority first, then nearest deadline.

    ``limit`` gives a quick first page (top by stored priority) for a fast first paint; load
    the full list after it.
    """
    rows = case_repo.list_rows(
        session,
        policy=policy,
        today=today or date.today(),
        worker_id=worker_id,
        include_closed=include_closed,
        limit=limit,
    )
    rows.sort(key=lambda r: (-r.priority, r.deadline, r.address_line))
    return rows


def today_rows(
    session: Session,
    *,
    today: date,
    worker_id: str | None,
    policy: Policy = DEFAULT_POLICY,
    limit: int | None = None,
) -> tuple[bool, list[CaseListRow]]:
    """(planned, rows): today's planned visits in route order, else open cases by priority.

    Only the planned cases are loaded when there is a route (they are few); without one,
    ``limit`` cuts the list to a quick first page.
    """
    planned = case_repo.list_rows(
        session, policy=policy, today=today, worker_id=worker_id, planned_on=today
    )
    if planned:
        planned.sort(
            key=lambda r: (
                DAYPART_ORDER[r.planned_dagdeel] if r.planned_dagdeel else 3,
                r.planned_seq or 0,
            )
        )
        return True, planned
    return False, list_case_rows(
        session, worker_id=worker_id, today=today, policy=policy, limit=limit
    )


@dataclass(frozen=True, slots=True)
class ShiftSlot:
    """One shift of a day with visits: its dagdeel and local times (minutes after midnight)."""

    id: str
    dagdeel: Dagdeel
    start_minute: int
    end_minute: int
    visits: int


def shift_slots(session: Session, *, day: date, worker_id: str | None) -> list[ShiftSlot]:
    """The shifts of ``day`` that have planned visits (this worker's, or all if None),
    earliest first."""
    query = (
        select(
            ShiftRow.id,
            ShiftRow.dagdeel,
            ShiftRow.start_minute,
            ShiftRow.end_minute,
            func.count(PlannedVisitRow.id),
        )
        .join(PlannedVisitRow, PlannedVisitRow.shift_id == ShiftRow.id)
        .where(ShiftRow.day == day)
        .group_by(ShiftRow.id, ShiftRow.dagdeel, ShiftRow.start_minute, ShiftRow.end_minute)
        .order_by(ShiftRow.start_minute, ShiftRow.id)
    )
    if worker_id is not None:
        query = query.where(ShiftRow.worker_id == worker_id)
    return [
        ShiftSlot(shift_id, Dagdeel(part), int(start), int(end), int(count))
        for shift_id, part, start, end, count in session.execute(query)
    ]


def get_case(
    session: Session, case_id: str, *, today: date | None = None, policy: Policy = DEFAULT_POLICY
) -> Case:
    case = case_repo.load_case(session, case_id, policy, today or date.today())
    if case is None:
        raise CaseNotFound("Deze zaak bestaat niet (meer) op dit apparaat.")
    return case


def list_workers(session: Session) -> list[WorkerInfo]:
    return [worker_of(w) for w in session.scalars(select(Worker).order_by(Worker.display_name))]


get_kv = kv_repo.get_kv
set_kv = kv_repo.set_kv
