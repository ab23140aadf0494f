"""Apply BRP outcomes to cases in one transaction (issue 13 item 2).

- OVERLEDEN / GEEN_INWONER / BEDRIJF: the person's open signals get the DDAS status; the case
  gets a ``BRP:`` flag for the lead (it stays open: closing it is the lead's choice; the
  household may still be offered help).
- VERHUISD / ADRES_GEVONDEN: the person and their signals move to the household at the BRP
  address: into the open case there, or the case itself moves when the person is alone in it,
  or a new case of the same team. A BSN-only case thus joins the later address signal's case.
- CONTROLE / HANDMATIG: a flag, and a check row in state ``controle`` / ``handmatig`` (the
  lead's queue).

Stored per check: verdict, reason, time, gemeentecode, BAG id. Never the BRP payload.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fieldapp.brp.model import BrpAddress
from fieldapp.brp.outcomes import Outcome, Verdict, brp_address_key
from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Signaalstatus
from fieldapp.domain.people import Person
from fieldapp.domain.priority import Policy
from fieldapp.domain.signals import FLAG_ADDRESS_UNKNOWN
from fieldapp.privacy.optout import mark_signals
from fieldapp.server.db.brp_schema import BrpCheckRow
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.store.repos.intake import recompute_cases
from fieldapp.store.schema import AttemptRow, CaseEventRow, CaseRow, PersonRow, SignalRow

FLAG_PREFIX = "BRP: "
FLAG_MOVED = FLAG_PREFIX + "verhuisd binnen de gemeente; de zaak staat nu op het nieuwe adres"
_CHANGEABLE = frozenset({Signaalstatus.OPGEPAKT.value, Signaalstatus.NOG_NIET_OPGEPAKT.value})
STATE = {
    Verdict.CONTROLE: "controle",
    Verdict.HANDMATIG: "handmatig",
}


@dataclass(slots=True)
class ApplyReport:
    by_verdict: Counter[str] = field(default_factory=Counter)
    moved: int = 0
    case_ids: set[str] = field(default_factory=set)
    check_ids: dict[str, str] = field(default_factory=dict)  # person id -> check id


def _add_flag(case: CaseRow, flag: str) -> None:
    if flag not in (case.flags or []):
        case.flags = [*(case.flags or []), flag]


def _drop_brp_flags(case: CaseRow) -> None:
    case.flags = [f for f in (case.flags or []) if not str(f).startswith(FLAG_PREFIX)]


def apply_outcomes(
    session: Session,
    outcomes: dict[str, Outcome],
    person_case: dict[str, str],
    *,
    backend: str,
    policy: Policy,
    today: date,
    resolved_by: str | None = None,
) -> ApplyReport:
    """Apply one run's outcomes (person id -> outcome; person id -> case id)."""
    report = ApplyReport()
    start_cases = sorted(set(person_case.values()))
    before = case_scopes(session, start_cases)
    cases = {c.id: c for c in session.scalars(select(CaseRow).where(CaseRow.id.in_(start_cases)))}
    # A run that rechecks everyone in a case replaces its BRP flags; a run over some of its
    # people (a new signal's person) keeps the flags the others' checks set.
    in_run: dict[str, set[str]] = {}
    for person_id, case_id in person_case.items():
        in_run.setdefault(case_id, set()).add(person_id)
    for pid, cid in session.execute(
        select(PersonRow.id, PersonRow.case_id).where(PersonRow.case_id.in_(start_cases))
    ):
        if pid not in in_run.get(cid, set()):
            in_run[cid] = set()  # someone of this case is not in the run
    for case in cases.values():
        if in_run.get(case.id):
            _drop_brp_flags(case)
    now = datetime.now(UTC)
    for person_id in sorted(outcomes):
        outcome = outcomes[person_id]
        case_id = person_case[person_id]
        current = cases.get(case_id) or session.get(CaseRow, case_id)
        if current is None:
            continue
        case = current
        report.by_verdict[outcome.verdict.value] += 1
        person_ref = person_id
        if outcome.new_address is not None and outcome.verdict in {
            Verdict.VERHUISD,
            Verdict.ADRES_GEVONDEN,
        }:
            case_id, person_ref = _move_person(
                session, person_id, case, outcome.new_address, today, before
            )
            report.moved += 1
            target = session.get(CaseRow, case_id)
            if target is not None and outcome.verdict is Verdict.VERHUISD:
                _add_flag(target, FLAG_MOVED)
        else:
            status = outcome.signal_status
            if status is not None:
                session.execute(
                    update(SignalRow)
                    .where(
                        SignalRow.person_id == person_id,
                        SignalRow.case_id == case_id,
                        SignalRow.status.in_(_CHANGEABLE),
                    )
                    .values(status=status.value)
                )
            if outcome.verdict is not Verdict.INWONER:
                _add_flag(case, FLAG_PREFIX + outcome.note_nl)
        check_id = str(uuid.uuid4())
        session.add(
            BrpCheckRow(
                id=check_id,
                case_id=case_id,
                person_id=person_ref,
                checked_at=now,
                backend=backend,
                verdict=outcome.verdict.value,
                reason=outcome.reason.value,
                state="afgehandeld" if resolved_by else STATE.get(outcome.verdict, "klaar"),
                gemeentecode=outcome.gemeentecode,
                bag_id=outcome.bag_id,
                resolved_at=now if resolved_by else None,
                resolved_by=resolved_by,
            )
        )
        report.check_ids[person_id] = check_id
        report.case_ids.add(case_id)
    session.flush()
    live = set(session.scalars(select(CaseRow.id).where(CaseRow.id.in_(sorted(before)))))
    touched = sorted(live | report.case_ids)
    mark_signals(session, today=today, case_ids=touched)
    recompute_cases(session, {cid: False for cid in touched}, policy, today)
    session.flush()
    emit_case_changes(session, before)
    return report


