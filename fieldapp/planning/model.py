"""The instance turned into numbers both solvers share: locations, travel, and per case and shift
the windows in which a visit may *start* (every hard rule is in these windows).

Time is in whole minutes since ``today`` 00:00 (local). A window ``(lo, hi, cell)`` allows a
start at any minute ``lo..hi`` inclusive; ``hi`` already leaves room for the visit before the
shift ends, the quiet window and the dagdeel borders are cut out, and each window lies in one
dagdeel, so its ``cell`` (kind of day x dagdeel) is the visit's cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time

from fieldapp.domain.dayparts import DAYPART_CLOCK
from fieldapp.domain.slots import Cell, CellRule, KindOfDay, UnplannedReason, cell_rule
from fieldapp.planning.calendar import closed_reason
from fieldapp.planning.contact_model import ContactModel
from fieldapp.planning.durations import DurationModel, learn_durations
from fieldapp.planning.instance import Instance, LockedVisit, Mode, PlanCase, Shift, minute_of
from fieldapp.planning.travel import Placement, StraightLineTravel, TravelModel, place_cases

OVERDUE_BOOST = 2.0
"""Solver weight factor for a case whose first-contact deadline has passed: it comes first."""
DUE_IN_HORIZON_BOOST = 1.5
"""Solver weight factor for a case whose deadline falls inside the planned period."""
SECOND_CHOICE_FACTOR = 0.5
"""Steering factor on the chance in a penalised or second-choice cell (policy prefer/strict)."""


@dataclass(frozen=True, slots=True)
class Window:
    lo: int
    hi: int
    cell: Cell


@dataclass(slots=True)
class ShiftModel:
    index: int
    shift: Shift
    start_loc: int
    end_loc: int | None
    begin: int
    end: int
    closed: str | None  # why its date gets no visits (None: a visiting day)


@dataclass(slots=True)
class CaseModel:
    """A plannable case. ``windows[s]`` = its start windows in shift ``s`` (absent: not there)."""

    index: int
    case: PlanCase
    loc: int
    approx: bool
    duration: int
    weight: float
    rule: CellRule
    windows: dict[int, list[Window]] = field(default_factory=dict)
    chance: dict[Cell, float] = field(default_factory=dict)

    def steer(self, cell: Cell) -> float:
        """The chance used to choose between slots (lowered in second-choice cells)."""
        factor = (
            SECOND_CHOICE_FACTOR
            if cell in self.rule.penalised or cell in self.rule.second_choice
            else 1.0
        )
        return self.chance[cell] * factor

    def best_steer(self, shift: int | None = None) -> float:
        shifts = [shift] if shift is not None else list(self.windows)
        return max(
            (self.steer(w.cell) for s in shifts for w in self.windows.get(s, ())), default=0.0
        )


@dataclass(frozen=True, slots=True)
class Excluded:
    """A case no shift can take, known before solving."""

    case: PlanCase
    reason: UnplannedReason


@dataclass(slots=True)
class Problem:
    instance: Instance
    points: list[tuple[float, float]]
    travel: dict[Mode, list[list[int]]]
    shifts: list[ShiftModel]
    cases: list[CaseModel]
    excluded: list[Excluded]
    contact: ContactModel
    durations: DurationModel
    placements: dict[str, Placement]
    locked: dict[int, tuple[int, int]]  # case model index -> (shift index, order in shift)

    def leg(self, shift: int, a: int, b: int) -> int:
        return self.travel[self.shifts[shift].shift.mode][a][b]


def learn(instance: Instance) -> tuple[ContactModel, DurationModel]:
    """The team's contact chances and visit durations, from every attempt in the instance."""
    team_attempts = [a for c in instance.cases for a in c.attempts] + list(instance.history)
    return ContactModel(team_attempts), learn_durations(team_attempts)


def day_offset(today: date, day: date) -> int:
    return (day - today).days * 24 * 60


def _pieces(begin: int, end: int, quiet: tuple[int, int] | None) -> list[tuple[int, int]]:
    """[begin, end) minus the quiet window (both minutes of one day)."""
    if quiet is None or quiet[1] <= begin or quiet[0] >= end:
        return [(begin, end)]
    out = []
    if begin < quiet[0]:
        out.append((begin, quiet[0]))
    if quiet[1] < end:
        out.append((quiet[1], end))
    return out


def shift_windows(
    shift: Shift, duration: int, quiet: tuple[int, int] | None
) -> list[tuple[int, int, Cell]]:
    """Start windows (minute of day, inclusive) of a visit of ``duration`` in ``shift``, per
    dagdeel, before any case rule."""
    kind = KindOfDay.of(shift.date)
    begin, end = minute_of(shift.start), minute_of(shift.end)
    latest = end - duration
    out: list[tuple[int, int, Cell]] = []
    for clock in DAYPART_CLOCK.values():
        lo = max(begin, minute_of(clock.begins))
        hi_excl = min(end, 24 * 60 if clock.ends is None else minute_of(clock.ends))
        for a, b in _pieces(lo, hi_excl, quiet):
            hi = min(b - 1, latest)
            if hi >= a:
                out.append((a, hi, (kind, clock.dagdeel)))
    return out


