"""The minimum-effort standard: may a case close as 'no contact' yet?

The ombudsman asks for equal effort for every resident: before a case closes as "Definitief
geen contact kunnen krijgen" or "Geen reactie na eerder contact", the team must have tried
often enough, through more than one channel (one of them personal), at more than one time of
day (one of them outside office hours: an evening or a Saturday). Every number comes from the
municipality's policy (``EffortStandard``).

Trap: dagdelen and "outside office hours" count only personal attempts (Telefoon, Huisbezoek,
Afspraak op locatie): the time a letter or card was sent says nothing about whether a working
resident could have been reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.domain.attempts import ContactAttempt, effective_attempts
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Dagdeel, Eindresultaat
from fieldapp.domain.priority import EffortStandard

SATURDAY = 5  # weekday(); a Sunday (6) counts as outside office hours too

# Closing results that need the standard met first (or a team lead's reasoned override).
EFFORT_RESULTS = frozenset(
    {Eindresultaat.DEFINITIEF_GEEN_CONTACT, Eindresultaat.GEEN_REACTIE_NA_CONTACT}
)


class ShortfallCode(StrEnum):
    """Stable codes for scripts (``fieldapp cases close --json``) and for tests."""

    POGINGEN = "POGINGEN"
    KANALEN = "KANALEN"
    PERSOONLIJK = "PERSOONLIJK"
    DAGDELEN = "DAGDELEN"
    BUITEN_KANTOORTIJD = "BUITEN_KANTOORTIJD"


@dataclass(frozen=True, slots=True)
class Shortfall:
    """One unmet requirement: what is needed, what the case has, and a Dutch sentence."""

    code: ShortfallCode
    need: int
    have: int
    text: str

    @property
    def line(self) -> str:
        """``text [CODE]``: one line of the checklist, readable and machine-matchable."""
        return f"{self.text} [{self.code.value}]"


def needs_effort(resultaat: Eindresultaat) -> bool:
    return resultaat in EFFORT_RESULTS


def is_outside_office_hours(attempt: ContactAttempt) -> bool:
    """An evening attempt, or any attempt in the weekend (Amsterdam time)."""
    local = attempt.occurred_at.astimezone(AMSTERDAM)
    return attempt.dagdeel is Dagdeel.AVOND or local.weekday() >= SATURDAY


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def effort_checklist(
    attempts: Sequence[ContactAttempt], standard: EffortStandard
) -> list[Shortfall]:
    """What is still missing, in the order a worker can act on it; empty when met.

    Voided attempts and void entries do not count. Returns the shortfalls even when the
    standard is not enforced (the case view may still show them as advice).
    """
    counted = effective_attempts(list(attempts))
    personal = [a for a in counted if a.soort.is_personal]
    missing: list[Shortfall] = []

    def need(code: ShortfallCode, wanted: int, have: int, text: str) -> None:
        if have < wanted:
            missing.append(Shortfall(code, wanted, have, f"{text} (nu {have})"))

    n = standard.min_attempts
    need(
        ShortfallCode.POGINGEN,
        n,
        len(counted),
        f"Minstens {n} {_plural(n, 'contactpoging', 'contactpogingen')}",
    )
    n = standard.min_channels
    need(
        ShortfallCode.KANALEN,
        n,
        len({a.soort for a in counted}),
        f"Minstens {n} verschillende {_plural(n, 'soort', 'soorten')} contact",
    )
    n = standard.min_personal
    need(
        ShortfallCode.PERSOONLIJK,
        n,
        len(personal),
        f"Minstens {n} persoonlijke {_plural(n, 'poging', 'pogingen')} (telefoon of huisbezoek)",
    )
    n = standard.min_dayparts
    need(
        ShortfallCode.DAGDELEN,
        n,
        len({a.dagdeel for a in personal}),
        f"Persoonlijke pogingen op minstens {n} verschillende dagdelen",
    )
    n = standard.min_outside_office
    need(
        ShortfallCode.BUITEN_KANTOORTIJD,
        n,
        sum(1 for a in personal if is_outside_office_hours(a)),
        f"Minstens {n} persoonlijke {_plural(n, 'poging', 'pogingen')} 's avonds of op zaterdag",
    )
    return missing


def effort_shortfalls(attempts: Sequence[ContactAttempt], standard: EffortStandard) -> list[str]:
    """The checklist as Dutch lines with their codes (``effort_checklist`` for the parts)."""
    return [s.line for s in effort_checklist(attempts, standard)]
