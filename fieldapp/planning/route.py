"""Order a fixed set of stops into a short route (the cases of a shift are already chosen).

For whole plans (which cases, which shift, which slot) use :func:`fieldapp.planning.solver.solve`;
this is the small tool for "these visits, in a sensible order": nearest neighbour from the
start, then 2-opt on the open path, with the planner's travel model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.planning.instance import Mode
from fieldapp.planning.travel import StraightLineTravel, TravelModel, haversine_m


@dataclass(frozen=True, slots=True)
class Stop:
    key: str
    lat: float
    lon: float


def metres(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Straight-line (haversine) metres."""
    return haversine_m((a_lat, a_lon), (b_lat, b_lon))


def order_stops(
    start: tuple[float, float],
    stops: Sequence[Stop],
    *,
    mode: Mode = Mode.BIKE,
    travel: TravelModel | None = None,
) -> list[Stop]:
    """A short visiting order from ``start``; deterministic (ties broken by key)."""
    ordered = sorted(stops, key=lambda s: s.key)
    if len(ordered) < 2:
        return ordered
    points = [start, *((s.lat, s.lon) for s in ordered)]
    matrix = (travel or StraightLineTravel()).matrix(points, mode)
    left = list(range(1, len(points)))
    path: list[int] = []
    here = 0
    while left:
        nxt = min(left, key=lambda i: (matrix[here][i], i))
        path.append(nxt)
        left.remove(nxt)
        here = nxt
    path = _two_opt(matrix, path)
    return [ordered[i - 1] for i in path]


def _two_opt(matrix: list[list[int]], path: list[int]) -> list[int]:
    def length(p: list[int]) -> int:
        return sum(matrix[a][b] for a, b in zip([0, *p], p, strict=False))

    best = length(path)
    improved = True
    while improved:
        improved = False
        for i in range(len(path) - 1):
            for j in range(i + 1, len(path)):
                candidate = path[:i] + path[i : j + 1][::-1] + path[j + 1 :]
                cost = length(candidate)
                if cost < best:
                    path, best, improved = candidate, cost, True
    return path
