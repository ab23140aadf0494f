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
from fieldapp.store.keys import FAST_TEST_PARAMS, KdfParams
from fieldapp.store.unit_of_work import Store

STREETS = [
    ("Molenweg", "Centrum"), ("Kerkstraat", "Centrum"), ("Lindelaan", "Noord"),
    ("Esdoornhof", "Noord"), ("Vlasakker", "Oost"), ("Zuiderdijk", "Zuid"),
    ("Havenkade", "Haven"), ("Beukenlaan", "Noord"), ("Sluisweg", "Haven"),
    ("Klaverveld", "Oost"),
]
SURNAMES = ["Brouwer", "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
            "Bos", "Vos", "Peters", "Hendriks", "Dekker", "van Dijk", "Kok", "Yilmaz",
            "El Amrani", "Nguyen", "Kowalski", "Boateng"]
INITIALS = ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M.", "N.", "R."]
PARTNERS = [Signaalpartner.HUUR, Signaalpartner.ENERGIE, Signaalpartner.WATER,
            Signaalpartner.ZORG, Signaalpartner.CAK_ZORGVERZEKERINGEN]


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
            achternaam=last, voorvoegsel=prefix, voorletters=rng.choice(INITIALS),
            geboortedatum=date(1950 + rng.randrange(55), 1 + rng.randrange(12), 1 + rng.randrange(28)),
        )
        address = Address(
            postcode, nr, "", straat=street, plaats="Veldhoven-aan-Zee", wijk=wijk
        )
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
            path="synthetisch.csv", format="csv", rows=len(signals), signals=signals,
            rejected=[], duplicates_in_file=0, sha256="0" * 64,
        )
        with store.session() as session:
            import_parsed(session, [parsed], policy=Policy(), today=today)
    finally:
        store.close()
