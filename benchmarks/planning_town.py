"""Seeded synthetic planning instances for the planner benchmarks (no real data).

A town of about 6 x 6 km around 52.156 N, 5.387 E (Amersfoort-like), 80 % of cases in 7
neighbourhood clusters, depot at the town hall; shifts over two weeks Mon-Sat (weekday
09:00-12:00, 13:00-16:30, 18:30-21:00; Saturday 10:00-13:00, 13:00-16:00); priorities 10/20/35/
60/100; 70 % with a deadline (signal + 28 days, signal 0-25 days ago); 0-3 failed visits biased
to office hours; a team history of 600 home visits for the contact model. After
research/planning-and-letters.md, section 1.1 (copied here, not read at run time).
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from typing import Any

CENTRE = (52.156, 5.387)
KM_LAT = 1 / 111.2
KM_LON = 1 / (111.2 * math.cos(math.radians(CENTRE[0])))
WEEKDAY_PARTS = (("09:00", "12:00"), ("13:00", "16:30"), ("18:30", "21:00"))
SATURDAY_PARTS = (("10:00", "13:00"), ("13:00", "16:00"))
PRIORITIES = (10, 20, 35, 60, 100)
# Rough team contact rates per (werkdag?, dagdeel index) for the synthetic history.
HISTORY_RATE = {
    (True, 0): 0.30,
    (True, 1): 0.33,
    (True, 2): 0.52,
    (False, 0): 0.42,
    (False, 1): 0.40,
}


def point(rng: random.Random, clusters: list[tuple[float, float]]) -> tuple[float, float]:
    if rng.random() < 0.8:
        cx, cy = rng.choice(clusters)
        x, y = rng.gauss(cx, 0.4), rng.gauss(cy, 0.4)
    else:
        x, y = rng.uniform(-3, 3), rng.uniform(-3, 3)
    return (round(CENTRE[0] + y * KM_LAT, 6), round(CENTRE[1] + x * KM_LON, 6))


def shift_slots(today: date, days: int) -> list[tuple[date, str, str]]:
    out = []
    for offset in range(days):
        day = today + timedelta(days=offset)
        if day.weekday() == 6:
            continue
        parts = SATURDAY_PARTS if day.weekday() == 5 else WEEKDAY_PARTS
        out.extend((day, a, b) for a, b in parts)
    return out


def make_instance(
    seed: int, cases: int, shifts: int, *, today: date | None = None
) -> dict[str, Any]:
    """A JSON instance of ``cases`` x ``shifts`` (shifts cycle the two-week template)."""
    rng = random.Random(seed)
    today = today or date(2026, 1, 12)  # a Monday without holidays in the next two weeks
    clusters = [(rng.uniform(-2.5, 2.5), rng.uniform(-2.5, 2.5)) for _ in range(7)]
    slots = shift_slots(today, 13)
    shift_list = []
    for i in range(shifts):
        day, start, end = slots[(i * 7) % len(slots)]  # 7 and 34 coprime: spread, distinct
        shift_list.append(
            {
                "id": f"s{i}", "worker": f"w{i % 6}", "date": day.isoformat(), "start": start,
                "end": end, "start_at": list(CENTRE), "end_at": list(CENTRE), "mode": "bike",
                "skills": ["pair"] if i % 5 == 0 else [], "max_visits": None,
            }
        )  # fmt: skip
    parts = ("Ochtend", "Middag", "Avond")
    case_list = []
    for i in range(cases):
        lat, lon = point(rng, clusters)
        signal = today - timedelta(days=rng.randint(0, 25))
        attempts = []
        for _ in range(rng.choices((0, 1, 2, 3), weights=(4, 3, 2, 1))[0]):
            when = signal + timedelta(days=rng.randint(0, max(0, (today - signal).days - 1)))
            if when >= today or when.weekday() == 6:
                continue
            dagdeel = rng.choices(parts, weights=(5, 4, 1) if when.weekday() < 5 else (1, 1, 0))[0]
            attempts.append(
                {
                    "date": when.isoformat(),
                    "dagdeel": dagdeel,
                    "soort": "Huisbezoek",
                    "bereikt": False,
                }
            )
        deadline = (signal + timedelta(days=28)).isoformat()
        case_list.append(
            {
                "id": f"c{i}", "lat": lat, "lon": lon, "postcode": f"38{10 + i % 9}AB",
                "priority": rng.choice(PRIORITIES),
                "deadline": deadline if rng.random() < 0.7 else None,
                "visit_minutes": None, "attempts": attempts, "opt_out": rng.random() < 0.02,
                "unsafe": rng.random() < 0.04, "announced": None,
            }
        )  # fmt: skip
    history = []
    for _ in range(600):
        when = today - timedelta(days=rng.randint(30, 200))
        if when.weekday() == 6:
            continue
        werkdag = when.weekday() < 5
        part = rng.randrange(3 if werkdag else 2)
        reached = rng.random() < HISTORY_RATE[(werkdag, part)]
        minutes = rng.choice((20, 25, 30, 40) if reached else (8, 10, 12, 15))
        history.append(
            {
                "date": when.isoformat(), "dagdeel": parts[part], "soort": "Huisbezoek",
                "bereikt": reached, "minutes": minutes if rng.random() < 0.6 else None,
            }
        )  # fmt: skip
    return {
        "today": today.isoformat(),
        "policy": {"vary_dayparts": "strict"},
        "shifts": shift_list,
        "cases": case_list,
        "history": history,
    }
