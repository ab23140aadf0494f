"""The team lead's desk: triage rows, filters, approach, workload (pure; no I/O).

The desk reads what the lead's laptop holds (the team's cases, synced with scope "team") and
filters it in memory, so a keystroke in the filter bar never touches the database.

The approach a lead chooses for a case (brief eerst / huisbezoek / bellen) travels as one case
flag ``"aanpak: <value>"``: flags already sync both ways with the case, so no schema change is
needed for it (a dedicated column is a follow-up when the planner starts to use it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from fieldapp.domain.ddas import Eindresultaat, Signaalpartner
from fieldapp.domain.listing import CaseListRow
from fieldapp.domain.signals import FLAG_ADDRESS_UNKNOWN

APPROACH_PREFIX = "aanpak: "


class Approach(StrEnum):
    BRIEF_EERST = "brief eerst"
    HUISBEZOEK = "huisbezoek"
    BELLEN = "bellen"


def approach_flag(approach: Approach) -> str:
    return APPROACH_PREFIX + approach.value


def approach_of(flags: Iterable[str]) -> Approach | None:
    for flag in flags:
        if flag.startswith(APPROACH_PREFIX):
            try:
                return Approach(flag.removeprefix(APPROACH_PREFIX))
            except ValueError:
                return None
    return None


def with_approach(flags: Iterable[str], approach: Approach | None) -> list[str]:
    """``flags`` with exactly one approach flag (or none when ``approach`` is None)."""
    kept = [f for f in flags if not f.startswith(APPROACH_PREFIX)]
    return kept + ([approach_flag(approach)] if approach is not None else [])


# What a lead may record when a case is not taken up (DDAS eindresultaat; the signals get the
# matching signaalstatus). The written reason stays internal: partner feedback never shows it.
NOT_PICKED_UP: tuple[Eindresultaat, ...] = (
    Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN,
    Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING,
    Eindresultaat.NIET_OPGEPAKT_ONTERECHT,
    Eindresultaat.AL_BEKEND_BIJ_SHV,
    Eindresultaat.GEEN_INWONER,
    Eindresultaat.OVERLEDEN,
)


class AmountBand(StrEnum):
    """Arrears bands for the filter (whole euros)."""

    TOT_250 = "< 250"
    TOT_1000 = "250 - 1.000"
    TOT_2500 = "1.000 - 2.500"
    VANAF_2500 = ">= 2.500"


def amount_band(total_cents: int) -> AmountBand:
    euros = total_cents / 100
    if euros < 250:
        return AmountBand.TOT_250
    if euros < 1000:
        return AmountBand.TOT_1000
    if euros < 2500:
        return AmountBand.TOT_2500
    return AmountBand.VANAF_2500


class AgeGroup(StrEnum):
    """The youngest person of the household (policy: young people up to 27)."""

    JONG = "t/m 27"
    MIDDEN = "28 - 66"
    OUDER = "67+"
    ONBEKEND = "onbekend"


def age_group(youngest_birth: date | None, today: date) -> AgeGroup:
    if youngest_birth is None:
        return AgeGroup.ONBEKEND
    age = today.year - youngest_birth.year
    if (today.month, today.day) < (youngest_birth.month, youngest_birth.day):
        age -= 1
    if age <= 27:
        return AgeGroup.JONG
    if age < 67:
        return AgeGroup.MIDDEN
    return AgeGroup.OUDER


class Flag(StrEnum):
    """The flags the triage filter offers (all may be combined: AND)."""

    MEERVOUDIG = "meervoudig"
    OPEENVOLGEND = "opeenvolgend"
    HERHAALMELDING = "herhaalmelding"
    ADRES_ONBEKEND = "adres onbekend"
    OPT_OUT = "opt-out"
    ONVEILIG = "onveilig"


@dataclass(frozen=True, slots=True)
class TriageRow:
    """One case in the triage table: the list row plus what only the desk needs."""

    case: CaseListRow
    opened_on: date
    age_group: AgeGroup
    approach: Approach | None
    flags: frozenset[Flag]

    @property
    def id(self) -> str:
        return self.case.id

    @property
    def band(self) -> AmountBand:
        return amount_band(self.case.total_cents)


def row_flags(row: CaseListRow, *, repeat: bool) -> frozenset[Flag]:
    """The filter flags of a list row. ``repeat``: a signal of it was a herhaalmelding."""
    out: set[Flag] = set()
    if row.meervoudig:
        out.add(Flag.MEERVOUDIG)
    if row.opeenvolgend:
        out.add(Flag.OPEENVOLGEND)
    if repeat:
        out.add(Flag.HERHAALMELDING)
    for warning in row.warnings:
        low = warning.casefold()
        if warning == FLAG_ADDRESS_UNKNOWN:
            out.add(Flag.ADRES_ONBEKEND)
        elif "opt-out" in low or "niet benaderd" in low:
            out.add(Flag.OPT_OUT)
        elif "onveilig" in low:
            out.add(Flag.ONVEILIG)
    return frozenset(out)


UNASSIGNED = ""  # TriageFilter.worker value for "nobody yet"


@dataclass(frozen=True, slots=True)
class TriageFilter:
    """Every criterion is optional; a row passes when it meets all that are set."""

    text: str = ""
    wijk: str = ""
    postcode_from: str = ""  # PC4 range, inclusive ("5611" - "5629")
    postcode_to: str = ""
    partner: Signaalpartner | None = None
    band: AmountBand | None = None
    age: AgeGroup | None = None
    deadline_before: date | None = None
    flags: frozenset[Flag] = field(default_factory=frozenset)
    worker: str | None = None  # None: anyone; UNASSIGNED: not assigned; else a worker id

    def matches(self, row: TriageRow) -> bool:
        return self.matches_fields(row) and row.case.matches(self.text)

    @property
    def has_fields(self) -> bool:
        """Any criterion besides the search text is set."""
        return replace(self, text="") != TriageFilter()

    def same_fields(self, other: TriageFilter) -> bool:
        """Equal in everything but the search text (the model then narrows incrementally)."""
        return replace(self, text="") == replace(other, text="")

    def matches_fields(self, row: TriageRow) -> bool:
        """Every criterion except the search text."""
        case = row.case
        if self.wijk and case.wijk != self.wijk:
            return False
        if self.postcode_from or self.postcode_to:
            pc4 = case.postcode[:4]
            if not pc4:
                return False
            if self.postcode_from and pc4 < self.postcode_from[:4]:
                return False
            if self.postcode_to and pc4 > self.postcode_to[:4]:
                return False
        if self.partner is not None and self.partner not in case.partners:
            return False
        if self.band is not None and row.band is not self.band:
            return False
        if self.age is not None and row.age_group is not self.age:
            return False
        if self.deadline_before is not None and case.deadline > self.deadline_before:
            return False
        if self.flags and not self.flags <= row.flags:
            return False
        return self.worker is None or (case.assigned_worker_id or UNASSIGNED) == self.worker


@dataclass(frozen=True, slots=True)
class WorkerLoad:
    """A worker's open load, so the lead sees who has room while assigning."""

    worker_id: str
    name: str
    open_cases: int
    visits_this_week: int
    overdue: int
