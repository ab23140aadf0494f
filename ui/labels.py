"""Translatable labels for domain values (DDAS enums, quick outcomes).

Source strings are Dutch; ``QCoreApplication.translate`` (or ``QT_TRANSLATE_NOOP``) with a
literal context and text lets ``pyside6-lupdate`` collect them into resources/translations/*.ts.
"""

from __future__ import annotations

from fieldapp.domain.ddas import (
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    Signaalpartner,
    Signaalstatus,
)
from fieldapp.services.attempts import QuickOutcome
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

CONTACT_ICONS: dict[Contactsoort, str] = {
    Contactsoort.HUISBEZOEK: "huisbezoek",
    Contactsoort.KAARTJE: "kaartje",
    Contactsoort.TELEFOON: "telefoon",
    Contactsoort.SMS_WHATSAPP: "sms",
    Contactsoort.BRIEF: "brief",
    Contactsoort.MAIL: "mail",
    Contactsoort.AFSPRAAK_OP_LOCATIE: "afspraak",
    Contactsoort.ADMINISTRATIEF: "notitie",
    Contactsoort.ONBEKEND: "overig",
    Contactsoort.OVERIGE: "overig",
}

DAYPART_ICONS: dict[Dagdeel, str] = {
    Dagdeel.OCHTEND: "dagdeel_ochtend",  # rising sun
    Dagdeel.MIDDAG: "dagdeel_middag",  # sun
    Dagdeel.AVOND: "dagdeel_avond",  # moon
}

QUICK_ICONS: dict[QuickOutcome, str] = {
    QuickOutcome.NIET_THUIS_KAARTJE: "kaartje",
    QuickOutcome.NIET_THUIS: "huisbezoek",
    QuickOutcome.GESPROKEN_WIL_HULP: "persoon",
    QuickOutcome.GESPROKEN_GEEN_HULP: "persoon",
    QuickOutcome.GEBELD_GEEN_GEHOOR: "telefoon",
    QuickOutcome.GEBELD_GESPROKEN: "telefoon",
    QuickOutcome.APP_SMS: "sms",
    QuickOutcome.BRIEF: "brief",
}


def contactsoort_label(soort: Contactsoort) -> str:
    labels = {
        Contactsoort.HUISBEZOEK: QCoreApplication.translate("Labels", "Huisbezoek"),
        Contactsoort.KAARTJE: QCoreApplication.translate("Labels", "Kaartje"),
        Contactsoort.TELEFOON: QCoreApplication.translate("Labels", "Telefoon"),
        Contactsoort.SMS_WHATSAPP: QCoreApplication.translate("Labels", "SMS/WhatsApp"),
        Contactsoort.BRIEF: QCoreApplication.translate("Labels", "Brief"),
        Contactsoort.MAIL: QCoreApplication.translate("Labels", "Mail"),
        Contactsoort.AFSPRAAK_OP_LOCATIE: QCoreApplication.translate(
            "Labels", "Afspraak op locatie"
        ),
        Contactsoort.ADMINISTRATIEF: QCoreApplication.translate("Labels", "Administratief"),
        Contactsoort.ONBEKEND: QCoreApplication.translate("Labels", "Onbekend"),
        Contactsoort.OVERIGE: QCoreApplication.translate("Labels", "Overige"),
    }
    return labels[soort]


def dagdeel_label(dagdeel: Dagdeel) -> str:
    labels = {
        Dagdeel.OCHTEND: QCoreApplication.translate("Labels", "ochtend"),
        Dagdeel.MIDDAG: QCoreApplication.translate("Labels", "middag"),
        Dagdeel.AVOND: QCoreApplication.translate("Labels", "avond"),
    }
    return labels[dagdeel]


def partner_label(partner: Signaalpartner) -> str:
    labels = {
        Signaalpartner.BELASTINGDIENST: QCoreApplication.translate("Labels", "Belastingdienst"),
        Signaalpartner.CAK_EIGEN_BIJDRAGE: QCoreApplication.translate(
            "Labels", "CAK eigen bijdrage"
        ),
        Signaalpartner.CAK_ZORGVERZEKERINGEN: QCoreApplication.translate(
            "Labels", "CAK zorgverzekering"
        ),
        Signaalpartner.DIENST_TOESLAGEN: QCoreApplication.translate("Labels", "Toeslagen"),
        Signaalpartner.DUO: QCoreApplication.translate("Labels", "DUO"),
        Signaalpartner.ENERGIE: QCoreApplication.translate("Labels", "Energie"),
        Signaalpartner.HUUR: QCoreApplication.translate("Labels", "Huur"),
        Signaalpartner.HYPOTHEEK: QCoreApplication.translate("Labels", "Hypotheek"),
        Signaalpartner.OVERIGE: QCoreApplication.translate("Labels", "Overige"),
        Signaalpartner.WATER: QCoreApplication.translate("Labels", "Water"),
        Signaalpartner.ZORG: QCoreApplication.translate("Labels", "Zorgverzekering"),
    }
    return labels[partner]


