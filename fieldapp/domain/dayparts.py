"""Dayparts (dagdelen): the one table of their clock times, and the dagdeel of a moment.

``DAYPART_CLOCK`` is the single source for where a dagdeel begins and ends, its usual visiting
hours (the default shift of that dagdeel) and its order in a day; services, queries and the
planner read it instead of keeping their own copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from fieldapp.domain.ddas import Dagdeel

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True, slots=True)
class DaypartClock:
    """``begins``..``ends`` (half-open; None = end of day) decide the dagdeel of a visit's start;
    ``visit_from``..``visit_until`` are the usual hours a shift in that dagdeel works."""

    dagdeel: Dagdeel
    order: int
    begins: time
    ends: time | None
    visit_from: time
    visit_until: time

    def contains(self, moment: time) -> bool:
        return self.begins <= moment and (self.ends is None or moment < self.ends)


DAYPART_CLOCK: dict[Dagdeel, DaypartClock] = {
    Dagdeel.OCHTEND: DaypartClock(Dagdeel.OCHTEND, 0, time(0, 0), time(12, 0), time(9), time(12)),
    Dagdeel.MIDDAG: DaypartClock(Dagdeel.MIDDAG, 1, time(12, 0), time(18, 0), time(13), time(17)),
    # Evening visits start after dinner time (the planner's quiet window ends at 18:30).
    Dagdeel.AVOND: DaypartClock(Dagdeel.AVOND, 2, time(18, 0), None, time(18, 30), time(20, 30)),
}

DAYPART_ORDER: dict[Dagdeel, int] = {d: c.order for d, c in DAYPART_CLOCK.items()}


def dagdeel_at(moment: time) -> Dagdeel:
    """The dagdeel of a local wall-clock time: < 12:00 Ochtend, < 18:00 Middag, else Avond."""
    for clock in DAYPART_CLOCK.values():
        if clock.contains(moment):
            return clock.dagdeel
    raise AssertionError("DAYPART_CLOCK covers the whole day")


def daypart_of(moment: datetime) -> Dagdeel:
    """The DDAS dagdeel of ``moment`` in Europe/Amsterdam local time.

    Trap: a naive datetime is refused, because a laptop in UTC would otherwise log an evening
    visit at 19:30 as Middag.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("daypart_of needs a timezone-aware datetime")
    return dagdeel_at(moment.astimezone(AMSTERDAM).time())


DAYPART_LABELS_NL: dict[Dagdeel, str] = {
    Dagdeel.OCHTEND: "ochtend",
    Dagdeel.MIDDAG: "middag",
    Dagdeel.AVOND: "avond",
}
