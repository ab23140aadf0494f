"""DDAS Vroegsignalering v1.2 delivery (Uitwisselmodel) built from the store, validated
against the official JSON schema before anything is written.

Data minimisation is the standard's own rule: a client is sent either as a BSN alone, or (no
valid BSN) as postcode + huisnummer (+ toevoeging, geboortedatum, geslacht). No names, street,
city, amounts in cents, notes or worker names ever leave in a delivery.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fieldapp.domain.attempts import ContactAttempt, effective_attempts
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.errors import FieldAppError
from fieldapp.store.repos.convert import attempt_of
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow, SignalRow

SCHEMA_PATH = Path(__file__).parent / "schema" / "ddas_v1.2_uitwisselmodel.json"


class DeliveryInvalid(FieldAppError):
    """The built delivery does not validate; ``problems`` are schema paths, never values."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("DDAS-levering klopt niet met het schema: " + "; ".join(problems[:5]))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Supplier:
    """Who delivers: the municipality (or its processor) and this software."""

    gemeentecode: str
    organisatie: str
    kvk_nummer: str = ""
    contact_naam: str = ""
    contact_telefoon: str = ""
    contact_email: str = ""
    contact_functie: str = ""
    code_gegevensleverancier: str = "Veldwerk 0.1.0"
    # More contactpersonen: (naam, telefoonnummer, email, functietitel); "" = left out.
    more_contacts: tuple[tuple[str, str, str, str], ...] = field(default=())


def _schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


def validate_delivery(document: dict[str, Any]) -> list[str]:
    """Schema problems as ``path: message`` (messages name keys, not personal values)."""
    validator = Draft202012Validator(_schema(), format_checker=FormatChecker())
    problems = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in error.path) or "(root)"
        problems.append(f"{where}: {error.validator} niet voldaan")
    return problems


def _client(
    person: PersonRow | None, case: CaseRow | None, household_key: str | None
) -> dict[str, Any]:
    """BSN alone, or the address (from the case, else from the signal's household key: a
    signal that was not taken up has no case)."""
    if person is not None and person.bsn:
        return {"burgerservicenummer": person.bsn}
    if household_key and household_key.startswith("bsn:"):
        return {"burgerservicenummer": household_key[4:]}
    client: dict[str, Any] = {}
    if case is not None and case.postcode and case.huisnummer is not None:
        postcode, number, suffix = case.postcode, str(case.huisnummer), case.toevoeging
    elif household_key and household_key.count("|") == 2:
        postcode, number, suffix = household_key.split("|")
    else:
        return client
    client["postcode"] = postcode
    client["huisnummer"] = number
    if suffix:
        client["huisnummertoevoeging"] = suffix[:4]
    if person is not None and person.geboortedatum:
        client["geboortedatum"] = person.geboortedatum.isoformat()
    if person is not None and person.geslacht:
        client["geslachtsaanduiding"] = person.geslacht
    return client


def _attempt_json(a: ContactAttempt) -> dict[str, Any]:
    return {
        "soort": a.soort.value,
        "bereikt": a.bereikt,
        "datum": a.occurred_at.astimezone(AMSTERDAM).date().isoformat(),
        "dagdeel": a.dagdeel.value,
    }


def build_delivery(
    session: Session,
    *,
    start: date,
    end: date,
    supplier: Supplier,
    delivered_at: datetime,
) -> dict[str, Any]:
    """One levering for the period [start, end] (the whole store), validated."""
    levering = build_levering(session, start=start, end=end, supplier=supplier)
    return finish_document(
        [levering],
        start=start,
        end=end,
        delivered_at=delivered_at,
        code=supplier.code_gegevensleverancier,
    )


def finish_document(
    leveringen: list[dict[str, Any]],
    *,
    start: date,
    end: date,
    delivered_at: datetime,
    code: str,
) -> dict[str, Any]:
    """The root object around ``leveringen``, validated (schema and the checks it cannot do:
    ``reporting.ddas_checks``). Raises ``DeliveryInvalid`` naming paths, never values."""
    from fieldapp.reporting.ddas_checks import semantic_problems

    document = {
        "startdatumLevering": start.isoformat(),
        "einddatumLevering": end.isoformat(),
        "aanleverdatumEnTijd": delivered_at.isoformat(timespec="seconds"),
        "codeGegevensleverancier": code,
        "leveringen": leveringen,
    }
    problems = validate_delivery(document) + semantic_problems(document)
    if problems:
        raise DeliveryInvalid(problems)
    return document


