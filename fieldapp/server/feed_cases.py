"""Feed payloads of cases (people, signals, attempts) and of the team's workers, in bulk."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Select, Table, select
from sqlalchemy.orm import Session

from fieldapp.server.scope import chunks
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow, SignalRow, Worker
from fieldapp.sync.protocol import (
    AddressPayload,
    AttemptPayload,
    CasePayload,
    PersonPayload,
    SignalPayload,
    WorkerPayload,
)

P = TypeVar("P", bound=BaseModel)

_PERSON_FIELDS = tuple(PersonPayload.model_fields)
_SIGNAL_FIELDS = tuple(SignalPayload.model_fields)
_ATTEMPT_FIELDS = tuple(AttemptPayload.model_fields)


def case_payloads(session: Session, case_ids: list[str]) -> dict[str, CasePayload]:
    """Full payloads (people, signals, attempts) for the given cases, in bulk queries.

    Reads plain column rows (Core), not ORM entities: identity-map bookkeeping for thousands
    of rows that are only serialised costs more than the queries. Payloads are still validated.
    """
    out: dict[str, CasePayload] = {}
    cases_t, people_t = _table(CaseRow), _table(PersonRow)
    signals_t, attempts_t = _table(SignalRow), _table(AttemptRow)
    person_cols = [people_t.c.case_id, *(people_t.c[f] for f in _PERSON_FIELDS)]
    signal_cols = [signals_t.c.case_id, *(signals_t.c[f] for f in _SIGNAL_FIELDS)]
    attempt_cols = [attempts_t.c.case_id, *(attempts_t.c[f] for f in _ATTEMPT_FIELDS)]
    for chunk in chunks(sorted(set(case_ids)), 500):
        people = _by_case(
            session,
            select(*person_cols).where(people_t.c.case_id.in_(chunk)),
            PersonPayload,
            _PERSON_FIELDS,
        )
        signals = _by_case(
            session,
            select(*signal_cols).where(signals_t.c.case_id.in_(chunk)),
            SignalPayload,
            _SIGNAL_FIELDS,
        )
        attempts = _by_case(
            session,
            select(*attempt_cols)
            .where(attempts_t.c.case_id.in_(chunk))
            .order_by(attempts_t.c.occurred_at, attempts_t.c.id),
            AttemptPayload,
            _ATTEMPT_FIELDS,
        )
        for c in session.execute(select(cases_t).where(cases_t.c.id.in_(chunk))):
            address = None
            if c.postcode and c.huisnummer is not None:
                address = AddressPayload(
                    postcode=c.postcode,
                    huisnummer=c.huisnummer,
                    toevoeging=c.toevoeging,
                    straat=c.straat,
                    plaats=c.plaats,
                    wijk=c.wijk,
                    lat=c.lat,
                    lon=c.lon,
                )
            out[c.id] = CasePayload(
                id=c.id,
                address=address,
                people=people[c.id],
                signals=signals[c.id],
                attempts=attempts[c.id],
                status=c.status,
                opened_on=c.opened_on,
                deadline=c.deadline,
                priority=c.priority,
                reasons=[str(r) for r in c.reasons or []],
                meervoudig=c.meervoudig,
                opeenvolgend=c.opeenvolgend,
                flags=[str(f) for f in c.flags or []],
                assigned_worker_id=c.assigned_worker_id,
                resultaat=c.resultaat,
                closed_at=c.closed_at,
                datum_opgepakt=c.datum_opgepakt,
                matchingsdatum=c.matchingsdatum,
                version=c.version,
                purge_after=c.purge_after,
            )
    return out


def _by_case(
    session: Session, stmt: Select[Any], model: type[P], fields: tuple[str, ...]
) -> defaultdict[str, list[P]]:
    """Validated payloads per case id from ``stmt`` (selecting case_id, then ``fields``).
    Rows are zipped with the known names: ``Row._mapping`` builds a key view per row."""
    out: defaultdict[str, list[P]] = defaultdict(list)
    for row in session.execute(stmt):
        values = dict(zip(fields, row[1:], strict=True))
        if "flags" in values:
            values["flags"] = [str(f) for f in values["flags"] or []]
        out[row[0] or ""].append(model.model_validate(values))
    return out


def team_workers(session: Session, team: str) -> list[WorkerPayload]:
    return [
        WorkerPayload.model_validate(w, from_attributes=True)
        for w in session.scalars(select(Worker).where(Worker.team == team).order_by(Worker.id))
    ]


def _table(model: type[object]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table
