"""Benchmark: share of households reached within 28 days, per planning approach (simulated).

A seeded synthetic team (3 workers, new households every working day, the same worker-hours
in every arm) visits households whose "is anyone home" behaviour follows a HIDDEN model that
lives only in this file (research/planning-2/report.md, 1.2, copied here): household type x
kind of day x dagdeel base rates, a persistent household effect u ~ N(0, su^2) and a
household x slot effect v ~ N(0, sv^2); contact = home x opens (0.85). Base logits are
calibrated so the first-visit contact rates equal the report's table in both settings:
- weak routines: su = 0.8, sv = 0.6 (the report's default);
- strong routines: su = 0.4, sv = 1.5 (daypart-specific habits; where "vary dayparts" pays).
Each simulated day the arm plans the coming week from what it knows (the attempts so far),
today's visits are played out against the hidden model, and the results become attempts.
Arms: (1) office hours (weekday ochtend/middag) + nearest neighbour; (2) the mixed template
(evenings, a Saturday) + nearest neighbour ignoring history; (3) Veldwerk on the mixed
template with vary_dayparts strict / prefer / off. Cases close after 28 days. Figures: share
of the households signalled in the first ``--weeks`` weeks reached within 28 days of their
signal, and visits per contact. Goal: Veldwerk >= 1.5x arm 1 and >= 1.15x arm 2.
Common random numbers: the k-th visit to a household draws the same uniform in every arm.

Run: PYTHONPATH=. .venv/bin/python benchmarks/reach_simulation.py [--weeks 4] [--budget 0.5]
Default (a 4-week cohort followed 4 more weeks, 0.5 s per plan) takes under 3 minutes.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from planning_town import CENTRE, KM_LAT, KM_LON

from fieldapp.planning.instance import instance_from_json
from fieldapp.planning.solver import solve
from fieldapp.planning.travel import haversine_m

PARTS = ("Ochtend", "Middag", "Avond")
# First-visit contact rates (report 2, table 1.2): werkdag o/m/a, zaterdag o/m/a; type share.
TABLE: dict[str, tuple[tuple[float, ...], float]] = {
    "working": ((0.20, 0.24, 0.53, 0.42, 0.39, 0.46), 0.30),
    "family": ((0.36, 0.43, 0.61, 0.46, 0.39, 0.53), 0.25),
    "retired": ((0.53, 0.50, 0.61, 0.46, 0.42, 0.57), 0.15),
    "benefits": ((0.46, 0.50, 0.57, 0.46, 0.43, 0.50), 0.15),
    "shift": ((0.35, 0.35, 0.39, 0.39, 0.39, 0.39), 0.08),
    "student": ((0.28, 0.32, 0.39, 0.32, 0.35, 0.32), 0.07),
}
P_OPEN = 0.85
SETTINGS = {"weak routines": (0.8, 0.6), "strong routines": (0.4, 1.5)}
START = date(2026, 1, 12)  # a Monday; no Dutch holidays in the next ten weeks
CONVERSATION_MIN, NOT_HOME_MIN = 30, 12
NN_MINUTES = 19  # 0.37 x 30 + 0.63 x 12, the national rate: what a planner without data uses
BIKE_M_PER_MIN = 15_000 / 60 / 1.3


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _calibrate(target: float, sd: float) -> float:
    """Base logit b with E[sigmoid(b + z)] = target, z ~ N(0, sd^2) (Gauss-Hermite)."""
    import numpy as np

    nodes, weights = np.polynomial.hermite_e.hermegauss(40)
    weights = weights / weights.sum()
    lo, hi = -12.0, 12.0
    for _ in range(60):
        mid = (lo + hi) / 2
        mean = float(sum(w * _sigmoid(mid + sd * x) for x, w in zip(nodes, weights, strict=True)))
        lo, hi = (mid, hi) if mean < target else (lo, mid)
    return (lo + hi) / 2


@dataclass
class Household:
    hid: str
    signal: date
    point: tuple[float, float]
    logit: tuple[float, ...]  # per slot (werkdag o/m/a, zaterdag o/m/a), incl. u and v
    attempts: list[dict[str, Any]] = field(default_factory=list)
    reached: date | None = None
    visits: int = 0

    def slot(self, day: date, minute: int) -> int:
        part = 0 if minute < 12 * 60 else 1 if minute < 18 * 60 else 2
        return part + (0 if day.weekday() < 5 else 3)


def make_households(seed: int, weeks: int, per_day: int, su: float, sv: float) -> list[Household]:
    rng = random.Random(seed)
    clusters = [(rng.uniform(-2.5, 2.5), rng.uniform(-2.5, 2.5)) for _ in range(7)]
    base = {
        t: [_calibrate(c / P_OPEN, math.hypot(su, sv)) for c in rates]
        for t, (rates, _) in TABLE.items()
    }
    types, shares = list(TABLE), [share for _, share in TABLE.values()]
    out = []
    for day_no in range((weeks + 4) * 7):  # arrivals go on while the cohort is followed
        day = START + timedelta(days=day_no)
        if day.weekday() >= 5:
            continue
        for _ in range(per_day):
            kind = rng.choices(types, weights=shares)[0]
            u = rng.gauss(0, su)
            logit = tuple(b + u + rng.gauss(0, sv) for b in base[kind])
            if rng.random() < 0.8:
                cx, cy = rng.choice(clusters)
                x, y = rng.gauss(cx, 0.4), rng.gauss(cy, 0.4)
            else:
                x, y = rng.uniform(-3, 3), rng.uniform(-3, 3)
            point = (CENTRE[0] + y * KM_LAT, CENTRE[1] + x * KM_LON)
            out.append(Household(f"h{len(out)}", day, point, logit))
    return out


def week_template(mixed: bool) -> list[tuple[int, str, str, str]]:
    """(weekday, start, end, worker): 3 workers x 4 shifts x 3 hours in both templates."""
    shifts = []
    for w in range(3):
        if mixed:
            shifts += [
                (w, "09:00", "12:00", f"w{w}"),
                ((w + 2) % 5, "13:00", "16:00", f"w{w}"),
                ((w + 1) % 5, "18:30", "21:30", f"w{w}"),
                (5, "10:00" if w != 1 else "13:00", "13:00" if w != 1 else "16:00", f"w{w}"),
            ]
        else:
            shifts += [
                (
                    (w + k) % 5,
                    *(("09:00", "12:00") if (w + k) % 2 == 0 else ("13:00", "16:00")),
                    f"w{w}",
                )
                for k in range(4)
            ]
    return shifts


def _minute(text: str) -> int:
    return int(text[:2]) * 60 + int(text[3:])


class Arm:
    def __init__(
        self,
        name: str,
        mixed: bool,
        policy: str | None,
        budget: float,
        approach: tuple[float, int | None] | None = None,
    ) -> None:
        self.name, self.mixed, self.policy, self.budget = name, mixed, policy, budget
        self.approach = approach  # (steering, top slot kinds) instead of the planner's own
        self.template = week_template(mixed)
        self.history: list[tuple[str, dict[str, Any]]] = []  # (household, attempt)

    def shifts_on(self, day: date) -> list[dict[str, Any]]:
        return [
            {
                "id": f"{day.isoformat()}-{i}", "worker": w, "date": day.isoformat(),
                "start": start, "end": end, "start_at": list(CENTRE), "end_at": list(CENTRE),
                "mode": "bike", "skills": [], "max_visits": None,
            }
            for i, (wd, start, end, w) in enumerate(self.template)
            if wd == day.weekday()
        ]  # fmt: skip

    def plan_today(self, day: date, open_: list[Household]) -> list[Route]:
        """Today's routes: per shift, (household, planned start minute) in visiting order."""
        if self.policy is None:
            return self._nearest_neighbour(day, open_)
        shifts = [s for d in range(7) for s in self.shifts_on(day + timedelta(days=d))]
        open_ids = {h.hid for h in open_}
        instance = {
            "today": day.isoformat(),
            "policy": {"vary_dayparts": self.policy},
            "shifts": shifts,
            "cases": [
                {
                    "id": h.hid, "lat": h.point[0], "lon": h.point[1], "postcode": "3811AB",
                    "priority": 50, "deadline": (h.signal + timedelta(days=28)).isoformat(),
                    "visit_minutes": None, "attempts": h.attempts, "opt_out": False,
                    "unsafe": False, "announced": None,
                }
                for h in open_
            ],
            # attempts of open cases are in their case already; history = the closed ones
            "history": [a for hid, a in self.history if hid not in open_ids],
        }  # fmt: skip
        if self.approach is None:
            result = solve(instance_from_json(instance), budget_s=self.budget)
        else:
            from planner_quality import variant

            steering, top = self.approach
            result = variant(
                instance_from_json(instance), budget=self.budget, steering=steering, top=top
            )
        by_id = {h.hid: h for h in open_}
        todays = {s["id"]: s for s in shifts if s["date"] == day.isoformat()}
        return [
            (
                todays[plan.id],
                [(by_id[v.case], v.start.hour * 60 + v.start.minute) for v in plan.visits],
            )
            for plan in result.shifts
            if plan.id in todays
        ]

    def _nearest_neighbour(self, day: date, open_: list[Household]) -> list[Route]:
        left = sorted(open_, key=lambda h: h.hid)
        out: list[Route] = []
        for shift in self.shifts_on(day):
            here, now, end = CENTRE, _minute(shift["start"]), _minute(shift["end"])
            stops = []
            while left:
                nxt = min(left, key=lambda h: haversine_m(here, h.point))
                leg = _leg(here, nxt.point)
                if now + leg + NN_MINUTES + _leg(nxt.point, CENTRE) > end:
                    break
                stops.append((nxt, now + leg))
                now += leg + NN_MINUTES
                here = nxt.point
                left.remove(nxt)
            out.append((shift, stops))
        return out


