"""Map the word a registration system uses for the sender to a DDAS ``Signaalpartner``.

Exports say "Zorgverzekeraar", "woningcorporatie", "Energie" or "CAK Zorgverzekeringen", or
name the company ("Vitens", "Eneco", "Zilveren Kruis", "Ymere"); the store wants the 11 DDAS
v1.2 values. Matching is on the whole (case-folded, space-collapsed)
word, never on a substring: "zorgtoeslag" must not become ``Zorg``.
"""

from __future__ import annotations

import unicodedata

from fieldapp.domain.ddas import Signaalpartner

_P = Signaalpartner

# Everyday words -> DDAS value. The DDAS values themselves are added below.
_WORDS: dict[str, Signaalpartner] = {
    # Zorg: the health insurer (30-100 days overdue)
    "zorg": _P.ZORG,
    "zorgverzekeraar": _P.ZORG,
    "zorgverzekering": _P.ZORG,
    "ziektekostenverzekeraar": _P.ZORG,
    "verzekeraar": _P.ZORG,
    # Energie
    "energie": _P.ENERGIE,
    "energieleverancier": _P.ENERGIE,
    "energiebedrijf": _P.ENERGIE,
    "gas": _P.ENERGIE,
    "stroom": _P.ENERGIE,
    "elektriciteit": _P.ENERGIE,
    "warmte": _P.ENERGIE,
    "stadsverwarming": _P.ENERGIE,
    "gas en licht": _P.ENERGIE,
    # Huur
    "huur": _P.HUUR,
    "woningcorporatie": _P.HUUR,
    "woningbouwcorporatie": _P.HUUR,
    "woningbouwvereniging": _P.HUUR,
    "corporatie": _P.HUUR,
    "verhuurder": _P.HUUR,
    "woningverhuurder": _P.HUUR,
    "huurachterstand": _P.HUUR,
    # Water
    "water": _P.WATER,
    "waterbedrijf": _P.WATER,
    "drinkwater": _P.WATER,
    "drinkwaterbedrijf": _P.WATER,
    "waterleidingbedrijf": _P.WATER,
    # CAK: plain "CAK" signals are almost always the wanbetalersregeling (premium unpaid
    # > 6 months, taken over by CAK); the eigen-bijdrage route must be named explicitly.
    "cak": _P.CAK_ZORGVERZEKERINGEN,
    "cak zorgverzekering": _P.CAK_ZORGVERZEKERINGEN,
    "wanbetalersregeling": _P.CAK_ZORGVERZEKERINGEN,
    "bestuursrechtelijke premie": _P.CAK_ZORGVERZEKERINGEN,
    "cak eigen bijdragen": _P.CAK_EIGEN_BIJDRAGE,
    "eigen bijdrage": _P.CAK_EIGEN_BIJDRAGE,
    "cak wlz": _P.CAK_EIGEN_BIJDRAGE,
    "cak wmo": _P.CAK_EIGEN_BIJDRAGE,
    # Rijk
    "duo": _P.DUO,
    "studiefinanciering": _P.DUO,
    "belastingdienst": _P.BELASTINGDIENST,
    "belasting": _P.BELASTINGDIENST,
    "belastingen": _P.BELASTINGDIENST,
    "toeslagen": _P.DIENST_TOESLAGEN,
    "dienst toeslagen": _P.DIENST_TOESLAGEN,
    "belastingdienst toeslagen": _P.DIENST_TOESLAGEN,
    # Hypotheek
    "hypotheek": _P.HYPOTHEEK,
    "hypotheekverstrekker": _P.HYPOTHEEK,
    "hypotheekbank": _P.HYPOTHEEK,
    # Overige
    "overige": _P.OVERIGE,
    "overig": _P.OVERIGE,
    "anders": _P.OVERIGE,
}


