"""A simple visiting order: nearest neighbour from a start point (until the route solver lands).

Distances are straight-line (haversine) metres; good enough to avoid zig-zagging a wijk.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stop:
    key: str
    lat: float
    lon: float


def metres(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    r = 6_371_000.0
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def nearest_neighbour_order(start: tuple[float, float], stops: Sequence[Stop]) -> list[Stop]:
    """Visit the closest unvisited stop next; deterministic for equal distances (by key)."""
    left = sorted(stops, key=lambda s: s.key)
    here = start
    order: list[Stop] = []
    while left:
        nxt = min(left, key=lambda s: (metres(here[0], here[1], s.lat, s.lon), s.key))
        order.append(nxt)
        left.remove(nxt)
        here = (nxt.lat, nxt.lon)
    return order
