"""Read use cases: lists for Vandaag and the case list, the full case, workers, small state."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.cases import Case
from fieldapp.domain.listing import AttemptMark, CaseListRow, WorkerInfo
from fieldapp.domain.priority import Policy
from fieldapp.services.errors import CaseNotFound
from fieldapp.store.repos import cases as case_repo
from fieldapp.store.repos.convert import worker_of
from fieldapp.store.schema import KeyValueRow, PlannedVisitRow, ShiftRow, Worker

__all__ = [
    "AttemptMark",
    "CaseListRow",
    "WorkerInfo",
    "get_case",
    "get_kv",
    "list_case_rows",
    "list_workers",
    "set_kv",
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

    With ``limit``, planned visits still come complete (they are few); the unplanned list is
    cut to the first ``limit`` rows.
    """
    if limit is not None:
        planned_only = _planned_rows(session, today=today, worker_id=worker_id, policy=policy)
        if planned_only:
            return True, planned_only
        return False, list_case_rows(
            session, worker_id=worker_id, today=today, policy=policy, limit=limit
        )
    rows = list_case_rows(session, worker_id=worker_id, today=today, policy=policy)
    planned = [r for r in rows if r.planned_seq is not None]
    if planned:
        order = {"Ochtend": 0, "Middag": 1, "Avond": 2}
        planned.sort(
            key=lambda r: (
                order[r.planned_dagdeel.value] if r.planned_dagdeel else 3,
                r.planned_seq,
            )
        )
        return True, planned
    return False, rows


def _planned_rows(
    session: Session, *, today: date, worker_id: str | None, policy: Policy
) -> list[CaseListRow]:
    """Today's route if the worker has one (a cheap existence check first)."""
    query = select(PlannedVisitRow.id).join(ShiftRow).where(ShiftRow.day == today).limit(1)
    if worker_id is not None:
        query = query.where(ShiftRow.worker_id == worker_id)
    if session.scalar(query) is None:
        return []
    planned, rows = today_rows(session, today=today, worker_id=worker_id, policy=policy)
    return rows if planned else []


def get_case(
    session: Session, case_id: str, *, today: date | None = None, policy: Policy = DEFAULT_POLICY
) -> Case:
    case = case_repo.load_case(session, case_id, policy, today or date.today())
    if case is None:
        raise CaseNotFound("Deze zaak bestaat niet (meer) op dit apparaat.")
    return case


def list_workers(session: Session) -> list[WorkerInfo]:
    return [worker_of(w) for w in session.scalars(select(Worker).order_by(Worker.display_name))]


def get_kv(session: Session, key: str) -> str | None:
    row = session.get(KeyValueRow, key)
    return None if row is None else row.value


def set_kv(session: Session, key: str, value: str) -> None:
    row = session.get(KeyValueRow, key)
    if row is None:
        session.add(KeyValueRow(key=key, value=value))
    else:
        row.value = value
