"""Messages from the core (``fieldapp``) in the UI language.

The core raises typed errors whose text is a fixed Dutch sentence, named by a ``MSG_*``
constant (or a service message), sometimes with an argument ("(HTTP 503)", a number). That
sentence is its code: here each one is matched and rebuilt through
``QCoreApplication.translate("CoreMessages", ...)``, so pyside6-lupdate collects them and the
English UI shows English. A text not in the table is shown as it is (never hidden);
``tests/ui/test_core_messages.py`` checks that every ``MSG_*`` constant is covered. (A later
step could give core errors an explicit code; the fixed sentence serves as one today.)
"""

from __future__ import annotations

import re

from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("CoreMessages", text)


_TEMPLATES = (
    QT_TRANSLATE_NOOP("CoreMessages", "De server weigerde het verzoek. (HTTP %1)"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "De wachtwoordzin moet minstens %1 tekens lang zijn. "
        "Een zin van een paar woorden is makkelijk te onthouden.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "Inspanning niet voldaan: %1"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "Inspanning niet voldaan; alleen een teamleider mag toch afsluiten: %1"
    ),
)

# The effort checklist by its stable code (``domain.effort.ShortfallCode``): %1 = needed,
# %2 = what the case has.
_EFFORT_BY_CODE = {
    "POGINGEN": QT_TRANSLATE_NOOP("CoreMessages", "Minstens %1 contactpoging(en) (nu %2)"),
    "KANALEN": QT_TRANSLATE_NOOP(
        "CoreMessages", "Minstens %1 verschillende soort(en) contact (nu %2)"
    ),
    "PERSOONLIJK": QT_TRANSLATE_NOOP(
        "CoreMessages", "Minstens %1 persoonlijke poging(en) (telefoon of huisbezoek) (nu %2)"
    ),
    "DAGDELEN": QT_TRANSLATE_NOOP(
        "CoreMessages", "Persoonlijke pogingen op minstens %1 verschillende dagdelen (nu %2)"
    ),
    "BUITEN_KANTOORTIJD": QT_TRANSLATE_NOOP(
        "CoreMessages", "Minstens %1 persoonlijke poging(en) 's avonds of op zaterdag (nu %2)"
    ),
}

# The Dutch core texts (QT_TRANSLATE_NOOP marks them for pyside6-lupdate; the translation
# is looked up at call time, so a language switch needs no restart).
SOURCES: tuple[str, ...] = (
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Geen verbinding met de server. Je werk blijft bewaard op deze laptop; "
            "Veldwerk probeert het later opnieuw.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "De server gaf een onverwacht antwoord (misschien een inlogpagina van een "
            "wifi-netwerk). Je werk blijft bewaard op deze laptop.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages", "Deze laptop is niet (meer) aangemeld bij de server. Meld opnieuw aan."
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages", "Deze versie van Veldwerk is te oud voor de server. Werk Veldwerk bij."
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages", "Alleen een beveiligde verbinding (https) naar de server is toegestaan."
        )
    ),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Synchroniseren is afgebroken.")),
    str(QT_TRANSLATE_NOOP("CoreMessages", "De server weigerde het verzoek.")),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Deze laptop is nog niet aangemeld bij een server.")),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages", "De server heeft geen herstelsleutel die bij deze database past."
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Veldwerk is al geopend met deze database (in een ander venster of programma).",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Deze database is gemaakt door een nieuwere versie van Veldwerk. Werk Veldwerk bij.",
        )
    ),
    str(QT_TRANSLATE_NOOP("CoreMessages", "De database is beschadigd: de schemaversie ontbreekt.")),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Veldwerk kon vóór het bijwerken van de database geen goede reservekopie maken. "
            "Er is niets veranderd.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "De database is beschadigd of hoort niet bij dit sleutelbestand. "
            "Neem contact op met de functioneel beheerder.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages", "De sleutel past niet bij deze database (of de database is beschadigd)."
        )
    ),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Er is geen Veldwerk-database op deze plek.")),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Het sleutelbestand van de database is beschadigd.")),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Dit sleutelbestand is gemaakt door een nieuwere versie van Veldwerk. "
            "Werk Veldwerk bij.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages", "Hier staat al een Veldwerk-database; die wordt niet overschreven."
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages", "De wachtwoordzin mag niet uit één herhaald teken bestaan."
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Deze wachtwoordzin komt voor in lijsten van veelgebruikte wachtwoorden. "
            "Kies een andere.",
        )
    ),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Deze zaak bestaat niet (meer) op dit apparaat.")),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Deze poging is al anders opgeslagen.")),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Deze poging kan niet worden doorgestreept.")),
    str(
        QT_TRANSLATE_NOOP("CoreMessages", "Deze zaak is niet afgesloten; heropenen is niet nodig.")
    ),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Schrijf op waarom u de zaak heropent.")),
    str(QT_TRANSLATE_NOOP("CoreMessages", "U kunt alleen uw eigen zaken heropenen.")),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Er is niets om te printen: geen zaken gevonden.")),
    str(QT_TRANSLATE_NOOP("CoreMessages", "Het uitvoerbestand moet op .pdf eindigen.")),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Uw naam ontbreekt: dan staat er een lege regel op het kaartje of de brief. "
            "Vul uw gegevens in bij Instellingen, of met "
            "`fieldapp profile set --naam ... --telefoon ...`.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Uw telefoonnummer ontbreekt: dan staat er een lege regel op het kaartje of de brief. "
            "Vul uw gegevens in bij Instellingen, of met "
            "`fieldapp profile set --naam ... --telefoon ...`.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Uw naam en telefoonnummer ontbreken: dan staat er een lege regel op het kaartje "
            "of de brief. Vul uw gegevens in bij Instellingen, of met "
            "`fieldapp profile set --naam ... --telefoon ...`.",
        )
    ),
    str(QT_TRANSLATE_NOOP("CoreMessages", "De map voor het uitvoerbestand bestaat niet.")),
)

