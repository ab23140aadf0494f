"""Chance that someone opens the door, per case and slot kind (dagdeel x kind of day).

Two levels of Beta-Binomial shrinkage:
1. team level: the team's own home visits (soort Huisbezoek) per cell, shrunk towards the
   national figure for a home visit (37 %, DOMAIN.md) with ``prior_visits`` pseudo-visits;
2. household level: the team estimate of the cell is a Beta prior worth ``household_visits``
   pseudo-visits, updated with the household's own visits at the door (Huisbezoek/Kaartje):
   fully for the same cell, with weight ``other_cell_weight`` for the other cells (a household
   that is rarely home is rarely home at other times too).
Every estimate carries its basis as a Dutch sentence, e.g.
"avond op werkdagen: 46 % bij dit team, 212 bezoeken".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.domain.dayparts import DAYPART_LABELS_NL
from fieldapp.domain.ddas import Contactsoort
from fieldapp.domain.slots import (
    ALL_CELLS,
    KIND_LABELS_NL,
    AttemptLike,
    Cell,
    KindOfDay,
    failed_at_door,
)

NATIONAL_HOME_VISIT_CONTACT = 0.37
"""National share of home visits that result in contact (DOMAIN.md, Divosa monitor)."""


@dataclass(frozen=True, slots=True)
class CellEstimate:
    cell: Cell
    chance: float
    visits: int
    reached: int
    prior_visits: float

    @property
    def basis(self) -> str:
        """The evidence in one Dutch sentence: the team's own rate and count, or the national
        figure it was topped up with."""
        label = cell_label(self.cell)
        national = round(NATIONAL_HOME_VISIT_CONTACT * 100)
        if self.visits == 0:
            return f"{label}: {national} % (landelijk cijfer, nog geen bezoeken van dit team)"
        raw = round(100 * self.reached / self.visits)
        visits = "bezoek" if self.visits == 1 else "bezoeken"
        if self.visits >= self.prior_visits:
            return f"{label}: {raw} % bij dit team, {self.visits} {visits}"
        return (
            f"{label}: {round(self.chance * 100)} % ({raw} % bij dit team over {self.visits}"
            f" {visits}, aangevuld met landelijk {national} %)"
        )


def cell_label(cell: Cell) -> str:
    kind, dagdeel = cell
    return f"{DAYPART_LABELS_NL[dagdeel]} {KIND_LABELS_NL[kind]}"


class ContactModel:
    """Learned once per plan from the team's attempts; cheap per case and cell afterwards."""

    def __init__(
        self,
        team_attempts: Iterable[AttemptLike],
        *,
        national: float = NATIONAL_HOME_VISIT_CONTACT,
        prior_visits: float = 20.0,
        household_visits: float = 4.0,
        other_cell_weight: float = 0.35,
    ) -> None:
        counts: dict[Cell, list[int]] = {cell: [0, 0] for cell in ALL_CELLS}
        for a in team_attempts:
            if a.soort is Contactsoort.HUISBEZOEK:
                tally = counts[(KindOfDay.of(a.date), a.dagdeel)]
                tally[0] += 1
                tally[1] += int(a.bereikt)
        self._cells = {
            cell: CellEstimate(
                cell,
                (reached + prior_visits * national) / (visits + prior_visits),
                visits,
                reached,
                prior_visits,
            )
            for cell, (visits, reached) in counts.items()
        }
        self._household_visits = household_visits
        self._other_weight = other_cell_weight

    def team(self, cell: Cell) -> CellEstimate:
        return self._cells[cell]

    def chance(self, cell: Cell, household: Iterable[AttemptLike]) -> float:
        """Posterior chance of contact in ``cell`` for a household with these attempts."""
        base = self._cells[cell].chance
        alpha = self._household_visits * base
        beta = self._household_visits * (1.0 - base)
        seen: set[tuple[object, object]] = set()
        for a in household:
            if a.soort not in (Contactsoort.HUISBEZOEK, Contactsoort.KAARTJE):
                continue
            key = (a.date, a.dagdeel)
            if failed_at_door(a) and key in seen:
                continue  # a card left after an unanswered visit is the same visit
            seen.add(key)
            weight = 1.0 if (KindOfDay.of(a.date), a.dagdeel) == cell else self._other_weight
            if a.bereikt:
                alpha += weight
            else:
                beta += weight
        return alpha / (alpha + beta)
