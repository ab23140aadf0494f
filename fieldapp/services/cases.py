"""Use cases on cases: close (with a DDAS eindresultaat), reopen, notes, assignment, drafts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Eindresultaat, Signaalstatus
from fieldapp.domain.effort import Shortfall, effort_checklist, needs_effort
from fieldapp.domain.listing import WorkerInfo
from fieldapp.domain.priority import Policy
from fieldapp.services.changes import Changes
from fieldapp.services.errors import (
    CaseNotClosed,
    CaseNotFound,
    EffortNotMet,
    NotYourCase,
    OverrideNotAllowed,
    ReasonRequired,
)
from fieldapp.store.repos.convert import attempt_of
from fieldapp.store.repos.kv import get_kv
from fieldapp.store.schema import AttemptRow, CaseEventRow, CaseRow, DraftRow, SignalRow, Worker

# Outcomes that also settle the signals' DDAS status (NOTES.md §4 status flow).
_SIGNAL_STATUS_FOR: dict[Eindresultaat, Signaalstatus] = {
    Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN: Signaalstatus.NIET_OPGEPAKT_ANDERE_REDEN,
    Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING: Signaalstatus.NIET_OPGEPAKT_HERHAALDE_MELDING,
    Eindresultaat.NIET_OPGEPAKT_ONTERECHT: Signaalstatus.NIET_OPGEPAKT_ONTERECHT,
    Eindresultaat.OVERLEDEN: Signaalstatus.OVERLEDEN,
    Eindresultaat.GEEN_INWONER: Signaalstatus.GEEN_INWONER,
    Eindresultaat.AL_BEKEND_BIJ_SHV: Signaalstatus.AL_BEKEND_BIJ_SHV,
}


ROLE_LEAD = "teamlead"
ROLE_WORKER = "worker"
KV_ROLE = "sync.role"  # same key as services.sync (set at enrollment)


def local_role(session: Session) -> str:
    """The role of this laptop's user: the server's word once enrolled. A store that was never
    enrolled is a stand-alone lead's store (it imports its own signals), so it acts as lead."""
    return get_kv(session, KV_ROLE) or ROLE_LEAD


def case_effort_shortfalls(session: Session, case_id: str, policy: Policy) -> list[Shortfall]:
    """The checklist of what is still missing before this case may close as 'no contact'
    (``Shortfall.line`` is a Dutch line with its code). Empty when met or not enforced."""
    if not policy.effort.enforced:
        return []
    attempts = [
        attempt_of(a)
        for a in session.scalars(select(AttemptRow).where(AttemptRow.case_id == case_id))
    ]
    return effort_checklist(attempts, policy.effort)


def _case(session: Session, case_id: str) -> CaseRow:
    row = session.get(CaseRow, case_id)
    if row is None:
        raise CaseNotFound("Deze zaak bestaat niet (meer) op dit apparaat.")
    return row


def close_case(
    session: Session,
    *,
    event_id: str,
    case_id: str,
    resultaat: Eindresultaat,
    reason: str = "",
    at: datetime,
    worker_id: str | None = None,
    device_id: str | None = None,
    effort_override: bool = False,
    policy: Policy | None = None,
    actor_role: str | None = None,
) -> Changes:
    """Close a case.

    "Definitief geen contact" and "Geen reactie na eerder contact" first meet the policy's
    minimum effort (``Policy()`` enforces it by default). Otherwise only a team lead may close,
    with ``effort_override`` and a written ``reason``: a worker gets ``OverrideNotAllowed``, a
    lead without a reason ``EffortNotMet``; both list what is missing and write nothing.
    ``actor_role`` defaults to :func:`local_role`. The server checks again when the close
    arrives (``fieldapp.server.outcomes``).
    """
    event_id = str(uuid.UUID(event_id))
    if session.get(CaseEventRow, event_id) is not None:
        return Changes()
    _case(session, case_id)
    effective = policy or Policy()
    override_used = False
    if needs_effort(resultaat):
        missing = case_effort_shortfalls(session, case_id, effective)
        if missing:
            lines, codes = [m.line for m in missing], [m.code.value for m in missing]
            if not effort_override:
                raise EffortNotMet(lines, codes)
            if (actor_role or local_role(session)) != ROLE_LEAD:
                raise OverrideNotAllowed(lines, codes)
            if not reason.strip():
                raise EffortNotMet(lines, codes)
            override_used = True
    case = _case(session, case_id)
    session.add(
        CaseEventRow(
            id=event_id,
            case_id=case_id,
            kind="close",
            resultaat=resultaat.value,
            reason=reason.strip(),
            effort_override=override_used,
            at=at,
            worker_id=worker_id,
            device_id=device_id,
        )
    )
    case.status = CaseStatus.GESLOTEN.value
    case.resultaat = resultaat.value
    case.closed_at = at
    new_status = _SIGNAL_STATUS_FOR.get(resultaat)
    if new_status is not None:
        session.execute(
            update(SignalRow)
            .where(SignalRow.case_id == case_id, SignalRow.status == Signaalstatus.OPGEPAKT.value)
            .values(status=new_status.value)
        )
    session.flush()
    return Changes(cases=True, signals=True, sync=True, case_ids=frozenset({case_id}))


