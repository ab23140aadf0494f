"""Display formatting for the UI: amounts, dates, deadline clocks (translatable, no DB)."""

from __future__ import annotations

from datetime import date, datetime

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.deadlines import days_left
from ui.qt import QCoreApplication, QDate, QLocale


def euros(cents: int) -> str:
    """``€ 1.234`` through ``QLocale.toCurrencyString`` (the locale's grouping and symbol
    place, a non-breaking space so an amount never wraps): whole euros, cents only below
    10 euro. Negative amounts keep a minus sign (not the accounting brackets)."""
    value = abs(cents) / 100
    precision = 2 if value < 10 and cents % 100 else 0
    amount = value if precision else float(round(value))
    text = QLocale().toCurrencyString(amount, "€", precision)
    return f"-{text}" if cents < 0 else text


def short_date(day: date | None) -> str:
    if day is None:
        return "—"
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM")


def local_time(moment: datetime) -> str:
    local = moment.astimezone(AMSTERDAM)
    return f"{short_date(local.date())} {local:%H:%M}"


def deadline_text(deadline: date, today: date) -> str:
    """In words, so colour is never the only signal ("3 dagen te laat")."""
    left = days_left(deadline, today)
    if left < -1:
        return QCoreApplication.translate("Display", "%1 dagen te laat").replace("%1", str(-left))
    if left == -1:
        return QCoreApplication.translate("Display", "1 dag te laat")
    if left == 0:
        return QCoreApplication.translate("Display", "vandaag")
    if left == 1:
        return QCoreApplication.translate("Display", "nog 1 dag")
    return QCoreApplication.translate("Display", "nog %1 dagen").replace("%1", str(left))


def since_text(day: date | None) -> str:
    if day is None:
        return ""
    return QCoreApplication.translate("Display", "sinds %1").replace("%1", short_date(day))
