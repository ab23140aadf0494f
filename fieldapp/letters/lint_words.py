"""Word lists for the letters lint, per language (regular expressions, case-insensitive).

- ``THREATS``: threatening or shaming words, never used anywhere in a text.
- ``OUTSIDE``: money and debt words, never on what a neighbour can see (card front, the window
  of an envelope). Dutch stems match inside compounds (``betalingsachterstand``).
- ``REQUIRED``: each text must say it is free, without obligation, and that saying no is fine.
- ``PRESSURE``: ways of asking about "no" that sound like pressure (a negative question reads
  as surprise or a renewed offer); the lint rule ``nee-met-druk``.

Arabic is matched per word after removing diacritics and the clitics و ف ب ل ال, because a
bare substring like دين also occurs inside مدينة (city).
"""

from __future__ import annotations

import re

from fieldapp.domain.letters import Language

THREATS: dict[Language, tuple[str, ...]] = {
    Language.NL: (
        "deurwaarder",
        "beslag",
        "incasso",
        "sanctie",
        "verplicht",
        "boete",
        "aanmaning",
        "dwangbevel",
        "ontruim",
        "afsluit",
        "wanbetal",
        "schuldenaar",
        "laatste kans",
        "rechter",
        "dreig",
        "waarschuwing",
    ),
    Language.EN: (
        r"bailiff",
        r"\bseiz",
        r"debt collect",
        r"collection agenc",
        r"penalt",
        r"sanction",
        r"\bmandatory",
        r"\bcompulsory",
        r"\bobliged\b",
        r"final (notice|warning)",
        r"\bcourt\b",
        r"evict",
        r"cut off",
    ),
    Language.PL: (
        r"komorni",
        r"windykac",
        r"egzekuc",
        r"sankcj",
        r"\bkar[aęy]\b",
        r"\bobowiązk",
        r"przymus",
        r"\bsąd",
        r"eksmis",
        r"wezwanie do zapłaty",
    ),
    Language.TR: (
        r"\bicra",
        r"haciz",
        r"haczi",
        r"\bceza",
        r"yaptırım",
        r"zorunlu",
        r"mecbur",
        r"tahsilat",
        r"ihtar",
        r"mahkeme",
        r"tahliye",
    ),
    Language.AR: (
        "محضر",
        "حجز",
        "غرامة",
        "غرامات",
        "عقوبة",
        "عقوبات",
        "إلزامي",
        "إجباري",
        "تحصيل",
        "محكمة",
        "طرد",
        "إنذار",
        # a police or customs search: frightening even when negated ("لا آتي للتفتيش")
        "تفتيش",
    ),
}

OUTSIDE: dict[Language, tuple[str, ...]] = {
    Language.NL: (
        "schuld",
        "achterstand",
        "achterstallig",
        "geld",
        "betal",
        "rekening",
        "incasso",
        "krediet",
        "budget",
        "financ",
        "armoede",
        "lening",
    ),
    Language.EN: (
        r"\bdebt",
        r"arrears",
        r"\bmoney",
        r"\bpay",
        r"\bbills?\b",
        r"financ",
        r"budget",
        r"\bloan",
        r"\bcredit",
        r"\bowe",
    ),
    Language.PL: (
        r"dług",
        r"zadłuż",
        r"zaległ",
        r"pieniąd",
        r"pieniędz",
        r"płatn",
        r"\bpłac",
        r"\bzapłat",
        r"rachun",
        r"finans",
        r"budżet",
        r"kredyt",
        r"pożycz",
    ),
    Language.TR: (
        r"borç",
        r"borc",
        r"\bpara",
        r"ödem",
        r"fatura",
        r"finans",
        r"bütçe",
        r"kredi",
    ),
    Language.AR: (
        "دين",
        "ديون",
        "مديون",
        "متأخرات",
        "مال",
        "أموال",
        "نقود",
        "فلوس",
        "فاتورة",
        "فواتير",
        "دفع",
        "مالية",
        "قرض",
        "ميزانية",
    ),
}

FRONT_EXTRA: dict[Language, tuple[str, ...]] = {
    Language.NL: ("gemeente", "hulpverlen"),
    Language.EN: (r"municipal", r"council"),
    Language.PL: (r"gmin", r"urzęd"),
    Language.TR: (r"belediye",),
    Language.AR: ("بلدية", "البلدية"),
}
"""Card front only: the front does not say who sends it (Nissewaard practice, research 1.6)."""

