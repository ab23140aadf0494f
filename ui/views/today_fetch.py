"""What Vandaag reads on the DB thread: the route (with its shifts) or all of the worker's cases.

"Alle zaken" (and any search) covers every case of this worker in the local store, closed ones
included, so a resident who calls back is found also offline and also when a route is planned.
The sync rules live here too: after too long without a sync nothing is listed, husks never.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from fieldapp.domain.listing import CaseListRow
from fieldapp.domain.priority import Policy
from fieldapp.services import queries
from fieldapp.services import sync as sync_service
from fieldapp.services.queries import ShiftSlot


@dataclass(frozen=True, slots=True)
class TodayResult:
    all_cases: bool
    planned: bool
    rows: list[CaseListRow]
    hidden: bool
    slots: list[ShiftSlot] = field(default_factory=list)


def make_fetch(
    *,
    all_cases: bool,
    today: date,
    worker_id: str | None,
    policy: Policy,
    now: datetime,
    limit: int | None,
) -> Callable[[Session], TodayResult]:
    def fetch(session: Session) -> TodayResult:
        if sync_service.details_hidden(session, now):
            return TodayResult(all_cases, False, [], True)
        slots: list[ShiftSlot] = []
        if all_cases:
            planned = False
            rows = queries.list_case_rows(
                session,
                worker_id=worker_id,
                include_closed=True,
                today=today,
                policy=policy,
                limit=limit,
            )
        else:
            planned, rows = queries.today_rows(
                session, today=today, worker_id=worker_id, policy=policy, limit=limit
            )
            if planned:
                slots = queries.shift_slots(session, day=today, worker_id=worker_id)
        husks = sync_service.husk_ids(session)
        if husks:
            rows = [r for r in rows if r.id not in husks]
        return TodayResult(all_cases, planned, rows, False, slots)

    return fetch
