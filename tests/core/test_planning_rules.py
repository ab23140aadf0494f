"""Planner rules one by one on small hand-made instances (synthetic data only)."""

from __future__ import annotations

import copy
from datetime import date, time
from typing import Any

import pytest

from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.domain.slots import KindOfDay, VaryDayparts, cell_rule
from fieldapp.planning.calendar import closed_reason
from fieldapp.planning.contact_model import ContactModel
from fieldapp.planning.durations import learn_durations
from fieldapp.planning.instance import (
    Attempt,
    LockedVisit,
    Mode,
    Policy,
    UnplannedReason,
    instance_from_json,
)
from fieldapp.planning.solver import EditIssue, check_edit, solve
from fieldapp.planning.travel import StraightLineTravel

MONDAY = date(2026, 12, 7)
ENGINES = ["greedy", pytest.param("vroom", marks=pytest.mark.filterwarnings("ignore"))]


def _shift(sid: str, day: str, start: str, end: str, **kw: Any) -> dict[str, Any]:
    return {
        "id": sid, "worker": "w1", "date": day, "start": start, "end": end,
        "start_at": [52.156, 5.387], "end_at": None, "mode": "bike", "skills": [],
        "max_visits": None,
    } | kw  # fmt: skip


def _case(cid: str, **kw: Any) -> dict[str, Any]:
    return {
        "id": cid, "lat": 52.158, "lon": 5.39, "postcode": "3811AB", "priority": 50,
        "deadline": None, "visit_minutes": None, "attempts": [], "opt_out": False,
        "unsafe": False, "announced": None,
    } | kw  # fmt: skip


def _att(
    day: str, dagdeel: str, soort: str = "Huisbezoek", bereikt: bool = False
) -> dict[str, Any]:
    return {"date": day, "dagdeel": dagdeel, "soort": soort, "bereikt": bereikt}


def _instance(shifts: list[dict[str, Any]], cases: list[dict[str, Any]], **policy: Any) -> Any:
    return instance_from_json(
        {"today": MONDAY.isoformat(), "policy": policy, "shifts": shifts, "cases": cases}
    )


def _planned(result: Any) -> dict[str, tuple[str, Any]]:
    return {v.case: (s.id, v) for s in result.shifts for v in s.visits}


def _reasons(result: Any) -> dict[str, UnplannedReason]:
    return {u.case: u.reason for u in result.unplanned}


def test_strict_bans_a_failed_cell_until_every_dagdeel_of_that_kind_failed() -> None:
    one = [Attempt(date(2026, 11, 30), Dagdeel.OCHTEND, Contactsoort.HUISBEZOEK, False)]
    rule = cell_rule(one, VaryDayparts.STRICT)
    assert rule.banned == {(KindOfDay.WERKDAG, Dagdeel.OCHTEND)}
    three = [Attempt(date(2026, 11, 30), d, Contactsoort.KAARTJE, False) for d in Dagdeel]
    rule = cell_rule(three, VaryDayparts.STRICT)
    assert not rule.banned
    assert rule.second_choice == {(KindOfDay.WERKDAG, d) for d in Dagdeel}
    call = [Attempt(date(2026, 11, 30), Dagdeel.OCHTEND, Contactsoort.TELEFOON, False)]
    assert not cell_rule(call, VaryDayparts.STRICT).banned
    prefer = cell_rule(one, VaryDayparts.PREFER)
    assert not prefer.banned and prefer.penalised == {(KindOfDay.WERKDAG, Dagdeel.OCHTEND)}
    assert cell_rule(one, VaryDayparts.OFF) == cell_rule([], VaryDayparts.STRICT)


@pytest.mark.parametrize("engine", ENGINES)
def test_case_goes_to_the_dagdeel_it_did_not_fail_in(engine: str) -> None:
    shifts = [
        _shift("morning", "2026-12-07", "09:00", "12:00"),
        _shift("evening", "2026-12-07", "18:30", "21:00"),
    ]
    cases = [_case("c1", attempts=[_att("2026-11-30", "Ochtend"), _att("2026-12-01", "Ochtend")])]
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine)
    shift_id, visit = _planned(result)["c1"]
    assert shift_id == "evening"
    assert "eerder 2x niet thuis" in visit.why and "avond op werkdagen" in visit.why


