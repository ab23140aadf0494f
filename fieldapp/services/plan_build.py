"""Build planner instances from a store's data (server database or the demo's local store).

One :class:`~fieldapp.planning.instance.Instance` per *route owner* (a shift's ``worker_id``):
the owner's shifts in the range and the open cases assigned to the owner. The planner's
instance has no notion of "this case belongs to that worker", and the lead's assignment is a
choice the planner must not overrule, so workers are planned separately (a pair shift belongs
to its first worker; its partner's cases are planned in the partner's own shifts).

Per case: coordinates and postcode, priority, deadline, the household's attempts (local date,
dagdeel, soort, bereikt), opt-out and unsafe from the case's flags as the exclusion list set
them (``fieldapp.privacy.optout.visit_rule``: skip or "geen huisbezoek" -> ``opt_out``; "alleen
met z'n tweeën" -> ``unsafe``) and ``announced`` (an *aankondiging huisbezoek* letter was
logged: the date and dagdeel of the case's first published visit after it).
Locked visits (published ones, or locked by the lead) are passed as
:class:`~fieldapp.planning.instance.LockedVisit` so re-planning fills the rest around them.
Cases with a locked or published visit outside the range (on or after ``today``) are left out:
they are planned already.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.planning.instance import (
    Announced,
    Attempt,
    Instance,
    LockedVisit,
    Mode,
    PlanCase,
    Policy,
    Shift,
    time_of,
)
from fieldapp.privacy.optout import VisitRule, visit_rule
from fieldapp.services.plan_views import dagdeel_of_minute
from fieldapp.store.schema import (
    AttemptRow,
    CaseRow,
    PlannedVisitRow,
    ShiftRow,
)

ANNOUNCE_NOTE = "Brief: aankondiging huisbezoek"
# A shift without a start point starts at the centroid of its cases (else this: the middle of
# the Netherlands, only so the instance is valid; travel from it is then meaningless).
_FALLBACK_START = (52.09, 5.12)


@dataclass(frozen=True, slots=True)
class PlanInput:
    """One owner's instance plus what the caller needs to write the plan back."""

    owner: str
    instance: Instance
    locked: tuple[LockedVisit, ...]


def build_instances(
    session: Session,
    *,
    shift_ids: Iterable[str],
    today: date,
    policy: Policy | None = None,
    case_filter: set[str] | None = None,
) -> list[PlanInput]:
    """Instances for the given shifts, one per route owner (sorted by owner id).
    ``case_filter``: only these cases (e.g. the team's) may be planned."""
    shifts = session.scalars(
        select(ShiftRow)
        .where(ShiftRow.id.in_(sorted(set(shift_ids))))
        .order_by(ShiftRow.day, ShiftRow.start_minute, ShiftRow.id)
    ).all()
    if not shifts:
        return []
    by_owner: defaultdict[str, list[ShiftRow]] = defaultdict(list)
    for s in shifts:
        by_owner[s.worker_id].append(s)
    range_ids = {s.id for s in shifts}
    elsewhere = _planned_elsewhere(session, range_ids, today)
    out: list[PlanInput] = []
    for owner in sorted(by_owner):
        cases = session.scalars(
            select(CaseRow)
            .where(CaseRow.assigned_worker_id == owner, CaseRow.status == "open")
            .order_by(CaseRow.id)
        ).all()
        rows = [
            c
            for c in cases
            if c.id not in elsewhere and (case_filter is None or c.id in case_filter)
        ]
        plan_cases = _plan_cases(session, rows, today)
        owner_shifts = by_owner[owner]
        out.append(
            PlanInput(
                owner=owner,
                instance=Instance(
                    today=today,
                    policy=policy or Policy(),
                    shifts=tuple(_shift(s, plan_cases) for s in owner_shifts),
                    cases=tuple(plan_cases),
                    history=_history(session, today),
                ),
                locked=_locked(session, [s.id for s in owner_shifts], {c.id for c in rows}),
            )
        )
    return out


def _planned_elsewhere(session: Session, range_ids: set[str], today: date) -> set[str]:
    return set(
        session.scalars(
            select(PlannedVisitRow.case_id)
            .join(ShiftRow, ShiftRow.id == PlannedVisitRow.shift_id)
            .where(
                ShiftRow.day >= today,
                ShiftRow.id.not_in(sorted(range_ids)),
                or_(PlannedVisitRow.locked.is_(True), PlannedVisitRow.published.is_(True)),
            )
        )
    )