def _set_address(case: CaseRow, address: BrpAddress) -> None:
    case.address_key = brp_address_key(address)
    case.postcode = address.postcode
    case.huisnummer = address.huisnummer
    case.toevoeging = address.toevoeging
    case.straat = address.straat
    case.plaats = address.woonplaats
    case.wijk = ""
    case.lat = None
    case.lon = None
    case.flags = [f for f in (case.flags or []) if f != FLAG_ADDRESS_UNKNOWN]


def _move_person(
    session: Session,
    person_id: str,
    case: CaseRow,
    address: BrpAddress,
    today: date,
    before: dict[str, set[str]],
) -> tuple[str, str]:
    """Move the person (and their signals) to the household at ``address``. Returns the case
    id the person ends up in and their (surviving) person id. ``before`` gains the scopes of
    every case this touches."""
    key = brp_address_key(address)
    target_id = session.scalar(
        select(CaseRow.id)
        .where(
            CaseRow.address_key == key,
            CaseRow.status == CaseStatus.OPEN.value,
            CaseRow.id != case.id,
        )
        .order_by(CaseRow.opened_on, CaseRow.id)
        .limit(1)
    )
    alone = session.scalars(select(PersonRow.id).where(PersonRow.case_id == case.id)).all() == [
        person_id
    ]
    if target_id is not None:
        before.setdefault(target_id, case_scopes(session, [target_id])[target_id])
    if alone and target_id is None:
        _set_address(case, address)
        session.execute(
            update(SignalRow).where(SignalRow.case_id == case.id).values(address_key=key)
        )
        return case.id, person_id
    if target_id is None:
        target = CaseRow(
            id=str(uuid.uuid4()),
            status=CaseStatus.OPEN.value,
            opened_on=today,
            deadline=case.deadline or today + timedelta(days=28),
            datum_opgepakt=today,
            matchingsdatum=today,
            flags=[],
        )
        _set_address(target, address)
        session.add(target)
        team = session.get(CaseTeamRow, case.id)
        if team is not None:
            session.add(CaseTeamRow(case_id=target.id, team=team.team))
        session.flush()
        before[target.id] = set()
        target_id = target.id
    moved = update(SignalRow).where(SignalRow.person_id == person_id, SignalRow.case_id == case.id)
    session.execute(moved.values(case_id=target_id, address_key=key))
    survivor = _merge_person(session, person_id, target_id)
    if alone:
        # The whole household moved into an open case: its history goes along, the empty
        # case goes (laptops that held it get a tombstone).
        for model in (SignalRow, AttemptRow, CaseEventRow):
            session.execute(update(model).where(model.case_id == case.id).values(case_id=target_id))
        team_row = session.get(CaseTeamRow, case.id)
        if team_row is not None:
            session.delete(team_row)
        session.flush()
        session.delete(case)
        session.flush()
    return target_id, survivor


def _name_key(row: PersonRow) -> str:
    return Person(
        achternaam=row.achternaam, voorletters=row.voorletters, geboortedatum=row.geboortedatum
    ).name_key()


def _merge_person(session: Session, person_id: str, target_id: str) -> str:
    """Move the person into the target case, or merge them into the resident there who is
    the same person (same BSN, same identity, or same name + initials + birth date without
    contradicting BSNs). Returns the surviving person id."""
    person = session.get(PersonRow, person_id)
    if person is None:
        return person_id
    same = next(
        (
            p
            for p in session.scalars(select(PersonRow).where(PersonRow.case_id == target_id))
            if (person.bsn and p.bsn == person.bsn)
            or p.identity_key == person.identity_key
            or (
                _name_key(p) == _name_key(person)
                and not (p.bsn and person.bsn and p.bsn != person.bsn)
            )
        ),
        None,
    )
    if same is None:
        person.case_id = target_id
        session.flush()
        return person_id
    session.execute(
        update(SignalRow).where(SignalRow.person_id == person_id).values(person_id=same.id)
    )
    same.bsn = same.bsn or person.bsn
    same.telefoon = same.telefoon or person.telefoon
    same.email = same.email or person.email
    session.flush()
    session.delete(person)
    session.flush()
    return same.id