_KNOWN = frozenset(SOURCES)

_WITH_ARGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^De server weigerde het verzoek\. \(HTTP (\d+)\)$"), "HTTP"),
    (
        re.compile(
            r"^De wachtwoordzin moet minstens (\d+) tekens lang zijn\. "
            r"Een zin van een paar woorden is makkelijk te onthouden\.$"
        ),
        "LENGTH",
    ),
    (
        re.compile(r"^Inspanning niet voldaan; alleen een teamleider mag toch afsluiten: (.*)$"),
        "LEAD",
    ),
    (re.compile(r"^Inspanning niet voldaan: (.*)$"), "EFFORT"),
]

_LINE = re.compile(r"^\D*?(\d+).*\(nu (\d+)\) \[([A-Z_]+)\]$")
_CODE_SUFFIX = re.compile(r" \[[A-Z_]+\]$")


def effort_line(need: int, have: int, code: str, dutch: str = "") -> str:
    """One checklist item by its code, in the UI language (``dutch`` if the code is new)."""
    template = _EFFORT_BY_CODE.get(code)
    if template is None:
        return dutch
    translated = _t(str(template))
    if translated == str(template) and dutch:
        return dutch  # the Dutch UI keeps the core's own sentence (with its plurals)
    return translated.replace("%1", str(need)).replace("%2", str(have))


def effort_item(line: str) -> str:
    """A line of the core's checklist (``Shortfall.line``: "text (nu 1) [CODE]") for people:
    translated by its code, shown without the code."""
    dutch = _CODE_SUFFIX.sub("", line)
    match = _LINE.match(line)
    if match is None:
        return dutch
    return effort_line(int(match.group(1)), int(match.group(2)), match.group(3), dutch)


def core_message(text: str) -> str:
    """``text`` from the core in the UI language (unknown texts unchanged)."""
    if text in _KNOWN:
        return _t(text)
    for pattern, code in _WITH_ARGS:
        match = pattern.match(text)
        if match is None:
            continue
        if code == "HTTP":
            return _t("De server weigerde het verzoek. (HTTP %1)").replace("%1", match.group(1))
        if code == "LENGTH":
            return _t(
                "De wachtwoordzin moet minstens %1 tekens lang zijn. "
                "Een zin van een paar woorden is makkelijk te onthouden."
            ).replace("%1", match.group(1))
        items = "; ".join(effort_item(item) for item in match.group(1).split("; "))
        if code == "LEAD":
            return _t(
                "Inspanning niet voldaan; alleen een teamleider mag toch afsluiten: %1"
            ).replace("%1", items)
        return _t("Inspanning niet voldaan: %1").replace("%1", items)
    return text