def build_problem(
    instance: Instance,
    *,
    travel: TravelModel | None = None,
    locked: Sequence[LockedVisit] = (),
    placements: dict[str, Placement] | None = None,
    learned: tuple[ContactModel, DurationModel] | None = None,
) -> Problem:
    """``placements`` and ``learned`` (default: from the instance itself) let a sub-instance
    keep the PC4 neighbours and the contact and duration models of the whole instance."""
    policy = instance.policy
    quiet = (
        None
        if policy.quiet_window is None
        else (minute_of(policy.quiet_window[0]), minute_of(policy.quiet_window[1]))
    )
    contact, durations = learned if learned is not None else learn(instance)
    placements = placements if placements is not None else place_cases(instance.cases)

    points: list[tuple[float, float]] = []
    shifts: list[ShiftModel] = []
    for i, s in enumerate(instance.shifts):
        points.append(s.start_at)
        start_loc = len(points) - 1
        end_loc = None
        if s.end_at is not None:
            points.append(s.end_at)
            end_loc = len(points) - 1
        off = day_offset(instance.today, s.date)
        shifts.append(
            ShiftModel(
                i,
                s,
                start_loc,
                end_loc,
                off + minute_of(s.start),
                off + minute_of(s.end),
                closed_reason(s.date, policy),
            )
        )
    horizon_end = max((s.date for s in instance.shifts), default=instance.today)
    has_pair = any(s.shift.is_pair for s in shifts)
    lock_of = {lv.case: lv for lv in locked}
    shift_index = {s.shift.id: s.index for s in shifts}

    cases: list[CaseModel] = []
    excluded: list[Excluded] = []
    locked_map: dict[int, tuple[int, int]] = {}
    for case in instance.cases:
        place = placements[case.id]
        if case.opt_out:
            excluded.append(Excluded(case, UnplannedReason.OPT_OUT))
            continue
        if case.unsafe and not has_pair:
            excluded.append(Excluded(case, UnplannedReason.UNSAFE_NEEDS_PAIR))
            continue
        if place.point is None:
            excluded.append(Excluded(case, UnplannedReason.NO_LOCATION))
            continue
        rule = cell_rule(case.attempts, policy.vary_dayparts)
        chance = {
            (k, d): contact.chance((k, d), case.attempts) for k in KindOfDay for d in DAYPART_CLOCK
        }
        model = CaseModel(
            index=len(cases),
            case=case,
            loc=len(points),
            approx=place.approx,
            duration=0,
            weight=float(case.priority),
            rule=rule,
            chance=chance,
        )
        allowed = [c for c in chance if c not in rule.banned]
        best = max((chance[c] for c in allowed), default=0.37)
        model.duration = case.visit_minutes or durations.expected(best)
        lock = lock_of.get(case.id)
        lock_shift = shift_index.get(lock.shift) if lock is not None else None
        _fill_windows(model, shifts, quiet, instance.today, lock_shift, lock)
        if not model.windows:
            reason = UnplannedReason.NO_ALLOWED_SLOT
            if case.announced is not None:
                reason = UnplannedReason.ANNOUNCED_CONFLICT
            elif case.unsafe:
                solo = CaseModel(model.index, replace(case, unsafe=False), 0, False, 0, 0.0, rule)
                solo.duration = model.duration
                _fill_windows(solo, shifts, quiet, instance.today, None, None)
                if solo.windows:  # a one-worker shift would have fitted
                    reason = UnplannedReason.UNSAFE_NEEDS_PAIR
            excluded.append(Excluded(case, reason))
            continue
        if case.deadline is not None:
            if case.deadline < instance.today:
                model.weight *= OVERDUE_BOOST
            elif case.deadline <= horizon_end:
                model.weight *= DUE_IN_HORIZON_BOOST
        points.append(place.point)
        cases.append(model)
        if lock is not None and lock_shift is not None and lock_shift in model.windows:
            order = minute_of(lock.start) if lock.start is not None else lock.seq
            locked_map[model.index] = (lock_shift, order)
    matrices = {
        mode: (travel or StraightLineTravel()).matrix(points, mode)
        for mode in {s.shift.mode for s in shifts}
    }
    return Problem(
        instance, points, matrices, shifts, cases, excluded, contact, durations, placements,
        locked_map,
    )  # fmt: skip


def _fill_windows(
    model: CaseModel,
    shifts: list[ShiftModel],
    quiet: tuple[int, int] | None,
    today: date,
    lock_shift: int | None,
    lock: LockedVisit | None,
) -> None:
    case = model.case
    for s in shifts:
        if s.closed is not None or (case.unsafe and not s.shift.is_pair):
            continue
        if lock_shift is not None and s.index != lock_shift:
            continue
        if case.announced is not None and s.shift.date != case.announced.date:
            continue
        off = day_offset(today, s.shift.date)
        wins = []
        for lo, hi, cell in shift_windows(s.shift, model.duration, quiet):
            if cell in model.rule.banned:
                continue
            if case.announced is not None and cell[1] is not case.announced.dagdeel:
                continue
            if lock is not None and lock.start is not None:
                at = minute_of(lock.start)
                if not lo <= at <= hi:
                    continue
                lo = hi = at
            wins.append(Window(off + lo, off + hi, cell))
        if wins:
            model.windows[s.index] = wins
    if lock is not None and lock_shift is not None and not model.windows:
        # a lock that now breaks a rule (policy or shift changed) is dropped, not obeyed
        _fill_windows(model, shifts, quiet, today, None, None)
        return
    if case.deadline is not None and case.deadline >= today:
        before = {s: w for s, w in model.windows.items() if shifts[s].shift.date <= case.deadline}
        if before:
            model.windows = before


def clock(minute: int) -> time:
    """Local clock time of an absolute plan minute."""
    m = minute % (24 * 60)
    return time(m // 60, m % 60)