def _shift(row: ShiftRow, cases: list[PlanCase]) -> Shift:
    skills = [str(x) for x in row.skills or []]
    worker = row.worker_id
    if row.partner_worker_id:
        worker = f"{row.worker_id}+{row.partner_worker_id}"
        if "pair" not in skills:
            skills.append("pair")
    if row.start_lat is not None and row.start_lon is not None:
        start = (row.start_lat, row.start_lon)
    else:
        located = [(c.lat, c.lon) for c in cases if c.lat is not None and c.lon is not None]
        start = (
            (sum(p[0] for p in located) / len(located), sum(p[1] for p in located) / len(located))
            if located
            else _FALLBACK_START
        )
    end = (
        (row.end_lat, row.end_lon) if row.end_lat is not None and row.end_lon is not None else None
    )
    return Shift(
        id=row.id,
        worker=worker,
        date=row.day,
        start=time_of(row.start_minute),
        end=time_of(min(row.end_minute, 24 * 60 - 1)),
        start_at=start,
        end_at=end,
        mode=Mode(row.mode) if row.mode in {m.value for m in Mode} else Mode.BIKE,
        skills=tuple(skills),
        max_visits=row.max_visits,
    )


def _local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def _attempt(row: AttemptRow) -> Attempt | None:
    try:
        soort = Contactsoort(row.soort)
        dagdeel = Dagdeel(row.dagdeel)
    except ValueError:
        return None
    return Attempt(
        date=_local(row.occurred_at).date(), dagdeel=dagdeel, soort=soort, bereikt=row.bereikt
    )


def _plan_cases(session: Session, rows: list[CaseRow], today: date) -> list[PlanCase]:
    ids = [c.id for c in rows]
    attempts: defaultdict[str, list[AttemptRow]] = defaultdict(list)
    voided: set[str] = set()
    for i in range(0, len(ids), 500):
        for a in session.scalars(
            select(AttemptRow)
            .where(AttemptRow.case_id.in_(ids[i : i + 500]))
            .order_by(AttemptRow.occurred_at, AttemptRow.id)
        ):
            attempts[a.case_id].append(a)
            if a.voids:
                voided.add(a.voids)
    announced = _announced(session, attempts, today)
    rules = {c.id: visit_rule([str(f) for f in c.flags or []]) for c in rows}
    out: list[PlanCase] = []
    for c in rows:
        own = [
            x
            for a in attempts[c.id]
            if a.id not in voided and not a.voids
            for x in [_attempt(a)]
            if x is not None
        ]
        out.append(
            PlanCase(
                id=c.id,
                lat=c.lat,
                lon=c.lon,
                postcode=c.postcode,
                priority=max(0, int(c.priority)),
                deadline=c.deadline,
                attempts=tuple(own),
                opt_out=rules.get(c.id) in (VisitRule.SKIP, VisitRule.NO_VISIT),
                unsafe=rules.get(c.id) is VisitRule.PAIRS,
                announced=announced.get(c.id),
            )
        )
    return out


def _announced(
    session: Session, attempts: dict[str, list[AttemptRow]], today: date
) -> dict[str, Announced]:
    letters = {
        cid: max(_local(a.occurred_at).date() for a in rows if a.note.startswith(ANNOUNCE_NOTE))
        for cid, rows in attempts.items()
        if any(
            a.soort == Contactsoort.BRIEF.value and a.note.startswith(ANNOUNCE_NOTE) for a in rows
        )
    }
    if not letters:
        return {}
    out: dict[str, Announced] = {}
    for cid, day, start in session.execute(
        select(PlannedVisitRow.case_id, ShiftRow.day, PlannedVisitRow.start_minute)
        .join(ShiftRow, ShiftRow.id == PlannedVisitRow.shift_id)
        .where(PlannedVisitRow.case_id.in_(sorted(letters)), PlannedVisitRow.published.is_(True))
        .order_by(ShiftRow.day, PlannedVisitRow.start_minute)
    ):
        if cid in out or day < letters[cid] or day < today:
            continue
        out[cid] = Announced(date=day, dagdeel=dagdeel_of_minute(start or 0))
    return out


def _history(session: Session, today: date) -> tuple[Attempt, ...]:
    """Home visits on closed cases (what the team learned before); open cases carry their own."""
    rows = session.scalars(
        select(AttemptRow)
        .join(CaseRow, CaseRow.id == AttemptRow.case_id)
        .where(CaseRow.status != "open", AttemptRow.voids.is_(None))
        .order_by(AttemptRow.occurred_at.desc())
        .limit(5000)
    ).all()
    return tuple(x for a in rows for x in [_attempt(a)] if x is not None)


def _locked(session: Session, shift_ids: list[str], cases: set[str]) -> tuple[LockedVisit, ...]:
    rows = session.execute(
        select(
            PlannedVisitRow.case_id,
            PlannedVisitRow.shift_id,
            PlannedVisitRow.seq,
            PlannedVisitRow.start_minute,
        )
        .where(
            PlannedVisitRow.shift_id.in_(shift_ids),
            or_(PlannedVisitRow.locked.is_(True), PlannedVisitRow.published.is_(True)),
        )
        .order_by(PlannedVisitRow.shift_id, PlannedVisitRow.seq)
    ).all()
    return tuple(
        # No fixed start: the planner times locked visits around the rest (inside the rules).
        LockedVisit(case=cid, shift=sid, seq=seq)
        for cid, sid, seq, _start in rows
        if cid in cases
    )
