"""Synthetic households: who lives at each demo address, with ages, names and contact details.

Compositions follow the Dutch pattern loosely: many singles (young, middle-aged, elderly),
couples, families with children (some of them adult and still at home) and single parents.
Members of a household mostly share a surname; a woman with a partner may use her own name,
her partner's, or both (``Brouwer-Dijkstra``), which is exactly what makes matching on name
unreliable and matching on address necessary.

Privacy: every BSN is in the ``999`` range that real residents are not given (the BRP test
sets use it), phone numbers are random and e-mail domains are reserved ``example`` domains.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import date, timedelta

from fieldapp.demo_data import names
from fieldapp.domain.ddas import Geslacht
from fieldapp.domain.people import Address, Person

RENT = "huur"
OWN = "koop"


@dataclass(frozen=True, slots=True)
class DemoHousehold:
    """One address and the people living there; ``members[0]`` is the main occupant.

    Adults (18+) come before children. Only adults carry a BSN, phone or e-mail: the partners
    only ever report adults.
    """

    id: str
    address: Address
    members: tuple[Person, ...]
    tenure: str  # RENT | OWN

    def adults(self, day: date) -> list[Person]:
        return [p for p in self.members if (p.age_on(day) or 0) >= 18]


class BsnSequence:
    """Unique synthetic BSNs ``999xxxxxC``, valid by construction (elfproef).

    The five free digits walk a permutation of 0..99999 (step coprime with 100000), so numbers
    look scattered yet never repeat; bodies whose check digit would be 10 are skipped.
    About 91,000 numbers are available.
    """

    _SPAN = 100_000
    _STEP = 38_917

    def __init__(self, rng: random.Random) -> None:
        self._offset = rng.randrange(self._SPAN)
        self._taken = 0

    def next(self) -> str:
        while self._taken < self._SPAN:
            body = f"999{(self._offset + self._taken * self._STEP) % self._SPAN:05d}"
            self._taken += 1
            check = sum((9 - i) * int(d) for i, d in enumerate(body)) % 11
            if check < 10:
                return body + str(check)
        raise ValueError("geen synthetische BSN's meer beschikbaar voor de demo-gemeente")


def elfproef(bsn: str) -> bool:
    """The BSN eleven-test: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    total = sum((9 - i) * int(d) for i, d in enumerate(bsn[:8])) - int(bsn[8])
    return total % 11 == 0


# (kind, share, chance the home is rented)
_COMPOSITIONS: tuple[tuple[str, float, float], ...] = (
    ("single_young", 0.12, 0.85),
    ("single", 0.17, 0.65),
    ("single_elderly", 0.10, 0.50),
    ("couple", 0.11, 0.45),
    ("couple_elderly", 0.07, 0.35),
    ("family", 0.29, 0.50),
    ("single_parent", 0.14, 0.75),
)
_COMPOSITION_CUM = tuple(itertools.accumulate(share for _, share, _ in _COMPOSITIONS))
_MAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example", "post.example")


def born_at_age(rng: random.Random, today: date, age: int) -> date:
    """A birth date on which the person is exactly ``age`` years old on ``today``."""
    year = today.year - age - 1
    anchor = (
        today.replace(year=year, day=28)
        if (today.month, today.day) == (2, 29)
        else (today.replace(year=year))
    )
    return anchor + timedelta(days=1 + rng.randrange(365))


class _PersonFactory:
    def __init__(self, rng: random.Random, today: date, bsns: BsnSequence) -> None:
        self._rng = rng
        self._today = today
        self._bsns = bsns

    @property
    def today(self) -> date:
        return self._today

    def make(
        self,
        origin: int,
        sex: Geslacht,
        age: int,
        surname: tuple[str, str] | None = None,
    ) -> tuple[Person, tuple[str, str]]:
        """A person and their own (birth) surname, which children and partners may take."""
        rng = self._rng
        born = born_at_age(rng, self._today, age)
        pool = names.pool_for(origin, born.year)
        own = surname or names.surname(rng, pool)
        prefix, base = names.surname_for(pool.code, own, sex)
        voornaam = names.first_name(rng, pool, sex)
        adult = age >= 18
        phone_chance = 0.95 if age < 30 else 0.55 if age >= 67 else 0.8
        mail_chance = 0.25 if age >= 67 else 0.5
        telefoon = (
            f"+316{rng.randrange(10_000_000, 100_000_000)}"
            if adult and rng.random() < phone_chance
            else None
        )
        email = None
        if adult and rng.random() < mail_chance:
            number = str(rng.randrange(1, 100)) if rng.random() < 0.4 else ""
            local = f"{names.ascii_slug(voornaam)}.{names.ascii_slug(prefix + base)}{number}"
            email = f"{local}@{rng.choice(_MAIL_DOMAINS)}"
        person = Person(
            achternaam=base,
            voorletters=names.voorletters(rng, pool, sex, voornaam),
            voorvoegsel=prefix,
            voornaam=voornaam,
            geboortedatum=born,
            geslacht=sex,
            bsn=self._bsns.next() if adult else None,
            telefoon=telefoon,
            email=email,
        )
        return person, own

    def with_surname(self, person: Person, surname: tuple[str, str]) -> Person:
        return Person(
            achternaam=surname[1],
            voorletters=person.voorletters,
            voorvoegsel=surname[0],
            voornaam=person.voornaam,
            geboortedatum=person.geboortedatum,
            geslacht=person.geslacht,
            bsn=person.bsn,
            telefoon=person.telefoon,
            email=person.email,
        )


