"""What a BRP backend answers, reduced to the few facts a check needs, and the interface.

A ``BrpPerson`` holds no name and no birth date: only what decides the verdict (deceased,
suspension reason, municipality, current domestic address and its indications). The search
answer (``SearchHit``) carries the BSN and, when asked, the surname parts for the name rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Protocol

MAX_BSNS_PER_QUERY = 20  # RaadpleegMetBurgerservicenummer: 1..20 (BRP API Personen v2.7)


class PlaceKind(StrEnum):
    """``verblijfplaats.type`` in the API (Locatie is a domestic place without an address)."""

    ADRES = "Adres"
    BUITENLAND = "VerblijfplaatsBuitenland"
    ONBEKEND = "VerblijfplaatsOnbekend"
    LOCATIE = "Locatie"
    GEEN = "geen"  # nothing delivered (e.g. the binnenland alias for someone abroad)


@dataclass(frozen=True, slots=True)
class BrpAddress:
    postcode: str
    huisnummer: int
    toevoeging: str = ""  # huisletter + huisnummertoevoeging, upper case
    straat: str = ""
    woonplaats: str = ""


@dataclass(frozen=True, slots=True)
class BrpPerson:
    """One persoonslijst as far as the check needs it."""

    bsn: str
    overleden: bool = False
    datum_overlijden: date | None = None
    opschorting: str | None = None  # reden opschorting bijhouding: O, E, M, R
    gemeentecode: str | None = None  # gemeente van inschrijving (4 digits)
    place: PlaceKind = PlaceKind.GEEN
    address: BrpAddress | None = None
    bag_id: str | None = None  # adresseerbaarObjectIdentificatie (16 digits)
    briefadres: bool = False
    verblijft_niet_op_adres: bool = False  # indicatieVastgesteldVerblijftNietOpAdres
    rni: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    bsn: str
    geslachtsnaam: str = ""
    voorvoegsel: str = ""


class SearchStatus(StrEnum):
    OK = "ok"
    TOO_MANY = "too_many"  # 400 tooManyResults: "Verfijn de zoekopdracht"


@dataclass(frozen=True, slots=True)
class SearchResult:
    status: SearchStatus
    hits: tuple[SearchHit, ...] = ()


@dataclass(frozen=True, slots=True)
class AddressQuery:
    """ZoekMetPostcodeEnHuisnummer, optionally narrowed by birth date and surname."""

    postcode: str
    huisnummer: int
    huisletter: str = ""
    toevoeging: str = ""
    geboortedatum: date | None = None
    geslachtsnaam: str = ""  # without diacritics and without the voorvoegsel (names.py)
    with_names: bool = False  # ask naam.geslachtsnaam/voorvoegsel for the local name rules


@dataclass(frozen=True, slots=True)
class QueryContext:
    """Protocollering: who asks, for which task, under which correlation id."""

    user: str
    task: str
    correlation_id: str


@dataclass(frozen=True, slots=True)
class QueryRecord:
    """One query for the append-only audit: counts and ids, never a BSN or a name.

    ``delivered_pls`` are the persoonslijst ids the API lists in ``x-geleverde-pls`` (opaque
    numbers of RvIG's registry, not BSNs)."""

    backend: str
    kind: str  # raadpleeg_bsn | zoek_adres | extract_bsn | extract_adres | manual
    correlation_id: str
    user: str
    task: str
    asked: int
    delivered: int
    outcome: str  # ok | too_many | rate_limited | error | unauthorised | not_found
    http_status: int | None = None
    delivered_pls: tuple[str, ...] = field(default_factory=tuple)


QueryLog = Callable[[QueryRecord], None]


class BrpUnavailable(RuntimeError):
    """The backend could not answer (network, 5xx, 429 after the retries, bad credentials).

    The message is a short Dutch sentence without personal data."""


class BrpProvider(Protocol):
    """The one interface the check uses; every backend implements it."""

    name: str

    def persons_by_bsn(
        self, bsns: Sequence[str], ctx: QueryContext, log: QueryLog
    ) -> dict[str, BrpPerson]:
        """The persoonslijsten of these BSNs (missing ones are absent: not found, or never
        delivered because of F/W). Implementations batch by ``MAX_BSNS_PER_QUERY``."""
        ...

    def search_address(self, query: AddressQuery, ctx: QueryContext, log: QueryLog) -> SearchResult:
        """Living persons registered at this address (and birth date / surname)."""
        ...