def signaalstatus_label(status: Signaalstatus) -> str:
    labels = {
        Signaalstatus.AL_BEKEND_BIJ_SHV: QCoreApplication.translate(
            "Labels", "Al bekend bij schuldhulpverlening"
        ),
        Signaalstatus.OVERLEDEN: QCoreApplication.translate("Labels", "Inwoner is overleden"),
        Signaalstatus.NIET_OPGEPAKT_ANDERE_REDEN: QCoreApplication.translate(
            "Labels", "Niet opgepakt: andere reden"
        ),
        Signaalstatus.NIET_OPGEPAKT_HERHAALDE_MELDING: QCoreApplication.translate(
            "Labels", "Niet opgepakt: herhaalde melding"
        ),
        Signaalstatus.NIET_OPGEPAKT_ONTERECHT: QCoreApplication.translate(
            "Labels", "Niet opgepakt: onterecht signaal"
        ),
        Signaalstatus.NOG_NIET_OPGEPAKT: QCoreApplication.translate("Labels", "Nog niet opgepakt"),
        Signaalstatus.OPGEPAKT: QCoreApplication.translate("Labels", "Opgepakt"),
        Signaalstatus.GEEN_INWONER: QCoreApplication.translate(
            "Labels", "Geen inwoner (meer) van de gemeente"
        ),
    }
    return labels[status]


def quick_outcome_label(outcome: QuickOutcome) -> str:
    labels = {
        QuickOutcome.NIET_THUIS_KAARTJE: QCoreApplication.translate(
            "Labels", "Niet thuis, kaartje achtergelaten"
        ),
        QuickOutcome.NIET_THUIS: QCoreApplication.translate("Labels", "Niet thuis"),
        QuickOutcome.GESPROKEN_WIL_HULP: QCoreApplication.translate(
            "Labels", "Gesproken, wil hulp"
        ),
        QuickOutcome.GESPROKEN_GEEN_HULP: QCoreApplication.translate(
            "Labels", "Gesproken, geen hulp nodig"
        ),
        QuickOutcome.GEBELD_GEEN_GEHOOR: QCoreApplication.translate(
            "Labels", "Gebeld, geen gehoor"
        ),
        QuickOutcome.GEBELD_GESPROKEN: QCoreApplication.translate("Labels", "Gebeld, gesproken"),
        QuickOutcome.APP_SMS: QCoreApplication.translate("Labels", "App/SMS gestuurd"),
        QuickOutcome.BRIEF: QCoreApplication.translate("Labels", "Brief gestuurd"),
    }
    return labels[outcome]


# The close dialog's labels, in the order a worker thinks of them (also the list order).
_RESULT_LABELS: dict[Eindresultaat, object] = {
    Eindresultaat.VERVOLGHULP_FINANCIEEL: QT_TRANSLATE_NOOP(
        "Labels", "Doorverwezen naar schuldhulp of budgetcoaching"
    ),
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL: QT_TRANSLATE_NOOP(
        "Labels", "Doorverwezen naar andere hulp (bijv. maatschappelijk werk)"
    ),
    Eindresultaat.VERVOLGHULP: QT_TRANSLATE_NOOP(
        "Labels", "Doorverwezen, soort hulp nog niet bekend"
    ),
    Eindresultaat.BUDGETADVIES_QUICK_FIX: QT_TRANSLATE_NOOP(
        "Labels", "Geholpen met advies of een snelle oplossing"
    ),
    Eindresultaat.ZELF_BETAALD: QT_TRANSLATE_NOOP(
        "Labels", "Heeft zelf betaald of een regeling getroffen"
    ),
    Eindresultaat.REGELT_HET_ZELF: QT_TRANSLATE_NOOP("Labels", "Regelt het zelf, wil geen hulp"),
    Eindresultaat.GEEN_REACTIE_NA_CONTACT: QT_TRANSLATE_NOOP(
        "Labels", "Eerst contact gehad, daarna geen reactie meer"
    ),
    Eindresultaat.DEFINITIEF_GEEN_CONTACT: QT_TRANSLATE_NOOP(
        "Labels", "Geen contact gekregen, ondanks pogingen"
    ),
    Eindresultaat.AL_BEKEND_BIJ_SHV: QT_TRANSLATE_NOOP(
        "Labels", "Al bekend bij schuldhulpverlening"
    ),
    Eindresultaat.ANDER_LOPEND_TRAJECT: QT_TRANSLATE_NOOP("Labels", "Heeft al ander hulptraject"),
    Eindresultaat.GEEN_INWONER: QT_TRANSLATE_NOOP("Labels", "Woont niet (meer) in de gemeente"),
    Eindresultaat.OVERLEDEN: QT_TRANSLATE_NOOP("Labels", "Overleden"),
    Eindresultaat.VERWIJZING_ZONDER_TUSSENKOMST: QT_TRANSLATE_NOOP(
        "Labels", "Doorverwezen zonder tussenkomst van de inwoner"
    ),
    Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING: QT_TRANSLATE_NOOP(
        "Labels", "Niet opgepakt: herhaalde melding"
    ),
    Eindresultaat.NIET_OPGEPAKT_ONTERECHT: QT_TRANSLATE_NOOP(
        "Labels", "Niet opgepakt: onterecht signaal"
    ),
    Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN: QT_TRANSLATE_NOOP(
        "Labels", "Niet opgepakt: andere reden"
    ),
}


def result_label(result: Eindresultaat) -> str:
    return QCoreApplication.translate("Labels", str(_RESULT_LABELS[result]))


def result_order() -> list[Eindresultaat]:
    """The close dialog's order."""
    return list(_RESULT_LABELS)


def priority_reason_label(reason: str) -> str:
    """A priority reason from the core, in the UI language (see ui.reason_labels)."""
    from ui.reason_labels import translate_reason

    return translate_reason(reason)
