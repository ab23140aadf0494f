"""The right number for the right channel: call on ``{telefoon}``, app on ``{whatsapp}``.

A worker's direct number can be a landline that cannot receive WhatsApp, and the WhatsApp
number can be a phone nobody answers. So a sentence that names a number must put it next to
the verb of its own channel: "Bel mij op {telefoon} of app naar {whatsapp}", never
"Bel of app mij: {telefoon}".

How a number's context is found: the sentence is cut at each number; the piece before the
number holds its verb ("Call me on {telefoon}"), except in Turkish, where the verb follows
("{telefoon} numarasından arayın"). When that side has no channel word at all, the other
side is used (labels such as "Telefon: {telefoon}"). The context must name the number's own
channel and not the other one.

Used by the lint on the source texts (numbers are ``{telefoon}``/``{whatsapp}``) and by the
tests on text extracted from rendered PDFs (numbers are the printed digits).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from fieldapp.domain.letters import Language
from fieldapp.letters.lint_words import phrase_hits

CALL, APP = "bellen", "appen"

CHANNEL_WORDS: dict[Language, dict[str, tuple[str, ...]]] = {
    Language.NL: {
        CALL: (r"\bbel(t|len)?\b", r"\bopbellen\b", r"\btelefo(on|neer)"),
        APP: (r"\bapp(je|t|en)?\b", r"whatsapp"),
    },
    Language.EN: {
        CALL: (r"\bcall", r"\bphone", r"\bring\b"),
        APP: (r"whatsapp", r"\bmessage", r"\btext\b"),
    },
    Language.PL: {
        CALL: (r"dzwo", r"\btelefon"),
        APP: (r"whatsapp", r"\bnapisz", r"\bnapisa", r"wiadomoś", r"\bsms"),
    },
    Language.TR: {
        CALL: (r"\bara(\b|[yrdm])", r"\btelefon"),
        APP: (r"whatsapp", r"\byaz", r"\bmesaj"),
    },
    Language.AR: {
        CALL: ("اتصل", "اتصال", "هاتف"),
        APP: ("واتساب", "راسل", "رسالة"),
    },
}

VERB_AFTER_NUMBER = frozenset({Language.TR})

NUMBER_CHANNEL = {"telefoon": CALL, "whatsapp": APP}
SOURCE_NUMBERS = {"telefoon": "{telefoon}", "whatsapp": "{whatsapp}"}

_SENTENCE = re.compile(r"[^.!?\u061f]+[.!?\u061f]*")


@dataclass(frozen=True, slots=True)
class ChannelProblem:
    field: str
    sentence: str
    message: str


def channels_in(text: str, language: Language) -> set[str]:
    words = CHANNEL_WORDS[language]
    return {channel for channel, patterns in words.items() if phrase_hits(text, patterns)}


def sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(line) if s.strip()]


def channel_problems(
    line: str, language: Language, numbers: Mapping[str, str] = SOURCE_NUMBERS
) -> list[ChannelProblem]:
    """Numbers in ``line`` whose nearby words name no channel, or the wrong one, or both.

    ``numbers`` maps ``telefoon``/``whatsapp`` to the text that stands for them in ``line``.
    """
    out: list[ChannelProblem] = []
    for sentence in sentences(line):
        found = sorted(
            (m.start(), m.end(), name)
            for name, token in numbers.items()
            if token
            for m in re.finditer(re.escape(token), sentence)
        )
        for index, (start, end, name) in enumerate(found):
            previous_end = found[index - 1][1] if index else 0
            next_start = found[index + 1][0] if index + 1 < len(found) else len(sentence)
            before, after = sentence[previous_end:start], sentence[end:next_start]
            sides = (after, before) if language in VERB_AFTER_NUMBER else (before, after)
            context = next((side for side in sides if channels_in(side, language)), "")
            named = channels_in(context, language)
            own = NUMBER_CHANNEL[name]
            if own not in named:
                message = f"{{{name}}} staat niet bij een woord voor {own}"
            elif len(named) > 1:
                message = f"bellen en appen bij één nummer ({{{name}}}): noem beide nummers"
            else:
                continue
            out.append(ChannelProblem(name, sentence, message))
    return out
