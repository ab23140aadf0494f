"""Explain the plan in Dutch: why this slot for every visit, a reason for every unplanned case.

The sentences are for the team lead's desk and the CLI (core text, like the letters); they
name dagdelen, dates and percentages, never personal data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from fieldapp.domain.slots import (
    ALL_CELLS,
    Cell,
    KindOfDay,
    UnplannedReason,
    failed_at_door,
)
from fieldapp.planning.contact_model import cell_label
from fieldapp.planning.evaluate import Stop
from fieldapp.planning.instance import PlanCase, Unplanned
from fieldapp.planning.model import CaseModel, Problem, shift_windows
from fieldapp.planning.travel import pc4

_WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def day_nl(day: date) -> str:
    """'ma 7 dec'."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def hours_nl(hours: float) -> str:
    """'16,6 uur' / '2 uur' (Dutch decimal comma)."""
    text = f"{hours:.1f}".replace(".", ",")
    return f"{text.removesuffix(',0')} uur"


def _pct(chance: float) -> str:
    return f"{round(chance * 100)} %"


def _failures(case: PlanCase) -> str | None:
    seen: set[tuple[date, object]] = set()
    counts: Counter[Cell] = Counter()
    for a in case.attempts:
        if failed_at_door(a) and (a.date, a.dagdeel) not in seen:
            seen.add((a.date, a.dagdeel))
            counts[(KindOfDay.of(a.date), a.dagdeel)] += 1
    if not counts:
        return None
    total = sum(counts.values())
    parts = ", ".join(
        f"{n}x {cell_label(cell)}" for cell, n in sorted(counts.items(), key=lambda kv: -kv[1])
    )
    return f"eerder {total}x niet thuis ({parts})"


def why_visit(problem: Problem, cm: CaseModel, stop: Stop) -> str:
    """'eerder 2x niet thuis (2x ochtend op werkdagen); avond op werkdagen: 46 % bij dit team,
    212 bezoeken; voor dit huishouden 39 %'."""
    case = cm.case
    cell = stop.window.cell
    parts: list[str] = []
    failures = _failures(case)
    if failures:
        parts.append(failures)
    team = problem.contact.team(cell)
    parts.append(team.basis)
    if abs(cm.chance[cell] - team.chance) >= 0.005:
        parts.append(f"voor dit huishouden {_pct(cm.chance[cell])}")
    if cell in cm.rule.second_choice:
        parts.append(f"alle dagdelen {cell_label(cell).split(' ', 1)[1]} al geprobeerd")
    elif cell in cm.rule.penalised:
        parts.append("dit dagdeel lukte eerder niet (beleid: liever een ander dagdeel)")
    if case.announced is not None:
        parts.append(f"aangekondigd per brief voor {day_nl(case.announced.date)}")
    today = problem.instance.today
    if case.deadline is not None:
        if case.deadline < today:
            parts.append(f"termijn verstreken op {day_nl(case.deadline)}: voorrang")
        elif case.deadline <= max(s.shift.date for s in problem.shifts):
            parts.append(f"termijn {day_nl(case.deadline)}")
    if cm.approx:
        parts.append(
            f"geen coördinaten: geplaatst midden in postcodegebied {pc4(case.postcode)}"
            " (adres nakijken)"
        )
    return "; ".join(parts)


def _offered_cells(problem: Problem) -> list[Cell]:
    """Cells the instance's open shifts offer (for 'which dagdelen were tried')."""
    cells: set[Cell] = set()
    for s in problem.shifts:
        if s.closed is None:
            cells.update(cell for _lo, _hi, cell in shift_windows(s.shift, 1, None))
    return [c for c in ALL_CELLS if c in cells]


def _labels(cells: Iterable[Cell]) -> str:
    return ", ".join(cell_label(c) for c in cells) or "geen"


def explain_unplanned(
    problem: Problem, case: PlanCase, reason: UnplannedReason, *, hours_short: float
) -> Unplanned:
    text: str
    if reason is UnplannedReason.OPT_OUT:
        text = "Bezwaar gemaakt (opt-out): deze zaak wordt nooit ingepland."
    elif reason is UnplannedReason.UNSAFE_NEEDS_PAIR:
        text = (
            "Onveilig adres: alleen bezoeken met twee medewerkers, en er is geen passende dienst"
            " met twee medewerkers (vaardigheid 'pair')."
        )
    elif reason is UnplannedReason.NO_LOCATION:
        area = pc4(case.postcode)
        where = f"postcodegebied {area}" if area else "zijn postcodegebied (postcode ontbreekt)"
        text = f"Geen coördinaten en geen andere zaak in {where}: de plek is onbekend."
    elif reason is UnplannedReason.ANNOUNCED_CONFLICT:
        assert case.announced is not None
        slot = f"{day_nl(case.announced.date)} {case.announced.dagdeel.value.lower()}"
        text = (
            f"Aangekondigd per brief voor {slot}, maar in dat dagdeel is geen dienst met ruimte:"
            " plan een dienst of stuur een nieuwe aankondiging."
        )
    elif reason is UnplannedReason.NO_ALLOWED_SLOT and not problem.shifts:
        text = "Er zijn geen diensten in deze periode om de zaak in te plannen."
    elif reason is UnplannedReason.NO_ALLOWED_SLOT:
        failed = sorted(
            {(KindOfDay.of(a.date), a.dagdeel) for a in case.attempts if failed_at_door(a)},
            key=ALL_CELLS.index,
        )
        offered = _offered_cells(problem)
        closed = sorted({(s.shift.date, s.closed) for s in problem.shifts if s.closed})
        text = (
            f"Geen toegestaan dagdeel in de diensten: al geprobeerd: {_labels(failed)};"
            f" de diensten bieden: {_labels(offered)}."
        )
        if closed:
            text += " Geen bezoeken op " + ", ".join(f"{day_nl(d)} ({r})" for d, r in closed) + "."
    elif reason is UnplannedReason.DEADLINE_PASSED:
        assert case.deadline is not None
        text = (
            f"Termijn eerste contact verstreken of verstrijkt vóór een mogelijke dienst"
            f" ({day_nl(case.deadline)}) en er is geen plek: de diensten komen ongeveer"
            f" {hours_nl(hours_short)} tekort."
        )
    else:
        text = (
            f"De diensten zijn vol: voor alle zaken die niet passen komen ongeveer"
            f" {hours_nl(hours_short)} tekort."
        )
    return Unplanned(case.id, reason, text)
