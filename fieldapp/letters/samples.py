"""Synthetic sample data for previews, the lint's fit check, tests and benchmarks.

Everything here is made up: the worker "Sanne", numbers in the 06 12 34 56 xx style, and the
fictional "Gemeente Veldhoven-aan-Zee". Never put real people here.
"""

from __future__ import annotations

from datetime import date

from fieldapp.domain.cases import Case, CaseStatus
from fieldapp.domain.letters import Sender, tel_url
from fieldapp.domain.people import Address, Person

_STREETS = ("Duinroosweg", "Kerkstraat", "Zeewering", "Populierenlaan", "Havenkade")
_SURNAMES = (("", "Jansen"), ("de", "Vries"), ("van", "Dijk"), ("", "Kowalski"), ("", "Yılmaz"))
_FIRST = ("Anna", "Mohamed", "Lotte", "Piotr", "Emre", "Fatima", "Kees", "Iris")


def sample_sender(*, qr_target: str | None = None) -> Sender:
    phone = "06 12 34 56 78"
    return Sender(
        first_name="Sanne",
        display_name="Sanne de Wit",
        phone=phone,
        whatsapp="06 12 34 56 79",
        email="s.dewit@veldhoven-aan-zee.example",
        team="Team Vroeg Erop Af",
        gemeente="Gemeente Veldhoven-aan-Zee",
        gemeente_plaats="Veldhoven-aan-Zee",
        postbus="Postbus 100",
        postcode_plaats="5500 AA Veldhoven-aan-Zee",
        qr_target=tel_url(phone) if qr_target is None else qr_target,
    )


def sample_person(index: int = 0, born: date | None = date(1980, 5, 17)) -> Person:
    prefix, surname = _SURNAMES[index % len(_SURNAMES)]
    first = _FIRST[index % len(_FIRST)]
    return Person(
        achternaam=surname,
        voorvoegsel=prefix,
        voornaam=first,
        voorletters=first[0] + ".",
        geboortedatum=born,
    )


def sample_case(index: int = 0, born: date | None = date(1980, 5, 17)) -> Case:
    address = Address(
        postcode=f"{5500 + index % 90:04d}{'ABCDEFGH'[index % 8]}{'KLMNPRST'[index % 8]}",
        huisnummer=1 + index % 180,
        toevoeging="A" if index % 7 == 0 else "",
        straat=_STREETS[index % len(_STREETS)],
        plaats="Veldhoven-aan-Zee",
    )
    return Case(
        id=f"case-{index:05d}",
        address=address,
        people=(sample_person(index, born),),
        signals=(),
        status=CaseStatus.OPEN,
        opened_on=date(2025, 9, 1),
        deadline=date(2025, 9, 29),
        priority=50,
        reasons=(),
    )
