"""Load what printing needs from the store (cases, the signing worker, the planned visit), list
a day's shifts to print for, and log the 'Brief' attempts after letters went out.

Shared by the CLI (``fieldapp print ... --registreer``) and the UI's print dialog.
"""

from __future__ import annotations

import tomllib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.dayparts import AMSTERDAM, DAYPART_ORDER, daypart_of
from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.letters import LetterKind, Sender, tel_url
from fieldapp.domain.listing import WorkerInfo
from fieldapp.domain.people import readable_phone
from fieldapp.services import queries
from fieldapp.services.attempts import QuickOutcome, record_quick_outcome
from fieldapp.services.case_language import case_languages
from fieldapp.services.changes import Changes
from fieldapp.services.print_pdf import PrintJob, PrintRefused
from fieldapp.services.profile import own_worker
from fieldapp.store.schema import CaseRow, PlannedVisitRow, ShiftRow

_STILL_TO_VISIT = CaseRow.status == CaseStatus.OPEN.value
DEFAULT_ORGANISATION_FILE = Path(__file__).resolve().parent.parent / "defaults" / "organisatie.toml"


@dataclass(frozen=True, slots=True)
class Organisation:
    gemeente: str
    postbus: str
    postcode_plaats: str
    team: str
    qr: str = "tel"
    gemeentecode: str = ""
    gemeente_plaats: str = ""
    """The place name used inside sentences; empty: ``gemeente`` without "Gemeente"."""


def load_organisation(db_path: Path | None = None) -> Organisation:
    """``organisatie.toml`` beside the database, else the shipped (fictional) default."""
    candidates = [db_path.parent / "organisatie.toml"] if db_path else []
    source = next((p for p in candidates if p.is_file()), DEFAULT_ORGANISATION_FILE)
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    return Organisation(
        gemeente=str(data.get("gemeente", "")),
        postbus=str(data.get("postbus", "")),
        postcode_plaats=str(data.get("postcode_plaats", "")),
        team=str(data.get("team", "")),
        qr=str(data.get("qr", "tel")),
        gemeentecode=str(data.get("gemeentecode", "")),
        gemeente_plaats=str(data.get("gemeente_plaats", "")),
    )


def sender_for(worker: WorkerInfo, organisation: Organisation) -> Sender:
    phone = readable_phone(worker.phone)
    qr_target = tel_url(phone) if organisation.qr == "tel" else organisation.qr
    return Sender(
        first_name=worker.first_name or worker.display_name.split(" ")[0],
        display_name=worker.display_name,
        phone=phone,
        whatsapp=readable_phone(worker.whatsapp or worker.phone),
        email=worker.email,
        team=organisation.team,
        gemeente=organisation.gemeente,
        gemeente_plaats=organisation.gemeente_plaats,
        postbus=organisation.postbus,
        postcode_plaats=organisation.postcode_plaats,
        qr_target=qr_target if phone else "",
    )


def current_sender(session: Session, organisation: Organisation) -> Sender | None:
    """This laptop's worker as sender, with the local profile applied (see services.profile)."""
    worker = own_worker(session)
    return sender_for(worker, organisation) if worker else None


def _workers_as_printed(session: Session) -> dict[str, WorkerInfo]:
    workers = {w.id: w for w in queries.list_workers(session)}
    own = own_worker(session)
    if own is not None:
        workers[own.id] = own
    return workers


def load_print_jobs(
    session: Session,
    *,
    organisation: Organisation,
    today: date,
    shift_id: str | None = None,
    case_ids: Sequence[str] = (),
) -> list[PrintJob]:
    """Jobs for a planned shift (in route order, with its date and dagdeel) or for cases.

    Each job carries its household's own language when one was chosen
    (``services.case_language``); the others print in the batch language.

    A shift prints only its visits to cases still open (a case closed since planning gets no
    card), the same rule :func:`shifts_on` counts by, so "6 adressen" means six cards.

    A case given by id carries its next planned visit (``today`` or later) when it has one,
    so an announcement letter from the case view names the planned day and dagdeel.
    """
    workers = _workers_as_printed(session)
    fallback = current_sender(session, organisation)
    jobs: list[PrintJob] = []
    if shift_id:
        if session.get(ShiftRow, shift_id) is None:
            raise PrintRefused(
                f"Onbekende dienst: {shift_id}. `fieldapp shifts` toont de diensten op deze laptop."
            )
        rows = session.execute(
            select(PlannedVisitRow.case_id, ShiftRow.day, ShiftRow.dagdeel, ShiftRow.worker_id)
            .join(ShiftRow, ShiftRow.id == PlannedVisitRow.shift_id)
            .join(CaseRow, CaseRow.id == PlannedVisitRow.case_id)
            .where(ShiftRow.id == shift_id, _STILL_TO_VISIT)
            .order_by(PlannedVisitRow.seq)
        ).all()
        languages = case_languages(session, [r[0] for r in rows])
        for stop, (case_id, day, dagdeel, worker_id) in enumerate(rows, start=1):
            worker = workers.get(worker_id)
            sender = sender_for(worker, organisation) if worker else fallback
            case = queries.get_case(session, case_id, today=today)
            jobs.append(
                PrintJob(
                    case,
                    sender,
                    day,
                    Dagdeel(dagdeel),
                    language=languages.get(case_id),
                    route_no=stop,
                )
            )
        return jobs
    visits = _next_visits(session, case_ids, today)
    languages = case_languages(session, case_ids)
    for case_id in case_ids:
        case = queries.get_case(session, case_id, today=today)
        language = languages.get(case_id)
        visit = visits.get(case_id)
        if visit is not None:
            day, dagdeel, worker_id = visit
            worker = workers.get(worker_id)
            sender = sender_for(worker, organisation) if worker else fallback
            jobs.append(PrintJob(case, sender, day, dagdeel, language=language))
            continue
        worker = workers.get(case.assigned_worker_id or "")
        sender = sender_for(worker, organisation) if worker else fallback
        jobs.append(PrintJob(case, sender, language=language))
    return jobs


