"""A worker's route sheet for one shift (pure). Holds only what a visit needs: order, time
window, address, names and what to bring. Never amounts, partners or debt words: the sheet
may be seen by anyone at the door or left in a car."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class RouteStop:
    seq: int
    arrive: str  # "HH:MM" or "" when not timed
    until: str
    address: str
    names: tuple[str, ...]
    bring: tuple[str, ...]  # e.g. "niet-thuis-kaartje"
    note: str = ""  # a safety note only ("alleen met z'n tweeën"), never case content


@dataclass(frozen=True, slots=True)
class RouteSheet:
    shift_id: str
    day: date
    dagdeel: str
    start: str
    end: str
    worker: str
    mode: str
    stops: tuple[RouteStop, ...]

    @property
    def cards_needed(self) -> int:
        return sum(1 for s in self.stops if "niet-thuis-kaartje" in s.bring)
