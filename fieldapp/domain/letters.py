"""What the print side needs to know about the sender, the reader and the kind of text.

Pure values and rules; the texts themselves live in the top-level ``letters/`` folder and are
rendered by ``fieldapp.letters``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fieldapp.domain.people import Person

YOUTH_MAX_AGE = 27
"""Up to and including this age a resident gets the ``jongeren`` texts (young people up to 27)."""

ELDERLY_MIN_AGE = 67
"""From this age (AOW age) a resident gets the ``ouderen`` texts."""


class LetterKind(StrEnum):
    """The kinds of text we print; the value is the folder name under ``letters/``."""

    NIET_THUIS_KAARTJE = "niet_thuis_kaartje"
    AANKONDIGING_HUISBEZOEK = "aankondiging_huisbezoek"
    HULPAANBOD = "hulpaanbod"
    NOG_STEEDS_WELKOM = "nog_steeds_welkom"
    BEVESTIGING_AFSPRAAK = "bevestiging_afspraak"

    @property
    def is_card(self) -> bool:
        return self is LetterKind.NIET_THUIS_KAARTJE

    @property
    def needs_visit_moment(self) -> bool:
        """Kinds whose text names a date and daypart (a card may leave them for handwriting)."""
        return self in (
            LetterKind.NIET_THUIS_KAARTJE,
            LetterKind.AANKONDIGING_HUISBEZOEK,
            LetterKind.BEVESTIGING_AFSPRAAK,
        )


class Language(StrEnum):
    """Languages we ship texts in (ISO 639-1)."""

    NL = "nl"
    EN = "en"
    PL = "pl"
    TR = "tr"
    AR = "ar"

    @property
    def is_rtl(self) -> bool:
        return self is Language.AR


class Audience(StrEnum):
    """Tone of voice: young people get ``je``, others ``u``; the elderly get larger type."""

    STANDAARD = "standaard"
    JONGEREN = "jongeren"
    OUDEREN = "ouderen"


def audience_for_age(age: int | None) -> Audience:
    """``<= 27`` -> jongeren, ``>= 67`` -> ouderen, otherwise (or unknown) standaard."""
    if age is None:
        return Audience.STANDAARD
    if age <= YOUTH_MAX_AGE:
        return Audience.JONGEREN
    if age >= ELDERLY_MIN_AGE:
        return Audience.OUDEREN
    return Audience.STANDAARD


def audience_for(person: Person | None, on: date) -> Audience:
    """The audience for the person a text is addressed to, by age on ``on``.

    Trap: pass the print date, not today's date in a test, or the choice drifts over the years.
    """
    return audience_for_age(person.age_on(on) if person is not None else None)


@dataclass(frozen=True, slots=True)
class Sender:
    """The worker who signs a card or letter, and the return address that goes on the outside.

    ``first_name`` is what the resident calls the worker (``Sanne``); ``display_name`` the full
    name under a letter. ``phone`` and ``whatsapp`` are written as people read them
    (``06 12 34 56 78``). ``team`` appears only inside a letter, never on the envelope side,
    because a team name often says "schulden". The return address is the municipality's
    plain name and Postbus only. ``qr_target`` is a ``tel:`` URL or a configurable web page
    (empty: no QR code). ``gemeente`` is the official name for the letterhead and the window
    (``Gemeente Veldhoven-aan-Zee``); inside sentences the texts use the place name only
    (``place_name``), with each language's own word for municipality around it.
    """

    first_name: str
    display_name: str
    phone: str
    whatsapp: str
    email: str = ""
    team: str = ""
    gemeente: str = ""
    postbus: str = ""
    postcode_plaats: str = ""
    qr_target: str = ""
    gemeente_plaats: str = ""

    @property
    def place_name(self) -> str:
        """``gemeente_plaats`` if set, else ``gemeente`` without a leading "Gemeente"."""
        if self.gemeente_plaats:
            return self.gemeente_plaats
        return place_of_municipality(self.gemeente)

    @property
    def return_line(self) -> str:
        """One line above the address in the window: ``Gemeente X, Postbus 1, 1234 AB Plaats``."""
        return ", ".join(p for p in (self.gemeente, self.postbus, self.postcode_plaats) if p)


def place_of_municipality(official_name: str) -> str:
    """``Gemeente Veldhoven-aan-Zee`` -> ``Veldhoven-aan-Zee`` (other names stay as they are)."""
    name = official_name.strip()
    head, _, rest = name.partition(" ")
    return rest.strip() if head.casefold() == "gemeente" and rest.strip() else name


def tel_url(phone: str) -> str:
    """``06 12 34 56 78`` -> ``tel:+31612345678`` (Dutch numbers; others keep their own +prefix)."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits.startswith("+"):
        return f"tel:{digits}"
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):
        return f"tel:+31{digits[1:]}"
    return f"tel:{digits}"