Route = tuple[dict[str, Any], list[tuple[Household, int]]]


def _leg(a: tuple[float, float], b: tuple[float, float]) -> int:
    return math.ceil(haversine_m(a, b) / BIKE_M_PER_MIN)


def play_route(route: Route, day: date, seed: int) -> list[tuple[Household, dict[str, Any]]]:
    """Walk a route with real durations (30 min when someone opens, 12 when not); a visit
    never starts before its planned time, and what no longer fits in the shift is skipped."""
    shift, stops = route
    here, now, end = CENTRE, _minute(shift["start"]), _minute(shift["end"])
    done = []
    for h, planned in stops:
        start = max(now + _leg(here, h.point), planned)
        if start + NOT_HOME_MIN + _leg(h.point, CENTRE) > end:
            break
        slot = h.slot(day, start)
        h.visits += 1
        draw = random.Random(f"{seed}-{h.hid}-{h.visits}").random()
        contact = draw < _sigmoid(h.logit[slot]) * P_OPEN
        minutes = CONVERSATION_MIN if contact else NOT_HOME_MIN
        attempt = {
            "date": day.isoformat(), "dagdeel": PARTS[slot % 3], "soort": "Huisbezoek",
            "bereikt": contact, "minutes": minutes,
        }  # fmt: skip
        done.append((h, attempt))
        now, here = start + minutes, h.point
    return done


