"""The letters lint: is every text complete, kind, discreet and (in Dutch) easy to read?

Run as ``fieldapp letters lint`` and as a test in CI. Each finding names file, line and rule
(``Problem``). Rules:

- parse: ``kop-ontbreekt``, ``veld-syntax``, ``dubbele-sectie``, ``tekst-buiten-sectie``;
- ``kop-klopt-niet``: header disagrees with the folder/file name or has an unknown value;
- ``sectie-ontbreekt``, ``onbekende-sectie``, ``sectie-leeg``;
- ``onbekend-veld`` (the renderer cannot fill it), ``veld-ontbreekt`` (a required field, e.g. the
  worker's name, number and WhatsApp), ``veld-op-voorkant`` (any field on a card front);
- ``mist-gratis``, ``mist-vrijblijvend``, ``mist-nee`` (how to say no / that no is fine);
- ``dreigend-woord`` anywhere; ``zichtbaar-buiten``: money/debt words on a card front;
- Dutch only: ``zinnen-te-lang-gemiddeld`` (> 12 words), ``zin-te-lang`` (> 20),
  ``flesch-douma-te-laag`` (< 65);
- other languages: ``structuur-anders`` when sections or fields differ from the Dutch text of
  the same kind and audience;
- ``past-niet``: the text does not fit its card or page when rendered with sample data;
- wording across languages (``lint_language``): ``nee-met-druk``, ``bekende-vertaalfout``,
  ``nederlands-woord``, ``nummer-kanaal``, ``haakjes-rtl``, ``aanhef-veld``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.letters import Audience, Language, LetterKind
from fieldapp.letters import readability
from fieldapp.letters.card import CardOverflow
from fieldapp.letters.fields import field_values
from fieldapp.letters.filled import fill_text
from fieldapp.letters.letter import LetterOverflow
from fieldapp.letters.lint_language import check_language
from fieldapp.letters.lint_words import has_required, outside_hits, threat_hits
from fieldapp.letters.render import LetterItem, render_cards, render_letters
from fieldapp.letters.samples import sample_person, sample_sender
from fieldapp.letters.templates import (
    FIELD_RE,
    KNOWN_FIELDS,
    OUTSIDE_SECTIONS,
    LetterText,
    Problem,
    all_text_paths,
    letters_dir,
    parse_text,
    required_fields,
    sections_for,
)

PROSE_SECTIONS = ("kop", "bezoek", "tekst", "vervolg", "onderwerp", "actie", "nee")
"""Sections measured for readability (contact lines and greetings are not sentences)."""

_REQUIRED_MESSAGES = {
    "gratis": "zeg dat de hulp gratis is",
    "vrijblijvend": "zeg dat de hulp vrijblijvend is",
    "nee": "zeg hoe iemand nee kan zeggen, en dat dat goed is",
}


def lint_paths(
    paths: Iterable[Path], root: Path | None = None, *, check_fit: bool = True
) -> list[Problem]:
    """Lint the given files; Dutch counterparts (structure check) are looked up in ``root``."""
    root = root or letters_dir()
    problems: list[Problem] = []
    for path in paths:
        problems.extend(lint_file(path, root, check_fit=check_fit))
    return problems


def lint_all(root: Path | None = None, *, check_fit: bool = True) -> list[Problem]:
    root = root or letters_dir()
    return lint_paths(all_text_paths(root), root, check_fit=check_fit)


def lint_file(path: Path, root: Path | None = None, *, check_fit: bool = True) -> list[Problem]:
    name = str(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [
            Problem(
                name, 0, "onleesbaar", f"bestand niet te lezen als UTF-8 ({type(exc).__name__})"
            )
        ]
    text, problems = parse_text(source, name)
    identity = _identity(text, path, problems)
    if identity is None:
        return problems
    kind, language, audience = identity
    problems += _check_sections(text, kind)
    problems += _check_fields(text, kind)
    problems += _check_words(text, kind, language)
    problems += check_language(text, kind, language)
    if language is Language.NL:
        problems += _check_readability(text)
    elif root is not None:
        problems += _check_structure(text, kind, audience, root)
    if check_fit and not problems:
        problems += _check_fit(text, path, kind, language, audience)
    return problems


def _identity(
    text: LetterText, path: Path, problems: list[Problem]
) -> tuple[LetterKind, Language, Audience] | None:
    """Header values as enums; cross-checked with the path when it follows the folder layout."""
    name = str(path)
    try:
        kind = LetterKind(text.kind)
        language = Language(text.language)
        audience = Audience(text.audience)
    except ValueError:
        problems.append(
            Problem(
                name, 1, "kop-klopt-niet", "soort, taal of doelgroep heeft een onbekende waarde"
            )
        )
        return None
    if not text.version.isdigit():
        problems.append(
            Problem(
                name,
                text.header_lines.get("versie", 1),
                "kop-klopt-niet",
                "versie moet een geheel getal zijn",
            )
        )
    if path.parent.name in {k.value for k in LetterKind}:
        expected = (path.parent.name, f"{language.value}_{audience.value}.txt")
        if (kind.value, path.name) != expected:
            problems.append(
                Problem(
                    name,
                    1,
                    "kop-klopt-niet",
                    "soort/taal/doelgroep in de kop passen niet bij map en bestandsnaam",
                )
            )
    return kind, language, audience


def _check_sections(text: LetterText, kind: LetterKind) -> list[Problem]:
    expected = sections_for(kind)
    out = [
        Problem(text.path, 1, "sectie-ontbreekt", f"[{s}] ontbreekt")
        for s in expected
        if s not in text.sections
    ]
    for section, line in text.section_lines.items():
        if section not in expected:
            out.append(
                Problem(
                    text.path, line, "onbekende-sectie", f"[{section}] hoort niet bij {kind.value}"
                )
            )
        elif not any(tl.text for tl in text.lines(section)):
            out.append(Problem(text.path, line, "sectie-leeg", f"[{section}] is leeg"))
    return out


def _check_fields(text: LetterText, kind: LetterKind) -> list[Problem]:
    out: list[Problem] = []
    outside = OUTSIDE_SECTIONS.get(kind, ())
    for section, line in text.all_lines():
        for field in FIELD_RE.findall(line.text):
            if field not in KNOWN_FIELDS:
                out.append(
                    Problem(
                        text.path,
                        line.number,
                        "onbekend-veld",
                        f"{{{field}}} kent de printfunctie niet",
                    )
                )
            if section in outside:
                out.append(
                    Problem(
                        text.path,
                        line.number,
                        "veld-op-voorkant",
                        f"{{{field}}} op de voorkant: daar staat niets persoonlijks",
                    )
                )
    used = text.fields_used()
    for field in required_fields(kind):
        if field not in used:
            out.append(Problem(text.path, 1, "veld-ontbreekt", f"{{{field}}} ontbreekt"))
    return out


def _check_words(text: LetterText, kind: LetterKind, language: Language) -> list[Problem]:
    out: list[Problem] = []
    outside = OUTSIDE_SECTIONS.get(kind, ())
    for section, line in text.all_lines():
        for word in threat_hits(line.text, language):
            out.append(
                Problem(
                    text.path,
                    line.number,
                    "dreigend-woord",
                    f"'{word}' klinkt dreigend of beschamend",
                )
            )
        if section in outside:
            for word in outside_hits(line.text, language, card_front=True):
                out.append(
                    Problem(
                        text.path,
                        line.number,
                        "zichtbaar-buiten",
                        f"'{word}' is van buiten te zien (voorkant)",
                    )
                )
    whole = "\n".join(line.text for _, line in text.all_lines())
    for element, message in _REQUIRED_MESSAGES.items():
        if not has_required(whole, element, language):
            out.append(Problem(text.path, 1, f"mist-{element}", message))
    return out


def _check_readability(text: LetterText) -> list[Problem]:
    out: list[Problem] = []
    found: list[str] = []
    first_line = 0
    for section, line in text.all_lines():
        if section not in PROSE_SECTIONS or not line.text:
            continue
        first_line = first_line or line.number
        plain = FIELD_RE.sub("Sanne", line.text)
        for sentence in readability.sentences(plain):
            found.append(sentence)
            count = len(readability.words(sentence))
            if count > readability.MAX_SENTENCE_WORDS:
                out.append(
                    Problem(
                        text.path,
                        line.number,
                        "zin-te-lang",
                        f"{count} woorden (max {readability.MAX_SENTENCE_WORDS})",
                    )
                )
    score = readability.measure_sentences(found)
    if score.average_words > readability.MAX_AVERAGE_WORDS:
        out.append(
            Problem(
                text.path,
                first_line,
                "zinnen-te-lang-gemiddeld",
                f"gemiddeld {score.average_words:.1f} woorden per zin "
                f"(max {readability.MAX_AVERAGE_WORDS:.0f})",
            )
        )
    if score.flesch_douma < readability.MIN_FLESCH_DOUMA:
        out.append(
            Problem(
                text.path,
                first_line,
                "flesch-douma-te-laag",
                f"Flesch-Douma {score.flesch_douma:.0f} (min {readability.MIN_FLESCH_DOUMA:.0f})",
            )
        )
    return out


def _check_structure(
    text: LetterText, kind: LetterKind, audience: Audience, root: Path
) -> list[Problem]:
    reference_path = root / kind.value / f"{Language.NL.value}_{audience.value}.txt"
    if not reference_path.is_file():
        return []
    reference, _ = parse_text(reference_path.read_text(encoding="utf-8"), str(reference_path))
    out: list[Problem] = []
    if set(text.sections) != set(reference.sections):
        out.append(
            Problem(
                text.path,
                1,
                "structuur-anders",
                f"secties {sorted(text.sections)} wijken af van de Nederlandse tekst",
            )
        )
    missing = reference.fields_used() - text.fields_used()
    extra = text.fields_used() - reference.fields_used()
    if missing or extra:
        out.append(
            Problem(
                text.path,
                1,
                "structuur-anders",
                f"velden wijken af van de Nederlandse tekst: mist {sorted(missing)}, "
                f"extra {sorted(extra)}",
            )
        )
    return out


def _check_fit(
    text: LetterText, path: Path, kind: LetterKind, language: Language, audience: Audience
) -> list[Problem]:
    """Render with long-ish sample data: the text must fit its card or one page."""
    sender = sample_sender()
    values = field_values(
        language=language,
        sender=sender,
        person=sample_person(),
        visit_date=date(2025, 9, 17),
        dagdeel=Dagdeel.MIDDAG,
        print_date=date(2025, 9, 10),
        audience=audience,
    )
    filled = fill_text(text, kind, language, audience, values, sender.qr_target)
    try:
        if kind.is_card:
            render_cards([filled])
        else:
            render_letters(
                [
                    LetterItem(
                        filled,
                        sender,
                        ("A. Voorbeeld", "Dorpsstraat 1", "1234 AB  VOORBEELD"),
                        "10 september 2025",
                    )
                ]
            )
    except (CardOverflow, LetterOverflow):
        return [Problem(str(path), 1, "past-niet", "de tekst past niet op de kaart of de pagina")]
    return []
