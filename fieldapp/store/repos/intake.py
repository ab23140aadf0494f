"""Intake persistence: look up households in bulk, write signals, recompute case aggregates."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Signaalpartner, Signaalstatus
from fieldapp.domain.deadlines import first_contact_deadline
from fieldapp.domain.people import Person
from fieldapp.domain.priority import CaseFacts, Policy, score_case
from fieldapp.domain.retention import purge_after
from fieldapp.domain.signals import FLAG_ADDRESS_UNKNOWN, IncomingSignal
from fieldapp.intake.matching import Household, PriorSignal, case_is_meervoudig
from fieldapp.store.schema import CaseRow, PersonRow, SignalRow

T = TypeVar("T")
CHUNK = 500


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def known_identities(
    session: Session, identities: Iterable[tuple[str, str]]
) -> set[tuple[str, str]]:
    wanted = sorted(set(identities))
    found: set[tuple[str, str]] = set()
    for chunk in _chunks(wanted):
        rows = session.execute(
            select(SignalRow.partner, SignalRow.external_id).where(
                tuple_(SignalRow.partner, SignalRow.external_id).in_(list(chunk))
            )
        )
        found.update((p, e) for p, e in rows)
    return found


def load_households(session: Session, keys: Iterable[str]) -> dict[str, Household]:
    """History per household key: prior signals and the open case, loaded in bulk."""
    keys = sorted(set(keys))
    households = {key: Household(key) for key in keys}
    address_keys = [k for k in keys if not k.startswith("bsn:")]
    bsns = {k[4:]: k for k in keys if k.startswith("bsn:")}
    for chunk in _chunks(address_keys):
        for row in session.scalars(select(SignalRow).where(SignalRow.address_key.in_(chunk))):
            if row.address_key in households:
                households[row.address_key].prior.append(_prior(row))
        for case_id, key in session.execute(
            select(CaseRow.id, CaseRow.address_key).where(
                CaseRow.address_key.in_(chunk), CaseRow.status == CaseStatus.OPEN.value
            )
        ):
            if key is not None:
                households[key].open_case_id = case_id
    for chunk in _chunks(sorted(bsns)):
        for row, bsn in session.execute(
            select(SignalRow, PersonRow.bsn)
            .join(PersonRow, PersonRow.id == SignalRow.person_id)
            .where(PersonRow.bsn.in_(chunk))
        ):
            if bsn is not None:
                households[bsns[bsn]].prior.append(_prior(row))
        for case_id, bsn in session.execute(
            select(CaseRow.id, PersonRow.bsn)
            .join(PersonRow, PersonRow.case_id == CaseRow.id)
            .where(PersonRow.bsn.in_(chunk), CaseRow.status == CaseStatus.OPEN.value)
        ):
            if bsn is not None:
                households[bsns[bsn]].open_case_id = case_id
    return households


def _prior(row: SignalRow) -> PriorSignal:
    return PriorSignal(
        partner=Signaalpartner(row.partner),
        ontstaansdatum=row.ontstaansdatum,
        bedrag_cents=row.bedrag_cents,
        effective_date=row.signaaldatum or row.ontstaansdatum or row.received_on,
        status=Signaalstatus(row.status),
    )


def prior_of(signal: IncomingSignal, status: Signaalstatus, today: date) -> PriorSignal:
    return PriorSignal(
        partner=signal.partner,
        ontstaansdatum=signal.ontstaansdatum,
        bedrag_cents=signal.bedrag_cents,
        effective_date=signal.effective_date or today,
        status=status,
    )


def new_case(session: Session, signal: IncomingSignal, today: date) -> str:
    address = signal.address
    case = CaseRow(
        id=str(uuid.uuid4()),
        address_key=address.key if address else None,
        postcode=address.postcode if address else None,
        huisnummer=address.huisnummer if address else None,
        toevoeging=address.toevoeging if address else "",
        straat=address.straat if address else "",
        plaats=address.plaats if address else "",
        wijk=address.wijk if address else "",
        lat=address.lat if address else None,
        lon=address.lon if address else None,
        status=CaseStatus.OPEN.value,
        opened_on=today,
        deadline=today + timedelta(days=28),
        datum_opgepakt=today,
        matchingsdatum=today,
        flags=[FLAG_ADDRESS_UNKNOWN] if address is None else [],
    )
    session.add(case)
    return case.id


class PersonIndex:
    """People of the cases this import touches, by (case id, identity key), kept in memory
    so each signal costs no query (ids are made here, so nothing needs a flush)."""

    def __init__(self, session: Session, case_ids: Iterable[str]) -> None:
        self._session = session
        self._rows: dict[tuple[str, str], PersonRow] = {}
        self._by_name: dict[tuple[str, str], PersonRow] = {}
        self._by_initials: dict[tuple[str, str], list[PersonRow]] = {}
        ids = sorted(set(case_ids))
        for chunk in _chunks(ids):
            for row in session.scalars(select(PersonRow).where(PersonRow.case_id.in_(chunk))):
                self._remember(row)

    def _remember(self, row: PersonRow) -> None:
        self._rows[(row.case_id, row.identity_key)] = row
        name = Person(
            achternaam=row.achternaam, voorletters=row.voorletters, geboortedatum=row.geboortedatum
        ).name_key()
        self._by_name.setdefault((row.case_id, name), row)
        same = self._by_initials.setdefault((row.case_id, _initials_key(row)), [])
        if row not in same:
            same.append(row)

    def _compatible_match(self, case_id: str, person: Person) -> PersonRow | None:
        """Partners report different parts of a person (one the BSN, another the birth date):
        within one household, the one resident with this surname and initials whose known BSN
        and birth date do not contradict the signal is the same person. Two such residents
        are ambiguous and stay apart."""
        key = f"{person.achternaam.casefold()}|{person.voorletters.casefold()}"
        fits = [
            row
            for row in self._by_initials.get((case_id, key), [])
            if not (person.bsn and row.bsn and person.bsn != row.bsn)
            and not (
                person.geboortedatum
                and row.geboortedatum
                and person.geboortedatum != row.geboortedatum
            )
        ]
        return fits[0] if len(fits) == 1 else None

    def person_id_for(self, case_id: str, person: Person) -> str:
        key = person.identity_key()
        existing = self._rows.get((case_id, key))
        if existing is None:
            # The same name and birth date once with and once without BSN is one person,
            # unless both carry different BSNs.
            named = self._by_name.get((case_id, person.name_key()))
            if named is not None and not (person.bsn and named.bsn and person.bsn != named.bsn):
                existing = named
                if person.bsn and not named.bsn:
                    named.bsn = person.bsn
        if existing is None:
            existing = self._compatible_match(case_id, person)
        if existing is not None:
            # A later signal may know more (phone, e-mail): fill gaps, never overwrite.
            existing.telefoon = existing.telefoon or person.telefoon
            existing.email = existing.email or person.email
            existing.voornaam = existing.voornaam or person.voornaam
            existing.bsn = existing.bsn or person.bsn
            if existing.geboortedatum is None and person.geboortedatum is not None:
                existing.geboortedatum = person.geboortedatum
                existing.geslacht = existing.geslacht or (
                    person.geslacht.value if person.geslacht else None
                )
            self._rows.setdefault((case_id, key), existing)
            self._by_name.setdefault((case_id, person.name_key()), existing)
            return existing.id
        row = PersonRow(
            id=str(uuid.uuid4()),
            case_id=case_id,
            identity_key=key,
            achternaam=person.achternaam,
            voorletters=person.voorletters,
            voorvoegsel=person.voorvoegsel,
            voornaam=person.voornaam,
            geboortedatum=person.geboortedatum,
            geslacht=person.geslacht.value if person.geslacht else None,
            bsn=person.bsn,
            bsn_invalid=person.bsn_invalid,
            telefoon=person.telefoon,
            email=person.email,
        )
        self._session.add(row)
        self._remember(row)
        return row.id


def _initials_key(row: PersonRow) -> str:
    return f"{row.achternaam.casefold()}|{row.voorletters.casefold()}"


def add_signal(
    session: Session,
    signal: IncomingSignal,
    *,
    status: Signaalstatus,
    case_id: str | None,
    person_id: str | None,
    household_key: str | None,
    import_id: str,
    today: date,
) -> None:
    session.add(
        SignalRow(
            id=str(uuid.uuid4()),
            partner=signal.partner.value,
            external_id=signal.external_id,
            case_id=case_id,
            person_id=person_id,
            status=status.value,
            bedrag_cents=signal.bedrag_cents,
            ontstaansdatum=signal.ontstaansdatum,
            signaaldatum=signal.signaaldatum,
            received_on=today,
            crisissignaal=signal.crisissignaal,
            warme_overdracht=signal.warme_overdracht,
            flags=list(signal.flags),
            address_key=household_key,
            import_id=import_id,
        )
    )


def recompute_cases(
    session: Session, opeenvolgend_by_case: dict[str, bool], policy: Policy, today: date
) -> None:
    """Meervoudig, deadline, priority and reasons of the given cases, in a few bulk queries."""
    ids = sorted(opeenvolgend_by_case)
    cases: dict[str, CaseRow] = {}
    signals: dict[str, list[SignalRow]] = {i: [] for i in ids}
    people: dict[str, list[PersonRow]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        cases.update(
            (c.id, c) for c in session.scalars(select(CaseRow).where(CaseRow.id.in_(chunk)))
        )
        for s in session.scalars(select(SignalRow).where(SignalRow.case_id.in_(chunk))):
            signals[s.case_id or ""].append(s)
        for p in session.scalars(select(PersonRow).where(PersonRow.case_id.in_(chunk))):
            people[p.case_id].append(p)
    for case_id in ids:
        case = cases.get(case_id)
        if case is not None and signals[case_id]:
            _recompute(
                case,
                signals[case_id],
                people[case_id],
                policy,
                today,
                opeenvolgend=opeenvolgend_by_case[case_id],
            )


def _recompute(
    case: CaseRow,
    signals: list[SignalRow],
    people: list[PersonRow],
    policy: Policy,
    today: date,
    *,
    opeenvolgend: bool,
) -> None:
    taken = [s for s in signals if Signaalstatus(s.status).is_taken_up] or list(signals)
    partners = frozenset(Signaalpartner(s.partner) for s in taken)
    crisis = any(s.crisissignaal for s in taken)
    earliest = min(s.signaaldatum or s.ontstaansdatum or s.received_on for s in taken)
    deadline = earliest + timedelta(days=policy.deadline_days)
    crisis_dates = [
        s.signaaldatum or s.ontstaansdatum or s.received_on for s in taken if s.crisissignaal
    ]
    if crisis_dates:
        deadline = min(
            deadline,
            first_contact_deadline(
                min(crisis_dates), crisis=True, crisis_days=policy.crisis_deadline_days
            ),
        )
    ages = [Person(geboortedatum=p.geboortedatum).age_on(today) for p in people if p.geboortedatum]
    case.meervoudig = case_is_meervoudig(partners)
    case.opeenvolgend = case.opeenvolgend or opeenvolgend
    facts = CaseFacts(
        partners=partners,
        total_cents=sum(s.bedrag_cents or 0 for s in taken),
        crisis=crisis,
        warme_overdracht=any(s.warme_overdracht for s in taken),
        meervoudig=case.meervoudig,
        opeenvolgend=case.opeenvolgend,
        youngest_age=min((a for a in ages if a is not None), default=None),
    )
    case.priority, reasons = score_case(facts, policy)
    case.reasons = list(reasons)
    case.deadline = deadline
    latest = max(s.signaaldatum or s.ontstaansdatum or s.received_on for s in signals)
    case.purge_after = purge_after(latest)
    case.matching_start = min(case.matching_start or earliest, earliest)
    case.matching_end = today
    case.matchingsdatum = today