def build_levering(
    session: Session,
    *,
    start: date,
    end: date,
    supplier: Supplier,
    teller: int = 1,
    case_ids: Collection[str] | None = None,
    include_caseless: bool = True,
) -> dict[str, Any]:
    """One levering for the period [start, end]: signals received in it, and cases that were
    opened, worked or closed in it (with their signals, also from earlier periods). Only the
    contactpogingen made inside the period are reported (the next delivery has the rest).

    ``case_ids``: only these cases (a server delivers per gemeentecode); signals without a
    case are included only with ``include_caseless``.
    """
    period = (
        datetime.combine(start, time.min, AMSTERDAM),
        datetime.combine(end, time.max, AMSTERDAM),
    )
    signal_rows = list(
        session.scalars(
            select(SignalRow).where(SignalRow.received_on >= start, SignalRow.received_on <= end)
        )
    )
    case_rows = list(
        session.scalars(
            select(CaseRow).where(
                or_(
                    CaseRow.opened_on.between(start, end),
                    CaseRow.id.in_(
                        select(AttemptRow.case_id).where(AttemptRow.occurred_at.between(*period))
                    ),
                    CaseRow.closed_at.is_not(None) & CaseRow.closed_at.between(*period),
                )
            )
        )
    )
    if case_ids is not None:
        allowed = set(case_ids)
        case_rows = [c for c in case_rows if c.id in allowed]
        signal_rows = [
            s
            for s in signal_rows
            if (s.case_id in allowed) or (s.case_id is None and include_caseless)
        ]
    case_ids = {c.id for c in case_rows}
    # Cases carry their signals even when those arrived in an earlier period.
    known = {s.id for s in signal_rows}
    signal_rows += [
        s
        for s in session.scalars(select(SignalRow).where(SignalRow.case_id.in_(case_ids)))
        if s.id not in known
    ]
    people = {
        p.id: p
        for p in session.scalars(
            select(PersonRow).where(PersonRow.id.in_({s.person_id for s in signal_rows}))
        )
    }
    cases = {c.id: c for c in case_rows}
    cases.update(
        (c.id, c)
        for c in session.scalars(
            select(CaseRow).where(CaseRow.id.in_({s.case_id for s in signal_rows} - case_ids))
        )
    )
    # DDAS IDs must be unique within a levering; partners' own IDs are only unique per partner.
    clashes = Counter(s.external_id for s in signal_rows)
    wire_id = {
        s.id: s.external_id if clashes[s.external_id] == 1 else f"{s.partner}:{s.external_id}"
        for s in signal_rows
    }
    vroegsignalen = []
    for s in sorted(signal_rows, key=lambda r: (r.received_on, wire_id[r.id])):
        item: dict[str, Any] = {
            "ID": wire_id[s.id],
            "crisissignaal": s.crisissignaal,
            "warmeOverdracht": s.warme_overdracht,
            "status": s.status,
            "signaalpartner": {"type": s.partner},
            "client": _client(
                people.get(s.person_id or ""), cases.get(s.case_id or ""), s.address_key
            ),
        }
        if s.bedrag_cents is not None:
            item["bedrag"] = (s.bedrag_cents + 50) // 100
        if s.ontstaansdatum:
            item["ontstaansdatum"] = s.ontstaansdatum.isoformat()
        if s.signaaldatum:
            item["signaaldatum"] = s.signaaldatum.isoformat()
        vroegsignalen.append(item)
    attempts_by_case: dict[str, list[ContactAttempt]] = {}
    for row in session.scalars(
        select(AttemptRow).where(AttemptRow.case_id.in_(case_ids)).order_by(AttemptRow.occurred_at)
    ):
        attempts_by_case.setdefault(row.case_id, []).append(attempt_of(row))
    zaken = []
    for case in sorted(case_rows, key=lambda c: (c.opened_on, c.id)):
        refs = sorted({wire_id[s.id] for s in signal_rows if s.case_id == case.id})
        if not refs:
            continue
        zaak: dict[str, Any] = {"vroegsignalen": [{"ID": r} for r in refs]}
        if case.resultaat:
            zaak["resultaat"] = case.resultaat
        for key, value in (
            ("matchingsdatum", case.matchingsdatum),
            ("startdatumMatchingperiode", case.matching_start),
            ("einddatumMatchingperiode", case.matching_end),
            ("datumOpgepakt", case.datum_opgepakt),
        ):
            if value is not None:
                zaak[key] = value.isoformat()
        counted = [
            a
            for a in effective_attempts(attempts_by_case.get(case.id, []))
            if start <= a.occurred_at.astimezone(AMSTERDAM).date() <= end
        ]
        if counted:
            zaak["contactpogingen"] = [_attempt_json(a) for a in counted]
        zaken.append(zaak)
    contacts = []
    for naam, tel, email, functie in (
        (
            supplier.contact_naam,
            supplier.contact_telefoon,
            supplier.contact_email,
            supplier.contact_functie,
        ),
        *supplier.more_contacts,
    ):
        contact = {
            k: v
            for k, v in (
                ("naam", naam),
                ("telefoonnummer", tel),
                ("email", email),
                ("functietitel", functie),
            )
            if v
        }
        if contact and contact not in contacts:
            contacts.append(contact)
    organisation: dict[str, Any] = {"naam": supplier.organisatie}
    if supplier.kvk_nummer:
        organisation["kvk-nummer"] = supplier.kvk_nummer
    if contacts:
        organisation["contactpersonen"] = contacts
    levering: dict[str, Any] = {
        "teller": teller,
        "gemeentecode": supplier.gemeentecode,
        "aanleverendeOrganisatie": organisation,
    }
    if vroegsignalen:
        levering["vroegsignalen"] = vroegsignalen
    if zaken:
        levering["vroegsignaalzaken"] = zaken
    return levering
