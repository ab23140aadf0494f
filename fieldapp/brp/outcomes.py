"""From what the BRP says to what the team does (issue 13 item 2, DDAS vocabulary).

Rules, in this order (the first that applies wins):
- reden opschorting O or a datum overlijden -> OVERLEDEN, signal "Inwoner is overleden"
  (the household may still be offered help: the note says so);
- reden E or R, RNI, abroad, another gemeente -> GEEN_INWONER, signal "Persoon is geen
  inwoner (meer) in de gemeente" (share the signal with the new gemeente);
- reden M (or unknown) -> CONTROLE; no address, "vastgesteld verblijft niet op adres",
  briefadres -> CONTROLE: a flag for the lead, status unchanged;
- same gemeente, this address -> INWONER; other address -> VERHUISD (the case moves and is
  matched again); a signal without address -> ADRES_GEVONDEN (joins the household there);
- not found, too many, ambiguous -> HANDMATIG (the lead's manual queue);
- a company name -> BEDRIJF, signal "Niet opgepakt: andere reden".
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.brp.model import BrpAddress, BrpPerson, PlaceKind
from fieldapp.domain.ddas import Signaalstatus
from fieldapp.domain.people import Address, address_key


class Verdict(StrEnum):
    INWONER = "inwoner"
    ADRES_GEVONDEN = "adres_gevonden"
    VERHUISD = "verhuisd"
    OVERLEDEN = "overleden"
    GEEN_INWONER = "geen_inwoner"
    CONTROLE = "controle"
    HANDMATIG = "handmatig"
    BEDRIJF = "bedrijf"


class Reason(StrEnum):
    """Why a verdict was reached; a code, shown to the lead through ``REASON_NL``."""

    WOONADRES = "woonadres"
    OVERLIJDEN = "overlijden"
    EMIGRATIE = "emigratie"
    RNI = "rni"
    ANDERE_GEMEENTE = "andere_gemeente"
    BUITENLAND = "buitenland"
    BRIEFADRES = "briefadres"
    VERBLIJFT_NIET_OP_ADRES = "verblijft_niet_op_adres"
    ADRES_ONBEKEND = "adres_onbekend"
    OPGESCHORT = "opgeschort"
    NIET_GEVONDEN = "niet_gevonden"
    TE_VEEL = "te_veel"
    MEERDERE = "meerdere"
    BEDRIJFSNAAM = "bedrijfsnaam"
    HANDMATIG = "handmatig"


REASON_NL: dict[Reason, str] = {
    Reason.WOONADRES: "Ingeschreven op dit adres",
    Reason.OVERLIJDEN: "Inwoner is overleden; het huishouden kan nog steeds hulp krijgen",
    Reason.EMIGRATIE: "Vertrokken naar het buitenland",
    Reason.RNI: "Ingeschreven als niet-ingezetene (RNI)",
    Reason.ANDERE_GEMEENTE: (
        "Ingeschreven in een andere gemeente: deel het signaal met die gemeente"
    ),
    Reason.BUITENLAND: "Verblijft in het buitenland",
    Reason.BRIEFADRES: "Heeft een briefadres: controleer waar de persoon verblijft",
    Reason.VERBLIJFT_NIET_OP_ADRES: "Vastgesteld: verblijft niet op het adres",
    Reason.ADRES_ONBEKEND: "Adres onbekend in de BRP",
    Reason.OPGESCHORT: "Bijhouding opgeschort (ministerieel besluit)",
    Reason.NIET_GEVONDEN: "Niet gevonden in de BRP: controleer met de hand",
    Reason.TE_VEEL: "Te veel treffers in de BRP: controleer met de hand",
    Reason.MEERDERE: "Meer dan één persoon past: controleer met de hand",
    Reason.BEDRIJFSNAAM: "Contract op naam van een bedrijf: niet opgepakt (andere reden)",
    Reason.HANDMATIG: "Met de hand vastgesteld door de teamleider",
}

SIGNAL_STATUS: dict[Verdict, Signaalstatus] = {
    Verdict.OVERLEDEN: Signaalstatus.OVERLEDEN,
    Verdict.GEEN_INWONER: Signaalstatus.GEEN_INWONER,
    Verdict.BEDRIJF: Signaalstatus.NIET_OPGEPAKT_ANDERE_REDEN,
}
"""Verdicts that change the signal's DDAS status; the others leave it as matching set it."""


@dataclass(frozen=True, slots=True)
class Outcome:
    verdict: Verdict
    reason: Reason
    gemeentecode: str | None = None
    bag_id: str | None = None
    new_address: BrpAddress | None = None  # VERHUISD / ADRES_GEVONDEN only

    @property
    def signal_status(self) -> Signaalstatus | None:
        return SIGNAL_STATUS.get(self.verdict)

    @property
    def note_nl(self) -> str:
        return REASON_NL[self.reason]


def brp_address_key(address: BrpAddress) -> str:
    return address_key(address.postcode, address.huisnummer, address.toevoeging)


def decide(
    person: BrpPerson, signal_address: Address | None, own_gemeentecodes: Collection[str]
) -> Outcome:
    """The outcome for one delivered persoonslijst (see the module table; order matters)."""
    code, bag = person.gemeentecode, person.bag_id
    if person.overleden or person.opschorting == "O":
        return Outcome(Verdict.OVERLEDEN, Reason.OVERLIJDEN, code, bag)
    if person.opschorting == "E":
        return Outcome(Verdict.GEEN_INWONER, Reason.EMIGRATIE, code)
    if person.opschorting == "R" or person.rni:
        return Outcome(Verdict.GEEN_INWONER, Reason.RNI, code)
    if person.place is PlaceKind.BUITENLAND:
        return Outcome(Verdict.GEEN_INWONER, Reason.BUITENLAND, code)
    if person.opschorting is not None:  # M (ministerieel besluit) or a code we do not know
        return Outcome(Verdict.CONTROLE, Reason.OPGESCHORT, code)
    if code is None or code not in own_gemeentecodes:
        return Outcome(Verdict.GEEN_INWONER, Reason.ANDERE_GEMEENTE, code)
    if person.place is not PlaceKind.ADRES or person.address is None:
        return Outcome(Verdict.CONTROLE, Reason.ADRES_ONBEKEND, code, bag)
    if person.verblijft_niet_op_adres:
        return Outcome(Verdict.CONTROLE, Reason.VERBLIJFT_NIET_OP_ADRES, code, bag)
    if person.briefadres:
        return Outcome(Verdict.CONTROLE, Reason.BRIEFADRES, code, bag)
    if signal_address is None:
        return Outcome(Verdict.ADRES_GEVONDEN, Reason.WOONADRES, code, bag, person.address)
    if brp_address_key(person.address) == signal_address.key:
        return Outcome(Verdict.INWONER, Reason.WOONADRES, code, bag)
    return Outcome(Verdict.VERHUISD, Reason.WOONADRES, code, bag, person.address)
