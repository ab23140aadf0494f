"""Planning slots: a date + dagdeel + kind of day, and which slots a case may get.

Pure rules shared by the planner, its explanations and the desk. The kind of day is werkdag
(Monday-Friday) or zaterdag; a Sunday, when a municipality allows it, counts with the
weekend (zaterdag).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from fieldapp.domain.ddas import Contactsoort, Dagdeel


class KindOfDay(StrEnum):
    WERKDAG = "werkdag"
    ZATERDAG = "zaterdag"

    @classmethod
    def of(cls, day: date) -> KindOfDay:
        return cls.WERKDAG if day.weekday() < 5 else cls.ZATERDAG

    @property
    def other(self) -> KindOfDay:
        return KindOfDay.ZATERDAG if self is KindOfDay.WERKDAG else KindOfDay.WERKDAG


KIND_LABELS_NL: dict[KindOfDay, str] = {
    KindOfDay.WERKDAG: "op werkdagen",
    KindOfDay.ZATERDAG: "op zaterdag",
}

Cell = tuple[KindOfDay, Dagdeel]
"""A slot kind: dagdeel x kind of day (6 cells), the unit the contact model learns on."""

ALL_CELLS: tuple[Cell, ...] = tuple((k, d) for k in KindOfDay for d in Dagdeel)


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    date: date
    dagdeel: Dagdeel

    @property
    def kind(self) -> KindOfDay:
        return KindOfDay.of(self.date)

    @property
    def cell(self) -> Cell:
        return (self.kind, self.dagdeel)


class VaryDayparts(StrEnum):
    """How a dagdeel + kind of day in which a home visit already failed is treated.

    ``strict``: banned until every dagdeel of that kind of day has failed (then open again,
    the other kind of day preferred first); ``prefer``: allowed with a penalty; ``off``: no rule.
    """

    STRICT = "strict"
    PREFER = "prefer"
    OFF = "off"


class UnplannedReason(StrEnum):
    """Why a case is not in the plan (every unplanned case has exactly one)."""

    OPT_OUT = "opt_out"
    UNSAFE_NEEDS_PAIR = "unsafe_needs_pair"
    NO_ALLOWED_SLOT = "no_allowed_slot"
    CAPACITY = "capacity"
    DEADLINE_PASSED = "deadline_passed"
    ANNOUNCED_CONFLICT = "announced_conflict"
    NO_LOCATION = "no_location"


class AttemptLike(Protocol):
    @property
    def date(self) -> date: ...
    @property
    def dagdeel(self) -> Dagdeel: ...
    @property
    def soort(self) -> Contactsoort: ...
    @property
    def bereikt(self) -> bool: ...


_AT_THE_DOOR = frozenset({Contactsoort.HUISBEZOEK, Contactsoort.KAARTJE})


def failed_at_door(attempt: AttemptLike) -> bool:
    """A visit nobody answered: Huisbezoek or Kaartje with bereikt false (a missed call is not
    evidence about being home)."""
    return attempt.soort in _AT_THE_DOOR and not attempt.bereikt


def failed_cells(attempts: Iterable[AttemptLike]) -> frozenset[Cell]:
    return frozenset((KindOfDay.of(a.date), a.dagdeel) for a in attempts if failed_at_door(a))


@dataclass(frozen=True, slots=True)
class CellRule:
    """The outcome of the vary-dayparts rule for one case: banned cells, penalised cells and
    cells that are only a second choice (the other kind of day comes first)."""

    banned: frozenset[Cell]
    penalised: frozenset[Cell]
    second_choice: frozenset[Cell]


def cell_rule(attempts: Iterable[AttemptLike], policy: VaryDayparts) -> CellRule:
    """Apply ``vary_dayparts`` to a household's attempts."""
    failed = failed_cells(attempts)
    if policy is VaryDayparts.OFF or not failed:
        return CellRule(frozenset(), frozenset(), frozenset())
    if policy is VaryDayparts.PREFER:
        return CellRule(frozenset(), failed, frozenset())
    banned: set[Cell] = set()
    second: set[Cell] = set()
    exhausted = {k for k in KindOfDay if all((k, d) in failed for d in Dagdeel)}
    for kind in KindOfDay:
        cells = {(kind, d) for d in Dagdeel}
        if kind in exhausted:
            # every dagdeel of this kind failed: open again, but the other kind of day first
            if kind.other not in exhausted:
                second |= cells
        else:
            banned |= cells & failed
    return CellRule(frozenset(banned), frozenset(), frozenset(second))
