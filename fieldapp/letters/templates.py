"""Text files in the top-level ``letters/`` folder: format, parsing and loading.

One folder per kind, one file per language and audience: ``letters/<kind>/<taal>_<doelgroep>.txt``.
A file is plain UTF-8::

    # soort: niet_thuis_kaartje
    # taal: nl
    # doelgroep: standaard
    # versie: 2
    # leeg.team: ...                  (optional: what to print when a field has no value)

    [voorkant]
    Hallo!

    [kop]
    ...

Every non-empty line in a section is one paragraph (the renderer wraps it); an empty line is a
small gap. Named fields are written ``{veld}``; the known ones are ``KNOWN_FIELDS``. Lines
starting with ``#`` after the header are comments and never printed.

Where the folder is: next to the ``fieldapp`` package (``Path(fieldapp.__file__).parent.parent
/ "letters"``), or ``VELDWERK_LETTERS`` when set (frozen builds).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import fieldapp
from fieldapp.domain.letters import Audience, Language, LetterKind

FIELD_RE = re.compile(r"\{([a-z_]+)\}")
_BRACE_RE = re.compile(r"[{}]")
_HEADER_RE = re.compile(r"^#\s*([a-z_.]+)\s*:\s*(.*?)\s*$")
_SECTION_RE = re.compile(r"^\[([a-z_]+)\]\s*$")

KNOWN_FIELDS: dict[str, str] = {
    "voornaam_medewerker": "first name of the worker (Sender.first_name)",
    "naam_medewerker": "full name of the worker (Sender.display_name)",
    "telefoon": "worker's direct number, digits joined by NBSP",
    "whatsapp": "worker's WhatsApp number, digits joined by NBSP",
    "email": "worker's e-mail address",
    "team": "team or organisation name (inside only, never on the envelope side)",
    "gemeente": "official municipality name ('Gemeente X'): letterhead style, never inside a "
    "sentence of a non-Dutch text",
    "gemeente_plaats": "the municipality's place name only ('Veldhoven-aan-Zee'), for sentences "
    "such as 'bij de gemeente {gemeente_plaats}' / 'w urzędzie gminy {gemeente_plaats}'",
    "adres_gemeente": "postal return address: Postbus, postcode plaats",
    "naam_bewoner": "addressee's name (empty: see '# leeg.naam_bewoner')",
    "voornaam_bewoner": "addressee's first name only; empty when unknown (never initials)",
    "aanhef": "the whole salutation line, per language and audience (salutation.py)",
    "datum": "visit or appointment date in words, in the text's language",
    "dagdeel": "daypart phrase in the text's language ('in de middag')",
    "datum_brief": "date the letter is printed, in words",
}
"""Every field a text may use. The renderer fills exactly these (a test keeps them in step)."""

CONTACT_FIELDS = ("voornaam_medewerker", "telefoon", "whatsapp")
VISIT_FIELDS = ("datum", "dagdeel")
PERSONAL_FIELDS = ("naam_bewoner", "voornaam_bewoner", "aanhef")
NUMBER_FIELDS = ("telefoon", "whatsapp")

CARD_SECTIONS = ("voorkant", "kop", "bezoek", "tekst", "vervolg", "contact")
LETTER_SECTIONS = ("onderwerp", "aanhef", "actie", "tekst", "vervolg", "nee", "contact", "groet")

OUTSIDE_SECTIONS: dict[LetterKind, tuple[str, ...]] = {LetterKind.NIET_THUIS_KAARTJE: ("voorkant",)}
"""Sections a neighbour can see: the card front. (A letter's window is built from data.)"""

HEADER_KEYS = ("soort", "taal", "doelgroep", "versie")


def sections_for(kind: LetterKind) -> tuple[str, ...]:
    return CARD_SECTIONS if kind.is_card else LETTER_SECTIONS


def required_fields(kind: LetterKind) -> tuple[str, ...]:
    """Fields every text of this kind must use (in every language)."""
    salutation = () if kind.is_card else ("aanhef",)
    return CONTACT_FIELDS + (VISIT_FIELDS if kind.needs_visit_moment else ()) + salutation


@dataclass(frozen=True, slots=True)
class TextLine:
    """One source line: ``number`` is 1-based in the file; ``text`` empty means a gap."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A finding about a text file (shared by the parser and the lint)."""

    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message}"