# Brand names: an export often names the company, not its kind. Sources: Vewin's list of the
# ten drinking-water companies, the ACM's register of energy suppliers, Zorgverzekeraars
# Nederland's members and their labels, Aedes' larger housing corporations (all as of 2024;
# a brand that changes owner keeps its kind). Legal forms ("N.V.", "B.V.") are ignored.
_BRANDS: dict[Signaalpartner, tuple[str, ...]] = {
    _P.WATER: (
        "Brabant Water",
        "Dunea",
        "Evides",
        "Evides Waterbedrijf",
        "Oasen",
        "PWN",
        "Vitens",
        "Waterbedrijf Groningen",
        "Waternet",
        "WMD",
        "WMD Drinkwater",
        "WML",
        "Waterleiding Maatschappij Limburg",
        "Waterleidingmaatschappij Drenthe",
    ),
    _P.ENERGIE: (
        "Eneco",
        "Vattenfall",
        "Nuon",
        "Essent",
        "Greenchoice",
        "Budget Energie",
        "Vandebron",
        "Engie",
        "Oxxio",
        "Energiedirect",
        "Energiedirect.nl",
        "Pure Energie",
        "Frank Energie",
        "Coolblue Energie",
        "Delta Energie",
        "Zonneplan",
        "Innova Energie",
        "United Consumers",
        "Energie VanOns",
        "Tibber",
        "ANWB Energie",
        "Powerpeers",
        "NLE",
        "Nederlandse Energie",
        "Mega Energie",
        "Ennatuurlijk",
        "Vattenfall Warmte",
        "Eneco Warmte",
    ),
    _P.ZORG: (
        "Zilveren Kruis",
        "VGZ",
        "CZ",
        "Menzis",
        "DSW",
        "Zorg en Zekerheid",
        "ONVZ",
        "a.s.r.",
        "asr",
        "ASR Zorg",
        "Achmea",
        "Univé",
        "Unive",
        "FBTO",
        "Interpolis",
        "De Friesland",
        "De Friesland Zorgverzekeraar",
        "Salland",
        "Salland Zorgverzekeringen",
        "OHRA",
        "Nationale-Nederlanden",
        "IZA",
        "IZZ",
        "UMC Zorgverzekering",
        "Anderzorg",
        "Bewuzt",
        "Promovendum",
        "ZieZo",
        "Hollandzorg",
        "Stad Holland",
        "Aevitae",
        "Caresq",
        "Zekur",
        "PNOzorg",
        "Eucare",
        "Zorgzaam",
        "National Academic",
    ),
    _P.HUUR: (
        "Ymere",
        "Eigen Haard",
        "Stadgenoot",
        "De Alliantie",
        "Rochdale",
        "De Key",
        "Woonstad Rotterdam",
        "Havensteder",
        "Woonbron",
        "Vestia",
        "Staedion",
        "Haag Wonen",
        "Vidomes",
        "Portaal",
        "Mitros",
        "Bo-Ex",
        "Woonbedrijf",
        "Trudo",
        "Vivare",
        "Talis",
        "Woonzorg Nederland",
        "Area Wonen",
        "Lefier",
        "Elkien",
        "Accolade",
        "Woonpunt",
        "Wonen Limburg",
        "Woonwaard",
        "Parteon",
        "Intermaris",
        "Com.wonen",
        "Woonstede",
        "Mozaïek Wonen",
        "Wooninc.",
        "Wonen Breburg",
        "Woonkracht10",
        "Woonforte",
        "Rhiant",
        "Patrimonium",
        "Domesta",
        "Actium",
        "Woongoed Zeeland",
        "Zayaz",
        "Omnia Wonen",
        "Woonstichting De Woonplaats",
        "De Woonplaats",
        "Wonion",
        "Habion",
        "Dudok Wonen",
    ),
}
_LEGAL_FORMS = (" n.v.", " nv", " b.v.", " bv", " u.a.", " ua")


def _key(word: str) -> str:
    text = unicodedata.normalize("NFC", word).casefold()
    text = text.replace("_", " ").replace("-", " ")
    return " ".join(text.split())


_LOOKUP: dict[str, Signaalpartner] = {_key(k): v for k, v in _WORDS.items()}
_LOOKUP.update({_key(p.value): p for p in Signaalpartner})
BRAND_KINDS: dict[str, Signaalpartner] = {
    _key(brand): kind for kind, brands in _BRANDS.items() for brand in brands
}
for _brand, _kind in BRAND_KINDS.items():
    _LOOKUP.setdefault(_brand, _kind)  # a kind word ("water") wins over a brand spelling

KNOWN_PARTNER_WORDS: tuple[str, ...] = tuple(sorted(_LOOKUP))


def partner_from_word(word: str) -> Signaalpartner | None:
    """The DDAS partner for a DDAS value or everyday word (case-insensitive), else ``None``.

    ``None`` means "unknown word": callers reject the row rather than guess ``Overige``.
    """
    key = _key(word)
    found = _LOOKUP.get(key)
    if found is None:
        for form in _LEGAL_FORMS:
            if key.endswith(form):
                return _LOOKUP.get(key[: -len(form)].strip())
    return found