def reopen_case(
    session: Session,
    *,
    event_id: str,
    case_id: str,
    reason: str,
    at: datetime,
    worker_id: str | None = None,
    device_id: str | None = None,
) -> Changes:
    """Open a closed case again: a written reason is required, a worker may reopen only
    their own cases, and the decision is an audited, synced case event. Signals the close
    had settled (e.g. "niet opgepakt") are picked up again."""
    event_id = str(uuid.UUID(event_id))
    if session.get(CaseEventRow, event_id) is not None:
        return Changes()
    case = _case(session, case_id)
    if case.status != CaseStatus.GESLOTEN.value:
        raise CaseNotClosed("Deze zaak is niet afgesloten; heropenen is niet nodig.")
    if not reason.strip():
        raise ReasonRequired("Schrijf op waarom u de zaak heropent.")
    if worker_id is not None and case.assigned_worker_id not in (None, worker_id):
        raise NotYourCase("U kunt alleen uw eigen zaken heropenen.")
    settled = _SIGNAL_STATUS_FOR.get(Eindresultaat(case.resultaat)) if case.resultaat else None
    if settled is not None:
        session.execute(
            update(SignalRow)
            .where(SignalRow.case_id == case_id, SignalRow.status == settled.value)
            .values(status=Signaalstatus.OPGEPAKT.value)
        )
    session.add(
        CaseEventRow(
            id=event_id,
            case_id=case_id,
            kind="reopen",
            reason=reason.strip(),
            at=at,
            worker_id=worker_id,
            device_id=device_id,
        )
    )
    case.status, case.resultaat, case.closed_at = CaseStatus.OPEN.value, None, None
    session.flush()
    return Changes(cases=True, signals=True, sync=True, case_ids=frozenset({case_id}))


def set_case_notes(session: Session, *, case_id: str, notes: str) -> Changes:
    _case(session, case_id).notes = notes.replace("\x00", "")
    return Changes(cases=True, case_ids=frozenset({case_id}))


def assign_cases(session: Session, *, case_ids: Iterable[str], worker_id: str | None) -> Changes:
    ids = list(case_ids)
    for case_id in ids:
        _case(session, case_id).assigned_worker_id = worker_id
    session.flush()
    return Changes(cases=True, case_ids=frozenset(ids))


def upsert_worker(session: Session, worker: WorkerInfo) -> Changes:
    row = session.get(Worker, worker.id)
    if row is None:
        row = Worker(id=worker.id)
        session.add(row)
    row.username, row.display_name, row.first_name = (
        worker.username,
        worker.display_name,
        worker.first_name,
    )
    row.role, row.team, row.phone, row.whatsapp, row.email = (
        worker.role,
        worker.team,
        worker.phone,
        worker.whatsapp,
        worker.email,
    )
    session.flush()
    return Changes(workers=True)


def save_draft(session: Session, key: str, payload: dict[str, Any]) -> None:
    """Keep an unfinished form inside the encrypted store (e.g. when auto-lock fires)."""
    row = session.get(DraftRow, key)
    if row is None:
        session.add(DraftRow(key=key, payload=payload))
    else:
        row.payload = payload


def load_draft(session: Session, key: str) -> dict[str, Any] | None:
    row = session.get(DraftRow, key)
    return None if row is None else dict(row.payload)


def delete_draft(session: Session, key: str) -> None:
    row = session.get(DraftRow, key)
    if row is not None:
        session.delete(row)
