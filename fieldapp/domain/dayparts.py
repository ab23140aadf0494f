"""Dayparts (dagdelen) derived from local Dutch time."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from fieldapp.domain.ddas import Dagdeel

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_NOON = time(12, 0)
_EVENING = time(18, 0)


def daypart_of(moment: datetime) -> Dagdeel:
    """The DDAS dagdeel of ``moment`` in Europe/Amsterdam local time.

    Trap: a naive datetime is refused, because a laptop in UTC would otherwise log an evening
    visit at 19:30 as Middag.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("daypart_of needs a timezone-aware datetime")
    local = moment.astimezone(AMSTERDAM).time()
    if local < _NOON:
        return Dagdeel.OCHTEND
    if local < _EVENING:
        return Dagdeel.MIDDAG
    return Dagdeel.AVOND


DAYPART_LABELS_NL: dict[Dagdeel, str] = {
    Dagdeel.OCHTEND: "ochtend",
    Dagdeel.MIDDAG: "middag",
    Dagdeel.AVOND: "avond",
}
