"""Today's route split per shift: one heading per shift (dagdeel and times), the current or
next shift first, finished shifts last. Pure functions over plain rows (no Qt widgets)."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.listing import CaseListRow
from fieldapp.services.queries import ShiftSlot


@dataclass(frozen=True, slots=True)
class RouteGroup:
    slot: ShiftSlot
    state: str  # "now" | "next" | "later" | "done"
    count: int


def _state(slot: ShiftSlot, now_minute: int, first_open: ShiftSlot | None) -> str:
    if slot.end_minute <= now_minute:
        return "done"
    if slot.start_minute <= now_minute:
        return "now"
    return "next" if slot is first_open else "later"


def group_route(
    rows: list[CaseListRow], slots: list[ShiftSlot], now_minute: int
) -> tuple[list[CaseListRow], dict[int, RouteGroup], str | None]:
    """(rows in display order, heading per first row of a group, the shift to print first).

    Rows are matched to a shift by their planned dagdeel; rows of a dagdeel without a known
    shift keep their place after the known ones, without a heading.
    """
    by_part = {slot.dagdeel: slot for slot in slots}
    open_slots = [s for s in slots if s.end_minute > now_minute]
    first_open = open_slots[0] if open_slots else None
    ordered_slots = open_slots + [s for s in slots if s.end_minute <= now_minute]
    groups: dict[str, list[CaseListRow]] = {slot.id: [] for slot in ordered_slots}
    loose: list[CaseListRow] = []
    for row in rows:
        slot = by_part.get(row.planned_dagdeel) if row.planned_dagdeel else None
        (groups[slot.id] if slot is not None else loose).append(row)
    ordered: list[CaseListRow] = []
    headings: dict[int, RouteGroup] = {}
    for slot in ordered_slots:
        members = groups[slot.id]
        if not members:
            continue
        headings[len(ordered)] = RouteGroup(
            slot, _state(slot, now_minute, first_open), len(members)
        )
        ordered.extend(members)
    ordered.extend(loose)
    default = ordered_slots[0].id if ordered_slots else None
    return ordered, headings, default
