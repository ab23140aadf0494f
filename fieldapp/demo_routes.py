"""Today's demo routes: each shift works one area, so neighbours share a daypart.

A worker plans a shift around the most urgent open case and fills it with the cases close to
it (same wijk, nearby postcodes); a street is never split over two shifts, or the worker would
pass the same door twice in one day.
"""

from __future__ import annotations

from collections.abc import Sequence

from fieldapp.domain.listing import CaseListRow


def _postcode_rank(postcode: str) -> int:
    """Postcodes in the demo town are handed out along the streets: close numbers, close
    homes (PC4 first, then the two letters as a base-26 number)."""
    if len(postcode) != 6 or not postcode[:4].isdigit():
        return 0
    letters = (ord(postcode[4]) - 65) * 26 + (ord(postcode[5]) - 65)
    return int(postcode[:4]) * 676 + letters


def area_routes(
    rows: Sequence[CaseListRow], *, shifts: int = 2, stops: int = 6
) -> list[list[CaseListRow]]:
    """Up to ``shifts`` routes of up to ``stops`` cases from ``rows`` (priority order), each
    around the most urgent case still free; cases without a house number are left out."""
    pool = [r for r in rows if r.huisnummer is not None]
    routes: list[list[CaseListRow]] = []
    for _ in range(shifts):
        if not pool:
            break
        seed = pool[0]
        anchor = _postcode_rank(seed.postcode)
        near = sorted(
            pool,
            key=lambda r: (
                r.wijk != seed.wijk,
                abs(_postcode_rank(r.postcode) - anchor),
                r.straat,
                r.huisnummer or 0,
            ),
        )
        route = near[:stops]
        streets = {r.straat for r in route}
        pool = [r for r in pool if r.straat not in streets]
        routes.append(route)
    return routes
