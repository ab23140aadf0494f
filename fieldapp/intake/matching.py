"""Household matching: which case a signal joins and which DDAS status it gets.

Pure rules over a snapshot of the household's history; the intake service loads that history,
applies each ``Decision`` and updates the snapshot before the next signal, so the rules see
signals of the same file in date order.

Rules (issue 3, DOMAIN.md):
- same normalised address (postcode + number + suffix) joins the open case; without an address,
  the same (valid) BSN;
- **herhaalmelding**: same partner and same ontstaansdatum as an earlier signal of the household
  and the amount did not increase -> "Niet opgepakt: herhaalde melding"; increased -> new;
- below the threshold -> "Niet opgepakt: onterecht signaal", except crisis signals and
  (configurable) rent;
- **opeenvolgend**: an earlier signal of the household in an earlier calendar month within
  ``consecutive_months``;
- **meervoudig** is a property of the case (two or more partner types taken up), see
  ``case_is_meervoudig``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from fieldapp.domain.ddas import Signaalpartner, Signaalstatus
from fieldapp.domain.priority import Policy
from fieldapp.domain.signals import IncomingSignal


@dataclass(frozen=True, slots=True)
class PriorSignal:
    partner: Signaalpartner
    ontstaansdatum: date | None
    bedrag_cents: int | None
    effective_date: date
    status: Signaalstatus


@dataclass(slots=True)
class Household:
    """What is known about one address (or one BSN) before a signal is applied."""

    key: str
    open_case_id: str | None = None
    prior: list[PriorSignal] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Decision:
    status: Signaalstatus
    joins_case: bool  # True: join the open case, or open a new one if there is none
    opeenvolgend: bool
    note: str | None = None  # a Dutch explanation for the not-taken-up statuses


def household_key(signal: IncomingSignal) -> str | None:
    """The matching key: the address key, else ``bsn:<bsn>``; None if neither is usable."""
    if signal.address is not None:
        return signal.address.key
    if signal.person.bsn:
        return f"bsn:{signal.person.bsn}"
    return None


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def decide(signal: IncomingSignal, household: Household, policy: Policy) -> Decision:
    """Decide one signal against its household's history (see module docstring)."""
    when = signal.effective_date or date.min
    repeat_of = [
        p
        for p in household.prior
        if p.partner is signal.partner
        and signal.ontstaansdatum is not None
        and p.ontstaansdatum == signal.ontstaansdatum
    ]
    if repeat_of:
        highest = max((p.bedrag_cents or 0) for p in repeat_of)
        if (signal.bedrag_cents or 0) <= highest:
            return Decision(
                Signaalstatus.NIET_OPGEPAKT_HERHAALDE_MELDING,
                joins_case=household.open_case_id is not None,
                opeenvolgend=False,
                note="Herhaalmelding: zelfde partner en achterstand, bedrag niet gestegen",
            )
    below = signal.bedrag_cents is not None and signal.bedrag_cents < policy.threshold_cents
    exempt = signal.crisissignaal or (
        policy.threshold_exempt_huur and signal.partner is Signaalpartner.HUUR
    )
    if below and not exempt:
        return Decision(
            Signaalstatus.NIET_OPGEPAKT_ONTERECHT,
            joins_case=household.open_case_id is not None,
            opeenvolgend=False,
            note="Bedrag onder de drempel van het afwegingskader",
        )
    opeenvolgend = any(
        0 < _months_between(p.effective_date, when) <= policy.consecutive_months
        for p in household.prior
    )
    return Decision(Signaalstatus.OPGEPAKT, joins_case=True, opeenvolgend=opeenvolgend)


def case_is_meervoudig(partners_taken_up: Iterable[Signaalpartner]) -> bool:
    return len(set(partners_taken_up)) >= 2
