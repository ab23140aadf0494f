"""``plan week``: plan a range of shifts on a store's data and report it (no writes).

Reads the shifts from ``van`` to ``tot`` (optionally of one team) and their owners' cases into
planner instances (:mod:`fieldapp.services.plan_build`), solves each outside any transaction
and returns per shift the ordered visits with times, plus every unplanned case with its reason.
The caller opens the sessions (server database or a local store) and prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.planning.instance import PlanResult, Shift, Unplanned, Visit, hhmm
from fieldapp.services.plan_build import PlanInput, build_instances
from fieldapp.store.schema import ShiftRow


@dataclass(frozen=True, slots=True)
class WeekShift:
    shift: Shift
    travel_minutes: float
    visits: tuple[Visit, ...]


@dataclass(frozen=True, slots=True)
class WeekPlan:
    van: date
    tot: date
    solver: str
    seconds: float
    shifts: tuple[WeekShift, ...]
    unplanned: tuple[Unplanned, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "van": self.van.isoformat(),
            "tot": self.tot.isoformat(),
            "solver": self.solver,
            "seconds": round(self.seconds, 2),
            "shifts": [
                {
                    "id": w.shift.id,
                    "worker": w.shift.worker,
                    "date": w.shift.date.isoformat(),
                    "start": hhmm(w.shift.start),
                    "end": hhmm(w.shift.end),
                    "mode": w.shift.mode.value,
                    "travel_minutes": round(w.travel_minutes, 1),
                    "visits": [
                        {
                            "case": v.case,
                            "arrive": hhmm(v.arrive),
                            "start": hhmm(v.start),
                            "end": hhmm(v.end),
                            "why": v.why,
                        }
                        for v in w.visits
                    ],
                }
                for w in self.shifts
            ],
            "unplanned": [
                {"case": u.case, "reason": u.reason.value, "text": u.text} for u in self.unplanned
            ],
        }


def week_inputs(
    session: Session,
    *,
    van: date,
    tot: date,
    today: date,
    team: str | None = None,
    case_filter: set[str] | None = None,
) -> list[PlanInput]:
    query = select(ShiftRow.id).where(ShiftRow.day >= van, ShiftRow.day <= tot)
    if team is not None:
        query = query.where(ShiftRow.team == team)
    shift_ids = set(session.scalars(query))
    return build_instances(session, shift_ids=shift_ids, today=today, case_filter=case_filter)


def solve_week(
    inputs: list[PlanInput],
    *,
    van: date,
    tot: date,
    budget_s: float,
    solver: Callable[..., PlanResult] | None = None,
) -> WeekPlan:
    if solver is None:
        from fieldapp.planning.solver import solve

        solver = solve
    run: Callable[..., PlanResult] = solver
    began = time.monotonic()
    shifts: list[WeekShift] = []
    unplanned: list[Unplanned] = []
    engines: set[str] = set()
    for item in inputs:
        result = run(item.instance, budget_s=budget_s, locked=item.locked)
        engines.add(result.solver)
        by_id = {s.id: s for s in item.instance.shifts}
        shifts.extend(WeekShift(by_id[p.id], p.travel_minutes, p.visits) for p in result.shifts)
        unplanned.extend(result.unplanned)
    shifts.sort(key=lambda w: (w.shift.date, w.shift.start, w.shift.id))
    return WeekPlan(
        van=van,
        tot=tot,
        solver=",".join(sorted(engines)),
        seconds=time.monotonic() - began,
        shifts=tuple(shifts),
        unplanned=tuple(sorted(unplanned, key=lambda u: (u.reason.value, u.case))),
    )
