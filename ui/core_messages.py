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
    QT_TRANSLATE_NOOP("CoreMessages", "Minimale inspanning nog niet gehaald: %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "minstens %1 pogingen (nu %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "minstens %1 kanalen (nu %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "minstens %1 persoonlijke poging(en) (nu %2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "minstens %1 verschillende dagdelen (nu %2)"),
)


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
    (re.compile(r"^Minimale inspanning nog niet gehaald: (.*)$"), "EFFORT"),
]

_EFFORT: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^minstens (\d+) pogingen \(nu (\d+)\)$"), "ATTEMPTS"),
    (re.compile(r"^minstens (\d+) kanalen \(nu (\d+)\)$"), "CHANNELS"),
    (re.compile(r"^minstens (\d+) persoonlijke poging\(en\) \(nu (\d+)\)$"), "PERSONAL"),
    (re.compile(r"^minstens (\d+) verschillende dagdelen \(nu (\d+)\)$"), "DAYPARTS"),
]


def effort_item(text: str) -> str:
    """One line of the core's effort checklist (``domain.effort``) in the UI language."""
    for pattern, code in _EFFORT:
        match = pattern.match(text)
        if match is None:
            continue
        need, now = match.group(1), match.group(2)
        templates = {
            "ATTEMPTS": _t("minstens %1 pogingen (nu %2)"),
            "CHANNELS": _t("minstens %1 kanalen (nu %2)"),
            "PERSONAL": _t("minstens %1 persoonlijke poging(en) (nu %2)"),
            "DAYPARTS": _t("minstens %1 verschillende dagdelen (nu %2)"),
        }
        return templates[code].replace("%1", need).replace("%2", now)
    return text


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
        return _t("Minimale inspanning nog niet gehaald: %1").replace("%1", items)
    return text
