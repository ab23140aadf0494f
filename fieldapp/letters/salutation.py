"""The salutation line of a letter (``{aanhef}``), per language and audience.

Built from what the store knows about the addressee: first name, full name and, where it
was recorded, ``geslacht``. The rules, and why:

- **jongeren**, every language: an informal greeting takes the first name only
  ("Hoi Anna,"); without a first name the greeting stands alone ("Hoi,"), never with
  initials ("Hoi A. Jansen," reads like a machine).
- **standaard**: the full name, without a title, so a wrongly recorded sex never shows
  ("Beste Anna de Vries,"); without a name a neutral form ("Beste bewoner,").
- **ouderen**: readers of 67+ expect a title where the language has one and the sex is
  recorded ("Beste mevrouw De Vries,", "Dear Ms De Vries,", "السيدة ... المحترمة،");
  Turkish uses "Sayın" (never the casual "Merhaba"), with "Hanımefendi/Beyefendi" when no
  name is known.
- **Polish** standaard/ouderen always "Szanowni Państwo,": the body of every Polish letter
  speaks to the household as *Państwo*; "Szanowna Pani," followed by "Państwo" would mix
  the singular and plural address (the inconsistency the review found).

The phrases live here, not in the text files, because they depend on data the text cannot
see. A text's ``[aanhef]`` section is just ``{aanhef}`` (the lint checks that).
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.ddas import Geslacht
from fieldapp.domain.letters import Audience, Language
from fieldapp.domain.people import Person


@dataclass(frozen=True, slots=True)
class Addressee:
    """The parts of a name a salutation may use; ``""`` where unknown."""

    first_name: str = ""
    full_name: str = ""
    surname: str = ""
    geslacht: Geslacht | None = None

    @property
    def title_form(self) -> Geslacht | None:
        """``MAN``/``VROUW`` when a titled greeting is possible (sex recorded, surname known)."""
        if self.surname and self.geslacht in (Geslacht.MAN, Geslacht.VROUW):
            return self.geslacht
        return None


def first_name_of(person: Person | None) -> str:
    """The first given name (``"Anna Maria"`` -> ``"Anna"``); ``""`` for none or initials."""
    if person is None:
        return ""
    words = person.voornaam.split()
    if not words or _is_initials(words[0]):
        return ""
    return words[0]


def _is_initials(word: str) -> bool:
    return "." in word or len(word) == 1


def addressee_of(person: Person | None) -> Addressee:
    if person is None:
        return Addressee()
    prefix = person.voorvoegsel.strip()
    # Without a first name or initials before it, a Dutch prefix is written with a capital:
    # "mevrouw De Vries", "Mr Van Dijk".
    surname = " ".join(p for p in (prefix[:1].upper() + prefix[1:], person.achternaam) if p)
    return Addressee(
        first_name=first_name_of(person),
        full_name=person.display_name(),
        surname=surname if person.achternaam else "",
        geslacht=person.geslacht,
    )


# Per language: (greeting with the name, greeting when no name is known).
_INFORMAL = {
    Language.NL: ("Hoi {first},", "Hoi,"),
    Language.EN: ("Hi {first},", "Hi,"),
    Language.PL: ("Cześć {first},", "Cześć,"),
    Language.TR: ("Selam {first},", "Selam,"),
    Language.AR: ("أهلًا {first}،", "أهلًا،"),
}
_STANDARD = {
    Language.NL: ("Beste {full},", "Beste bewoner,"),
    Language.EN: ("Dear {full},", "Dear resident,"),
    Language.PL: ("Szanowni Państwo,", "Szanowni Państwo,"),
    Language.TR: ("Merhaba {full},", "Merhaba,"),
    Language.AR: ("مرحبًا {full}،", "مرحبًا،"),
}
_TITLED: dict[Language, dict[Geslacht, str]] = {
    Language.NL: {
        Geslacht.MAN: "Beste meneer {surname},",
        Geslacht.VROUW: "Beste mevrouw {surname},",
    },
    Language.EN: {Geslacht.MAN: "Dear Mr {surname},", Geslacht.VROUW: "Dear Ms {surname},"},
    Language.AR: {Geslacht.MAN: "السيد {full} المحترم،", Geslacht.VROUW: "السيدة {full} المحترمة،"},
}
_TR_ELDERLY_NO_NAME = {
    Geslacht.MAN: "Sayın Beyefendi,",
    Geslacht.VROUW: "Sayın Hanımefendi,",
}


def salutation(person: Person | None, language: Language, audience: Audience) -> str:
    """The whole salutation line, e.g. ``Beste mevrouw De Vries,`` or ``Szanowni Państwo,``."""
    who = addressee_of(person)
    if audience is Audience.JONGEREN:
        with_name, bare = _INFORMAL[language]
        return with_name.format(first=who.first_name) if who.first_name else bare
    if audience is Audience.OUDEREN:
        titled = _elderly(who, language)
        if titled:
            return titled
    with_name, bare = _STANDARD[language]
    return with_name.format(full=who.full_name) if who.full_name else bare


def _elderly(who: Addressee, language: Language) -> str:
    if language is Language.TR:
        if who.full_name:
            return f"Sayın {who.full_name},"
        by_sex = _TR_ELDERLY_NO_NAME.get(who.geslacht) if who.geslacht else None
        return by_sex or "Sayın Hanımefendi/Beyefendi,"
    form = who.title_form
    patterns = _TITLED.get(language)
    if form is None or patterns is None:
        return ""
    return patterns[form].format(surname=who.surname, full=who.full_name)
