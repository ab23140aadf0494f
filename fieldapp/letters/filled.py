"""A text with every field filled in: what the card and letter painters draw."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fieldapp.domain.letters import Audience, Language, LetterKind
from fieldapp.letters.fields import fill
from fieldapp.letters.templates import LetterText


@dataclass(frozen=True, slots=True)
class FilledText:
    """Filled lines per section (``""`` = a small gap), plus what the painters need to know."""

    kind: LetterKind
    language: Language
    audience: Audience
    sections: Mapping[str, tuple[str, ...]]
    qr_target: str = ""

    def lines(self, section: str) -> tuple[str, ...]:
        return self.sections.get(section, ())

    @property
    def rtl(self) -> bool:
        return self.language.is_rtl


def fill_text(
    text: LetterText,
    kind: LetterKind,
    language: Language,
    audience: Audience,
    values: Mapping[str, str],
    qr_target: str = "",
) -> FilledText:
    sections = {
        name: tuple(fill(line.text, values, text.fallbacks) for line in lines)
        for name, lines in text.sections.items()
    }
    return FilledText(kind, language, audience, sections, qr_target)
