"""Dutch-name rules for the BRP search (Divosa 2025: matching fails on ss/s, tussenvoegsels,
diacritics, maiden names and contracts in a company name).

- ``fold``: search without diacritics (the API matches both spellings only when the query has
  none: ``Gundogan`` finds ``Gündoğan``, not the other way round), case-insensitive.
- ``split_voorvoegsel``: ``van der Berg`` -> (``van der``, ``Berg``); the API filters the
  voorvoegsel separately, the geslachtsnaam must come without it.
- ``surname_candidates``: a signal may carry the used name (``Jansen-de Vries``, ``de Vries-
  Jansen``, ``Mevr. Jansen e/v De Vries``): every part is a candidate birth or partner name.
- ``names_match``: a BRP birth name equals one of the signal's candidates after folding and
  collapsing doubled letters (``Janssen`` ~ ``Jansen``, ``Mulder`` ~ ``Mulders`` is *not*).
- ``is_company_name``: B.V., V.O.F., holding, stichting ... -> "Niet opgepakt: andere reden".
"""

from __future__ import annotations

import re
import unicodedata

# Longest first, so "van der" wins over "van".
VOORVOEGSELS: tuple[str, ...] = tuple(
    sorted(
        {
            "van",
            "de",
            "der",
            "den",
            "het",
            "'t",
            "te",
            "ten",
            "ter",
            "in",
            "op",
            "aan",
            "bij",
            "uit",
            "onder",
            "over",
            "tot",
            "voor",
            "la",
            "le",
            "les",
            "du",
            "da",
            "dal",
            "del",
            "della",
            "di",
            "do",
            "dos",
            "das",
            "d'",
            "von",
            "vom",
            "zu",
            "zum",
            "zur",
            "el",
            "al",
            "l'",
            "o'",
            "mac",
            "st.",
            "van de",
            "van der",
            "van den",
            "van het",
            "van 't",
            "in de",
            "in den",
            "in der",
            "in het",
            "in 't",
            "op de",
            "op den",
            "op het",
            "op 't",
            "aan de",
            "aan den",
            "aan het",
            "bij de",
            "uit de",
            "uit den",
            "uit het",
            "voor de",
            "voor den",
            "onder de",
            "over de",
            "van de la",
            "de la",
            "de los",
            "von der",
            "von dem",
            "van ter",
            "van ten",
        },
        key=lambda v: (-len(v.split()), -len(v), v),
    )
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|'t|d'|l'|o'", re.UNICODE)
_JOINERS = re.compile(r"\s*(?:-|\be/v\b|\bevv\b|\bgeb(?:\.|\b)|\bgeboren\b)\s*", re.IGNORECASE)
_TITLES = re.compile(
    r"^(?:(?:dhr|mevr|mw|mr|dr|ir|ing|drs|prof|fam|de heer|mevrouw)\.?\s+)+", re.IGNORECASE
)
_COMPANY = re.compile(
    r"(?:\b(?:b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|c\.?\s?v\.?|holding|stichting|"
    r"vereniging|co[oö]peratie|u\.?\s?a\.?|beheer|groep|group|ltd|gmbh|inc|llc|"
    r"eenmanszaak|vof|bv|nv|maatschap|onderneming|handelsonderneming|b\.v|v\.o\.f)(?=\W|$))"
    r"|&\s*(?:zn|zonen|co)\b",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Case-folded, without diacritics (``ü`` -> ``u``, ``ø`` stays as its base if any),
    apostrophes unified, whitespace collapsed. ``ß`` folds to ``ss``."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("`", "'"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    bare = bare.replace("ı", "i").replace("đ", "d").replace("Đ", "D")
    return " ".join(bare.casefold().split())


def spelling_key(text: str) -> str:
    """``fold`` plus the spelling variants that make the same name: doubled letters collapse
    (``Janssen`` = ``Jansen``), ``ij`` = ``y``, hyphens and spaces drop."""
    key = fold(text).replace("-", "").replace(" ", "").replace("'", "")
    key = re.sub(r"(.)\1+", r"\1", key).replace("ij", "y")
    return re.sub(r"(.)\1+", r"\1", key)


def split_voorvoegsel(surname: str) -> tuple[str, str]:
    """(voorvoegsel, geslachtsnaam): ``"van der Berg"`` -> ``("van der", "Berg")``.

    A surname that is only a voorvoegsel-like word (``De``) is kept as the surname."""
    text = " ".join(surname.split())
    lowered = text.casefold()
    for prefix in VOORVOEGSELS:
        glued = prefix.endswith("'")
        head = prefix if glued else prefix + " "
        if lowered.startswith(head) and len(text) > len(head):
            rest = text[len(head) :].strip()
            if rest:
                return text[: len(head)].strip(), rest
    return "", text


def surname_candidates(achternaam: str, voorvoegsel: str = "") -> list[str]:
    """Every surname the signal may mean, without voorvoegsel, unfolded, most likely first.

    ``"Jansen-de Vries"`` -> ``["Jansen", "Vries"]``; ``"de Vries"`` (voorvoegsel in the
    surname column) -> ``["Vries"]``; titles (``Mevr.``) are dropped."""
    # Marks that do not compose with their letter would end a regex word (\b) mid-name.
    composed = unicodedata.normalize("NFC", f"{voorvoegsel} {achternaam}")
    composed = "".join(ch for ch in composed if not unicodedata.combining(ch))
    text = _TITLES.sub("", " ".join(composed.split()))
    parts = [p for p in _JOINERS.split(text) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        _, name = split_voorvoegsel(part.strip())
        if name and _WORD.search(name) and name not in out:
            out.append(name)
    return out


def names_match(brp_geslachtsnaam: str, brp_voorvoegsel: str, signal_candidates: list[str]) -> bool:
    """The BRP birth name (its geslachtsnaam, without voorvoegsel) is one of the signal's
    candidate names, compared by ``spelling_key``. The voorvoegsel is not compared: signals
    often drop or glue it."""
    wanted = {spelling_key(c) for c in signal_candidates if c}
    names = surname_candidates(brp_geslachtsnaam, brp_voorvoegsel) or [brp_geslachtsnaam]
    return any(spelling_key(n) in wanted for n in names if n)


def is_company_name(name: str) -> bool:
    """A legal form or business word in the name: a contract in a company name."""
    return bool(_COMPANY.search(name))
