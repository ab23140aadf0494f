"""Synthetic households for UI tests and the start-up benchmark (made-up names and streets)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.people import Address, Person
from fieldapp.domain.priority import Policy
from fieldapp.domain.signals import IncomingSignal
from fieldapp.intake.report import ParsedFile
from fieldapp.services.intake import import_parsed
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS, KdfParams

STREETS = [
    ("Molenweg", "Centrum"),
    ("Kerkstraat", "Centrum"),
    ("Lindelaan", "Noord"),
    ("Esdoornhof", "Noord"),
    ("Vlasakker", "Oost"),
    ("Zuiderdijk", "Zuid"),
    ("Havenkade", "Haven"),
    ("Beukenlaan", "Noord"),
    ("Sluisweg", "Haven"),
    ("Klaverveld", "Oost"),
]
SURNAMES = [
    "Brouwer",
    "Jansen",
    "de Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "van Dijk",
    "Kok",
    "Yilmaz",
    "El Amrani",
    "Nguyen",
    "Kowalski",
    "Boateng",
]
INITIALS = ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M.", "N.", "R."]
PARTNERS = [
    Signaalpartner.HUUR,
    Signaalpartner.ENERGIE,
    Signaalpartner.WATER,
    Signaalpartner.ZORG,
    Signaalpartner.CAK_ZORGVERZEKERINGEN,
]


def _split_name(surname: str) -> tuple[str, str]:
    parts = surname.split(" ")
    if len(parts) > 1 and parts[0].islower():
        return " ".join(parts[:-1]), parts[-1]
    return "", surname


def households(count: int, *, today: date, seed: int = 7) -> list[IncomingSignal]:
    """One to three signals per household; postcodes 7411AA.. unique per house number."""
    rng = random.Random(seed)
    signals: list[IncomingSignal] = []
    for n in range(count):
        street, wijk = STREETS[n % len(STREETS)]
        postcode = f"{7400 + (n // 400) % 99:04d}{chr(65 + (n // 20) % 26)}{chr(65 + n % 20)}"
        nr = 1 + (n * 7) % 180
        prefix, last = _split_name(rng.choice(SURNAMES))
        person = Person(
            achternaam=last,
            voorvoegsel=prefix,
            voorletters=rng.choice(INITIALS),
            geboortedatum=date(
                1950 + rng.randrange(55), 1 + rng.randrange(12), 1 + rng.randrange(28)
            ),
        )
        address = Address(postcode, nr, "", straat=street, plaats="Veldhoven-aan-Zee", wijk=wijk)
        for k in range(1 + rng.randrange(3) if n % 5 else 1):
            on = today - timedelta(days=rng.randrange(2, 40))
            signals.append(
                IncomingSignal(
                    external_id=f"T{n:06d}-{k}",
                    partner=PARTNERS[(n + k) % len(PARTNERS)],
                    person=person,
                    address=address,
                    bedrag_cents=rng.randrange(150, 4000) * 100,
                    ontstaansdatum=on - timedelta(days=60),
                    signaaldatum=on,
                )
            )
    return signals


def build_store(
    db_path: Path,
    passphrase: str,
    *,
    count: int,
    today: date,
    params: KdfParams = FAST_TEST_PARAMS,
) -> None:
    """Create an encrypted store holding ``count`` synthetic households (one import)."""
    store = Store.create(db_path, passphrase, params=params)
    try:
        signals = households(count, today=today)
        parsed = ParsedFile(
            path="synthetisch.csv",
            format="csv",
            rows=len(signals),
            signals=signals,
            rejected=[],
            duplicates_in_file=0,
            sha256="0" * 64,
        )
        with store.session() as session:
            import_parsed(session, [parsed], policy=Policy(), today=today)
    finally:
        store.close()


def build_large_store(
    db_path: Path,
    passphrase: str,
    *,
    count: int,
    today: date,
    params: KdfParams = FAST_TEST_PARAMS,
) -> None:
    """``count`` open cases inserted directly (bulk rows, seconds instead of minutes).

    Same tables the intake writes; priorities and reasons are synthetic. For size tests and
    the start-up benchmark, where matching itself is not what is measured.
    """
    import uuid

    from sqlalchemy import insert

    from fieldapp.domain.ddas import Signaalstatus
    from fieldapp.store.schema import CaseRow, PersonRow, SignalRow

    rng = random.Random(11)
    cases: list[dict[str, object]] = []
    people: list[dict[str, object]] = []
    signals: list[dict[str, object]] = []
    for n in range(count):
        street, wijk = STREETS[n % len(STREETS)]
        postcode = f"{7400 + (n // 400) % 99:04d}{chr(65 + (n // 20) % 26)}{chr(65 + n % 20)}"
        nr = 1 + (n * 7) % 180
        case_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        opened = today - timedelta(days=rng.randrange(1, 40))
        cases.append(
            {
                "id": case_id,
                "address_key": f"{postcode}|{nr}|",
                "postcode": postcode,
                "huisnummer": nr,
                "toevoeging": "",
                "straat": street,
                "plaats": "Veldhoven-aan-Zee",
                "wijk": wijk,
                "status": "open",
                "opened_on": opened,
                "deadline": opened + timedelta(days=28),
                "priority": rng.randrange(10, 150),
                "reasons": ["Synthetisch signaal (+10)"],
                "meervoudig": False,
                "opeenvolgend": False,
                "flags": [],
                "notes": "",
            }
        )
        prefix, last = _split_name(rng.choice(SURNAMES))
        person_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        people.append(
            {
                "id": person_id,
                "case_id": case_id,
                "identity_key": f"naam:{last}|{n}",
                "achternaam": last,
                "voorvoegsel": prefix,
                "voorletters": rng.choice(INITIALS),
                "voornaam": "",
            }
        )
        for k in range(1 + n % 2):
            signals.append(
                {
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "partner": PARTNERS[(n + k) % len(PARTNERS)].value,
                    "external_id": f"L{n:06d}-{k}",
                    "case_id": case_id,
                    "person_id": person_id,
                    "status": Signaalstatus.OPGEPAKT.value,
                    "bedrag_cents": rng.randrange(150, 4000) * 100,
                    "ontstaansdatum": opened - timedelta(days=60),
                    "signaaldatum": opened,
                    "received_on": opened,
                    "flags": [],
                    "address_key": f"{postcode}|{nr}|",
                }
            )
    store = Store.create(db_path, passphrase, params=params)
    try:
        with store.session() as session:
            session.execute(insert(CaseRow), cases)
            session.execute(insert(PersonRow), people)
            session.execute(insert(SignalRow), signals)
    finally:
        store.close()
