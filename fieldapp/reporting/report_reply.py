"""The team report as ``GET /v1/report`` sends it, read back into ``reporting.stats`` values.

The desk's Overzicht tab shows the server's figures (the whole team, the server's attempts),
and keeps the last reply on the laptop (encrypted store) so that offline it can still show
them, with the moment they were fetched. ``parse_report`` is the inverse of the route's
``Dashboard.to_json`` plus the deadline lists; the Wilson bounds are taken as sent (rounded to
4 decimals by the server), so the desk shows exactly the server's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fieldapp.reporting.stats import Dashboard, MonthFigures, Rate


@dataclass(frozen=True, slots=True)
class DeadlineEntry:
    """An open case not yet contacted (ids only)."""

    case_id: str
    deadline: date
    days_left: int
    worker_id: str | None
    wijk: str


@dataclass(frozen=True, slots=True)
class TeamReport:
    van: date
    tot: date
    fetched_at: datetime
    dashboard: Dashboard
    within_week: list[DeadlineEntry]  # "binnen 7 dagen"
    overdue: list[DeadlineEntry]  # "te laat"
    retention_warning: date | None


def _rate(raw: dict[str, Any]) -> Rate:
    return Rate(
        int(raw["aantal"]), int(raw["totaal"]), float(raw["ci95_laag"]), float(raw["ci95_hoog"])
    )


def _deadline(raw: dict[str, Any]) -> DeadlineEntry:
    return DeadlineEntry(
        case_id=str(raw["case_id"]),
        deadline=date.fromisoformat(raw["deadline"]),
        days_left=int(raw["dagen"]),
        worker_id=raw.get("worker_id"),
        wijk=str(raw.get("wijk") or ""),
    )


def parse_report(raw: dict[str, Any], *, fetched_at: datetime) -> TeamReport:
    """Raise ``KeyError`` / ``ValueError`` on a reply that is not a report (the caller says so
    in Dutch; nothing is cached then)."""
    per_case = raw["pogingen_per_zaak"]
    mean = per_case.get("gemiddeld")
    figures = Dashboard(
        cases=int(raw["zaken"]),
        attempts=int(raw["pogingen"]),
        by_channel={
            (r["soort"], r["dagdeel"], r["dag"]): _rate(r) for r in raw["bereikt_per_kanaal"]
        },
        by_partner={r["signaalpartner"]: _rate(r) for r in raw["bereikt_per_signaalpartner"]},
        by_wijk={r["wijk"]: _rate(r) for r in raw["bereikt_per_wijk"]},
        attempts_per_case={int(n): int(c) for n, c in per_case["verdeling"].items()},
        mean_attempts=None if mean is None else float(mean),
        per_month=[
            MonthFigures(
                month=m["maand"],
                cases=int(m["zaken"]),
                reach=_rate(m["bereik"]),
                acceptance=_rate(m["acceptatie"]),
            )
            for m in raw["per_maand"]
        ],
        on_time=_rate(raw["op_tijd_benaderd"]),
        overrides=_rate(raw["inspanning_overschreven"]),
    )
    warning = raw.get("bewaartermijn_waarschuwing")
    return TeamReport(
        van=date.fromisoformat(raw["van"]),
        tot=date.fromisoformat(raw["tot"]),
        fetched_at=fetched_at,
        dashboard=figures,
        within_week=[_deadline(d) for d in raw.get("binnen_7_dagen", [])],
        overdue=[_deadline(d) for d in raw.get("te_laat", [])],
        retention_warning=date.fromisoformat(warning) if warning else None,
    )
