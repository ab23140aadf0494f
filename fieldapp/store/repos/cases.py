"""Case queries: full cases for the case view, flat rows for lists (10,000+ rows fast)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from fieldapp.domain.attempts import effective_attempts
from fieldapp.domain.cases import Case, CaseStatus
from fieldapp.domain.ddas import Dagdeel, Eindresultaat, Signaalpartner, Signaalstatus
from fieldapp.domain.listing import AttemptMark, CaseListRow
from fieldapp.domain.people import Person
from fieldapp.domain.priority import Policy, deadline_points
from fieldapp.domain.signals import FLAG_ADDRESS_UNKNOWN
from fieldapp.store.repos.convert import address_of, attempt_of, person_of, signal_of
from fieldapp.store.schema import (
    AttemptRow,
    CaseRow,
    PersonRow,
    PlannedVisitRow,
    ShiftRow,
    SignalRow,
)


def load_case(session: Session, case_id: str, policy: Policy, today: date) -> Case | None:
    row = session.get(CaseRow, case_id)
    if row is None:
        return None
    people = session.scalars(select(PersonRow).where(PersonRow.case_id == case_id)).all()
    signals = session.scalars(
        select(SignalRow).where(SignalRow.case_id == case_id).order_by(SignalRow.received_on)
    ).all()
    attempts = session.scalars(
        select(AttemptRow)
        .where(AttemptRow.case_id == case_id)
        .order_by(AttemptRow.occurred_at, AttemptRow.created_at)
    ).all()
    extra, why = deadline_points(row.deadline, today, policy)
    reasons = tuple(row.reasons or ()) + ((why,) if why else ())
    return Case(
        id=row.id,
        address=address_of(row),
        people=tuple(person_of(p) for p in people),
        signals=tuple(signal_of(s) for s in signals),
        status=CaseStatus(row.status),
        opened_on=row.opened_on,
        deadline=row.deadline,
        priority=row.priority + extra,
        reasons=reasons,
        meervoudig=row.meervoudig,
        opeenvolgend=row.opeenvolgend,
        resultaat=Eindresultaat(row.resultaat) if row.resultaat else None,
        closed_at=row.closed_at,
        datum_opgepakt=row.datum_opgepakt,
        matchingsdatum=row.matchingsdatum,
        assigned_worker_id=row.assigned_worker_id,
        attempts=tuple(attempt_of(a) for a in attempts),
        notes=row.notes,
        version=row.version,
        purge_after=row.purge_after,
    )


def _case_filter(worker_id: str | None, include_closed: bool) -> Select[str]:
    query = select(CaseRow.id)
    if worker_id is not None:
        query = query.where(CaseRow.assigned_worker_id == worker_id)
    if not include_closed:
        query = query.where(CaseRow.status == CaseStatus.OPEN.value)
    return query


def list_rows(
    session: Session,
    *,
    policy: Policy,
    today: date,
    worker_id: str | None = None,
    include_closed: bool = False,
    only_ids: set[str] | None = None,
) -> list[CaseListRow]:
    """Flat list rows, built with four set-based queries (no per-case round trips)."""
    ids = _case_filter(worker_id, include_closed)
    cases = session.scalars(select(CaseRow).where(CaseRow.id.in_(ids))).all()
    if only_ids is not None:
        cases = [c for c in cases if c.id in only_ids]
    signals: dict[str | None, list[tuple[str, int | None, str, date | None]]] = defaultdict(list)
    for case_id, partner, cents, status, since in session.execute(
        select(
            SignalRow.case_id,
            SignalRow.partner,
            SignalRow.bedrag_cents,
            SignalRow.status,
            SignalRow.ontstaansdatum,
        ).where(SignalRow.case_id.in_(ids))
    ):
        signals[case_id].append((partner, cents, status, since))
    names: dict[str, list[str]] = defaultdict(list)
    for case_id, voornaam, voorletters, voorvoegsel, achternaam in session.execute(
        select(
            PersonRow.case_id,
            PersonRow.voornaam,
            PersonRow.voorletters,
            PersonRow.voorvoegsel,
            PersonRow.achternaam,
        ).where(PersonRow.case_id.in_(ids))
    ):
        name = Person(
            achternaam=achternaam,
            voorletters=voorletters,
            voorvoegsel=voorvoegsel,
            voornaam=voornaam,
        ).display_name()
        if name:
            names[case_id].append(name)
    attempts: dict[str, list[AttemptRow]] = defaultdict(list)
    for attempt in session.scalars(
        select(AttemptRow).where(AttemptRow.case_id.in_(ids)).order_by(AttemptRow.occurred_at)
    ):
        attempts[attempt.case_id].append(attempt)
    planned: dict[str, tuple[int, Dagdeel]] = {}
    for case_id, seq, dagdeel in session.execute(
        select(PlannedVisitRow.case_id, PlannedVisitRow.seq, ShiftRow.dagdeel)
        .join(ShiftRow, ShiftRow.id == PlannedVisitRow.shift_id)
        .where(ShiftRow.day == today)
    ):
        planned[case_id] = (seq, Dagdeel(dagdeel))

    rows: list[CaseListRow] = []
    for case in cases:
        taken = [s for s in signals[case.id] if Signaalstatus(s[2]).is_taken_up]
        partners = tuple(sorted({Signaalpartner(s[0]) for s in taken}))
        marks = tuple(
            AttemptMark(a.soort, a.bereikt, a.dagdeel, a.occurred_at)
            for a in effective_attempts([attempt_of(a) for a in attempts[case.id]])
        )
        extra, why = deadline_points(case.deadline, today, policy)
        address = address_of(case)
        warnings = [FLAG_ADDRESS_UNKNOWN] if address is None else []
        warnings += [f for f in (case.flags or []) if f not in warnings]
        plan = planned.get(case.id)
        sinces = [s[3] for s in taken if s[3] is not None]
        rows.append(
            CaseListRow(
                id=case.id,
                address_line=address.one_line() if address else "Adres onbekend",
                postcode=case.postcode or "",
                huisnummer=case.huisnummer,
                toevoeging=case.toevoeging,
                straat=case.straat,
                plaats=case.plaats,
                wijk=case.wijk,
                names=", ".join(names[case.id]),
                partners=partners,
                total_cents=sum(s[1] or 0 for s in taken),
                since=min(sinces) if sinces else None,
                deadline=case.deadline,
                priority=case.priority + extra,
                reasons=tuple(case.reasons or ()) + ((why,) if why else ()),
                status=CaseStatus(case.status),
                attempts=marks,
                warnings=tuple(warnings),
                meervoudig=case.meervoudig,
                opeenvolgend=case.opeenvolgend,
                planned_seq=plan[0] if plan else None,
                planned_dagdeel=plan[1] if plan else None,
                assigned_worker_id=case.assigned_worker_id,
            )
        )
    return rows