@pytest.mark.parametrize("engine", ENGINES)
def test_each_reason_code_for_unplanned_cases(engine: str) -> None:
    shifts = [_shift("s1", "2026-12-07", "09:00", "10:00")]
    cases = [
        _case("optout", opt_out=True),
        _case("unsafe", unsafe=True),
        _case("nowhere", lat=None, lon=None, postcode="9999ZZ"),
        _case("tried", attempts=[_att("2026-11-30", "Ochtend")]),
        _case("announced", announced={"date": "2026-12-08", "dagdeel": "Avond"}),
        _case("overdue", deadline="2026-12-01", visit_minutes=50, priority=1),
        _case("big", visit_minutes=55, priority=100),
    ]
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine)
    reasons = _reasons(result)
    assert reasons["optout"] is UnplannedReason.OPT_OUT
    assert reasons["unsafe"] is UnplannedReason.UNSAFE_NEEDS_PAIR
    assert reasons["nowhere"] is UnplannedReason.NO_LOCATION
    assert reasons["tried"] is UnplannedReason.NO_ALLOWED_SLOT
    assert reasons["announced"] is UnplannedReason.ANNOUNCED_CONFLICT
    texts = {u.case: u.text for u in result.unplanned}
    assert "ochtend op werkdagen" in texts["tried"]
    assert "big" in _planned(result) or "overdue" in _planned(result)
    left = "big" if "overdue" in _planned(result) else "overdue"
    assert reasons[left] in (UnplannedReason.CAPACITY, UnplannedReason.DEADLINE_PASSED)
    assert "uur tekort" in texts[left]


@pytest.mark.parametrize("engine", ENGINES)
def test_overdue_case_comes_first_when_capacity_is_short(engine: str) -> None:
    shifts = [_shift("s1", "2026-12-07", "09:00", "09:45")]
    cases = [
        _case("fresh", priority=60, visit_minutes=30, deadline="2026-12-30"),
        _case("overdue", priority=40, visit_minutes=30, deadline="2026-12-01"),
    ]
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine)
    assert set(_planned(result)) == {"overdue"}
    assert "termijn verstreken" in _planned(result)["overdue"][1].why


@pytest.mark.parametrize("engine", ENGINES)
def test_deadline_is_met_when_a_slot_before_it_exists(engine: str) -> None:
    shifts = [
        _shift("early", "2026-12-07", "09:00", "10:00"),
        _shift("late", "2026-12-10", "18:30", "20:00"),
    ]
    # the evening would be the better slot, but only the morning is before the deadline
    cases = [_case("c1", deadline="2026-12-08")]
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine)
    assert _planned(result)["c1"][0] == "early"


@pytest.mark.parametrize("engine", ENGINES)
def test_announced_case_is_planned_in_exactly_its_slot(engine: str) -> None:
    shifts = [
        _shift("mon", "2026-12-07", "09:00", "21:00"),
        _shift("tue", "2026-12-08", "09:00", "21:00"),
    ]
    cases = [_case("c1", announced={"date": "2026-12-08", "dagdeel": "Middag"})]
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine)
    shift_id, visit = _planned(result)["c1"]
    assert shift_id == "tue" and time(12) <= visit.start < time(18)
    assert "aangekondigd" in visit.why


@pytest.mark.parametrize("engine", ENGINES)
def test_quiet_window_and_holidays_are_kept_free(engine: str) -> None:
    shifts = [
        _shift("dinner", "2026-12-07", "17:30", "18:40"),
        _shift("xmas", "2026-12-25", "09:00", "12:00"),
        _shift("sunday", "2026-12-13", "09:00", "12:00"),
    ]
    cases = [_case("c1", visit_minutes=10)]
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine)
    shift_id, visit = _planned(result)["c1"]
    assert shift_id == "dinner" and visit.start >= time(18, 30)
    only_holidays = [shifts[1], shifts[2]]
    result = solve(_instance(only_holidays, cases), budget_s=0.5, engine=engine)
    assert _reasons(result)["c1"] is UnplannedReason.NO_ALLOWED_SLOT
    assert "feestdag" in result.unplanned[0].text and "zondag" in result.unplanned[0].text


