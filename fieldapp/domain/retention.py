"""The retention rule, once: how long a case's personal data may stay (DOMAIN.md: privacy).

A case is due the day after ``months`` have passed since its last signal or its closure,
whichever is later; the municipality's policy may set ``months`` (``Policy.retention_months``,
default :data:`DEFAULT_RETENTION_MONTHS`). ``fieldapp.privacy.retention`` enforces it on the
core tables; intake stamps each case's ``purge_after`` from it.
"""

from __future__ import annotations

from datetime import date

DEFAULT_RETENTION_MONTHS = 6


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for dom in (day.day, 30, 29, 28):
        try:
            return date(year, month, dom)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def purge_after(latest: date, months: int = DEFAULT_RETENTION_MONTHS) -> date:
    """The day from which a case whose latest signal or closure is ``latest`` is due."""
    return add_months(latest, months)
