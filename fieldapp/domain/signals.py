"""Signals (vroegsignalen): one arrears report from one partner."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fieldapp.domain.ddas import Signaalpartner, Signaalstatus
from fieldapp.domain.people import Address, Person

# Flags a signal can carry (Dutch, shown to the team lead as-is).
FLAG_ADDRESS_UNKNOWN = "adres onbekend: BRP-controle nodig"
FLAG_BSN_INVALID = "BSN klopt niet (elfproef): controleer in BRP"
FLAG_FORMULA_TEXT = "tekst begon met een formuleteken; als tekst bewaard"


@dataclass(frozen=True, slots=True)
class IncomingSignal:
    """A signal as read and normalised from a file, before matching.

    ``external_id`` is the partner's own signal ID; together with ``partner`` it identifies the
    signal forever (importing the same file twice adds nothing).
    """

    external_id: str
    partner: Signaalpartner
    person: Person
    address: Address | None
    bedrag_cents: int | None = None
    ontstaansdatum: date | None = None
    signaaldatum: date | None = None
    crisissignaal: bool = False
    warme_overdracht: bool = False
    status: Signaalstatus = Signaalstatus.NOG_NIET_OPGEPAKT
    flags: tuple[str, ...] = ()
    source_row: int | None = None

    @property
    def identity(self) -> tuple[str, str]:
        return (self.partner.value, self.external_id)

    @property
    def effective_date(self) -> date | None:
        """The day the signal counts from: signaaldatum, else ontstaansdatum."""
        return self.signaaldatum or self.ontstaansdatum


@dataclass(frozen=True, slots=True)
class Signal:
    """A stored signal, belonging to at most one case."""

    id: str
    external_id: str
    partner: Signaalpartner
    status: Signaalstatus
    bedrag_cents: int | None
    ontstaansdatum: date | None
    signaaldatum: date | None
    received_on: date
    crisissignaal: bool = False
    warme_overdracht: bool = False
    case_id: str | None = None
    person_id: str | None = None
    flags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def effective_date(self) -> date:
        return self.signaaldatum or self.ontstaansdatum or self.received_on


# Opt-out and exclusion list (privacy.optout): on signals and on their case. Readable words,
# because the worker sees them; code matches them exactly.
FLAG_OPT_OUT = "wil niet benaderd worden: niet opgepakt (andere reden)"
FLAG_OPT_OUT_ZORG = "wil niet benaderd worden, maar Zorg-signaal wordt toch behandeld"
FLAG_UNSAFE_PAIRS = "onveilig voor medewerker: alleen met z'n tweeën op huisbezoek"
FLAG_UNSAFE_NO_VISIT = "onveilig voor medewerker: geen huisbezoek"
