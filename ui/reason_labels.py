"""Priority reasons from ``fieldapp.domain.priority`` in the UI language.

The core writes each reason from a fixed Dutch template with its points ("Huurachterstand:
risico op huisuitzetting (+25)"); they are stored with the case. Here each template is matched
and rebuilt through ``QCoreApplication.translate`` with the same arguments; an unknown text is
shown as it is (never hidden).
"""

from __future__ import annotations

import re

from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication


def _tr(text: object) -> str:
    return QCoreApplication.translate("Reasons", str(text))


_PATTERNS: list[tuple[re.Pattern[str], object]] = [
    (
        re.compile(r"^Crisissignaal of einde levering energie \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Crisissignaal of einde levering energie (+%1)"),
    ),
    (
        re.compile(r"^Meervoudig signaal: (.+) \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Meervoudig signaal: %1 (+%2)"),
    ),
    (
        re.compile(r"^Opeenvolgend: eerder signaal op dit adres \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Opeenvolgend: eerder signaal op dit adres (+%1)"),
    ),
    (
        re.compile(r"^Huurachterstand: risico op huisuitzetting \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Huurachterstand: risico op huisuitzetting (+%1)"),
    ),
    (
        re.compile(r"^Totaalbedrag (.+) \(vanaf (.+)\) \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Totaalbedrag %1 (vanaf %2) (+%3)"),
    ),
    (
        re.compile(r"^Jongere \(t/m (\d+) jaar\) \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Jongere (t/m %1 jaar) (+%2)"),
    ),
    (
        re.compile(r"^Warme overdracht: iemand vraagt om contact \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Warme overdracht: iemand vraagt om contact (+%1)"),
    ),
    (
        re.compile(r"^Enkelvoudig signaal zonder extra risico \(0\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Enkelvoudig signaal zonder extra risico (0)"),
    ),
    (
        re.compile(r"^Termijn verlopen \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Termijn verlopen (+%1)"),
    ),
    (
        re.compile(r"^Termijn binnen 7 dagen \(\+(\d+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "Termijn binnen 7 dagen (+%1)"),
    ),
]


def translate_reason(reason: str) -> str:
    for pattern, template in _PATTERNS:
        match = pattern.match(reason)
        if match is None:
            continue
        text = _tr(template)
        # Replace from the highest number down, so %1 never eats the start of %10.
        for number in range(len(match.groups()), 0, -1):
            text = text.replace(f"%{number}", match.group(number))
        return text
    return reason


# Case warnings (``fieldapp.domain.signals.FLAG_*``): fixed Dutch texts, looked up as a whole.
_FLAGS = frozenset(
    str(text)
    for text in (
        QT_TRANSLATE_NOOP("Flags", "adres onbekend: BRP-controle nodig"),
        QT_TRANSLATE_NOOP("Flags", "BSN klopt niet (elfproef): controleer in BRP"),
        QT_TRANSLATE_NOOP("Flags", "tekst begon met een formuleteken; als tekst bewaard"),
        QT_TRANSLATE_NOOP("Flags", "wil niet benaderd worden: niet opgepakt (andere reden)"),
        QT_TRANSLATE_NOOP(
            "Flags", "wil niet benaderd worden, maar Zorg-signaal wordt toch behandeld"
        ),
        QT_TRANSLATE_NOOP("Flags", "onveilig voor medewerker: alleen met z'n tweeën op huisbezoek"),
        QT_TRANSLATE_NOOP("Flags", "onveilig voor medewerker: geen huisbezoek"),
    )
)


def translate_flag(flag: str) -> str:
    """A case warning from the core in the UI language (unknown texts unchanged)."""
    return QCoreApplication.translate("Flags", flag) if flag in _FLAGS else flag
