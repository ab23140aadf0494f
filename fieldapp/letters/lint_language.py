"""Lint rules about wording across the five languages (added after the review of the texts).

- ``nee-met-druk``: saying no asked as a negative question or with "still" / "after
  everything" (``lint_words.PRESSURE``): it must sound like no pressure at all;
- ``bekende-vertaalfout``: a phrase the review found wrong (``lint_phrases.MISTRANSLATIONS``);
- ``nederlands-woord``: a Dutch word, or the ``{gemeente}`` field ("Gemeente X"), inside a text
  in another language; use ``{gemeente_plaats}`` with the language's own word;
- ``nummer-kanaal``: a number not next to the verb of its own channel (``channels``);
- ``haakjes-rtl``: brackets in an Arabic text (python-bidi does not mirror them);
- ``aanhef-veld``: a letter's ``[aanhef]`` is not just ``{aanhef}`` (the printing code picks
  the salutation from name, sex and audience; a name after "Hoi" would print initials).
"""

from __future__ import annotations

from fieldapp.domain.letters import Language, LetterKind
from fieldapp.letters.channels import channel_problems
from fieldapp.letters.lint_phrases import DUTCH_WORDS, MISTRANSLATIONS, RTL_FORBIDDEN
from fieldapp.letters.lint_words import phrase_hits, pressure_hits
from fieldapp.letters.templates import FIELD_RE, LetterText, Problem


def check_language(text: LetterText, kind: LetterKind, language: Language) -> list[Problem]:
    out: list[Problem] = []
    for _section, line in text.all_lines():
        if not line.text:
            continue
        out += _line_problems(text.path, line.number, line.text, language)
    if not kind.is_card:
        out += _check_salutation(text)
    return out


def _line_problems(path: str, number: int, line: str, language: Language) -> list[Problem]:
    out: list[Problem] = []
    for hit in pressure_hits(line, language):
        out.append(
            Problem(
                path,
                number,
                "nee-met-druk",
                f"'{hit}' klinkt als aandringen; vraag zonder ontkenning of met 'als'",
            )
        )
    for pattern, reason in MISTRANSLATIONS[language]:
        for hit in phrase_hits(line, (pattern,)):
            out.append(Problem(path, number, "bekende-vertaalfout", f"'{hit}': {reason}"))
    if language is not Language.NL:
        for hit in phrase_hits(line, DUTCH_WORDS):
            out.append(
                Problem(
                    path,
                    number,
                    "nederlands-woord",
                    f"'{hit}' is Nederlands; gebruik {{gemeente_plaats}} met het eigen woord "
                    "voor gemeente, en velden voor datum en dagdeel",
                )
            )
    for found in channel_problems(line, language):
        out.append(Problem(path, number, "nummer-kanaal", found.message))
    if language.is_rtl:
        bare = FIELD_RE.sub("", line)
        brackets = sorted({ch for ch in bare if ch in RTL_FORBIDDEN})
        if brackets:
            out.append(
                Problem(
                    path,
                    number,
                    "haakjes-rtl",
                    f"haakjes {' '.join(brackets)} worden in rechts-naar-links tekst niet "
                    "gespiegeld; schrijf de zin zonder haakjes",
                )
            )
    return out


def _check_salutation(text: LetterText) -> list[Problem]:
    lines = [line for line in text.lines("aanhef") if line.text]
    if [line.text for line in lines] == ["{aanhef}"]:
        return []
    number = lines[0].number if lines else text.section_lines.get("aanhef", 1)
    return [
        Problem(
            text.path,
            number,
            "aanhef-veld",
            "schrijf in [aanhef] alleen {aanhef}: de printfunctie kiest de aanhef per taal en "
            "doelgroep, met voornaam of naam en aanspreekvorm waar die bekend zijn",
        )
    ]
