"""The week board on the lead's laptop: read the week, check a drag, make a week template.

Reads the lead's own store (shifts and visits arrive through the team feed). A drag is checked
with the planner's ``check_edit`` on an instance built from the same store, so the answer
(green, or red with the planner's Dutch reason) comes in milliseconds without the network.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.board import (
    BoardCase,
    BoardShift,
    BoardVisit,
    Unplanned,
    WeekBoard,
    order_after_move,
)
from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Dagdeel
from fieldapp.planning.calendar import closed_reason
from fieldapp.planning.instance import Instance, Policy, hhmm
from fieldapp.planning.solver import check_edit
from fieldapp.services.plan_build import _plan_cases, build_instances
from fieldapp.services.plan_views import shifts_between
from fieldapp.store.schema import CaseRow, Worker

MSG_OTHER_WORKER = "Deze zaak is toegewezen aan een andere medewerker dan die van deze dienst."
MSG_CLOSED_DAY = "Op deze dag worden geen bezoeken gepland ({reason})."
MSG_NOT_PLANNED = "Nog niet ingepland."
MSG_NO_ADDRESS = "Adres onbekend"
MSG_CHECK_LOADING = "Even geduld: de controle wordt geladen."


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def load_week(
    session: Session,
    *,
    monday: date,
    reasons: dict[str, tuple[str, str]] | None = None,
    policy: Policy | None = None,
) -> WeekBoard:
    """The board for the week starting ``monday``. ``reasons``: the last planner run's
    (code, text) per unplanned case, shown in the tray; other open assigned cases without a
    visit this week say "Nog niet ingepland"."""
    plan_policy = policy or Policy()
    days = tuple(monday + timedelta(days=n) for n in range(7))
    closed = {d: r for d in days if (r := closed_reason(d, plan_policy)) is not None}
    workers = tuple(
        (w.id, w.display_name)
        for w in session.scalars(
            select(Worker).where(Worker.role == "worker").order_by(Worker.display_name)
        )
    )
    planned = shifts_between(session, days[0], days[-1])
    shifts = tuple(
        BoardShift(
            id=s.id,
            worker_id=s.worker_id,
            partner_worker_id=s.partner_worker_id,
            day=s.day,
            dagdeel=s.dagdeel,
            start_minute=s.start_minute,
            end_minute=s.end_minute,
            mode=s.mode,
            published=s.published,
            start_at=s.start_at,
            visits=tuple(
                BoardVisit(
                    v.visit_id,
                    v.case_id,
                    v.seq,
                    v.arrive_minute,
                    v.end_minute,
                    v.locked,
                    v.published,
                    v.why,
                )
                for v in s.visits
            ),
        )
        for s in planned
    )
    cases: dict[str, BoardCase] = {}
    for (
        cid,
        straat,
        nummer,
        toevoeging,
        postcode,
        lat,
        lon,
        prio,
        deadline,
        worker,
    ) in session.execute(
        select(
            CaseRow.id,
            CaseRow.straat,
            CaseRow.huisnummer,
            CaseRow.toevoeging,
            CaseRow.postcode,
            CaseRow.lat,
            CaseRow.lon,
            CaseRow.priority,
            CaseRow.deadline,
            CaseRow.assigned_worker_id,
        ).where(CaseRow.status == CaseStatus.OPEN.value)
    ):
        label = f"{straat} {nummer or ''}{toevoeging}".strip() or postcode or MSG_NO_ADDRESS
        cases[cid] = BoardCase(cid, label, lat, lon, prio, deadline, worker)
    in_week = {v.case_id for s in shifts for v in s.visits}
    known = reasons or {}
    unplanned = tuple(
        Unplanned(c.id, *known.get(c.id, ("", MSG_NOT_PLANNED)))
        for c in sorted(cases.values(), key=lambda c: (-c.priority, c.deadline, c.id))
        if c.worker_id is not None and c.id not in in_week
    )
    return WeekBoard(monday, days, closed, workers, shifts, cases, unplanned)


# --- checking a drag ------------------------------------------------------------------------


def edit_instance(
    session: Session, *, shift_ids: Iterable[str], today: date, policy: Policy | None = None
) -> Instance | None:
    """One instance with every given shift and every open case of this store (the server
    plans per worker; a drag check only needs the target shift's rules and the cases in it)."""
    inputs = build_instances(session, shift_ids=shift_ids, today=today, policy=policy)
    if not inputs:
        return None
    shifts = tuple(s for i in inputs for s in i.instance.shifts)
    have = {c.id for i in inputs for c in i.instance.cases}
    cases = list(c for i in inputs for c in i.instance.cases)
    rest = session.scalars(
        select(CaseRow).where(CaseRow.status == CaseStatus.OPEN.value).order_by(CaseRow.id)
    ).all()
    cases += _plan_cases(session, [r for r in rest if r.id not in have], today)
    return replace(inputs[0].instance, shifts=shifts, cases=tuple(cases))


@dataclass(frozen=True, slots=True)
class MoveCheck:
    ok: bool
    reason: str  # Dutch; "" when ok
    arrivals: dict[str, str]  # case id -> "HH:MM" along the new route (when timed)


def check_move(
    instance: Instance | None,
    board: WeekBoard,
    *,
    case_id: str,
    to_shift: str,
    index: int,
) -> MoveCheck:
    """May ``case_id`` go to ``to_shift`` at ``index``? The server's rule first (a case stays
    with its worker), then the planner's feasibility check of the shift's new order."""
    shift = board.shift(to_shift)
    case = board.cases.get(case_id)
    if instance is None:
        return MoveCheck(False, MSG_CHECK_LOADING, {})
    if shift is None or case is None:
        return MoveCheck(False, "Deze dienst of zaak staat niet (meer) op deze laptop.", {})
    if shift.day in board.closed:
        return MoveCheck(False, MSG_CLOSED_DAY.format(reason=board.closed[shift.day]), {})
    if case.worker_id is not None and case.worker_id not in (
        shift.worker_id,
        shift.partner_worker_id,
    ):
        return MoveCheck(False, MSG_OTHER_WORKER, {})
    order = order_after_move(shift.visits, case_id, index)
    result = check_edit(instance, to_shift, order)
    arrivals = {v.case: hhmm(v.arrive) for v in result.visits}
    if result.ok:
        return MoveCheck(True, "", arrivals)
    mine = [p for p in result.problems if p.case == case_id] or list(result.problems)
    return MoveCheck(False, mine[0].text if mine else "Niet haalbaar.", arrivals)


def shift_times(instance: Instance | None, shift: BoardShift) -> dict[str, str]:
    """Arrival times of a shift's visits in their current order (for visits the server has
    not timed, e.g. right after a manual move)."""
    if instance is None or not shift.visits:
        return {}
    result = check_edit(instance, shift.id, [v.case_id for v in shift.visits])
    return {v.case: hhmm(v.arrive) for v in result.visits}


# --- week template --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateShift:
    """One shift of the normal week (local clock minutes), before it is sent to the server."""

    worker_id: str
    day: date
    start_minute: int
    end_minute: int
    mode: str
    start_at: tuple[float, float] | None

    @property
    def dagdeel(self) -> Dagdeel:
        if self.start_minute < 12 * 60:
            return Dagdeel.OCHTEND
        return Dagdeel.MIDDAG if self.start_minute < 18 * 60 else Dagdeel.AVOND


# A normal week: mornings and afternoons on working days, two evenings (after dinner), and a
# Saturday morning, so working people are reached too (DOMAIN.md: spread over dayparts).
NORMAL_WEEK: tuple[tuple[int, int, int], ...] = tuple(
    [(d, 9 * 60, 12 * 60) for d in range(5)]
    + [(d, 13 * 60, 17 * 60) for d in range(5)]
    + [(1, 18 * 60 + 30, 20 * 60 + 30), (3, 18 * 60 + 30, 20 * 60 + 30)]
    + [(5, 10 * 60, 13 * 60)]
)


def week_template(
    board: WeekBoard,
    *,
    modes: dict[str, str] | None = None,
    starts: dict[str, tuple[float, float]] | None = None,
    pattern: Sequence[tuple[int, int, int]] = NORMAL_WEEK,
) -> list[TemplateShift]:
    """Shifts of the normal week for every worker, skipping closed days (Sundays, holidays)
    and slots where the worker already has a shift. Start point per worker: ``starts``, else
    the centre of their open cases; travel mode per worker (default bike)."""
    out: list[TemplateShift] = []
    for worker_id, _name in board.workers:
        start = (starts or {}).get(worker_id) or _centre(
            c for c in board.cases.values() if c.worker_id == worker_id
        )
        for weekday, begin, end in pattern:
            day = board.days[weekday]
            if day in board.closed:
                continue
            candidate = TemplateShift(
                worker_id, day, begin, end, (modes or {}).get(worker_id, "bike"), start
            )
            if board.cell(worker_id, day, candidate.dagdeel):
                continue
            out.append(candidate)
    return out


def centre_of_worker(board: WeekBoard, worker_id: str) -> tuple[float, float] | None:
    """The centre of a worker's open cases (the template's default start point)."""
    return _centre(c for c in board.cases.values() if c.worker_id == worker_id)


def _centre(cases: Iterable[BoardCase]) -> tuple[float, float] | None:
    points = [(c.lat, c.lon) for c in cases if c.lat is not None and c.lon is not None]
    if not points:
        return None
    return (
        round(sum(p[0] for p in points) / len(points), 6),
        round(sum(p[1] for p in points) / len(points), 6),
    )