def _next_visits(
    session: Session, case_ids: Sequence[str], today: date
) -> dict[str, tuple[date, Dagdeel, str]]:
    """Per case: the earliest planned (day, dagdeel, worker id) on or after ``today``."""
    if not case_ids:
        return {}
    found: dict[str, tuple[date, Dagdeel, str]] = {}
    rows = session.execute(
        select(PlannedVisitRow.case_id, ShiftRow.day, ShiftRow.dagdeel, ShiftRow.worker_id)
        .join(ShiftRow, ShiftRow.id == PlannedVisitRow.shift_id)
        .where(PlannedVisitRow.case_id.in_(list(case_ids)), ShiftRow.day >= today)
    ).all()
    for case_id, day, dagdeel, worker_id in rows:
        candidate = (day, Dagdeel(dagdeel), worker_id)
        current = found.get(case_id)
        if current is None or (day, DAYPART_ORDER[candidate[1]]) < (
            current[0],
            DAYPART_ORDER[current[1]],
        ):
            found[case_id] = candidate
    return found


@dataclass(frozen=True, slots=True)
class ShiftInfo:
    """A shift to print for: its day, dagdeel and how many visits are planned in it."""

    id: str
    day: date
    dagdeel: Dagdeel
    visits: int


def shifts_on(session: Session, *, day: date, worker_id: str | None) -> list[ShiftInfo]:
    """The shifts of ``day`` with at least one visit to an open case, morning first (all
    workers if None); ``visits`` counts exactly what :func:`load_print_jobs` prints."""
    query = (
        select(ShiftRow.id, ShiftRow.day, ShiftRow.dagdeel, func.count(PlannedVisitRow.id))
        .join(PlannedVisitRow, PlannedVisitRow.shift_id == ShiftRow.id)
        .join(CaseRow, CaseRow.id == PlannedVisitRow.case_id)
        .where(ShiftRow.day == day, _STILL_TO_VISIT)
        .group_by(ShiftRow.id, ShiftRow.day, ShiftRow.dagdeel)
    )
    if worker_id is not None:
        query = query.where(ShiftRow.worker_id == worker_id)
    shifts = [
        ShiftInfo(shift_id, shift_day, Dagdeel(dagdeel), int(count))
        for shift_id, shift_day, dagdeel, count in session.execute(query)
    ]
    shifts.sort(key=lambda s: (DAYPART_ORDER[s.dagdeel], s.id))
    return shifts


def list_shifts(session: Session, *, since: date | None = None) -> list[ShiftInfo]:
    """Every shift on this laptop (from ``since`` on, if given), by day and dagdeel, with the
    number of visits to open cases (what a card run would print)."""
    open_visits = (
        select(PlannedVisitRow.shift_id, func.count(PlannedVisitRow.id).label("n"))
        .join(CaseRow, CaseRow.id == PlannedVisitRow.case_id)
        .where(_STILL_TO_VISIT)
        .group_by(PlannedVisitRow.shift_id)
        .subquery()
    )
    query = select(ShiftRow.id, ShiftRow.day, ShiftRow.dagdeel, open_visits.c.n).outerjoin(
        open_visits, open_visits.c.shift_id == ShiftRow.id
    )
    if since is not None:
        query = query.where(ShiftRow.day >= since)
    shifts = [
        ShiftInfo(shift_id, day, Dagdeel(dagdeel), int(n or 0))
        for shift_id, day, dagdeel, n in session.execute(query)
    ]
    shifts.sort(key=lambda s: (s.day, DAYPART_ORDER[s.dagdeel], s.id))
    return shifts


def brief_form_id(case_id: str, kind: LetterKind, now: datetime) -> str:
    """One id per case, letter kind, local date and dagdeel: printing twice logs once.

    The text hashed is the one the CLI has used since ``--registreer`` came in, so ids of
    attempts logged before this function existed stay the same.
    """
    local = now.astimezone(AMSTERDAM)
    key = f"brief:{case_id}:{kind.value}:{local:%F}:{daypart_of(local).value}"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, key))


def log_letters_sent(
    session: Session,
    case_ids: Sequence[str],
    kind: LetterKind,
    now: datetime,
    worker_id: str | None,
    device_id: str | None,
) -> Changes:
    """After letters of ``kind`` went out: one 'Brief' attempt per case (call after printing).

    Idempotent within a dagdeel (see :func:`brief_form_id`); the returned ``case_ids`` are the
    cases that got a *new* attempt. Raises ``ValueError`` for a naive ``now`` and
    ``CaseNotFound`` for an unknown case (the whole transaction is then rolled back by the
    caller's session).
    """
    if kind.is_card:
        raise ValueError("cards are logged from the visit, not when printed")
    changes = Changes()
    for case_id in dict.fromkeys(case_ids):  # a case twice in a selection: one attempt
        changes |= record_quick_outcome(
            session,
            form_id=brief_form_id(case_id, kind, now),
            outcome=QuickOutcome.BRIEF,
            case_id=case_id,
            occurred_at=now,
            note=f"Brief: {kind.value.replace('_', ' ')}",
            worker_id=worker_id,
            device_id=device_id,
        )
    return changes