REQUIRED: dict[str, dict[Language, tuple[str, ...]]] = {
    "gratis": {
        Language.NL: (r"\bgratis\b", r"kost (u|je) niets", r"kosteloos"),
        Language.EN: (r"\bfree\b", r"costs nothing"),
        Language.PL: (r"bezpłatn", r"za darmo", r"nic nie kosztuje"),
        Language.TR: (r"ücretsiz", r"bedava"),
        Language.AR: (r"مجان",),
    },
    "vrijblijvend": {
        Language.NL: (r"vrijblijvend",),
        Language.EN: (r"no obligation", r"without obligation"),
        Language.PL: (r"zobowiąz",),
        Language.TR: (r"yükümlülü",),
        Language.AR: (r"التزام",),
    },
    "nee": {
        Language.NL: (r"\bnee\b", r"geen (hulp|bezoek|gesprek|contact)", r"toch niet\b"),
        Language.EN: (
            r"say(ing)? no\b",
            r"not now",
            r"not want",
            r"don.t want",
            r"don.t need",
            r"no help needed",
            r"rather not",
        ),
        Language.PL: (
            r"powiedzieć[ „\"]*nie",
            r"nie chc",
            r"nie potrzebuj",
            r"nie teraz",
            r"nie pasuje",
        ),
        Language.TR: (r"hayır", r"istemiyor", r"şimdi değil", r"uygun değil", r"ihtiyac"),
        Language.AR: (r"لا بأس", r"لا تريد", r"ليس الآن", r"لا يناسب", r"لا تحتاج"),
    },
}

PRESSURE: dict[Language, tuple[str, ...]] = {
    Language.NL: (r"\bwaarom (wilt|wil) (u|je) (geen|niet)",),
    Language.EN: (r"\bdo you not want", r"\bdon.t you want", r"\bstill (don.t|do not) want"),
    Language.PL: (r"\bczy (jednak )?nie chc", r"^jednak (ci )?nie pasuje"),
    # "istemiyor musunuz?", "uymuyor mu?": a negative question; "yine de" = "still"
    Language.TR: (r"\w*m[ıiuü]yor m[ıiuü]\w*", r"\byine de\b"),
    # "بعد كل شيء" = "after everything": a reproach
    Language.AR: (r"بعد كل شيء",),
}

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_AR_WORD = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0670\u0640]+")
_AR_PREFIXES = ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل")
_compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
_compiled_phrases: dict[tuple[str, ...], re.Pattern[str]] = {}


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _compiled.get(words)
    if pattern is None:
        pattern = re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)
        _compiled[words] = pattern
    return pattern


def _arabic_hits(text: str, words: tuple[str, ...]) -> list[str]:
    wanted = set(words)
    hits = []
    for raw in _AR_WORD.findall(text):
        word = _DIACRITICS.sub("", raw)
        candidates = {word}
        candidates |= {
            word[len(p) :] for p in _AR_PREFIXES if word.startswith(p) and len(word) > len(p) + 1
        }
        if candidates & wanted:
            hits.append(raw)
    return hits


def find_words(text: str, words: tuple[str, ...], language: Language) -> list[str]:
    """The words of ``words`` that occur in ``text`` (as matched, for the report)."""
    if language is Language.AR:
        return _arabic_hits(text, words)
    return [m.group(0) for m in _pattern(words).finditer(text)]


def threat_hits(text: str, language: Language) -> list[str]:
    if language is Language.AR:
        # Arabic threats are full words too (حجز would otherwise hit حجزت "I booked").
        return _arabic_hits(text, THREATS[language])
    return find_words(text, THREATS[language], language)


def outside_hits(text: str, language: Language, *, card_front: bool = False) -> list[str]:
    """Money/debt words (and on a card front also the sender's name) found in ``text``."""
    words = OUTSIDE[language] + (FRONT_EXTRA[language] if card_front else ())
    return find_words(text, words, language)


def has_required(text: str, element: str, language: Language) -> bool:
    return bool(_pattern(REQUIRED[element][language]).search(text))


def pressure_hits(text: str, language: Language) -> list[str]:
    """Phrases of ``PRESSURE`` in one sentence or line (matched as regular expressions)."""
    return phrase_hits(text, PRESSURE[language])


def phrase_hits(text: str, phrases: tuple[str, ...]) -> list[str]:
    """Regular-expression phrases found in ``text`` (case-insensitive; ``^`` = line start)."""
    if not phrases:
        return []
    pattern = _compiled_phrases.get(phrases)
    if pattern is None:
        pattern = re.compile("|".join(f"(?:{w})" for w in phrases), re.IGNORECASE | re.MULTILINE)
        _compiled_phrases[phrases] = pattern
    return [m.group(0) for m in pattern.finditer(text)]
