"""Planning use cases on a store: put visits into a worker's shift in a sensible order.

``plan_shift`` orders a chosen set of cases (:func:`fieldapp.planning.route.order_stops`) in a
shift at the usual hours of its dagdeel (``DAYPART_CLOCK``); the week planner is
:func:`fieldapp.planning.solver.solve`, run on the server as a job (``fieldapp.server.plan_jobs``)
or by ``fieldapp plan week``. Reading the plan (shifts with visits for a date range, today's
route) and a worker's own reorder live in ``fieldapp.services.plan_views`` (re-exported here).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldapp.domain.dayparts import DAYPART_CLOCK
from fieldapp.domain.ddas import Dagdeel
from fieldapp.planning.instance import minute_of
from fieldapp.planning.route import Stop, order_stops
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
    d: (minute_of(c.visit_from), minute_of(c.visit_until)) for d, c in DAYPART_CLOCK.items()
}
"""Minutes of the day a shift of each dagdeel works (from the one table in domain.dayparts)."""


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
    ordered = [s.key for s in order_stops(start or (0.0, 0.0), located)] + unlocated
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