def run_arm(arm: Arm, households: list[Household], weeks: int, seed: int) -> tuple[float, float]:
    hs = [
        Household(h.hid, h.signal, h.point, h.logit) for h in households
    ]  # fresh state per arm, same hidden behaviour
    for day_no in range((weeks + 4) * 7):
        day = START + timedelta(days=day_no)
        if day.weekday() == 6:
            continue
        open_ = [
            h for h in hs if h.signal <= day and h.reached is None and (day - h.signal).days < 28
        ]
        if not open_ or not arm.shifts_on(day):
            continue
        for route in arm.plan_today(day, open_):
            for h, attempt in play_route(route, day, seed):
                h.attempts.append(attempt)
                arm.history.append((h.hid, attempt))
                if attempt["bereikt"]:
                    h.reached = day
    cohort = [h for h in hs if h.signal < START + timedelta(days=weeks * 7)]
    reached = sum(1 for h in cohort if h.reached is not None)
    visits = sum(h.visits for h in cohort)
    return reached / len(cohort), visits / max(1, reached)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weeks", type=int, default=4, help="weeks of the measured cohort (4)")
    ap.add_argument("--per-day", type=int, default=12, help="new households per working day")
    ap.add_argument("--budget", type=float, default=0.5, help="planner seconds per day")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--approaches",
        action="store_true",
        help="also strict with no slot steering and with only the top 3 slot kinds (slower)",
    )
    args = ap.parse_args()
    for setting, (su, sv) in SETTINGS.items():
        households = make_households(args.seed, args.weeks, args.per_day, su, sv)
        cohort = sum(1 for h in households if h.signal < START + timedelta(weeks=args.weeks))
        print(
            f"\n{setting} (su={su}, sv={sv}): {len(households)} households, cohort {cohort},"
            f" seed {args.seed}"
        )
        arms = [
            Arm("1 office hours + NN", False, None, args.budget),
            Arm("2 mixed template + NN", True, None, args.budget),
            Arm("3 Veldwerk strict", True, "strict", args.budget),
            Arm("3 Veldwerk prefer", True, "prefer", args.budget),
            Arm("3 Veldwerk off", True, "off", args.budget),
        ]
        if args.approaches:
            arms += [
                Arm("3 strict, no steering", True, "strict", args.budget, (0.0, None)),
                Arm("3 strict, top 3 slots", True, "strict", args.budget, (0.0, 3)),
            ]
        results = {}
        for arm in arms:
            began = time.monotonic()
            share, per_contact = run_arm(arm, households, args.weeks, args.seed)
            results[arm.name] = share
            print(
                f"  {arm.name:<24} reached in 28 d {share:6.1%}   visits/contact "
                f"{per_contact:5.2f}   ({time.monotonic() - began:5.1f} s)"
            )
        base1, base2 = results["1 office hours + NN"], results["2 mixed template + NN"]
        policies = [n for n in results if n.startswith("3 Veldwerk")]
        best = max(policies, key=lambda n: results[n])
        print(
            f"  best Veldwerk policy: {best.split()[-1]}: {results[best] / base1:.2f}x arm 1, "
            f"{results[best] / base2:.2f}x arm 2 (goal 1.5x and 1.15x)"
        )


if __name__ == "__main__":
    main()
