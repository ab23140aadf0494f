"""Dashboards and deadline lists, read from a store or the server (same core tables).

Plain dataclasses out (``reporting.stats.Dashboard``, ``DeadlineRow``): the desk's Overzicht
tab, ``fieldapp report`` and the server's ``/v1/report`` all call :func:`dashboard`.

The period selects a *cohort*: the cases opened in it, with all their attempts. After
retention a case's dates are truncated to the month, so a period of whole months gives the
same figures before and after anonymisation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.deadlines import days_left, deadline_label
from fieldapp.domain.effort import EFFORT_RESULTS
from fieldapp.domain.slots import KindOfDay
from fieldapp.errors import InputRefused
from fieldapp.reporting.stats import (
    AttemptFact,
    CaseFact,
    Dashboard,
    build_dashboard,
)
from fieldapp.store.schema import AttemptRow, CaseEventRow, CaseRow, SignalRow

ACCEPTED_RESULTS = frozenset(
    {
        Eindresultaat.VERVOLGHULP.value,
        Eindresultaat.VERVOLGHULP_FINANCIEEL.value,
        Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL.value,
        Eindresultaat.BUDGETADVIES_QUICK_FIX.value,
    }
)
_NO_CONTACT = frozenset(r.value for r in EFFORT_RESULTS)
_CHUNK = 500


def check_period(start: date, end: date) -> None:
    """A reversed period is refused (exit 2), never silently swapped."""
    if end < start:
        raise InputRefused("De periode klopt niet: --tot ligt vóór --van.")


def day_kind(moment: datetime) -> str:
    """The planner's kind of day (``domain.slots.KindOfDay``: a Sunday counts with the
    weekend), so the dashboard's cells are the contact model's cells."""
    return KindOfDay.of(moment.astimezone(AMSTERDAM).date()).value


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def read_facts(
    session: Session,
    *,
    start: date,
    end: date,
    today: date,
    case_ids: Collection[str] | None = None,
) -> tuple[list[CaseFact], list[AttemptFact]]:
    """Facts for the cases opened in [start, end] (optionally only ``case_ids``)."""
    check_period(start, end)
    query = select(
        CaseRow.id,
        CaseRow.opened_on,
        CaseRow.deadline,
        CaseRow.wijk,
        CaseRow.status,
        CaseRow.resultaat,
        CaseRow.contact_on_time,
    ).where(CaseRow.opened_on >= start, CaseRow.opened_on <= end)
    rows = list(session.execute(query))
    if case_ids is not None:
        allowed = set(case_ids)
        rows = [r for r in rows if r.id in allowed]
    ids = sorted(r.id for r in rows)
    partners: dict[str, set[str]] = defaultdict(set)
    attempts: dict[str, list[tuple[str, datetime, str, bool, str | None]]] = defaultdict(list)
    overridden: dict[str, tuple[datetime, bool]] = {}
    for chunk in _chunks(ids):
        for cid, partner in session.execute(
            select(SignalRow.case_id, SignalRow.partner).where(SignalRow.case_id.in_(chunk))
        ):
            if cid is not None:
                partners[cid].add(partner)
        raw = list(
            session.execute(
                select(
                    AttemptRow.id,
                    AttemptRow.case_id,
                    AttemptRow.soort,
                    AttemptRow.occurred_at,
                    AttemptRow.dagdeel,
                    AttemptRow.bereikt,
                    AttemptRow.outcome,
                    AttemptRow.voids,
                ).where(AttemptRow.case_id.in_(chunk))
            )
        )
        voided = {a.voids for a in raw if a.voids}
        for a in raw:
            if a.voids is None and a.id not in voided:
                attempts[a.case_id].append(
                    (a.soort, a.occurred_at, a.dagdeel, a.bereikt, a.outcome)
                )
        for cid, at, override in session.execute(
            select(CaseEventRow.case_id, CaseEventRow.at, CaseEventRow.effort_override).where(
                CaseEventRow.case_id.in_(chunk), CaseEventRow.kind == "close"
            )
        ):
            if cid not in overridden or at >= overridden[cid][0]:
                overridden[cid] = (at, bool(override))
    cases: list[CaseFact] = []
    facts: list[AttemptFact] = []
    for r in rows:
        mine = sorted(attempts.get(r.id, []), key=lambda a: a[1])
        closed = r.status == "gesloten"
        on_time = r.contact_on_time
        if on_time is None:
            if mine:
                on_time = mine[0][1].astimezone(AMSTERDAM).date() <= r.deadline
            elif not closed and r.deadline < today:
                on_time = False
        cases.append(
            CaseFact(
                id=r.id,
                month=r.opened_on.strftime("%Y-%m"),
                partners=frozenset(partners.get(r.id, set())),
                wijk=r.wijk or "",
                attempts=len(mine),
                reached=any(a[3] for a in mine),
                accepted=(r.resultaat in ACCEPTED_RESULTS) or any(a[4] == "wil_hulp" for a in mine),
                contact_on_time=on_time,
                closed_no_contact=closed and r.resultaat in _NO_CONTACT,
                effort_override=closed and overridden.get(r.id, (None, False))[1],
            )
        )
        facts.extend(
            AttemptFact(r.id, soort, dagdeel, day_kind(at), bereikt)
            for soort, at, dagdeel, bereikt, _ in mine
        )
    return cases, facts


def dashboard(
    session: Session,
    *,
    start: date,
    end: date,
    today: date,
    case_ids: Collection[str] | None = None,
) -> Dashboard:
    cases, attempts = read_facts(session, start=start, end=end, today=today, case_ids=case_ids)
    return build_dashboard(cases, attempts)


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """An open case not yet contacted, with its first-contact deadline (ids only)."""

    case_id: str
    deadline: date
    days_left: int
    label: str  # "nog 3 dagen" / "2 dagen te laat"
    worker_id: str | None
    wijk: str


@dataclass(frozen=True, slots=True)
class DeadlineLists:
    within_week: list[DeadlineRow]  # "binnen 7 dagen"
    overdue: list[DeadlineRow]  # "te laat"


def deadline_lists(
    session: Session, *, today: date, case_ids: Collection[str] | None = None
) -> DeadlineLists:
    """The team lead's lists. Closed cases never appear (they show their result instead);
    a case with any counted attempt has been contacted and leaves the lists."""
    rows = list(
        session.execute(
            select(CaseRow.id, CaseRow.deadline, CaseRow.assigned_worker_id, CaseRow.wijk).where(
                CaseRow.status == "open", CaseRow.deadline <= today + timedelta(days=7)
            )
        )
    )
    if case_ids is not None:
        allowed = set(case_ids)
        rows = [r for r in rows if r.id in allowed]
    contacted: set[str] = set()
    for chunk in _chunks(sorted(r.id for r in rows)):
        raw = list(
            session.execute(
                select(AttemptRow.id, AttemptRow.case_id, AttemptRow.voids).where(
                    AttemptRow.case_id.in_(chunk)
                )
            )
        )
        voided = {a.voids for a in raw if a.voids}
        contacted |= {a.case_id for a in raw if a.voids is None and a.id not in voided}
    listed = sorted(
        (
            DeadlineRow(
                r.id,
                r.deadline,
                days_left(r.deadline, today),
                deadline_label(r.deadline, today),
                r.assigned_worker_id,
                r.wijk or "",
            )
            for r in rows
            if r.id not in contacted
        ),
        key=lambda d: (d.deadline, d.case_id),
    )
    return DeadlineLists(
        within_week=[d for d in listed if d.days_left >= 0],
        overdue=[d for d in listed if d.days_left < 0],
    )
