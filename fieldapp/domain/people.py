"""People and addresses: the little a signal is allowed to carry about a household."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fieldapp.domain.ddas import Geslacht


@dataclass(frozen=True, slots=True)
class Address:
    """A normalised Dutch address.

    ``postcode`` is ``1234AB`` (no space), ``huisnummer`` the number only, ``toevoeging`` the
    upper-cased suffix or ``""``. Street and city are optional (DDAS v1.2 no longer sends them).
    """

    postcode: str
    huisnummer: int
    toevoeging: str = ""
    straat: str = ""
    plaats: str = ""
    wijk: str = ""
    lat: float | None = None
    lon: float | None = None

    @property
    def key(self) -> str:
        """The household matching key: postcode + number + suffix."""
        return address_key(self.postcode, self.huisnummer, self.toevoeging)

    def one_line(self) -> str:
        number = f"{self.huisnummer}{('-' + self.toevoeging) if self.toevoeging else ''}"
        street = f"{self.straat} {number}" if self.straat else f"nr. {number}"
        pc = (
            f"{self.postcode[:4]} {self.postcode[4:]}" if len(self.postcode) == 6 else self.postcode
        )
        return ", ".join(part for part in (street, f"{pc} {self.plaats}".strip()) if part)


def address_key(postcode: str, huisnummer: int, toevoeging: str = "") -> str:
    return f"{postcode}|{huisnummer}|{toevoeging.upper()}"


@dataclass(frozen=True, slots=True)
class Person:
    """A resident named in a signal. Every field is personal data (encrypted at rest).

    ``bsn`` holds only a BSN that passed the elfproef; a failing one is kept verbatim in
    ``bsn_invalid`` for the team lead to check and is never used for matching.
    """

    achternaam: str = ""
    voorletters: str = ""
    voorvoegsel: str = ""
    voornaam: str = ""
    geboortedatum: date | None = None
    geslacht: Geslacht | None = None
    bsn: str | None = None
    bsn_invalid: str | None = None
    telefoon: str | None = None
    email: str | None = None

    def display_name(self) -> str:
        """``J. van der Berg`` style; empty when the signal carried no name."""
        parts = [self.voornaam or self.voorletters, self.voorvoegsel, self.achternaam]
        return " ".join(p for p in parts if p).strip()

    def identity_key(self) -> str:
        """Who this is inside one household: BSN if known, else name + birth date."""
        if self.bsn:
            return f"bsn:{self.bsn}"
        return self.name_key()

    def name_key(self) -> str:
        """Name + birth date: matches the same person across signals with and without BSN."""
        born = self.geboortedatum.isoformat() if self.geboortedatum else ""
        return f"naam:{self.achternaam.casefold()}|{self.voorletters.casefold()}|{born}"

    def age_on(self, day: date) -> int | None:
        if self.geboortedatum is None:
            return None
        born = self.geboortedatum
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def readable_phone(e164: str) -> str:
    """``+31612345678`` -> ``06 12 34 56 78``; other Dutch numbers ``020 123 4567`` (or in
    fours when longer); foreign numbers stay as they are."""
    if not e164.startswith("+31") or not e164[1:].isdigit():
        return e164
    national = "0" + e164[3:]
    if len(national) == 10 and national.startswith("06"):
        return " ".join([national[:2], *(national[i : i + 2] for i in range(2, 10, 2))])
    if len(national) == 10:
        return f"{national[:3]} {national[3:6]} {national[6:]}"
    return " ".join(national[i : i + 4] for i in range(0, len(national), 4))
