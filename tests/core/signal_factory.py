"""Synthetic signals for service tests (made-up Dutch names and addresses)."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.people import Address, Person
from fieldapp.domain.signals import IncomingSignal
from fieldapp.intake.report import ParsedFile

_counter = iter(range(1, 1_000_000))


def signal(
    partner: Signaalpartner = Signaalpartner.ZORG,
    *,
    ext: str | None = None,
    postcode: str = "7411AB",
    nr: int = 12,
    suffix: str = "",
    euros: int | None = 250,
    since: date = date(2026, 9, 1),
    on: date = date(2026, 10, 5),
    crisis: bool = False,
    warm: bool = False,
    name: str = "Brouwer",
    born: date | None = date(1980, 3, 4),
    bsn: str | None = None,
    no_address: bool = False,
) -> IncomingSignal:
    return IncomingSignal(
        external_id=ext or f"{partner.name}-{next(_counter):06d}",
        partner=partner,
        person=Person(achternaam=name, voorletters="A.", geboortedatum=born, bsn=bsn),
        address=None
        if no_address
        else Address(postcode, nr, suffix, straat="Molenweg", plaats="Veldhoven-aan-Zee"),
        bedrag_cents=None if euros is None else euros * 100,
        ontstaansdatum=since,
        signaaldatum=on,
        crisissignaal=crisis,
        warme_overdracht=warm,
    )


def parsed(*signals: IncomingSignal, name: str = "test.csv") -> ParsedFile:
    return ParsedFile(
        path=name,
        format="csv",
        rows=len(signals),
        signals=list(signals),
        rejected=[],
        duplicates_in_file=0,
        sha256="0" * 64,
    )