def _couple(
    rng: random.Random, make: _PersonFactory, origin: int, low: int, high: int
) -> tuple[list[Person], tuple[str, str], int]:
    """Two partners (mostly a man and a woman, sometimes of different origin)."""
    age_a = rng.randint(low, high)
    age_b = max(low, min(high + 3, age_a + rng.randint(-5, 5)))
    origin_b = names.pick_origin(rng) if rng.random() < 0.08 else origin
    same_sex = rng.random() < 0.03
    sex_b = Geslacht.MAN if same_sex else Geslacht.VROUW
    man, man_name = make.make(origin, Geslacht.MAN, age_a)
    partner, _ = make.make(origin_b, sex_b, age_b)
    if not same_sex:
        pool = names.pool_for(origin_b, 2000)
        own = (partner.voorvoegsel, partner.achternaam)
        used = names.married_name(rng, pool.code, own, (man.voorvoegsel, man.achternaam))
        partner = make.with_surname(partner, used)
    adults = [man, partner]
    rng.shuffle(adults)  # either partner may be the main occupant
    return adults, man_name, min(age_a, age_b)


def _children(
    rng: random.Random,
    make: _PersonFactory,
    origin: int,
    surname: tuple[str, str],
    youngest_parent: int,
    count: int,
) -> list[Person]:
    oldest_possible = max(0, min(25, youngest_parent - 19))
    ages = sorted((rng.randint(0, oldest_possible) for _ in range(count)), reverse=True)
    kids: list[Person] = []
    for age in ages:
        sex = Geslacht.MAN if rng.random() < 0.51 else Geslacht.VROUW
        kids.append(make.make(origin, sex, age, surname)[0])
    return kids


def _members(rng: random.Random, make: _PersonFactory, kind: str) -> list[Person]:
    origin = names.pick_origin(rng)
    sex = Geslacht.MAN if rng.random() < 0.5 else Geslacht.VROUW
    if kind == "single_young":
        return [make.make(origin, sex, rng.randint(18, 27))[0]]
    if kind == "single":
        return [make.make(origin, sex, rng.randint(28, 66))[0]]
    if kind == "single_elderly":
        sex = Geslacht.VROUW if rng.random() < 0.65 else Geslacht.MAN
        return [make.make(origin, sex, rng.randint(67, 93))[0]]
    if kind == "couple":
        return _couple(rng, make, origin, 24, 66)[0]
    if kind == "couple_elderly":
        return _couple(rng, make, origin, 67, 88)[0]
    if kind == "family":
        adults, surname, youngest = _couple(rng, make, origin, 27, 56)
        kids = _children(rng, make, origin, surname, youngest, rng.choice((1, 1, 2, 2, 2, 3)))
        return adults + kids
    # single parent, mostly a mother; the children sometimes carry the other parent's name
    sex = Geslacht.VROUW if rng.random() < 0.85 else Geslacht.MAN
    parent, own = make.make(origin, sex, rng.randint(21, 55))
    pool = names.pool_for(origin, 2000)
    kid_name = own if rng.random() < 0.7 else names.surname(rng, pool)
    age = parent.age_on(make.today) or 30
    return [parent, *_children(rng, make, origin, kid_name, age, rng.choice((1, 1, 2, 3)))]


def make_households(
    rng: random.Random, *, addresses: list[Address], today: date, bsns: BsnSequence
) -> list[DemoHousehold]:
    """One household per address, ids ``hh-00001`` in address order."""
    factory = _PersonFactory(rng, today, bsns)
    households: list[DemoHousehold] = []
    for index, address in enumerate(addresses):
        kind, _, rent_chance = rng.choices(_COMPOSITIONS, cum_weights=_COMPOSITION_CUM)[0]
        members = _members(rng, factory, kind)
        households.append(
            DemoHousehold(
                id=f"hh-{index + 1:05d}",
                address=address,
                members=tuple(members),
                tenure=RENT if rng.random() < rent_chance else OWN,
            )
        )
    return households
