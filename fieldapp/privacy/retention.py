"""Retention: remove a case's personal data once it is no longer needed; keep the statistics.

Rule (policy ``[bewaren] maanden``, default 6): a case is due the day after *months* have passed
since its last signal or its closure, whichever is later. Works on the core tables, so the
same code runs on a laptop's SQLCipher store and on the server (SQLite or PostgreSQL).

Removed: people (names, BSN, birth date, phone, e-mail), street, house number and suffix, the
full postcode (PC4 stays), coordinates, the matching key, free-text notes (case, attempts,
voids, close/reopen reasons), priority reasons (they quote amounts), partners' own signal IDs,
planned visits and drafts. Kept: partner type, amount band (the amount is lowered to its band's
floor), dates truncated to the month, attempts' soort / dagdeel / bereikt with the weekday kind
(the date moves to the first day of the month with the same weekday), result, wijk / PC4,
effort overrides, and ``contact_on_time`` frozen first because its dates go.

Trap: an UPDATE leaves the old cell image in freed page space and in the WAL. The stores run
with ``secure_delete=ON``; the caller must checkpoint the WAL with TRUNCATE afterwards
(``Store.checkpoint_truncate``), or the old frames stay on disk until the next checkpoint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import delete, func, inspect, select, update
from sqlalchemy.orm import Session

from fieldapp.domain.attempts import SyncState
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.retention import add_months
from fieldapp.store.schema import (
    AttemptRow,
    CaseEventRow,
    CaseRow,
    DraftRow,
    PersonRow,
    PlannedVisitRow,
    SignalRow,
)

# Amount bands (euros) for statistics; an anonymised amount is its band's floor.
AMOUNT_BANDS_EUR = (0, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
# A representative local time per dagdeel, so the dagdeel stays derivable from the moment.
_DAGDEEL_TIME = {Dagdeel.OCHTEND: time(10), Dagdeel.MIDDAG: time(14), Dagdeel.AVOND: time(19)}
_CHUNK = 500


def month_start(day: date) -> date:
    return day.replace(day=1)


def band_floor_cents(cents: int | None) -> int | None:
    if cents is None:
        return None
    euros = cents // 100
    return max(b for b in AMOUNT_BANDS_EUR if b <= max(euros, 0)) * 100


def same_weekday_in_first_week(day: date) -> date:
    """The first day of ``day``'s month that falls on the same weekday."""
    return day.replace(day=(day.day - 1) % 7 + 1)


def anonymised_moment(moment: datetime, dagdeel: str) -> datetime:
    """Month, weekday and dagdeel survive; the exact day and time do not."""
    local = moment.astimezone(AMSTERDAM)
    part = Dagdeel(dagdeel) if dagdeel in Dagdeel._value2member_map_ else Dagdeel.MIDDAG
    moved = datetime.combine(same_weekday_in_first_week(local.date()), _DAGDEEL_TIME[part])
    return moved.replace(tzinfo=AMSTERDAM).astimezone(UTC)


