"""Which dates get no visits: Sundays, Dutch public holidays (``holidays``, NL), 5 May, bridge days.

``holidays`` NL lists the public holidays (Good Friday included, as the Algemene termijnenwet
equates it); 5 May is public there only in lustrum years. A bridge day is a weekday between a
public holiday and the weekend (e.g. the Friday after Ascension Day).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

from fieldapp.planning.instance import Policy

_LIBERATION_MONTH_DAY = (5, 5)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("NL", years=year, language="nl").items())


def closed_reason(day: date, policy: Policy) -> str | None:
    """Why no visit may take place on ``day`` under ``policy`` (None: a visiting day)."""
    if day.weekday() == 6 and policy.exclude_sundays:
        return "zondag"
    if (day.month, day.day) == _LIBERATION_MONTH_DAY and policy.exclude_liberation_day:
        return "Bevrijdingsdag"
    if policy.exclude_holidays:
        name = _public_holidays(day.year).get(day)
        if name is not None:
            return f"feestdag ({name})"
        if policy.exclude_bridge_days and _is_bridge_day(day):
            return "brugdag"
    return None


def _is_bridge_day(day: date) -> bool:
    if day.weekday() == 4:  # Friday after a Thursday holiday
        return (day - timedelta(days=1)) in _public_holidays((day - timedelta(days=1)).year)
    if day.weekday() == 0:  # Monday before a Tuesday holiday
        return (day + timedelta(days=1)) in _public_holidays((day + timedelta(days=1)).year)
    return False
