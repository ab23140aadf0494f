"""Use cases of the team lead's desk: triage rows and workload (reads), approach (server write).

Reads run on the lead's laptop over the team's synced cases; writes run on the server inside
the request's transaction (the laptop sends commands, ``fieldapp.sync.desk_client``).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Eindresultaat, Signaalstatus
from fieldapp.domain.desk import (
    NOT_PICKED_UP,
    Approach,
    TriageRow,
    WorkerLoad,
    age_group,
    approach_of,
    row_flags,
    with_approach,
)
from fieldapp.domain.priority import Policy
from fieldapp.services.cases import close_case
from fieldapp.services.changes import Changes
from fieldapp.services.errors import CaseNotFound
from fieldapp.services.queries import list_case_rows
from fieldapp.store.schema import CaseRow, PersonRow, PlannedVisitRow, ShiftRow, SignalRow, Worker

_REPEAT = Signaalstatus.NIET_OPGEPAKT_HERHAALDE_MELDING.value


def triage_rows(session: Session, *, today: date, policy: Policy | None = None) -> list[TriageRow]:
    """Every open case this laptop holds (the team's), highest priority first."""
    rows = list_case_rows(session, today=today, policy=policy or Policy())
    youngest: dict[str, date] = {}
    for case_id, born in session.execute(
        select(PersonRow.case_id, func.max(PersonRow.geboortedatum))
        .where(PersonRow.geboortedatum.is_not(None))
        .group_by(PersonRow.case_id)
    ):
        if born is not None:
            youngest[case_id] = born
    repeats = set(
        session.scalars(select(SignalRow.case_id).where(SignalRow.status == _REPEAT).distinct())
    )
    # Flags come with the list row (``warnings``); only the opening date is read here (no
    # second JSON decode of 10,000 flag lists).
    opened: dict[str, date] = dict(
        session.execute(
            select(CaseRow.id, CaseRow.opened_on).where(CaseRow.status == CaseStatus.OPEN.value)
        ).all()
    )
    out: list[TriageRow] = []
    for row in rows:
        out.append(
            TriageRow(
                case=row,
                opened_on=opened.get(row.id, today),
                age_group=age_group(youngest.get(row.id), today),
                approach=approach_of(row.warnings),
                flags=row_flags(row, repeat=row.id in repeats),
            )
        )
    return out


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of ``day``'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def worker_loads(session: Session, *, today: date) -> list[WorkerLoad]:
    """Each worker of the team (not leads) with open cases, visits planned this week, and
    open cases past their first-contact deadline."""
    open_cases: dict[str, int] = defaultdict(int)
    overdue: dict[str, int] = defaultdict(int)
    for worker_id, deadline in session.execute(
        select(CaseRow.assigned_worker_id, CaseRow.deadline).where(
            CaseRow.status == CaseStatus.OPEN.value, CaseRow.assigned_worker_id.is_not(None)
        )
    ):
        if worker_id is None:
            continue
        open_cases[worker_id] += 1
        if deadline < today:
            overdue[worker_id] += 1
    monday, sunday = week_of(today)
    visits: dict[str, int] = dict(
        session.execute(
            select(ShiftRow.worker_id, func.count(PlannedVisitRow.id))
            .join(PlannedVisitRow, PlannedVisitRow.shift_id == ShiftRow.id)
            .where(ShiftRow.day >= monday, ShiftRow.day <= sunday)
            .group_by(ShiftRow.worker_id)
        ).all()
    )
    return [
        WorkerLoad(
            worker_id=w.id,
            name=w.display_name,
            open_cases=open_cases.get(w.id, 0),
            visits_this_week=int(visits.get(w.id, 0)),
            overdue=overdue.get(w.id, 0),
        )
        for w in session.scalars(
            select(Worker).where(Worker.role == "worker").order_by(Worker.display_name)
        )
    ]


def set_approach(
    session: Session, *, case_ids: Iterable[str], approach: Approach | None
) -> Changes:
    """Record the lead's chosen approach on each case (replaces an earlier one)."""
    ids = sorted(set(case_ids))
    rows = session.scalars(select(CaseRow).where(CaseRow.id.in_(ids))).all()
    if len(rows) != len(ids):
        raise CaseNotFound("Deze zaak bestaat niet (meer) op dit apparaat.")
    for row in rows:
        row.flags = with_approach(row.flags or [], approach)
    session.flush()
    return Changes(cases=True, case_ids=frozenset(ids))


def mark_not_picked_up(
    session: Session,
    *,
    case_ids: Iterable[str],
    resultaat: Eindresultaat,
    reason: str,
    at: datetime,
    device_id: str | None,
) -> tuple[list[str], Changes]:
    """Close open cases as not taken up; every signal still waiting ("nog niet opgepakt" or
    "opgepakt") gets the matching DDAS status. The reason stays with the close event (internal:
    partner feedback reports only the status). Cases already closed are left as they are."""
    if resultaat not in NOT_PICKED_UP:
        raise ValueError("not a 'niet opgepakt' result")
    status = Signaalstatus(resultaat.value)
    ids = sorted(set(case_ids))
    open_ids = list(
        session.scalars(
            select(CaseRow.id).where(CaseRow.id.in_(ids), CaseRow.status == CaseStatus.OPEN.value)
        )
    )
    changes = Changes()
    for case_id in open_ids:
        changes |= close_case(
            session,
            event_id=str(uuid.uuid4()),
            case_id=case_id,
            resultaat=resultaat,
            reason=reason,
            at=at,
            device_id=device_id,
        )
    if open_ids:
        session.execute(
            update(SignalRow)
            .where(
                SignalRow.case_id.in_(open_ids),
                SignalRow.status.in_(
                    [Signaalstatus.NOG_NIET_OPGEPAKT.value, Signaalstatus.OPGEPAKT.value]
                ),
            )
            .values(status=status.value)
        )
    return sorted(open_ids), changes
