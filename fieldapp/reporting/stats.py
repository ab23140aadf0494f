"""Dashboard statistics from the team's own attempts and cases. Pure: no I/O, no database.

Every rate carries its count and a 95 % Wilson score interval, so that 2 out of 3 is not read
as "67 %, better than the 38 % of 400 calls". The inputs are plain facts (``AttemptFact``,
``CaseFact``) that ``services.reporting`` reads from a store or the server, before or after
retention: every fact here survives anonymisation (month, weekday kind, dagdeel, soort,
bereikt, partner types, wijk, result, the frozen on-time flag).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

Z_95 = 1.959963984540054  # two-sided 95 % normal quantile
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Rate:
    """``hits`` out of ``total`` with its 95 % Wilson interval (``None`` rate when total 0)."""

    hits: int
    total: int
    low: float
    high: float

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None

    def to_json(self) -> dict[str, float | int | None]:
        return {
            "aantal": self.hits,
            "totaal": self.total,
            "aandeel": None if self.rate is None else round(self.rate, 4),
            "ci95_laag": round(self.low, 4),
            "ci95_hoog": round(self.high, 4),
        }


def wilson(hits: int, total: int, z: float = Z_95) -> Rate:
    """Wilson score interval; for ``total`` 0 the whole range [0, 1]."""
    if hits < 0 or total < 0 or hits > total:
        raise ValueError("need 0 <= hits <= total")
    if total == 0:
        return Rate(0, 0, 0.0, 1.0)
    p = hits / total
    z2 = z * z
    centre = (p + z2 / (2 * total)) / (1 + z2 / total)
    half = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / (1 + z2 / total)
    return Rate(hits, total, max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True, slots=True)
class AttemptFact:
    """One counted contact attempt (voided ones are left out by the reader)."""

    case_id: str
    soort: str
    dagdeel: str
    day_kind: str  # werkdag | zaterdag (weekend; Amsterdam date), as the planner's cells
    bereikt: bool


@dataclass(frozen=True, slots=True)
class CaseFact:
    """One case of the period. ``month``: ``YYYY-MM`` the case was opened.

    ``contact_on_time``: first attempt on or before the deadline (``None``: not decided yet,
    no attempt and the deadline not passed). ``accepted``: the resident took up help.
    ``closed_no_contact`` / ``effort_override``: closed as 'no contact', and whether a team
    lead overrode the minimum-effort standard for it.
    """

    id: str
    month: str
    partners: frozenset[str]
    wijk: str
    attempts: int
    reached: bool
    accepted: bool
    contact_on_time: bool | None
    closed_no_contact: bool = False
    effort_override: bool = False


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: str
    cases: int
    reach: Rate  # reached cases / cases
    acceptance: Rate  # accepted / reached cases


@dataclass(frozen=True, slots=True)
class Dashboard:
    """What the desk's "Overzicht" tab and ``fieldapp report`` show."""

    cases: int
    attempts: int
    by_channel: dict[tuple[str, str, str], Rate]  # (soort, dagdeel, day kind) -> bereikt
    by_partner: dict[str, Rate]
    by_wijk: dict[str, Rate]
    attempts_per_case: dict[int, int]  # number of attempts -> number of cases
    mean_attempts: float | None
    per_month: list[MonthFigures]
    on_time: Rate  # first attempt by the deadline / decided cases
    overrides: Rate  # overridden / 'no contact' closes
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "zaken": self.cases,
            "pogingen": self.attempts,
            "bereikt_per_kanaal": [
                {"soort": s, "dagdeel": d, "dag": k, **r.to_json()}
                for (s, d, k), r in sorted(self.by_channel.items())
            ],
            "bereikt_per_signaalpartner": [
                {"signaalpartner": p, **r.to_json()} for p, r in sorted(self.by_partner.items())
            ],
            "bereikt_per_wijk": [
                {"wijk": w, **r.to_json()} for w, r in sorted(self.by_wijk.items())
            ],
            "pogingen_per_zaak": {
                "verdeling": {str(n): c for n, c in sorted(self.attempts_per_case.items())},
                "gemiddeld": None if self.mean_attempts is None else round(self.mean_attempts, 2),
            },
            "per_maand": [
                {
                    "maand": m.month,
                    "zaken": m.cases,
                    "bereik": m.reach.to_json(),
                    "acceptatie": m.acceptance.to_json(),
                }
                for m in self.per_month
            ],
            "op_tijd_benaderd": self.on_time.to_json(),
            "inspanning_overschreven": self.overrides.to_json(),
        }


def _rates(items: Iterable[tuple[K, bool]]) -> dict[K, Rate]:
    hits: Counter[K] = Counter()
    totals: Counter[K] = Counter()
    for key, ok in items:
        totals[key] += 1
        hits[key] += ok
    return {key: wilson(hits[key], totals[key]) for key in totals}


def _share(items: Iterable[object], test: Callable[[object], bool]) -> Rate:
    listed = list(items)
    return wilson(sum(1 for i in listed if test(i)), len(listed))


def build_dashboard(cases: Sequence[CaseFact], attempts: Sequence[AttemptFact]) -> Dashboard:
    """All figures for one period. Attempts of cases not in ``cases`` are ignored."""
    by_id = {c.id: c for c in cases}
    counted = [a for a in attempts if a.case_id in by_id]
    by_channel = _rates(((a.soort, a.dagdeel, a.day_kind), a.bereikt) for a in counted)
    by_partner = _rates(
        (partner, a.bereikt) for a in counted for partner in sorted(by_id[a.case_id].partners)
    )
    by_wijk = _rates((by_id[a.case_id].wijk or "onbekend", a.bereikt) for a in counted)
    per_case = Counter(c.attempts for c in cases)
    months: dict[str, list[CaseFact]] = defaultdict(list)
    for c in cases:
        months[c.month].append(c)
    per_month = [
        MonthFigures(
            month=m,
            cases=len(group),
            reach=wilson(sum(c.reached for c in group), len(group)),
            acceptance=wilson(
                sum(c.accepted for c in group if c.reached), sum(c.reached for c in group)
            ),
        )
        for m, group in sorted(months.items())
    ]
    decided = [c for c in cases if c.contact_on_time is not None]
    no_contact = [c for c in cases if c.closed_no_contact]
    return Dashboard(
        cases=len(cases),
        attempts=len(counted),
        by_channel=by_channel,
        by_partner=by_partner,
        by_wijk=by_wijk,
        attempts_per_case=dict(per_case),
        mean_attempts=(sum(c.attempts for c in cases) / len(cases)) if cases else None,
        per_month=per_month,
        on_time=wilson(sum(1 for c in decided if c.contact_on_time), len(decided)),
        overrides=wilson(sum(1 for c in no_contact if c.effort_override), len(no_contact)),
    )


def contact_rates(attempts: Sequence[AttemptFact]) -> dict[tuple[str, str, str], Rate]:
    """Bereikt per (soort, dagdeel, day kind): what the planner's contact model reads."""
    return _rates(((a.soort, a.dagdeel, a.day_kind), a.bereikt) for a in attempts)
