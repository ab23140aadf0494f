"""Filling the named fields of a text from domain objects.

``field_values`` returns a value for every key in ``templates.KNOWN_FIELDS`` (empty string =
unknown). ``fill`` substitutes them; an empty field becomes the file's ``# leeg.<veld>``
fallback, a handwriting line for fields a worker can write in (blank card stock), or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.letters import Audience, Language, Sender
from fieldapp.domain.people import Person
from fieldapp.letters.locale import format_date, format_daypart, format_letter_date
from fieldapp.letters.salutation import first_name_of, salutation
from fieldapp.letters.templates import FIELD_RE, KNOWN_FIELDS, Problem, TemplateError

NBSP = "\u00a0"
LRI = "\u2066"
PDI = "\u2069"

HANDWRITING_BLANKS: dict[str, int] = {
    "datum": 18,
    "dagdeel": 12,
    "voornaam_medewerker": 14,
    "telefoon": 16,
    "whatsapp": 16,
}
"""Fields left as a handwriting line (that many underscores) when empty, e.g. on blank stock."""

_SPACE_BEFORE_PUNCT = re.compile(r"[ ]+([,.!?;:\u060c\u061f])")
_MULTI_SPACE = re.compile(r"[ ]{2,}")


def phone_for_print(phone: str, *, rtl: bool = False) -> str:
    """Join the groups of a phone number with no-break spaces; isolate it in RTL text.

    Why: a plain space lets the wrapper split the number over two lines, and in Arabic text the
    bidi algorithm reorders space-separated digit groups ("14 033" shows as "033 14"). In RTL
    text a leading "+" is a weak character that drifts to the far end ("32 470 12 34 56+"),
    so the number goes inside a left-to-right isolate (LRI ... PDI); ``rtl.to_visual``
    removes the two marks after reordering, so no font ever has to draw them.
    """
    joined = NBSP.join(phone.split())
    return f"{LRI}{joined}{PDI}" if rtl and joined else joined


def field_values(
    *,
    language: Language,
    sender: Sender | None,
    person: Person | None,
    visit_date: date | None,
    dagdeel: Dagdeel | None,
    print_date: date,
    audience: Audience = Audience.STANDAARD,
) -> dict[str, str]:
    """A value for every known field; ``""`` where the data is missing.

    ``audience`` only chooses the salutation (``{aanhef}``): informal for jongeren.
    """
    rtl = language.is_rtl
    values = {
        "voornaam_medewerker": sender.first_name if sender else "",
        "naam_medewerker": sender.display_name if sender else "",
        "telefoon": phone_for_print(sender.phone, rtl=rtl) if sender else "",
        "whatsapp": phone_for_print(sender.whatsapp, rtl=rtl) if sender else "",
        "email": sender.email if sender else "",
        "team": sender.team if sender else "",
        "gemeente": sender.gemeente if sender else "",
        "gemeente_plaats": sender.place_name if sender else "",
        "adres_gemeente": ", ".join(p for p in (sender.postbus, sender.postcode_plaats) if p)
        if sender
        else "",
        "naam_bewoner": person.display_name() if person else "",
        "voornaam_bewoner": first_name_of(person),
        "aanhef": salutation(person, language, audience),
        "datum": format_date(visit_date, language) if visit_date else "",
        "dagdeel": format_daypart(dagdeel, language) if dagdeel else "",
        "datum_brief": format_letter_date(print_date, language),
    }
    assert values.keys() == KNOWN_FIELDS.keys()
    return values


def fill(line: str, values: Mapping[str, str], fallbacks: Mapping[str, str]) -> str:
    """Substitute ``{veld}`` in one line.

    Raises ``TemplateError`` for a field the renderer does not know (the lint catches it first).
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in KNOWN_FIELDS:
            raise TemplateError([Problem("<fill>", 0, "onbekend-veld", f"{{{name}}}")])
        value = values.get(name, "")
        if value:
            return value
        if fallbacks.get(name):
            return fallbacks[name]
        if name in HANDWRITING_BLANKS:
            return "_" * HANDWRITING_BLANKS[name]
        return ""

    filled = FIELD_RE.sub(replace, line)
    filled = _SPACE_BEFORE_PUNCT.sub(r"\1", filled)
    return _MULTI_SPACE.sub(" ", filled).strip()
