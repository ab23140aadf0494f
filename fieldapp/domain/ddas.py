"""The DDAS Vroegsignalering v1.2 vocabulary as enums.

Values are the exact wire strings of ``json_schema_Uitwisselmodel.json`` (v1.2), so an enum
member can be written to an export as ``member.value`` and read back with ``Enum(value)``.
Source: VNG-Realisatie/ddas-vroegsignalering, v1.2 (copy in ``fieldapp/reporting/schema/``).
"""

from __future__ import annotations

from enum import StrEnum


class Signaalpartner(StrEnum):
    """Who sent the signal (EnumSignaalpartner, 11 values)."""

    BELASTINGDIENST = "Belastingdienst"
    CAK_EIGEN_BIJDRAGE = "CAK Eigen bijdrage"
    CAK_ZORGVERZEKERINGEN = "CAK Zorgverzekeringen"
    DIENST_TOESLAGEN = "Dienst Toeslagen"
    DUO = "DUO"
    ENERGIE = "Energie"
    HUUR = "Huur"
    HYPOTHEEK = "Hypotheek"
    OVERIGE = "Overige"
    WATER = "Water"
    ZORG = "Zorg"


class Contactsoort(StrEnum):
    """Kind of contact attempt (EnumContactsoort, 10 values)."""

    ADMINISTRATIEF = "Administratief"
    AFSPRAAK_OP_LOCATIE = "Afspraak op locatie"
    BRIEF = "Brief"
    HUISBEZOEK = "Huisbezoek"
    KAARTJE = "Kaartje"
    MAIL = "Mail"
    ONBEKEND = "Onbekend"
    OVERIGE = "Overige"
    SMS_WHATSAPP = "SMS/Whatsapp"
    TELEFOON = "Telefoon"

    @property
    def is_personal(self) -> bool:
        """A channel where a worker and the resident can actually talk (for the effort standard)."""
        return self in _PERSONAL


_PERSONAL = frozenset(
    {Contactsoort.HUISBEZOEK, Contactsoort.TELEFOON, Contactsoort.AFSPRAAK_OP_LOCATIE}
)


class Dagdeel(StrEnum):
    """Part of the day (EnumDagdeel). Ochtend < 12:00 <= Middag < 18:00 <= Avond."""

    OCHTEND = "Ochtend"
    MIDDAG = "Middag"
    AVOND = "Avond"


class Eindresultaat(StrEnum):
    """How a case was closed (EnumEindresultaat, 16 values)."""

    BUDGETADVIES_QUICK_FIX = "(Budget)advies en/of quick fix"
    DEFINITIEF_GEEN_CONTACT = "Definitief geen contact kunnen krijgen"
    GEEN_REACTIE_NA_CONTACT = "Geen reactie na eerder contact"
    AL_BEKEND_BIJ_SHV = "Inwoner al bekend bij schuldhulpverlening"
    ANDER_LOPEND_TRAJECT = "Inwoner heeft al een ander lopend traject"
    ZELF_BETAALD = "Inwoner heeft zelf al betaald/betalingsregeling getroffen"
    OVERLEDEN = "Inwoner is overleden"
    REGELT_HET_ZELF = "Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering"
    NIET_OPGEPAKT_ANDERE_REDEN = "Niet opgepakt: andere reden"
    NIET_OPGEPAKT_HERHAALDE_MELDING = "Niet opgepakt: herhaalde melding"
    NIET_OPGEPAKT_ONTERECHT = "Niet opgepakt: onterecht signaal"
    GEEN_INWONER = "Persoon is geen inwoner (meer) in de gemeente"
    VERVOLGHULP = "Vervolghulp en/of verwijzing"
    VERVOLGHULP_FINANCIEEL = "Vervolghulp en/of verwijzing financieel"
    VERVOLGHULP_NIET_FINANCIEEL = "Vervolghulp en/of verwijzing niet financieel"
    VERWIJZING_ZONDER_TUSSENKOMST = "Verwijzing zonder tussenkomst inwoner"

    @property
    def expects_contact(self) -> bool:
        """Outcomes that imply at least one attempt with ``bereikt`` true (NOTES.md §4)."""
        return self in _EXPECTS_CONTACT

    @property
    def is_no_contact(self) -> bool:
        """Not reached despite attempts: the minimum-effort standard applies."""
        return self is Eindresultaat.DEFINITIEF_GEEN_CONTACT


_EXPECTS_CONTACT = frozenset(
    {
        Eindresultaat.BUDGETADVIES_QUICK_FIX,
        Eindresultaat.REGELT_HET_ZELF,
        Eindresultaat.ZELF_BETAALD,
        Eindresultaat.GEEN_REACTIE_NA_CONTACT,
        Eindresultaat.VERVOLGHULP,
        Eindresultaat.VERVOLGHULP_FINANCIEEL,
        Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL,
    }
)


class Signaalstatus(StrEnum):
    """Where a signal stands (EnumSignaalstatus, 8 values in final v1.2)."""

    AL_BEKEND_BIJ_SHV = "Inwoner al bekend bij schuldhulpverlening"
    OVERLEDEN = "Inwoner is overleden"
    NIET_OPGEPAKT_ANDERE_REDEN = "Niet opgepakt: andere reden"
    NIET_OPGEPAKT_HERHAALDE_MELDING = "Niet opgepakt: herhaalde melding"
    NIET_OPGEPAKT_ONTERECHT = "Niet opgepakt: onterecht signaal"
    NOG_NIET_OPGEPAKT = "Nog niet opgepakt"
    OPGEPAKT = "Opgepakt"
    GEEN_INWONER = "Persoon is geen inwoner (meer) in de gemeente"

    @property
    def is_taken_up(self) -> bool:
        """True while the signal is (or may still be) worked on in a case."""
        return self in (Signaalstatus.NOG_NIET_OPGEPAKT, Signaalstatus.OPGEPAKT)


class Geslacht(StrEnum):
    """Sex as registered (``geslacht``); order as in the schema."""

    MAN = "Man"
    VROUW = "Vrouw"
    ONBEKEND = "Onbekend"
    LEEG = "Leeg"
