"""The route sheet of one shift from a store (laptop or demo): order, window, address, names."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.people import Address
from fieldapp.domain.route_sheet import RouteSheet, RouteStop
from fieldapp.services.errors import PlanRefused
from fieldapp.services.plan_views import shifts_between
from fieldapp.store.schema import CaseRow, PersonRow, ShiftRow, Worker

MSG_NO_SHIFT = "Deze dienst staat niet (meer) op deze laptop."
UNSAFE_FLAG = "onveilig"
CARD = "niet-thuis-kaartje"


def _hhmm(minute: int | None) -> str:
    return "" if minute is None else f"{minute // 60:02d}:{minute % 60:02d}"


def load_route_sheet(session: Session, shift_id: str) -> RouteSheet:
    row = session.get(ShiftRow, shift_id)
    if row is None:
        raise PlanRefused(MSG_NO_SHIFT)
    shift = next(s for s in shifts_between(session, row.day, row.day) if s.id == shift_id)
    names_of: dict[str, str] = {
        w.id: w.display_name
        for w in session.scalars(
            select(Worker).where(Worker.id.in_([shift.worker_id, shift.partner_worker_id or ""]))
        )
    }
    worker = names_of.get(shift.worker_id, "")
    if shift.partner_worker_id:
        worker = f"{worker} + {names_of.get(shift.partner_worker_id, '')}"
    case_ids = [v.case_id for v in shift.visits]
    cases = {c.id: c for c in session.scalars(select(CaseRow).where(CaseRow.id.in_(case_ids)))}
    people: defaultdict[str, list[str]] = defaultdict(list)
    for person in session.scalars(select(PersonRow).where(PersonRow.case_id.in_(case_ids))):
        name = " ".join(
            p
            for p in (person.voornaam or person.voorletters, person.voorvoegsel, person.achternaam)
            if p
        )
        if name and name not in people[person.case_id]:
            people[person.case_id].append(name)
    stops: list[RouteStop] = []
    for n, visit in enumerate(shift.visits, start=1):
        case = cases.get(visit.case_id)
        if case is None:
            continue
        if case.postcode and case.huisnummer is not None:
            address = Address(
                case.postcode,
                case.huisnummer,
                case.toevoeging,
                straat=case.straat,
                plaats=case.plaats,
            ).one_line()
        else:
            address = "Adres onbekend: vraag de teamleider"
        unsafe = UNSAFE_FLAG in [str(f) for f in case.flags or []]
        stops.append(
            RouteStop(
                seq=n,
                arrive=_hhmm(visit.arrive_minute),
                until=_hhmm(visit.end_minute),
                address=address,
                names=tuple(people.get(case.id, ())),
                bring=(CARD,),
                note="Alleen met z'n tweeën" if unsafe else "",
            )
        )
    return RouteSheet(
        shift_id=shift.id,
        day=shift.day,
        dagdeel=shift.dagdeel.value,
        start=_hhmm(shift.start_minute),
        end=_hhmm(shift.end_minute),
        worker=worker,
        mode=shift.mode,
        stops=tuple(stops),
    )
