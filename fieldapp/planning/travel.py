"""Travel times without a network: straight line x detour factor / speed per mode.

Behind :class:`TravelModel` so a matrix from a routing engine (e.g. pyvalhalla tiles) can
replace it. Defaults (research report 2, section 4): walk 1.35 at 4.5 km/h, bike 1.3 at
15 km/h, car 1.4 at 25 km/h (car includes finding a place to park). Legs are whole minutes,
rounded up, so a plan never promises less travel than the mode needs.

Cases without coordinates are placed at the centroid of the instance's cases in the same PC4
(four digits of the postcode) and flagged; with no such neighbour they have no location.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from fieldapp.planning.instance import Mode, PlanCase

Point = tuple[float, float]
"""(latitude, longitude) in degrees (WGS84)."""

_EARTH_M = 6_371_000.0


def haversine_m(a: Point, b: Point) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_M * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True, slots=True)
class ModeSpeed:
    detour: float
    kmh: float


DEFAULT_SPEEDS: dict[Mode, ModeSpeed] = {
    Mode.WALK: ModeSpeed(1.35, 4.5),
    Mode.BIKE: ModeSpeed(1.3, 15.0),
    Mode.CAR: ModeSpeed(1.4, 25.0),
}


class TravelModel(Protocol):
    def matrix(self, points: Sequence[Point], mode: Mode) -> list[list[int]]:
        """Whole minutes from every point to every point (0 on the diagonal)."""
        ...


@dataclass(frozen=True, slots=True)
class StraightLineTravel:
    speeds: dict[Mode, ModeSpeed] = field(default_factory=lambda: dict(DEFAULT_SPEEDS))

    def minutes(self, a: Point, b: Point, mode: Mode) -> float:
        """Exact (unrounded) travel minutes; the plan uses :meth:`matrix` (rounded up)."""
        s = self.speeds[mode]
        return haversine_m(a, b) * s.detour / (s.kmh * 1000.0 / 60.0)

    def matrix(self, points: Sequence[Point], mode: Mode) -> list[list[int]]:
        s = self.speeds[mode]
        metres_per_minute = s.kmh * 1000.0 / 60.0 / s.detour
        rad = [
            (math.radians(lat), math.radians(lon), math.cos(math.radians(lat)))
            for lat, lon in points
        ]
        out: list[list[int]] = []
        for p1, l1, c1 in rad:
            row: list[int] = []
            for p2, l2, c2 in rad:
                h = math.sin((p2 - p1) / 2) ** 2 + c1 * c2 * math.sin((l2 - l1) / 2) ** 2
                metres = 2 * _EARTH_M * math.asin(math.sqrt(min(1.0, h)))
                row.append(math.ceil(metres / metres_per_minute - 1e-9))
            out.append(row)
        return out


@dataclass(frozen=True, slots=True)
class Placement:
    point: Point | None
    approx: bool  # placed at its PC4 centroid


def pc4(postcode: str | None) -> str | None:
    if not postcode:
        return None
    digits = postcode.strip()[:4]
    return digits if len(digits) == 4 and digits.isdigit() else None


def place_cases(cases: Iterable[PlanCase]) -> dict[str, Placement]:
    """Where each case is: its own coordinates, else its PC4 centroid, else nowhere."""
    cases = list(cases)
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cases:
        area = pc4(c.postcode)
        if c.lat is not None and c.lon is not None and area is not None:
            acc = sums[area]
            acc[0] += c.lat
            acc[1] += c.lon
            acc[2] += 1
    out: dict[str, Placement] = {}
    for c in cases:
        if c.lat is not None and c.lon is not None:
            out[c.id] = Placement((c.lat, c.lon), False)
            continue
        area = pc4(c.postcode)
        centre = sums.get(area) if area is not None else None
        if centre is None:
            out[c.id] = Placement(None, False)
        else:
            out[c.id] = Placement((centre[0] / centre[2], centre[1] / centre[2]), True)
    return out