def test_calendar_toggles_for_5_may_and_bridge_days() -> None:
    assert closed_reason(date(2026, 5, 15), Policy()) is None  # Friday after Ascension Day
    assert closed_reason(date(2026, 5, 15), Policy(exclude_bridge_days=True)) == "brugdag"
    assert closed_reason(date(2026, 5, 5), Policy()) is None  # not a lustrum year
    assert closed_reason(date(2025, 5, 5), Policy()) == "feestdag (Bevrijdingsdag)"
    assert closed_reason(date(2026, 5, 5), Policy(exclude_liberation_day=True))
    assert closed_reason(date(2026, 12, 13), Policy(exclude_sundays=False)) is None


@pytest.mark.parametrize("engine", ENGINES)
def test_unsafe_case_only_in_a_pair_shift(engine: str) -> None:
    shifts = [
        _shift("solo", "2026-12-07", "09:00", "12:00"),
        _shift("pair", "2026-12-08", "09:00", "12:00", worker="w3+w4", skills=["pair"]),
    ]
    cases = [_case("c1", unsafe=True)]
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine)
    assert _planned(result)["c1"][0] == "pair"


@pytest.mark.parametrize("engine", ENGINES)
def test_case_without_coordinates_is_placed_by_its_pc4_neighbours(engine: str) -> None:
    shifts = [_shift("s1", "2026-12-07", "09:00", "12:00")]
    cases = [_case("near"), _case("nocoords", lat=None, lon=None, postcode="3811 XY")]
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine)
    visit = _planned(result)["nocoords"][1]
    assert visit.approx_location and "postcodegebied 3811" in visit.why


@pytest.mark.parametrize("engine", ENGINES)
def test_locked_visit_keeps_its_shift_and_start(engine: str) -> None:
    shifts = [
        _shift("a", "2026-12-07", "09:00", "12:00"),
        _shift("b", "2026-12-07", "18:30", "21:00"),
    ]
    cases = [_case("locked"), _case("free", lat=52.159)]
    lock = LockedVisit("locked", "a", start=time(11, 0))
    result = solve(_instance(shifts, cases), budget_s=0.5, engine=engine, locked=[lock])
    shift_id, visit = _planned(result)["locked"]
    assert shift_id == "a" and visit.start == time(11, 0)
    assert "free" in _planned(result)


def test_check_edit_times_a_route_and_names_every_problem() -> None:
    shifts = [_shift("s1", "2026-12-07", "09:00", "10:00", max_visits=3)]
    cases = [
        _case("a", visit_minutes=20),
        _case("b", visit_minutes=20, lat=52.16),
        _case("c", visit_minutes=20, lat=52.161),
        _case("tried", attempts=[_att("2026-11-30", "Ochtend")]),
        _case("optout", opt_out=True),
    ]
    inst = _instance(shifts, cases)
    ok = check_edit(inst, "s1", ["a", "b"])
    assert ok.ok and [v.case for v in ok.visits] == ["a", "b"]
    assert ok.visits[0].end <= ok.visits[1].arrive
    bad = check_edit(inst, "s1", ["a", "b", "c", "tried", "optout", "zz", "a"])
    issues = {(p.case, p.issue) for p in bad.problems}
    assert not bad.ok
    assert ("tried", EditIssue.NOT_ALLOWED_SLOT) in issues
    assert ("optout", EditIssue.OPT_OUT) in issues
    assert ("zz", EditIssue.UNKNOWN_CASE) in issues
    assert ("a", EditIssue.DUPLICATE) in issues
    assert ("c", EditIssue.TOO_LATE) in issues  # three visits of 20 min + travel > 1 hour
    assert all(p.text for p in bad.problems)
    assert check_edit(inst, "nope", ["a"]).problems[0].issue is EditIssue.UNKNOWN_SHIFT


