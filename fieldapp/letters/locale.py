"""Dates and dayparts written out in each text language.

Weekday and month names come from CLDR through Babel (``babel.dates.format_date``), not from
the OS locale: a laptop without the ``pl_PL`` locale must still print a Polish date, and
``strftime`` is not thread-safe with ``setlocale``. Only the word order per language is ours
(the pattern), because each text puts ``{datum}`` inside a sentence.

Dayparts are not a CLDR notion in our sense (ochtend/middag/avond are DDAS values); their
phrases stay in a small table, written to fit the sentences in ``letters/``.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as babel_format_date

from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.letters import Language

BABEL_LOCALE: dict[Language, str] = {
    Language.NL: "nl_NL",
    Language.EN: "en_GB",
    Language.PL: "pl_PL",
    Language.TR: "tr_TR",
    # Modern Standard Arabic with the international month names (سبتمبر); the Levantine
    # (أيلول) and Maghrebi (شتنبر) names would suit only part of our readers.
    Language.AR: "ar",
}

_VISIT_PATTERN: dict[Language, str] = {
    Language.NL: "EEEE d MMMM",
    Language.EN: "EEEE d MMMM",
    # Genitive month after the day ("17 września"); the nominative weekday in brackets,
    # because after "w" it would need the accusative ("w środę"), which CLDR does not have.
    Language.PL: "d MMMM (EEEE)",
    Language.TR: "d MMMM EEEE",
    Language.AR: "EEEE d MMMM",
}

_LETTER_PATTERN = "d MMMM y"

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
        # "rano" reads as early morning; a visit between 9 and 12 is "przed południem".
        Dagdeel.OCHTEND: "przed południem",
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

_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _format(day: date, pattern: str, language: Language) -> str:
    # Arabic uses Western digits (as Dutch phone numbers do), so numbers look the same on
    # every card; translate in case a CLDR release switches ``ar`` to Arabic-Indic digits.
    text = babel_format_date(day, pattern, locale=BABEL_LOCALE[language])
    return text.translate(_ASCII_DIGITS)


def format_date(day: date, language: Language) -> str:
    """``woensdag 17 september`` / ``Wednesday 17 September`` / ``17 września (środa)`` /
    ``17 Eylül Çarşamba`` / ``الأربعاء 17 سبتمبر``.

    No year: texts are about the coming days, and a shorter date reads more easily.
    """
    return _format(day, _VISIT_PATTERN[language], language)


def format_letter_date(day: date, language: Language) -> str:
    """The date at the top of a letter, with the year: ``17 september 2025``."""
    return _format(day, _LETTER_PATTERN, language)


def format_daypart(dagdeel: Dagdeel, language: Language) -> str:
    return _DAYPARTS[language][dagdeel]
