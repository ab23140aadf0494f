"""Dates and dayparts written out in each text language.

Written as tables, not through the OS locale: a laptop without the ``pl_PL`` locale must still
print a Polish date, and ``strftime`` is not thread-safe with ``setlocale``.
"""

from __future__ import annotations

from datetime import date

from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.letters import Language

_WEEKDAYS: dict[Language, tuple[str, ...]] = {
    Language.NL: ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    Language.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    Language.PL: ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
    Language.TR: ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"),
    Language.AR: ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}

_MONTHS: dict[Language, tuple[str, ...]] = {
    Language.NL: (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    Language.EN: (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    # Polish needs the genitive after a day number ("14 maja").
    Language.PL: (
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ),
    Language.TR: (
        "Ocak",
        "Şubat",
        "Mart",
        "Nisan",
        "Mayıs",
        "Haziran",
        "Temmuz",
        "Ağustos",
        "Eylül",
        "Ekim",
        "Kasım",
        "Aralık",
    ),
    Language.AR: (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
}

_DAYPARTS: dict[Language, dict[Dagdeel, str]] = {
    Language.NL: {
        Dagdeel.OCHTEND: "in de ochtend",
        Dagdeel.MIDDAG: "in de middag",
        Dagdeel.AVOND: "in de avond",
    },
    Language.EN: {
        Dagdeel.OCHTEND: "in the morning",
        Dagdeel.MIDDAG: "in the afternoon",
        Dagdeel.AVOND: "in the evening",
    },
    Language.PL: {
        Dagdeel.OCHTEND: "rano",
        Dagdeel.MIDDAG: "po południu",
        Dagdeel.AVOND: "wieczorem",
    },
    Language.TR: {
        Dagdeel.OCHTEND: "sabah",
        Dagdeel.MIDDAG: "öğleden sonra",
        Dagdeel.AVOND: "akşam",
    },
    Language.AR: {Dagdeel.OCHTEND: "صباحًا", Dagdeel.MIDDAG: "بعد الظهر", Dagdeel.AVOND: "مساءً"},
}


def format_date(day: date, language: Language) -> str:
    """``dinsdag 14 mei`` / ``Tuesday 14 May`` / ``14 maja (wtorek)`` / ``14 Mayıs Salı`` / ...

    No year: texts are about the coming days, and a shorter date reads more easily. Arabic uses
    Western digits (as Dutch phone numbers do), so numbers look the same on every card.
    """
    weekday = _WEEKDAYS[language][day.weekday()]
    month = _MONTHS[language][day.month - 1]
    if language is Language.PL:
        # Nominative weekday in brackets: after "w" it would need the accusative ("w środę").
        return f"{day.day} {month} ({weekday})"
    if language is Language.TR:
        return f"{day.day} {month} {weekday}"
    if language is Language.AR:
        return f"{weekday} {day.day} {month}"
    return f"{weekday} {day.day} {month}"


def format_letter_date(day: date, language: Language) -> str:
    """The date at the top of a letter, with the year: ``14 mei 2025``."""
    return f"{day.day} {_MONTHS[language][day.month - 1]} {day.year}"


def format_daypart(dagdeel: Dagdeel, language: Language) -> str:
    return _DAYPARTS[language][dagdeel]
