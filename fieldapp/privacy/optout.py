"""The server-owned exclusion list: "wil niet benaderd worden" and "onveilig voor medewerker".

Entries match by BSN or by address key (postcode|huisnummer|TOEVOEGING). Intake marks the
signals of a matching household (:func:`mark_signals`), and adding an entry marks the signals
and cases already there:

- ``niet_benaderen``: every partner's signal becomes "Niet opgepakt: andere reden" with
  ``FLAG_OPT_OUT`` - except Zorg signals, which the law still wants processed: they keep their
  status and get ``FLAG_OPT_OUT_ZORG`` (a visible note on the case). A case with only opted-out
  signals gets ``FLAG_OPT_OUT``; the planner skips it (:func:`visit_rule`).
- ``onveilig``: the case gets ``FLAG_UNSAFE_PAIRS`` (``visit_mode`` duo) or
  ``FLAG_UNSAFE_NO_VISIT`` (nooit); the planner pairs it or plans no visit.

The entry's ``reason`` never leaves the server: not in the feed, the feedback or a delivery.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from fieldapp.domain.ddas import Signaalpartner, Signaalstatus
from fieldapp.domain.people import address_key
from fieldapp.domain.signals import (
    FLAG_OPT_OUT,
    FLAG_OPT_OUT_ZORG,
    FLAG_UNSAFE_NO_VISIT,
    FLAG_UNSAFE_PAIRS,
)
from fieldapp.errors import InputRefused
from fieldapp.intake.normalise import is_valid_bsn, normalise_postcode
from fieldapp.store.schema import CaseRow, OptOutRow, PersonRow, SignalRow

KIND_NOT_APPROACH = "niet_benaderen"
KIND_UNSAFE = "onveilig"
MODE_PAIRS = "duo"
MODE_NEVER = "nooit"
_TAKEN_UP = (Signaalstatus.OPGEPAKT.value, Signaalstatus.NOG_NIET_OPGEPAKT.value)


class VisitRule(StrEnum):
    SKIP = "skip"  # do not approach at all
    PAIRS = "pairs"  # home visits only with two workers
    NO_VISIT = "no_visit"  # no home visits (phone, letter)


@dataclass(frozen=True, slots=True)
class OptOutEntry:
    bsn: str | None
    address_key: str | None
    kind: str
    visit_mode: str | None
    until: date | None

    @classmethod
    def from_input(
        cls,
        *,
        bsn: str | None,
        postcode: str | None,
        huisnummer: int | None,
        toevoeging: str = "",
        kind: str,
        visit_mode: str | None,
        until: date | None,
    ) -> OptOutEntry:
        """Validated entry; a clear Dutch error for bad input (nothing saved)."""
        if kind not in (KIND_NOT_APPROACH, KIND_UNSAFE):
            raise InputRefused("Soort moet 'niet_benaderen' of 'onveilig' zijn.")
        if kind == KIND_UNSAFE and visit_mode not in (MODE_PAIRS, MODE_NEVER):
            raise InputRefused("Bij 'onveilig' hoort --bezoek duo of --bezoek nooit.")
        if kind == KIND_NOT_APPROACH and visit_mode:
            raise InputRefused("--bezoek hoort alleen bij 'onveilig'.")
        if bsn is not None and not is_valid_bsn(bsn.strip()):
            raise InputRefused("Dit BSN klopt niet (elfproef).")
        key = None
        if postcode or huisnummer is not None:
            pc = normalise_postcode(postcode or "")
            if len(pc) != 6 or huisnummer is None or huisnummer <= 0:
                raise InputRefused("Geef een geldige postcode (1234AB) en een huisnummer.")
            key = address_key(pc, huisnummer, toevoeging.strip())
        if bsn is None and key is None:
            raise InputRefused("Geef een BSN of een adres (postcode en huisnummer).")
        return cls(bsn.strip() if bsn else None, key, kind, visit_mode, until)


@dataclass(frozen=True, slots=True)
class OptOutSummary:
    """What a listing shows: id, kind and a masked target (never the BSN in full)."""

    id: str
    kind: str
    visit_mode: str | None
    target: str
    until: date | None


def _active(today: date) -> object:
    return or_(OptOutRow.until.is_(None), OptOutRow.until >= today)


def add_opt_out(
    session: Session, entry: OptOutEntry, *, today: date | None = None
) -> tuple[str, int]:
    """Store the entry and mark what is already there. Returns (id, signals marked)."""
    row = OptOutRow(
        id=str(uuid.uuid4()),
        bsn=entry.bsn,
        address_key=entry.address_key,
        kind=entry.kind,
        visit_mode=entry.visit_mode,
        until=entry.until,
        version=1,
    )
    session.add(row)
    session.flush()
    changed = mark_signals(session, today=today or date.today())
    return row.id, len(changed)


def remove_opt_out(session: Session, entry_id: str) -> bool:
    """Remove an entry (marks already made stay: a decision taken is not undone silently)."""
    return bool(session.execute(delete(OptOutRow).where(OptOutRow.id == entry_id)).rowcount)  # type: ignore[attr-defined]


def list_opt_outs(session: Session) -> list[OptOutSummary]:
    rows = session.scalars(select(OptOutRow).order_by(OptOutRow.created_at, OptOutRow.id))
    return [
        OptOutSummary(
            r.id,
            r.kind,
            r.visit_mode,
            f"BSN …{r.bsn[-3:]}" if r.bsn else f"adres {(r.address_key or '')[:4]}…",
            r.until,
        )
        for r in rows
    ]


def mark_signals(
    session: Session, *, today: date, case_ids: Collection[str] | None = None
) -> list[tuple[str, str]]:
    """Apply the active entries to signals and cases (only ``case_ids`` when given).

    Idempotent. Returns (old status, new status) for every signal whose status changed.
    """
    entries = list(session.scalars(select(OptOutRow).where(_active(today))))  # type: ignore[arg-type]
    if not entries:
        return []
    bsns = {e.bsn: e for e in entries if e.bsn}
    keys = {e.address_key: e for e in entries if e.address_key}
    query = (
        select(
            SignalRow.id,
            SignalRow.case_id,
            SignalRow.partner,
            SignalRow.status,
            SignalRow.flags,
            SignalRow.address_key,
            PersonRow.bsn,
            CaseRow.address_key.label("case_key"),
        )
        .outerjoin(PersonRow, PersonRow.id == SignalRow.person_id)
        .outerjoin(CaseRow, CaseRow.id == SignalRow.case_id)
    )
    if case_ids is not None:
        query = query.where(SignalRow.case_id.in_(list(case_ids)))
    changed: list[tuple[str, str]] = []
    case_flags: dict[str, set[str]] = {}
    for s in session.execute(query):
        hits = [
            e
            for e in (
                bsns.get(s.bsn or ""),
                keys.get(s.address_key or ""),
                keys.get(s.case_key or ""),
            )
            if e is not None
        ]
        if not hits:
            continue
        flags = list(s.flags or [])
        status = s.status
        for e in hits:
            if e.kind == KIND_NOT_APPROACH:
                if s.partner == Signaalpartner.ZORG.value:
                    flag = FLAG_OPT_OUT_ZORG
                else:
                    flag = FLAG_OPT_OUT
                    if status in _TAKEN_UP:
                        status = Signaalstatus.NIET_OPGEPAKT_ANDERE_REDEN.value
                if flag not in flags:
                    flags.append(flag)
                if s.case_id:
                    case_flags.setdefault(s.case_id, set()).add(flag)
            elif s.case_id:
                mode = FLAG_UNSAFE_PAIRS if e.visit_mode == MODE_PAIRS else FLAG_UNSAFE_NO_VISIT
                case_flags.setdefault(s.case_id, set()).add(mode)
        if flags != list(s.flags or []) or status != s.status:
            session.execute(
                update(SignalRow).where(SignalRow.id == s.id).values(flags=flags, status=status)
            )
            if status != s.status:
                changed.append((s.status, status))
    for case_id, new in case_flags.items():
        case = session.get(CaseRow, case_id)
        if case is None:
            continue
        merged = list(case.flags or [])
        if FLAG_OPT_OUT_ZORG in new:
            new.discard(FLAG_OPT_OUT)  # Zorg keeps the case going: the note says why
        merged += [f for f in sorted(new) if f not in merged]
        if merged != list(case.flags or []):
            case.flags = merged
    session.flush()
    return changed


def visit_rule(case_flags: Collection[str]) -> VisitRule | None:
    """What the planner and the worker's warning do with a case's flags."""
    if FLAG_OPT_OUT in case_flags and FLAG_OPT_OUT_ZORG not in case_flags:
        return VisitRule.SKIP
    if FLAG_UNSAFE_NO_VISIT in case_flags:
        return VisitRule.NO_VISIT
    if FLAG_UNSAFE_PAIRS in case_flags:
        return VisitRule.PAIRS
    return None


def feed_entries(session: Session, today: date) -> list[dict[str, object]]:
    """The active list for team-lead laptops (their own intake marks signals too); no
    reasons. Workers never get it: they see the flags on their cases."""
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "visit_mode": r.visit_mode,
            "bsn": r.bsn,
            "address_key": r.address_key,
            "until": r.until.isoformat() if r.until else None,
            "version": r.version,
        }
        for r in session.scalars(select(OptOutRow).where(_active(today)))  # type: ignore[arg-type]
    ]


def replace_local_opt_outs(session: Session, entries: list[dict[str, object]]) -> int:
    """A team lead's laptop: the server's active list replaces the local one (its own intake
    then marks signals the same way). Returns the number of entries."""
    session.execute(delete(OptOutRow))
    for e in entries:
        until = e.get("until")
        session.add(
            OptOutRow(
                id=str(e["id"]),
                kind=str(e["kind"]),
                visit_mode=None if e.get("visit_mode") is None else str(e["visit_mode"]),
                bsn=None if e.get("bsn") is None else str(e["bsn"]),
                address_key=None if e.get("address_key") is None else str(e["address_key"]),
                until=until if isinstance(until, date) else None,
                version=int(str(e.get("version", 0))),
            )
        )
    session.flush()
    return len(entries)
