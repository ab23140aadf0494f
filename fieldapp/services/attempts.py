"""Use cases for contact attempts: one-click outcomes, the detail form, voiding.

Append-only and idempotent: an attempt id is made when the form opens, so a double click or a
retried save stores it once; the same id with different content raises ``AttemptConflict``.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.dayparts import daypart_of
from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.services.changes import Changes
from fieldapp.services.errors import AttemptConflict, AttemptNotFound, CaseNotFound
from fieldapp.store.schema import AttemptRow, CaseRow

OUTCOME_WANTS_HELP = "wil_hulp"
OUTCOME_NO_HELP = "geen_hulp"
# Stored (and synced) as the void reason when a worker taps "Ongedaan maken" right after a
# one-click outcome: data, not a UI message.
UNDO_REASON = "Direct ongedaan gemaakt na vastleggen"

Step = tuple[Contactsoort, bool, str | None]


class QuickOutcome(StrEnum):
    """The big buttons. ``steps`` are the attempts one click records, in order."""

    NIET_THUIS_KAARTJE = "niet_thuis_kaartje"
    NIET_THUIS = "niet_thuis"
    GESPROKEN_WIL_HULP = "gesproken_wil_hulp"
    GESPROKEN_GEEN_HULP = "gesproken_geen_hulp"
    GEBELD_GEEN_GEHOOR = "gebeld_geen_gehoor"
    GEBELD_GESPROKEN = "gebeld_gesproken"
    APP_SMS = "app_sms"
    BRIEF = "brief"

    @property
    def steps(self) -> tuple[Step, ...]:
        return _STEPS[self]

    @property
    def label_nl(self) -> str:
        return _LABELS[self]


_STEPS: dict[QuickOutcome, tuple[Step, ...]] = {
    QuickOutcome.NIET_THUIS_KAARTJE: (
        (Contactsoort.HUISBEZOEK, False, None),
        (Contactsoort.KAARTJE, False, None),
    ),
    QuickOutcome.NIET_THUIS: ((Contactsoort.HUISBEZOEK, False, None),),
    QuickOutcome.GESPROKEN_WIL_HULP: ((Contactsoort.HUISBEZOEK, True, OUTCOME_WANTS_HELP),),
    QuickOutcome.GESPROKEN_GEEN_HULP: ((Contactsoort.HUISBEZOEK, True, OUTCOME_NO_HELP),),
    QuickOutcome.GEBELD_GEEN_GEHOOR: ((Contactsoort.TELEFOON, False, None),),
    QuickOutcome.GEBELD_GESPROKEN: ((Contactsoort.TELEFOON, True, None),),
    QuickOutcome.APP_SMS: ((Contactsoort.SMS_WHATSAPP, False, None),),
    QuickOutcome.BRIEF: ((Contactsoort.BRIEF, False, None),),
}

_LABELS: dict[QuickOutcome, str] = {
    QuickOutcome.NIET_THUIS_KAARTJE: "Niet thuis, kaartje achtergelaten",
    QuickOutcome.NIET_THUIS: "Niet thuis",
    QuickOutcome.GESPROKEN_WIL_HULP: "Gesproken, wil hulp",
    QuickOutcome.GESPROKEN_GEEN_HULP: "Gesproken, geen hulp nodig",
    QuickOutcome.GEBELD_GEEN_GEHOOR: "Gebeld, geen gehoor",
    QuickOutcome.GEBELD_GESPROKEN: "Gebeld, gesproken",
    QuickOutcome.APP_SMS: "App/SMS gestuurd",
    QuickOutcome.BRIEF: "Brief gestuurd",
}


def step_id(form_id: str, index: int) -> str:
    """Attempt id of step ``index`` of a form: the form id itself, then stable derived ids."""
    if index == 0:
        return form_id.lower()
    return str(uuid.uuid5(uuid.UUID(form_id), f"step-{index}"))


def record_attempt(
    session: Session,
    *,
    attempt_id: str,
    case_id: str,
    soort: Contactsoort,
    bereikt: bool,
    occurred_at: datetime,
    dagdeel: Dagdeel | None = None,
    note: str = "",
    outcome: str | None = None,
    worker_id: str | None = None,
    device_id: str | None = None,
    voids: str | None = None,
    void_reason: str = "",
) -> Changes:
    """Store one attempt (pending for sync). Same id and content twice = stored once."""
    attempt_id = str(uuid.UUID(attempt_id))  # canonical lowercase; raises on junk
    if session.get(CaseRow, case_id) is None:
        raise CaseNotFound("Deze zaak bestaat niet (meer) op dit apparaat.")
    part = dagdeel or daypart_of(occurred_at)
    note = note.replace("\x00", "").strip()
    existing = session.get(AttemptRow, attempt_id)
    if existing is not None:
        same = (
            existing.case_id == case_id
            and existing.soort == soort.value
            and existing.bereikt == bereikt
            and existing.dagdeel == part.value
            and existing.voids == voids
        )
        if not same:
            raise AttemptConflict("Deze poging is al anders opgeslagen.")
        return Changes()
    session.add(
        AttemptRow(
            id=attempt_id,
            case_id=case_id,
            soort=soort.value,
            bereikt=bereikt,
            occurred_at=occurred_at,
            dagdeel=part.value,
            outcome=outcome,
            note=note,
            worker_id=worker_id,
            device_id=device_id,
            voids=voids,
            void_reason=void_reason,
        )
    )
    session.flush()
    return Changes(attempts=True, cases=True, sync=True, case_ids=frozenset({case_id}))


def record_quick_outcome(
    session: Session,
    *,
    form_id: str,
    outcome: QuickOutcome,
    case_id: str,
    occurred_at: datetime,
    note: str = "",
    worker_id: str | None = None,
    device_id: str | None = None,
) -> Changes:
    changes = Changes()
    for index, (soort, bereikt, result) in enumerate(outcome.steps):
        changes |= record_attempt(
            session,
            attempt_id=step_id(form_id, index),
            case_id=case_id,
            soort=soort,
            bereikt=bereikt,
            occurred_at=occurred_at,
            note=note if index == 0 else "",
            outcome=result,
            worker_id=worker_id,
            device_id=device_id,
        )
    return changes


def void_attempt(
    session: Session,
    *,
    void_id: str,
    attempt_id: str,
    reason: str,
    at: datetime,
    worker_id: str | None = None,
    device_id: str | None = None,
) -> Changes:
    """Correct a mistake with a voiding entry (the wrong attempt stays, marked void)."""
    target = session.get(AttemptRow, attempt_id.lower())
    if target is None or target.voids is not None:
        raise AttemptNotFound("Deze poging kan niet worden doorgestreept.")
    if not reason.strip():
        raise ValueError("Geef een reden op.")
    return record_attempt(
        session,
        attempt_id=void_id,
        case_id=target.case_id,
        soort=Contactsoort(target.soort),
        bereikt=False,
        occurred_at=at,
        dagdeel=Dagdeel(target.dagdeel),
        worker_id=worker_id,
        device_id=device_id,
        voids=target.id,
        void_reason=reason.strip(),
    )


def undo_quick_outcome(
    session: Session,
    *,
    undo_id: str,
    form_id: str,
    outcome: QuickOutcome,
    at: datetime,
    worker_id: str | None = None,
    device_id: str | None = None,
) -> Changes:
    """Void every attempt one click recorded (the "Ongedaan maken" of the case view).

    Append-only like any correction: each step gets a void entry with ``UNDO_REASON``, synced
    like any void. Idempotent: the void ids derive from ``undo_id``, and a step that is
    already voided is left alone.
    """
    base = uuid.UUID(undo_id)
    changes = Changes()
    for index in range(len(outcome.steps)):
        target = step_id(form_id, index)
        already = session.scalar(select(AttemptRow.id).where(AttemptRow.voids == target).limit(1))
        if already is not None:
            continue
        changes |= void_attempt(
            session,
            void_id=str(uuid.uuid5(base, f"undo-{index}")),
            attempt_id=target,
            reason=UNDO_REASON,
            at=at,
            worker_id=worker_id,
            device_id=device_id,
        )
    return changes
