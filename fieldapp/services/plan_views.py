"""Reading the plan from a store (laptop or server): shifts with their ordered visits for a
date range, and a worker's own reorder of a published shift (queued for the server).

Plain frozen dataclasses out, never ORM rows. Used by Vandaag (today's route), the team lead's
desk (the week) and ``fieldapp plan week``.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fieldapp.domain.ddas import Dagdeel
from fieldapp.services.changes import Changes
from fieldapp.services.errors import PlanRefused
from fieldapp.store.schema import PlannedVisitRow, RouteEditRow, ShiftRow

REORDER_REASONS = ("niet_thuis_later", "volgorde")
MSG_UNKNOWN_SHIFT = "Deze dienst staat niet (meer) op deze laptop."
MSG_ORDER_MISMATCH = "De nieuwe volgorde moet precies de bezoeken van deze dienst bevatten."


def dagdeel_of_minute(minute: int) -> Dagdeel:
    """The dagdeel of a local clock time given as minutes after midnight (< 12:00 Ochtend,
    12:00-18:00 Middag, >= 18:00 Avond), as the planner defines a visit's dagdeel."""
    if minute < 12 * 60:
        return Dagdeel.OCHTEND
    if minute < 18 * 60:
        return Dagdeel.MIDDAG
    return Dagdeel.AVOND


@dataclass(frozen=True, slots=True)
class PlannedStop:
    visit_id: str
    case_id: str
    seq: int
    arrive_minute: int | None
    start_minute: int | None
    end_minute: int | None
    locked: bool
    published: bool
    why: str


@dataclass(frozen=True, slots=True)
class PlannedShift:
    id: str
    day: date
    dagdeel: Dagdeel
    start_minute: int
    end_minute: int
    worker_id: str
    partner_worker_id: str | None
    team: str
    mode: str
    skills: tuple[str, ...]
    max_visits: int | None
    start_at: tuple[float, float] | None
    end_at: tuple[float, float] | None
    published: bool
    version: int
    visits: tuple[PlannedStop, ...]


def shifts_between(
    session: Session,
    van: date,
    tot: date,
    *,
    worker_id: str | None = None,
    team: str | None = None,
) -> list[PlannedShift]:
    """Shifts from ``van`` to ``tot`` (inclusive) with their visits in order; optionally only
    those of one worker (as worker or pair partner) or one team. Sorted by day, start, id."""
    query = select(ShiftRow).where(ShiftRow.day >= van, ShiftRow.day <= tot)
    if worker_id is not None:
        query = query.where(
            or_(ShiftRow.worker_id == worker_id, ShiftRow.partner_worker_id == worker_id)
        )
    if team is not None:
        query = query.where(ShiftRow.team == team)
    shifts = session.scalars(query.order_by(ShiftRow.day, ShiftRow.start_minute, ShiftRow.id)).all()
    stops: defaultdict[str, list[PlannedStop]] = defaultdict(list)
    ids = [s.id for s in shifts]
    for i in range(0, len(ids), 500):
        for v in session.scalars(
            select(PlannedVisitRow)
            .where(PlannedVisitRow.shift_id.in_(ids[i : i + 500]))
            .order_by(PlannedVisitRow.shift_id, PlannedVisitRow.seq, PlannedVisitRow.id)
        ):
            stops[v.shift_id].append(
                PlannedStop(
                    visit_id=v.id,
                    case_id=v.case_id,
                    seq=v.seq,
                    arrive_minute=v.eta_minute,
                    start_minute=v.start_minute,
                    end_minute=v.end_minute,
                    locked=v.locked,
                    published=v.published,
                    why=v.why,
                )
            )
    return [
        PlannedShift(
            id=s.id,
            day=s.day,
            dagdeel=Dagdeel(s.dagdeel),
            start_minute=s.start_minute,
            end_minute=s.end_minute,
            worker_id=s.worker_id,
            partner_worker_id=s.partner_worker_id,
            team=s.team,
            mode=s.mode,
            skills=tuple(str(x) for x in s.skills or ()),
            max_visits=s.max_visits,
            start_at=_point(s.start_lat, s.start_lon),
            end_at=_point(s.end_lat, s.end_lon),
            published=s.published,
            version=s.version,
            visits=tuple(stops[s.id]),
        )
        for s in shifts
    ]


def _point(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    return None if lat is None or lon is None else (lat, lon)


def reorder_shift(
    session: Session,
    *,
    shift_id: str,
    case_ids: Sequence[str],
    reason: str,
    now: datetime,
    worker_id: str | None = None,
    device_id: str | None = None,
) -> Changes:
    """The worker's own new order of a shift on this laptop ("niet thuis, straks terug"):
    renumbers the visits and queues a route edit (outbox, fresh UUID) for the server, which
    records it for the team lead. ``case_ids`` must be exactly the shift's cases."""
    if reason not in REORDER_REASONS:
        raise ValueError("unknown reorder reason")
    if session.get(ShiftRow, shift_id) is None:
        raise PlanRefused(MSG_UNKNOWN_SHIFT)
    visits = {
        v.case_id: v
        for v in session.scalars(
            select(PlannedVisitRow).where(PlannedVisitRow.shift_id == shift_id)
        )
    }
    order = list(dict.fromkeys(case_ids))
    if len(order) != len(case_ids) or set(order) != set(visits):
        raise PlanRefused(MSG_ORDER_MISMATCH)
    for seq, cid in enumerate(order, start=1):
        visits[cid].seq = seq
    session.add(
        RouteEditRow(
            id=str(uuid.uuid4()),
            shift_id=shift_id,
            case_ids=order,
            reason=reason,
            at=now,
            worker_id=worker_id,
            device_id=device_id,
            sync_state="pending",
        )
    )
    session.flush()
    return Changes(plans=True, sync=True, case_ids=frozenset(order))


MSG_NOT_PLANNED = "Deze zaak staat vandaag niet op uw route."


def come_back_later(
    session: Session,
    *,
    case_id: str,
    day: date,
    now: datetime,
    worker_id: str | None = None,
    device_id: str | None = None,
) -> Changes:
    """Nobody home, try again later today: move the case to the end of its route of ``day``
    (:func:`reorder_shift`, reason ``niet_thuis_later``). Raises :class:`PlanRefused` when the
    case is not on that day's route."""
    shift_id = session.scalar(
        select(PlannedVisitRow.shift_id)
        .join(ShiftRow, ShiftRow.id == PlannedVisitRow.shift_id)
        .where(PlannedVisitRow.case_id == case_id, ShiftRow.day == day)
        .order_by(ShiftRow.start_minute.desc())
        .limit(1)
    )
    if shift_id is None:
        raise PlanRefused(MSG_NOT_PLANNED)
    order = [
        cid
        for cid in session.scalars(
            select(PlannedVisitRow.case_id)
            .where(PlannedVisitRow.shift_id == shift_id)
            .order_by(PlannedVisitRow.seq, PlannedVisitRow.id)
        )
        if cid != case_id
    ]
    return reorder_shift(
        session,
        shift_id=shift_id,
        case_ids=[*order, case_id],
        reason="niet_thuis_later",
        now=now,
        worker_id=worker_id,
        device_id=device_id,
    )
