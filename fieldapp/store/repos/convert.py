"""Row -> domain dataclass conversion (ORM objects never leave fieldapp.store)."""

from __future__ import annotations

from fieldapp.domain.attempts import ContactAttempt, SyncState
from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Contactsoort, Dagdeel, Geslacht, Signaalpartner, Signaalstatus
from fieldapp.domain.listing import WorkerInfo
from fieldapp.domain.people import Address, Person
from fieldapp.domain.signals import Signal
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow, SignalRow, Worker


def address_of(row: CaseRow) -> Address | None:
    if row.postcode is None or row.huisnummer is None:
        return None
    return Address(
        postcode=row.postcode,
        huisnummer=row.huisnummer,
        toevoeging=row.toevoeging,
        straat=row.straat,
        plaats=row.plaats,
        wijk=row.wijk,
        lat=row.lat,
        lon=row.lon,
    )


def person_of(row: PersonRow) -> Person:
    return Person(
        achternaam=row.achternaam,
        voorletters=row.voorletters,
        voorvoegsel=row.voorvoegsel,
        voornaam=row.voornaam,
        geboortedatum=row.geboortedatum,
        geslacht=Geslacht(row.geslacht) if row.geslacht else None,
        bsn=row.bsn,
        bsn_invalid=row.bsn_invalid,
        telefoon=row.telefoon,
        email=row.email,
    )


def signal_of(row: SignalRow) -> Signal:
    return Signal(
        id=row.id,
        external_id=row.external_id,
        partner=Signaalpartner(row.partner),
        status=Signaalstatus(row.status),
        bedrag_cents=row.bedrag_cents,
        ontstaansdatum=row.ontstaansdatum,
        signaaldatum=row.signaaldatum,
        received_on=row.received_on,
        crisissignaal=row.crisissignaal,
        warme_overdracht=row.warme_overdracht,
        case_id=row.case_id,
        person_id=row.person_id,
        flags=tuple(row.flags or ()),
    )


def attempt_of(row: AttemptRow) -> ContactAttempt:
    return ContactAttempt(
        id=row.id,
        case_id=row.case_id,
        soort=Contactsoort(row.soort),
        bereikt=row.bereikt,
        occurred_at=row.occurred_at,
        dagdeel=Dagdeel(row.dagdeel),
        note=row.note,
        outcome=row.outcome,
        worker_id=row.worker_id,
        device_id=row.device_id,
        voids=row.voids,
        void_reason=row.void_reason,
        sync_state=SyncState(row.sync_state),
    )


def worker_of(row: Worker) -> WorkerInfo:
    return WorkerInfo(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        first_name=row.first_name,
        role=row.role,
        team=row.team,
        phone=row.phone,
        whatsapp=row.whatsapp,
        email=row.email,
    )


def case_status_of(row: CaseRow) -> CaseStatus:
    return CaseStatus(row.status)