def _month_moment(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    local = moment.astimezone(AMSTERDAM).date()
    return datetime.combine(month_start(local), time(12), AMSTERDAM).astimezone(UTC)


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def latest_dates(session: Session) -> dict[str, date]:
    """Each not-yet-anonymised case's last signal or closure day, whichever is later."""
    last_signal = dict(
        session.execute(
            select(SignalRow.case_id, func.max(SignalRow.received_on))
            .where(SignalRow.case_id.is_not(None))
            .group_by(SignalRow.case_id)
        ).all()
    )
    latest: dict[str, date] = {}
    for cid, opened, closed in session.execute(
        select(CaseRow.id, CaseRow.opened_on, CaseRow.closed_at).where(
            CaseRow.anonymised_on.is_(None)
        )
    ):
        day = last_signal.get(cid) or opened
        if closed is not None:
            day = max(day, closed.astimezone(AMSTERDAM).date())
        latest[cid] = day
    return latest


def due_dates(session: Session, months: int) -> dict[str, date]:
    """Each not-yet-anonymised case's retention date (later of last signal / closure)."""
    return {cid: add_months(day, months) for cid, day in latest_dates(session).items()}


def cases_due(session: Session, today: date, months: int) -> list[str]:
    return sorted(cid for cid, day in due_dates(session, months).items() if day < today)


@dataclass
class RetentionReport:
    cases: list[str] = field(default_factory=list)
    people: int = 0
    signals: int = 0
    attempts: int = 0

    def counts(self) -> dict[str, int]:
        return {
            "cases": len(self.cases),
            "people": self.people,
            "signals": self.signals,
            "attempts": self.attempts,
        }


def _freeze_on_time(session: Session, chunk: list[str]) -> None:
    """``contact_on_time`` from the exact dates, before they are truncated."""
    first: dict[str, datetime] = {}
    rows = list(
        session.execute(
            select(
                AttemptRow.id, AttemptRow.case_id, AttemptRow.occurred_at, AttemptRow.voids
            ).where(AttemptRow.case_id.in_(chunk))
        )
    )
    voided = {r.voids for r in rows if r.voids}
    for r in rows:
        counted = r.voids is None and r.id not in voided
        if counted and (r.case_id not in first or r.occurred_at < first[r.case_id]):
            first[r.case_id] = r.occurred_at
    for cid, deadline, status, on_time in session.execute(
        select(CaseRow.id, CaseRow.deadline, CaseRow.status, CaseRow.contact_on_time).where(
            CaseRow.id.in_(chunk)
        )
    ):
        if on_time is not None:
            continue
        if cid in first:
            value: bool | None = first[cid].astimezone(AMSTERDAM).date() <= deadline
        else:
            value = None if status == "gesloten" else False
        session.execute(update(CaseRow).where(CaseRow.id == cid).values(contact_on_time=value))


def anonymise_cases(
    session: Session, case_ids: Iterable[str], today: date, *, keep_pending: bool = True
) -> RetentionReport:
    """Remove the personal data of ``case_ids`` in the caller's transaction.

    ``keep_pending``: on a laptop, attempts and events not yet pushed keep their exact moment
    (the server needs it; only their notes go). The caller checkpoints the WAL afterwards.
    """
    report = RetentionReport(cases=sorted(set(case_ids)))
    # Drafts (unsaved forms) exist only on the laptop; the server has no such table.
    has_drafts = inspect(session.connection()).has_table(DraftRow.__tablename__)
    for chunk in _chunks(report.cases):
        _freeze_on_time(session, chunk)
        session.execute(
            update(SignalRow).where(SignalRow.case_id.in_(chunk)).values(person_id=None)
        )
        report.people += len(
            session.scalars(select(PersonRow.id).where(PersonRow.case_id.in_(chunk))).all()
        )
        session.execute(delete(PersonRow).where(PersonRow.case_id.in_(chunk)))
        session.execute(delete(PlannedVisitRow).where(PlannedVisitRow.case_id.in_(chunk)))
        for key in session.scalars(select(DraftRow.key)) if has_drafts else ():
            if any(cid in key for cid in chunk):
                session.execute(delete(DraftRow).where(DraftRow.key == key))
        for s in session.execute(
            select(
                SignalRow.id,
                SignalRow.bedrag_cents,
                SignalRow.ontstaansdatum,
                SignalRow.signaaldatum,
                SignalRow.received_on,
            ).where(SignalRow.case_id.in_(chunk))
        ):
            session.execute(
                update(SignalRow)
                .where(SignalRow.id == s.id)
                .values(
                    external_id=f"geanonimiseerd-{s.id}",
                    address_key=None,
                    bedrag_cents=band_floor_cents(s.bedrag_cents),
                    ontstaansdatum=s.ontstaansdatum and month_start(s.ontstaansdatum),
                    signaaldatum=s.signaaldatum and month_start(s.signaaldatum),
                    received_on=month_start(s.received_on),
                )
            )
            report.signals += 1
        for a in session.execute(
            select(
                AttemptRow.id, AttemptRow.occurred_at, AttemptRow.dagdeel, AttemptRow.sync_state
            ).where(AttemptRow.case_id.in_(chunk))
        ):
            values: dict[str, object] = {"note": "", "void_reason": ""}
            if not (keep_pending and a.sync_state == SyncState.PENDING):
                moved = anonymised_moment(a.occurred_at, a.dagdeel)
                values.update(occurred_at=moved, created_at=moved)
            session.execute(update(AttemptRow).where(AttemptRow.id == a.id).values(**values))
            report.attempts += 1
        session.execute(
            update(CaseEventRow).where(CaseEventRow.case_id.in_(chunk)).values(reason="")
        )
        _anonymise_case_rows(session, chunk, today)
    session.flush()
    return report


def _anonymise_case_rows(session: Session, chunk: list[str], today: date) -> None:
    rows = list(
        session.execute(
            select(
                CaseRow.id,
                CaseRow.postcode,
                CaseRow.opened_on,
                CaseRow.deadline,
                CaseRow.closed_at,
                CaseRow.datum_opgepakt,
                CaseRow.matchingsdatum,
                CaseRow.matching_start,
                CaseRow.matching_end,
                CaseRow.created_at,
            ).where(CaseRow.id.in_(chunk))
        )
    )
    for c in rows:
        session.execute(
            update(CaseRow)
            .where(CaseRow.id == c.id)
            .values(
                address_key=None,
                postcode=(c.postcode or "")[:4] or None,
                huisnummer=None,
                toevoeging="",
                straat="",
                lat=None,
                lon=None,
                notes="",
                reasons=[],
                opened_on=month_start(c.opened_on),
                deadline=month_start(c.deadline),
                closed_at=_month_moment(c.closed_at),
                datum_opgepakt=c.datum_opgepakt and month_start(c.datum_opgepakt),
                matchingsdatum=c.matchingsdatum and month_start(c.matchingsdatum),
                matching_start=c.matching_start and month_start(c.matching_start),
                matching_end=c.matching_end and month_start(c.matching_end),
                created_at=_month_moment(c.created_at),
                anonymised_on=today,
                purge_after=today,
            )
        )


def retention_today(device_now: datetime, last_server_time: datetime | None) -> date:
    """The day retention counts from: the later of the device clock and the last time the
    server was seen (a clock turned back must not keep personal data longer)."""
    latest = max(device_now, last_server_time) if last_server_time else device_now
    return latest.astimezone(AMSTERDAM).date()


def expiring_soon(
    session: Session,
    today: date,
    months: int,
    *,
    exported_until: date | None = None,
    within_days: int = 30,
) -> date | None:
    """The earliest retention date within ``within_days`` of a case whose data is not yet in
    an exported DDAS period (its last activity after ``exported_until``): the lead's warning
    to deliver first. None when nothing unexported is about to go."""
    horizon = today + timedelta(days=within_days)
    soon = [
        add_months(day, months)
        for day in latest_dates(session).values()
        if today <= add_months(day, months) <= horizon
        and (exported_until is None or day > exported_until)
    ]
    return min(soon) if soon else None
