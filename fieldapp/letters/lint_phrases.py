"""Phrases the line-by-line review of the translations found wrong, so they do not come back.

Each entry is a regular expression (case-insensitive) and the reason, in Dutch, that the lint
prints (rule ``bekende-vertaalfout``). ``DUTCH_WORDS`` are Dutch words that must not appear
inside a text in another language (rule ``nederlands-woord``); the official "Gemeente X"
belongs on the letterhead and in the window only, never inside a sentence.

Source: the review of all 75 texts (December 2026), kept by the project; see
``letters/CHANGELOG.md`` for what changed in the texts because of it.
"""

from __future__ import annotations

from fieldapp.domain.letters import Language

MISTRANSLATIONS: dict[Language, tuple[tuple[str, str], ...]] = {
    Language.NL: (
        (r"over dit bericht", "onduidelijk waar 'dit bericht' op slaat; schrijf 'hierover'"),
        (r"met de jaren", "koppelt ouder worden aan niet meer rondkomen; dat voelt betuttelend"),
    ),
    Language.EN: (
        (r"check(ing)? up on", "'check up on' betekent juist 'even kijken hoe het gaat'"),
        (r"\bis still open\b", "Dunglish voor 'openstaan'; schrijf 'has not been paid yet'"),
        (r"think along", "Dunglish voor 'meedenken'"),
        (r"put them ready", "Dunglish voor 'klaarleggen'"),
        (r"later after all", "stroef; schrijf 'later on'"),
        (r"\bgood day\b", "klinkt ouderwets of afwijzend; schrijf 'Hello'"),
        (r"too bad, i missed", "'too bad' klinkt als 'pech gehad'"),
    ),
    Language.PL: (
        (r"\bjeden rachunek", "kalk van 'een rekening' (nadruk op één enkele rekening)"),
        (r"\bpracuj\w* dla\b", "'dla' is het verkeerde voorzetsel bij een werkgever"),
        (r"przygotować\. nie trzeba", "tegenspraak: 'bereid ze voor. Hoeft niet.'"),
        (r"mówią państwo to, co chcą", "kan lezen als 'zeg maar wat u wilt' (afwijzend)"),
        (r"\bdowiedzieliśmy się\b", "'we kwamen erachter' klinkt als een onderzoek"),
    ),
    Language.TR: (
        (r"için çalışıyorum", "'için çalışmak' is werken vóór een klant; schrijf 'Belediyesi'nde'"),
        (r"iyi gel", "'iyi gelmek' is 'goed doen' (als een medicijn), niet 'helpen'"),
        (r"birlikte düşün", "vage kalk van 'meedenken'"),
        (r"haber almayacak", "klinkt als een officiële laatste mededeling"),
        (r"rahatça ara", "'rahatça' is 'comfortabel'; 'gerust' is 'çekinmeden'"),
    ),
    Language.AR: (
        (r"الحديث مجاني", "'praten is gratis' leest vreemd; bedoeld is 'het gesprek' (المحادثة)"),
        (r"ما زلتم مرح", "leest als de groet 'مرحبًا بكم' vastgeplakt aan 'ما زلتم'"),
        (r"زرتكم", "'ik heb u bezocht' op een kaartje dat zegt dat niemand thuis was"),
        (r"عندكم أسئلة عنها", "bezit dubbel gezegd (لديكم ... عندكم)"),
    ),
}

DUTCH_WORDS: tuple[str, ...] = (
    r"\bgemeente\b",
    r"\{gemeente\}",
    r"\b(maan|dins|woens|donder|vrij|zater|zon)dag\b",
    r"\b(ochtend|middag|avond)\b",
    r"\b(januari|februari|maart|mei|juni|juli|augustus|oktober)\b",
    r"\bbewoner\b",
    r"\bvrijblijvend",
    r"\bpostbus\b",
)
"""Dutch words (and the ``{gemeente}`` field, which prints "Gemeente X") in a non-Dutch text."""

RTL_FORBIDDEN = "()[]<>«»"
"""Brackets python-bidi does not mirror: in Arabic "(نص)" would print as ")نص(". """
