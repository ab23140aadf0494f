"""Hypothesis strategies for planning instances (synthetic; JSON form as in issue 14), and an
independent checker of a plan's hard rules that does not reuse the planner's own model."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

import holidays
from hypothesis import strategies as st

from fieldapp.planning.instance import Instance, PlanResult, UnplannedReason

DAGDELEN = ("Ochtend", "Middag", "Avond")
SOORTEN = ("Huisbezoek", "Kaartje", "Telefoon", "Brief")
PC4S = ("3811", "3812", "3813")
MODES = {"walk": (1.35, 4.5), "bike": (1.3, 15.0), "car": (1.4, 25.0)}
# Around Ascension Day 2026 (Thu 14 May) and Christmas 2026: holidays and bridge days occur.
TODAYS = (date(2026, 5, 11), date(2026, 12, 21), date(2026, 4, 27), date(2026, 12, 7))


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def instances(draw: st.DrawFn, max_cases: int = 14, max_shifts: int = 5) -> dict[str, Any]:
    today = draw(st.sampled_from(TODAYS))
    policy: dict[str, Any] = {
        "vary_dayparts": draw(st.sampled_from(["strict", "prefer", "off"])),
        "exclude_bridge_days": draw(st.booleans()),
        "exclude_liberation_day": draw(st.booleans()),
    }
    if draw(st.booleans()):
        policy["quiet_window"] = draw(
            st.sampled_from([None, ["17:30", "18:30"], ["12:00", "13:00"]])
        )
    if draw(st.booleans()):
        policy["exclude_sundays"] = draw(st.booleans())
        policy["exclude_holidays"] = draw(st.booleans())
    shifts = []
    for i in range(draw(st.integers(1, max_shifts))):
        start = draw(st.integers(8 * 60, 19 * 60)) // 15 * 15
        length = draw(st.integers(60, 240)) // 15 * 15
        pair = draw(st.booleans())
        shifts.append(
            {
                "id": f"s{i}",
                "worker": "w1+w2" if pair else f"w{i}",
                "date": (today + timedelta(days=draw(st.integers(0, 9)))).isoformat(),
                "start": _hhmm(start),
                "end": _hhmm(min(start + length, 23 * 60 + 59)),
                "start_at": [52.15 + draw(st.floats(0, 0.03)), 5.38 + draw(st.floats(0, 0.04))],
                "end_at": draw(st.sampled_from([None, [52.16, 5.39]])),
                "mode": draw(st.sampled_from(list(MODES))),
                "skills": ["pair"] if pair else [],
                "max_visits": draw(st.sampled_from([None, None, 1, 3])),
            }
        )
    cases = []
    for i in range(draw(st.integers(1, max_cases))):
        located = draw(st.integers(0, 5)) > 0
        attempts = [
            {
                "date": (today - timedelta(days=draw(st.integers(1, 30)))).isoformat(),
                "dagdeel": draw(st.sampled_from(DAGDELEN)),
                "soort": draw(st.sampled_from(SOORTEN)),
                "bereikt": draw(st.integers(0, 4)) == 0,
            }
            for _ in range(draw(st.integers(0, 4)))
        ]
        announced = None
        if draw(st.integers(0, 6)) == 0:
            announced = {
                "date": (today + timedelta(days=draw(st.integers(0, 9)))).isoformat(),
                "dagdeel": draw(st.sampled_from(DAGDELEN)),
            }
        cases.append(
            {
                "id": f"c{i}",
                "lat": 52.15 + draw(st.floats(0, 0.03)) if located else None,
                "lon": 5.38 + draw(st.floats(0, 0.04)) if located else None,
                "postcode": draw(st.sampled_from(PC4S)) + "AB",
                "priority": draw(st.integers(0, 100)),
                "deadline": draw(
                    st.sampled_from(
                        [None, (today + timedelta(days=draw(st.integers(-5, 20)))).isoformat()]
                    )
                ),
                "visit_minutes": draw(st.sampled_from([None, None, 10, 25])),
                "attempts": attempts,
                "opt_out": draw(st.integers(0, 8)) == 0,
                "unsafe": draw(st.integers(0, 5)) == 0,
                "announced": announced,
            }
        )
    return {"today": today.isoformat(), "policy": policy, "shifts": shifts, "cases": cases}


def _minute(t: Any) -> int:
    return int(t.hour) * 60 + int(t.minute)


def _dagdeel(minute: int) -> str:
    return "Ochtend" if minute < 12 * 60 else "Middag" if minute < 18 * 60 else "Avond"


def _kind(day: date) -> str:
    return "werkdag" if day.weekday() < 5 else "zaterdag"


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def check_plan(inst: Instance, result: PlanResult) -> None:
    """Assert every hard rule of issue 14 on ``result``, independently of the planner."""
    ids = [c.id for c in inst.cases]
    visited = [v.case for s in result.shifts for v in s.visits]
    unplanned = [u.case for u in result.unplanned]
    assert len(visited) == len(set(visited)), "a case visited twice"
    assert sorted(visited + unplanned) == sorted(ids), "every case exactly once"
    cases = {c.id: c for c in inst.cases}
    shifts = {s.id: s for s in inst.shifts}
    policy = inst.policy
    nl = holidays.country_holidays("NL", years=range(2025, 2028))
    pc4_with_coords = {c.postcode[:4] for c in inst.cases if c.lat is not None and c.postcode}
    centroid: dict[str, tuple[float, float]] = {}
    for area in pc4_with_coords:
        members = [c for c in inst.cases if c.lat is not None and (c.postcode or "")[:4] == area]
        centroid[area] = (
            sum(c.lat for c in members if c.lat is not None) / len(members),
            sum(c.lon for c in members if c.lon is not None) / len(members),
        )
    for u in result.unplanned:
        assert isinstance(u.reason, UnplannedReason) and u.text
        c = cases[u.case]
        if c.lat is None and (c.postcode or "")[:4] not in pc4_with_coords and not c.opt_out:
            assert u.reason in (UnplannedReason.NO_LOCATION, UnplannedReason.UNSAFE_NEEDS_PAIR)
    for plan in result.shifts:
        shift = shifts[plan.id]
        speed = MODES[shift.mode.value]
        here = shift.start_at
        now = _minute(shift.start)
        for v in plan.visits:
            c = cases[v.case]
            arrive, start, end = _minute(v.arrive), _minute(v.start), _minute(v.end)
            assert not c.opt_out
            assert not c.unsafe or "pair" in shift.skills
            assert _minute(shift.start) <= arrive <= start < end <= _minute(shift.end)
            if c.visit_minutes is not None:
                assert end - start == c.visit_minutes
            day = shift.date
            dagdeel, kind = _dagdeel(start), _kind(day)
            if c.announced is not None:
                assert (day, dagdeel) == (c.announced.date, c.announced.dagdeel.value)
            if policy.quiet_window is not None:
                q0, q1 = (_minute(t) for t in policy.quiet_window)
                assert not q0 <= start < q1, "visit starts in the quiet window"
            if policy.exclude_sundays:
                assert day.weekday() != 6
            if policy.exclude_holidays:
                assert day not in nl
            if policy.exclude_liberation_day:
                assert (day.month, day.day) != (5, 5)
            if policy.vary_dayparts.value == "strict":
                failed = {
                    (_kind(a.date), a.dagdeel.value)
                    for a in c.attempts
                    if a.soort.value in ("Huisbezoek", "Kaartje") and not a.bereikt
                }
                exhausted = all((kind, d) in failed for d in DAGDELEN)
                assert exhausted or (kind, dagdeel) not in failed, "visit in a failed dagdeel"
            if c.lat is None:
                assert v.approx_location and "postcode" in v.why
            if c.lat is not None and c.lon is not None:
                point = (c.lat, c.lon)
            else:
                point = centroid[(c.postcode or "")[:4]]
            minutes = _metres(here, point) * speed[0] / (speed[1] * 1000 / 60)
            assert arrive - now >= minutes - 1e-6, "no room for travel"
            here = point
            assert arrive >= now
            now = end
            assert v.why