@dataclass(frozen=True, slots=True)
class LetterText:
    """A parsed text. ``sections`` keeps file order; lines keep their file line numbers."""

    path: str
    header: dict[str, str]
    header_lines: dict[str, int]
    sections: dict[str, tuple[TextLine, ...]]
    section_lines: dict[str, int]
    fallbacks: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.header.get("soort", "")

    @property
    def language(self) -> str:
        return self.header.get("taal", "")

    @property
    def audience(self) -> str:
        return self.header.get("doelgroep", "")

    @property
    def version(self) -> str:
        return self.header.get("versie", "")

    def lines(self, section: str) -> tuple[TextLine, ...]:
        return self.sections.get(section, ())

    def all_lines(self) -> list[tuple[str, TextLine]]:
        return [(name, line) for name, lines in self.sections.items() for line in lines]

    def fields_used(self) -> set[str]:
        return {m for _, line in self.all_lines() for m in FIELD_RE.findall(line.text)}


class TemplateError(ValueError):
    """A shipped text cannot be used. ``problems`` says where and why (file, line, rule)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


def parse_text(source: str, path: str = "<text>") -> tuple[LetterText, list[Problem]]:
    """Parse a text file. Structural problems are returned, not raised, so the lint can list all."""
    header: dict[str, str] = {}
    header_lines: dict[str, int] = {}
    fallbacks: dict[str, str] = {}
    sections: dict[str, list[TextLine]] = {}
    section_lines: dict[str, int] = {}
    problems: list[Problem] = []
    current: str | None = None
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        section = _SECTION_RE.match(line)
        if section:
            current = section.group(1)
            if current in sections:
                problems.append(
                    Problem(path, number, "dubbele-sectie", f"[{current}] komt twee keer voor")
                )
            sections[current] = []
            section_lines[current] = number
            continue
        if line.startswith("#"):
            match = _HEADER_RE.match(line)
            if current is None and match:
                key, value = match.group(1), match.group(2)
                if key.startswith("leeg."):
                    fallbacks[key[len("leeg.") :]] = value
                else:
                    header[key] = value
                    header_lines[key] = number
            continue
        if current is None:
            if line:
                problems.append(
                    Problem(path, number, "tekst-buiten-sectie", "tekst voor de eerste [sectie]")
                )
            continue
        if line:
            stray = _BRACE_RE.findall(FIELD_RE.sub("", line))
            if stray:
                problems.append(
                    Problem(path, number, "veld-syntax", "losse { of } (schrijf {veldnaam})")
                )
        sections[current].append(TextLine(number, line))
    # Trailing gaps print nothing; drop them so layouts stay predictable.
    frozen = {name: tuple(_trim_gaps(lines)) for name, lines in sections.items()}
    for key in HEADER_KEYS:
        if key not in header:
            problems.append(Problem(path, 1, "kop-ontbreekt", f"kopregel '# {key}: ...' ontbreekt"))
    text = LetterText(path, header, header_lines, frozen, section_lines, fallbacks)
    return text, problems


def _trim_gaps(lines: list[TextLine]) -> list[TextLine]:
    start, end = 0, len(lines)
    while start < end and not lines[start].text:
        start += 1
    while end > start and not lines[end - 1].text:
        end -= 1
    return lines[start:end]


def letters_dir() -> Path:
    """The top-level ``letters`` folder (see module docstring)."""
    override = os.environ.get("VELDWERK_LETTERS")
    if override:
        return Path(override)
    return Path(fieldapp.__file__).resolve().parent.parent / "letters"


def text_path(
    kind: LetterKind, language: Language, audience: Audience, root: Path | None = None
) -> Path:
    return (root or letters_dir()) / kind.value / f"{language.value}_{audience.value}.txt"


def all_text_paths(root: Path | None = None) -> list[Path]:
    return sorted((root or letters_dir()).glob("*/*.txt"))


_cache: dict[Path, LetterText] = {}


def load_text(
    kind: LetterKind, language: Language, audience: Audience, root: Path | None = None
) -> LetterText:
    """Load and parse one shipped text (cached per path for the life of the process).

    Raises ``TemplateError`` if the file is missing or malformed; the lint catches the same
    problems earlier, in CI.
    """
    path = text_path(kind, language, audience, root)
    cached = _cache.get(path)
    if cached is not None:
        return cached
    if not path.is_file():
        raise TemplateError([Problem(str(path), 0, "tekst-ontbreekt", "bestand bestaat niet")])
    text, problems = parse_text(path.read_text(encoding="utf-8"), str(path))
    missing = [s for s in sections_for(kind) if s not in text.sections]
    problems += [Problem(str(path), 0, "sectie-ontbreekt", f"[{s}] ontbreekt") for s in missing]
    if problems:
        raise TemplateError(problems)
    _cache[path] = text
    return text
