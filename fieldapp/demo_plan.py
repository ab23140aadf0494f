"""The demo town's week of shifts, planned by the real planner and published on the demo server.

Each field worker gets two shifts on every working day and a Saturday morning over the next
seven days (Sundays never have visits). The dagdelen rotate per worker and weekday, so the week
covers mornings, afternoons and evenings for everyone; the demo laptop's worker has an afternoon
and an evening shift on Mondays (the day the demo's tests use). Shift ids are derived from
(worker, day, dagdeel), so opening the demo on a new day adds only the new days' shifts; the
published visits of earlier days are locked and stay, the rest is planned around them, and the
whole week is published again (the laptop then pulls it).

This runs directly on the demo server's database (the demo owns both sides), with the same
services and feed code the team lead's endpoints use.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.ddas import Dagdeel
from fieldapp.planning.instance import PlanResult
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.server.plan_emit import emit_plan_write
from fieldapp.services import plan_edit
from fieldapp.services.plan_build import build_instances
from fieldapp.store.schema import CaseRow, ShiftRow, Worker
from fieldapp.sync.protocol_plan import ShiftRequest

_NS = uuid.UUID("0b6f3f0e-58c1-4a43-9d3c-6a1de5c0a714")
WEEK_DAYS = 7
DEMO_BUDGET_S = 1.0
_ORDER = (Dagdeel.OCHTEND, Dagdeel.MIDDAG, Dagdeel.AVOND)
# Clock times (minutes after midnight) of a demo shift per dagdeel; evenings start after the
# quiet dinner window, Saturday mornings a little later.
_HOURS: dict[Dagdeel, tuple[int, int]] = {
    Dagdeel.OCHTEND: (9 * 60, 12 * 60),
    Dagdeel.MIDDAG: (13 * 60 + 30, 17 * 60),
    Dagdeel.AVOND: (18 * 60 + 30, 21 * 60),
}
_SATURDAY = (10 * 60, 13 * 60)


@dataclass(frozen=True, slots=True)
class DemoWeek:
    shifts: int
    visits: int
    unplanned: int


def shift_template(weekday: int, worker_index: int) -> tuple[Dagdeel, ...]:
    """The dagdelen a demo worker works on a weekday (0 = Monday; Sunday none)."""
    if weekday == 6:
        return ()
    if weekday == 5:
        return (Dagdeel.OCHTEND,)
    first = (weekday + worker_index + 1) % 3
    return tuple(sorted({_ORDER[first], _ORDER[(first + 1) % 3]}, key=_ORDER.index))


def shift_id_for(worker_id: str, day: date, dagdeel: Dagdeel) -> str:
    return str(uuid.uuid5(_NS, f"{worker_id}|{day.isoformat()}|{dagdeel.value}"))


def plan_demo_week(db: ServerDatabase, today: date, *, budget_s: float = DEMO_BUDGET_S) -> DemoWeek:
    """Make sure the week's shifts exist, plan them and publish them (see module doc)."""
    from fieldapp.planning.solver import solve

    last = today + timedelta(days=WEEK_DAYS - 1)
    with db.session() as s, s.begin():
        team, field = _team(s)
        write = plan_edit.PlanWrite()
        for k, worker in enumerate(field):
            for offset in range(WEEK_DAYS):
                day = today + timedelta(days=offset)
                for dagdeel in shift_template(day.weekday(), k):
                    sid = shift_id_for(worker, day, dagdeel)
                    if s.get(ShiftRow, sid) is None:
                        write = write | _new_shift(s, team, worker, day, dagdeel, sid)
        emit_plan_write(s, write)
    with db.session() as s, s.begin():
        shift_ids = set(
            s.scalars(
                select(ShiftRow.id).where(
                    ShiftRow.team == team, ShiftRow.day >= today, ShiftRow.day <= last
                )
            )
        )
        team_cases = set(
            s.scalars(
                select(CaseTeamRow.case_id)
                .join(CaseRow, CaseRow.id == CaseTeamRow.case_id)
                .where(CaseTeamRow.team == team, CaseRow.status == "open")
            )
        )
        inputs = build_instances(s, shift_ids=shift_ids, today=today, case_filter=team_cases)
    results: list[PlanResult] = [
        solve(i.instance, budget_s=budget_s, locked=i.locked) for i in inputs
    ]
    with db.session() as s, s.begin():
        write = plan_edit.PlanWrite()
        for result in results:
            write = write | plan_edit.write_plan(s, result, shift_ids)
        write = write | plan_edit.set_published(
            s, team=team, van=today, tot=last, published=True, now=datetime.now(UTC)
        )
        emit_plan_write(s, write)
    return DemoWeek(
        shifts=len(shift_ids),
        visits=sum(len(p.visits) for r in results for p in r.shifts),
        unplanned=sum(len(r.unplanned) for r in results),
    )


def _team(session: Session) -> tuple[str, list[str]]:
    workers = session.scalars(select(Worker).order_by(Worker.id)).all()
    lead = next((w for w in workers if w.role == "teamlead"), None)
    team = lead.team if lead is not None else (workers[0].team if workers else "")
    field = sorted(w.id for w in workers if w.role == "worker" and w.team == team)
    return team, field


def _new_shift(
    session: Session, team: str, worker: str, day: date, dagdeel: Dagdeel, sid: str
) -> plan_edit.PlanWrite:
    start, end = _SATURDAY if day.weekday() == 5 else _HOURS[dagdeel]
    request = ShiftRequest(worker_id=worker, day=day, start_minute=start, end_minute=end)
    _, write = plan_edit.save_shift(session, team=team, request=request, new_id=sid)
    return write
