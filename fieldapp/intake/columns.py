"""Canonical Dutch column names for tabular signal files, with the synonyms exports use.

Headers are compared case-insensitively after trimming, with spaces, hyphens and dots read as
``_`` ("Signaal ID" == "signaal_id", "E-mail" == "email").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from fieldapp.errors import ImportRefused

SIGNAAL_ID = "signaal_id"
SIGNAALPARTNER = "signaalpartner"
POSTCODE = "postcode"
HUISNUMMER = "huisnummer"
BSN = "bsn"

# canonical -> synonyms (canonical itself is always accepted)
_SYNONYMS: dict[str, tuple[str, ...]] = {
    SIGNAAL_ID: ("id", "signaalnummer", "signaal_nummer", "signaalid"),
    SIGNAALPARTNER: ("partner", "soort", "type", "signaal_partner", "signaalpartner_type"),
    "bedrag": ("achterstand", "bedrag_achterstand", "achterstandsbedrag", "bedrag_euro"),
    "ontstaansdatum": ("ontstaan", "datum_ontstaan"),
    "signaaldatum": ("datum", "signaal_datum", "datum_signaal"),
    "crisissignaal": ("crisis",),
    "warme_overdracht": ("warmeoverdracht",),
    BSN: ("burgerservicenummer",),
    "voorletters": ("initialen",),
    "voorvoegsel": ("tussenvoegsel", "tussenvoegsels", "voorvoegsels"),
    "achternaam": ("geslachtsnaam",),
    "voornaam": ("voornamen", "roepnaam"),
    "geboortedatum": ("geb_datum", "geboren"),
    "geslacht": ("geslachtsaanduiding",),
    "straat": ("straatnaam",),
    HUISNUMMER: ("huisnr",),
    "huisnummertoevoeging": ("toevoeging", "huisnummer_toevoeging", "huisletter"),
    POSTCODE: (),
    "plaats": ("woonplaats", "plaatsnaam"),
    "wijk": ("buurt", "wijknaam"),
    "telefoon": ("telefoonnummer", "tel", "mobiel", "telefoonnummer_1"),
    "email": ("e_mail", "emailadres", "e_mailadres", "mail"),
    "status": ("signaalstatus",),
}

_LOOKUP: dict[str, str] = {}
for _canonical, _names in _SYNONYMS.items():
    _LOOKUP[_canonical] = _canonical
    for _name in _names:
        _LOOKUP[_name] = _canonical

CANONICAL_FIELDS: tuple[str, ...] = tuple(_SYNONYMS)
DATE_FIELDS = frozenset({"ontstaansdatum", "signaaldatum", "geboortedatum"})


def header_key(header: str) -> str:
    text = unicodedata.normalize("NFC", header).replace("\ufeff", "").strip().strip('"').casefold()
    return re.sub(r"[\s\-.]+", "_", text).strip("_")


def canonical_field(header: str) -> str | None:
    """The canonical field for a header cell, or ``None`` for a column we do not read."""
    return _LOOKUP.get(header_key(header))


def map_headers(headers: Sequence[str]) -> dict[int, str]:
    """Column index -> canonical field, for the columns we read.

    When two columns map to the same field, the one spelled canonically wins, else the first
    (an export with both "type" and "soort" keeps "type"). Raises ImportRefused when the
    columns needed to accept any row are missing: signaal_id, signaalpartner, and postcode +
    huisnummer or bsn.
    """
    chosen: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = canonical_field(header)
        if field is None:
            continue
        if field not in chosen or header_key(header) == field != header_key(headers[chosen[field]]):
            chosen[field] = index
    if not chosen:
        raise ImportRefused(
            "Onbekend bestandsformaat: de eerste rij heeft geen bekende kolomnamen "
            "(verwacht onder meer signaal_id, signaalpartner, postcode, huisnummer)."
        )
    missing = [name for name in (SIGNAAL_ID, SIGNAALPARTNER) if name not in chosen]
    if missing:
        raise ImportRefused(f"Kolom ontbreekt: {', '.join(missing)}.")
    if BSN not in chosen and not (POSTCODE in chosen and HUISNUMMER in chosen):
        raise ImportRefused("Kolommen ontbreken: postcode en huisnummer, of bsn.")
    return {index: field for field, index in chosen.items()}


def recognised_count(headers: Sequence[str]) -> int:
    """How many header cells name a field we read (used to pick the CSV delimiter)."""
    return sum(1 for h in headers if canonical_field(h) is not None)
