"""The municipality's afwegingskader (prioritisation policy), made explicit and explainable.

A case's score is a plain sum of points; every point comes with a Dutch reason the team lead
can read. A score never hides a case: it only orders the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.retention import DEFAULT_RETENTION_MONTHS


@dataclass(frozen=True, slots=True)
class AmountBand:
    from_cents: int
    points: int


@dataclass(frozen=True, slots=True)
class EffortStandard:
    """Minimum effort before a case may close as 'no contact' (on by default).

    ``min_personal``: attempts by Telefoon or Huisbezoek; ``min_dayparts``: distinct dagdelen
    of those personal attempts; ``min_outside_office``: personal attempts in the Avond or on a
    Saturday (office hours miss working people). Checked by ``domain.effort``.
    """

    enforced: bool = True
    min_attempts: int = 3
    min_channels: int = 2
    min_personal: int = 1
    min_dayparts: int = 2
    min_outside_office: int = 1


@dataclass(frozen=True, slots=True)
class Policy:
    """All knobs of the afwegingskader. Defaults mirror the shipped ``afwegingskader.toml``."""

    name: str = "Standaard afwegingskader"
    threshold_cents: int = 5_000
    threshold_exempt_huur: bool = True
    deadline_days: int = 28
    crisis_deadline_days: int = 3
    consecutive_months: int = 6
    young_max_age: int = 27
    weight_meervoudig: int = 30
    weight_opeenvolgend: int = 20
    weight_huur: int = 25
    weight_crisis: int = 40
    weight_young: int = 15
    weight_warme_overdracht: int = 10
    weight_deadline_week: int = 15
    weight_deadline_overdue: int = 25
    amount_bands: tuple[AmountBand, ...] = (
        AmountBand(50_000, 10),
        AmountBand(100_000, 20),
        AmountBand(250_000, 30),
    )
    effort: EffortStandard = field(default_factory=EffortStandard)
    # Retention: personal data of a case is removed this many months after its last signal
    # or its closure, whichever is later (domain.retention, enforced by privacy.retention).
    retention_months: int = DEFAULT_RETENTION_MONTHS


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the score looks at; built from the case's taken-up signals and people."""

    partners: frozenset[Signaalpartner]
    total_cents: int
    crisis: bool
    warme_overdracht: bool
    meervoudig: bool
    opeenvolgend: bool
    youngest_age: int | None


def euro(cents: int) -> str:
    """``€ 1.234`` (rounded to whole euros, Dutch thousands separator)."""
    return "€ " + f"{(cents + 50) // 100:,}".replace(",", ".")


def partner_list(partners: Iterable[Signaalpartner]) -> str:
    names = sorted(p.value for p in partners)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def score_case(facts: CaseFacts, policy: Policy) -> tuple[int, tuple[str, ...]]:
    """The stored (date-independent) part of a case's priority, with reasons."""
    points = 0
    reasons: list[str] = []

    def add(n: int, why: str) -> None:
        nonlocal points
        if n:
            points += n
            reasons.append(f"{why} (+{n})")

    if facts.crisis:
        add(policy.weight_crisis, "Crisissignaal of einde levering energie")
    if facts.meervoudig:
        add(policy.weight_meervoudig, f"Meervoudig signaal: {partner_list(facts.partners)}")
    if facts.opeenvolgend:
        add(policy.weight_opeenvolgend, "Opeenvolgend: eerder signaal op dit adres")
    if Signaalpartner.HUUR in facts.partners:
        add(policy.weight_huur, "Huurachterstand: risico op huisuitzetting")
    band = max(
        (b for b in policy.amount_bands if facts.total_cents >= b.from_cents),
        key=lambda b: b.from_cents,
        default=None,
    )
    if band is not None:
        add(band.points, f"Totaalbedrag {euro(facts.total_cents)} (vanaf {euro(band.from_cents)})")
    if facts.youngest_age is not None and facts.youngest_age <= policy.young_max_age:
        add(policy.weight_young, f"Jongere (t/m {policy.young_max_age} jaar)")
    if facts.warme_overdracht:
        add(policy.weight_warme_overdracht, "Warme overdracht: iemand vraagt om contact")
    if not reasons:
        reasons.append("Enkelvoudig signaal zonder extra risico (0)")
    return points, tuple(reasons)


def deadline_points(deadline: date, today: date, policy: Policy) -> tuple[int, str | None]:
    """The date-dependent part: nearness of the first-contact deadline."""
    left = (deadline - today).days
    if left < 0:
        return (
            policy.weight_deadline_overdue,
            f"Termijn verlopen (+{policy.weight_deadline_overdue})",
        )
    if left <= 7:
        return (
            policy.weight_deadline_week,
            f"Termijn binnen 7 dagen (+{policy.weight_deadline_week})",
        )
    return 0, None
