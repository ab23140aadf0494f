"""Planning use cases on a store: put visits into a worker's shift in a sensible order.

``plan_shift`` is the simple local filler (nearest neighbour) used by tests and the printing
paths; the week planner runs on the server (``fieldapp.services.plan_server``). Reading the
plan (shifts with visits for a date range, today's route) and a worker's own reorder live in
``fieldapp.services.plan_views`` and are re-exported here.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldapp.domain.ddas import Dagdeel
from fieldapp.planning.route import Stop, nearest_neighbour_order
from fieldapp.services.changes import Changes
from fieldapp.services.plan_views import (
    PlannedShift,
    PlannedStop,
    come_back_later,
    dagdeel_of_minute,
    reorder_shift,
    shifts_between,
)
from fieldapp.store.schema import CaseRow, PlannedVisitRow, ShiftRow, Worker

__all__ = [
    "DAYPART_HOURS",
    "PlannedShift",
    "PlannedStop",
    "come_back_later",
    "dagdeel_of_minute",
    "plan_shift",
    "reorder_shift",
    "shifts_between",
]

DAYPART_HOURS: dict[Dagdeel, tuple[int, int]] = {
    Dagdeel.OCHTEND: (9 * 60, 12 * 60),
    Dagdeel.MIDDAG: (13 * 60, 17 * 60),
    Dagdeel.AVOND: (18 * 60 + 30, 20 * 60 + 30),  # after dinner time
}


def plan_shift(
    session: Session,
    *,
    worker_id: str,
    day: date,
    dagdeel: Dagdeel,
    case_ids: Sequence[str],
    start: tuple[float, float] | None = None,
    shift_id: str | None = None,
) -> tuple[str, Changes]:
    """Create (or refill) a shift and order its visits; cases without coordinates go last."""
    shift_id = shift_id or str(uuid.uuid4())
    begin, end = DAYPART_HOURS[dagdeel]
    shift = session.get(ShiftRow, shift_id)
    if shift is None:
        worker = session.get(Worker, worker_id)
        shift = ShiftRow(
            id=shift_id,
            team=worker.team if worker is not None else "",
            worker_id=worker_id,
            day=day,
            dagdeel=dagdeel.value,
            start_minute=begin,
            end_minute=end,
        )
        session.add(shift)
    session.execute(delete(PlannedVisitRow).where(PlannedVisitRow.shift_id == shift_id))
    rows = session.execute(
        select(CaseRow.id, CaseRow.lat, CaseRow.lon).where(CaseRow.id.in_(list(case_ids)))
    ).all()
    located = [Stop(cid, lat, lon) for cid, lat, lon in rows if lat is not None and lon is not None]
    unlocated = sorted(cid for cid, lat, lon in rows if lat is None or lon is None)
    if located and start is None:
        start = (
            sum(s.lat for s in located) / len(located),
            sum(s.lon for s in located) / len(located),
        )
    ordered = [s.key for s in nearest_neighbour_order(start or (0.0, 0.0), located)] + unlocated
    minutes_per_visit = max(10, (end - begin) // max(1, len(ordered)))
    for seq, case_id in enumerate(ordered, start=1):
        session.add(
            PlannedVisitRow(
                id=str(uuid.uuid4()),
                shift_id=shift_id,
                case_id=case_id,
                seq=seq,
                eta_minute=begin + (seq - 1) * minutes_per_visit,
                start_minute=begin + (seq - 1) * minutes_per_visit,
                end_minute=begin + seq * minutes_per_visit,
            )
        )
    session.flush()
    return shift_id, Changes(plans=True, cases=True, case_ids=frozenset(ordered))