def test_contact_model_shrinks_small_counts_and_states_its_basis() -> None:
    evening = [
        Attempt(date(2026, 11, 2), Dagdeel.AVOND, Contactsoort.HUISBEZOEK, i < 97)
        for i in range(212)
    ]
    model = ContactModel(evening)
    cell = (KindOfDay.WERKDAG, Dagdeel.AVOND)
    assert model.team(cell).basis == "avond op werkdagen: 46 % bij dit team, 212 bezoeken"
    assert model.team((KindOfDay.ZATERDAG, Dagdeel.OCHTEND)).chance == pytest.approx(0.37)
    few = ContactModel(evening[:2])  # two visits, both reached
    assert 0.37 < few.team(cell).chance < 0.5
    assert "aangevuld met landelijk 37 %" in few.team(cell).basis
    own_failure = [Attempt(date(2026, 11, 30), Dagdeel.AVOND, Contactsoort.HUISBEZOEK, False)]
    assert model.chance(cell, own_failure) < model.team(cell).chance


def test_durations_from_the_teams_own_attempts() -> None:
    timed = [
        Attempt(date(2026, 11, 2), Dagdeel.AVOND, Contactsoort.HUISBEZOEK, i % 2 == 0, m)
        for i, m in enumerate([40, 8] * 10)
    ]
    model = learn_durations(timed)
    assert (model.conversation, model.not_home) == (40, 8)
    assert model.expected(0.5) == 24
    default = learn_durations(timed[:6])
    assert (default.conversation, default.not_home) == (30, 12)


def test_travel_is_straight_line_times_detour_per_mode_rounded_up() -> None:
    travel = StraightLineTravel()
    a, b = (52.0, 5.0), (52.009, 5.0)  # ~1.0 km north
    assert travel.minutes(a, b, Mode.BIKE) == pytest.approx(1.0 * 1.3 / 15 * 60, rel=0.01)
    matrix = travel.matrix([a, b], Mode.WALK)
    assert matrix[0][0] == 0 and matrix[0][1] == 19  # 1.0008 km x 1.35 at 4.5 km/h = 18.01


def test_invalid_lock_or_policy_change_never_breaks_a_rule() -> None:
    shifts = [_shift("a", "2026-12-07", "09:00", "12:00")]
    cases = [_case("c1", attempts=[_att("2026-11-30", "Ochtend")])]
    raw_lock = LockedVisit("c1", "a", start=time(10, 0))  # ochtend failed meanwhile
    result = solve(_instance(shifts, copy.deepcopy(cases)), budget_s=0.3, locked=[raw_lock])
    assert _reasons(result)["c1"] is UnplannedReason.NO_ALLOWED_SLOT


def test_order_stops_avoids_zigzag_and_is_deterministic() -> None:
    from fieldapp.planning.route import Stop, order_stops

    line = [Stop(f"k{i}", 52.0 + 0.002 * i, 5.0) for i in (3, 1, 4, 0, 2)]
    ordered = order_stops((52.0, 5.0), line)
    assert [s.key for s in ordered] == ["k0", "k1", "k2", "k3", "k4"]
    assert order_stops((52.0, 5.0), list(reversed(line))) == ordered


def test_unsafe_case_that_only_fits_a_solo_shift_needs_a_pair() -> None:
    shifts = [
        _shift("solo", "2026-12-07", "18:30", "21:00"),
        _shift("pair", "2026-12-08", "09:00", "12:00", worker="w3+w4", skills=["pair"]),
    ]
    cases = [_case("c1", unsafe=True, attempts=[_att("2026-11-30", "Ochtend")])]
    result = solve(_instance(shifts, cases), budget_s=0.3, engine="greedy")
    assert _reasons(result)["c1"] is UnplannedReason.UNSAFE_NEEDS_PAIR
    empty = solve(_instance([], [_case("c2")]), budget_s=0.3, engine="greedy")
    assert "geen diensten" in empty.unplanned[0].text
