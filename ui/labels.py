"""Translatable labels for domain values (DDAS enums, quick outcomes).

Source strings are Dutch; ``QCoreApplication.translate`` with a literal context and text lets
``pyside6-lupdate`` collect them into resources/translations/*.ts.
"""

from __future__ import annotations

from fieldapp.domain.ddas import Contactsoort, Dagdeel, Eindresultaat, Signaalpartner
from fieldapp.services.attempts import QuickOutcome
from fieldapp.services.cases import RESULT_LABELS_NL
from ui.qt import QCoreApplication

_tr = QCoreApplication.translate

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
        Contactsoort.HUISBEZOEK: _tr("Labels", "Huisbezoek"),
        Contactsoort.KAARTJE: _tr("Labels", "Kaartje"),
        Contactsoort.TELEFOON: _tr("Labels", "Telefoon"),
        Contactsoort.SMS_WHATSAPP: _tr("Labels", "SMS/WhatsApp"),
        Contactsoort.BRIEF: _tr("Labels", "Brief"),
        Contactsoort.MAIL: _tr("Labels", "Mail"),
        Contactsoort.AFSPRAAK_OP_LOCATIE: _tr("Labels", "Afspraak op locatie"),
        Contactsoort.ADMINISTRATIEF: _tr("Labels", "Administratief"),
        Contactsoort.ONBEKEND: _tr("Labels", "Onbekend"),
        Contactsoort.OVERIGE: _tr("Labels", "Overige"),
    }
    return labels[soort]


def dagdeel_label(dagdeel: Dagdeel) -> str:
    labels = {
        Dagdeel.OCHTEND: _tr("Labels", "ochtend"),
        Dagdeel.MIDDAG: _tr("Labels", "middag"),
        Dagdeel.AVOND: _tr("Labels", "avond"),
    }
    return labels[dagdeel]


def dagdeel_letter(dagdeel: Dagdeel) -> str:
    """One letter for the small attempt marks (o/m/a in Dutch, m/a/e in English)."""
    letters = {
        Dagdeel.OCHTEND: _tr("Labels", "o", "ochtend, one letter"),
        Dagdeel.MIDDAG: _tr("Labels", "m", "middag, one letter"),
        Dagdeel.AVOND: _tr("Labels", "a", "avond, one letter"),
    }
    return letters[dagdeel]


def partner_label(partner: Signaalpartner) -> str:
    labels = {
        Signaalpartner.BELASTINGDIENST: _tr("Labels", "Belastingdienst"),
        Signaalpartner.CAK_EIGEN_BIJDRAGE: _tr("Labels", "CAK eigen bijdrage"),
        Signaalpartner.CAK_ZORGVERZEKERINGEN: _tr("Labels", "CAK zorgverzekering"),
        Signaalpartner.DIENST_TOESLAGEN: _tr("Labels", "Toeslagen"),
        Signaalpartner.DUO: _tr("Labels", "DUO"),
        Signaalpartner.ENERGIE: _tr("Labels", "Energie"),
        Signaalpartner.HUUR: _tr("Labels", "Huur"),
        Signaalpartner.HYPOTHEEK: _tr("Labels", "Hypotheek"),
        Signaalpartner.OVERIGE: _tr("Labels", "Overige"),
        Signaalpartner.WATER: _tr("Labels", "Water"),
        Signaalpartner.ZORG: _tr("Labels", "Zorgverzekering"),
    }
    return labels[partner]


def quick_outcome_label(outcome: QuickOutcome) -> str:
    labels = {
        QuickOutcome.NIET_THUIS_KAARTJE: _tr("Labels", "Niet thuis, kaartje achtergelaten"),
        QuickOutcome.NIET_THUIS: _tr("Labels", "Niet thuis"),
        QuickOutcome.GESPROKEN_WIL_HULP: _tr("Labels", "Gesproken, wil hulp"),
        QuickOutcome.GESPROKEN_GEEN_HULP: _tr("Labels", "Gesproken, geen hulp nodig"),
        QuickOutcome.GEBELD_GEEN_GEHOOR: _tr("Labels", "Gebeld, geen gehoor"),
        QuickOutcome.GEBELD_GESPROKEN: _tr("Labels", "Gebeld, gesproken"),
        QuickOutcome.APP_SMS: _tr("Labels", "App/SMS gestuurd"),
        QuickOutcome.BRIEF: _tr("Labels", "Brief gestuurd"),
    }
    return labels[outcome]


def result_label(result: Eindresultaat) -> str:
    labels = {
        Eindresultaat.VERVOLGHULP_FINANCIEEL: _tr(
            "Labels", "Doorverwezen naar schuldhulp of budgetcoaching"
        ),
        Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL: _tr(
            "Labels", "Doorverwezen naar andere hulp (bijv. maatschappelijk werk)"
        ),
        Eindresultaat.VERVOLGHULP: _tr("Labels", "Doorverwezen, soort hulp nog niet bekend"),
        Eindresultaat.BUDGETADVIES_QUICK_FIX: _tr(
            "Labels", "Geholpen met advies of een snelle oplossing"
        ),
        Eindresultaat.ZELF_BETAALD: _tr("Labels", "Heeft zelf betaald of een regeling getroffen"),
        Eindresultaat.REGELT_HET_ZELF: _tr("Labels", "Regelt het zelf, wil geen hulp"),
        Eindresultaat.GEEN_REACTIE_NA_CONTACT: _tr(
            "Labels", "Eerst contact gehad, daarna geen reactie meer"
        ),
        Eindresultaat.DEFINITIEF_GEEN_CONTACT: _tr(
            "Labels", "Geen contact gekregen, ondanks pogingen"
        ),
        Eindresultaat.AL_BEKEND_BIJ_SHV: _tr("Labels", "Al bekend bij schuldhulpverlening"),
        Eindresultaat.ANDER_LOPEND_TRAJECT: _tr("Labels", "Heeft al ander hulptraject"),
        Eindresultaat.GEEN_INWONER: _tr("Labels", "Woont niet (meer) in de gemeente"),
        Eindresultaat.OVERLEDEN: _tr("Labels", "Overleden"),
        Eindresultaat.VERWIJZING_ZONDER_TUSSENKOMST: _tr(
            "Labels", "Doorverwezen zonder tussenkomst van de inwoner"
        ),
        Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING: _tr(
            "Labels", "Niet opgepakt: herhaalde melding"
        ),
        Eindresultaat.NIET_OPGEPAKT_ONTERECHT: _tr("Labels", "Niet opgepakt: onterecht signaal"),
        Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN: _tr("Labels", "Niet opgepakt: andere reden"),
    }
    return labels[result]


def result_order() -> list[Eindresultaat]:
    """The close dialog's order: the services' plain-Dutch list order."""
    return list(RESULT_LABELS_NL)
