"""DDAS Vroegsignalering JSON: ``vroegsignalen`` from v1.2 and from older v1.0/v0.9 files.

v1.2 (lowerCamelCase) nests signals in ``leveringen[]`` and identifies the client by BSN *or*
postcode + huisnummer. v1.0/v0.9 carry a capitalised client with names and street
(``Voorletters``, ``Achternaam``, ``Straatnaam``, ``Plaatsnaam`` ...). Also tolerated: keys in
any case or snake_case, top-level ``vroegsignalen`` without ``leveringen``, and the API
envelope ``{"gegevens": {...}}``. Cases (``vroegsignaalzaken``) are not imported.

``bedrag`` is whole euros in DDAS; it becomes cents. Each signal is numbered by its 1-based
position in the file (over all leveringen), which is the ``row`` of a rejection.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from fieldapp.errors import ImportRefused
from fieldapp.intake.report import Rejection
from fieldapp.intake.rows import Cell, RowInput

_NOT_DDAS = (
    "Dit JSON-bestand is geen DDAS-vroegsignalenbestand (verwacht 'leveringen' of 'vroegsignalen')."
)

# normalised key -> canonical field
_SIGNAL_KEYS = {
    "id": "signaal_id",
    "crisissignaal": "crisissignaal",
    "warmeoverdracht": "warme_overdracht",
    "ontstaansdatum": "ontstaansdatum",
    "signaaldatum": "signaaldatum",
    "status": "status",
}
_CLIENT_KEYS = {
    "burgerservicenummer": "bsn",
    "bsn": "bsn",
    "voorletters": "voorletters",
    "voorvoegsel": "voorvoegsel",
    "achternaam": "achternaam",
    "voornaam": "voornaam",
    "voornamen": "voornaam",
    "geboortedatum": "geboortedatum",
    "geslachtsaanduiding": "geslacht",
    "straatnaam": "straat",
    "straat": "straat",
    "postcode": "postcode",
    "huisnummer": "huisnummer",
    "huisnummertoevoeging": "huisnummertoevoeging",
    "plaatsnaam": "plaats",
    "woonplaats": "plaats",
    "telefoonnummer": "telefoon",
    "email": "email",
}


def _key(name: str) -> str:
    return name.casefold().replace("_", "").replace("-", "")


def _get(obj: Mapping[str, Any], key: str) -> Any:
    for name, value in obj.items():
        if _key(name) == key:
            return value
    return None


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


def load_json(data: bytes) -> Any:
    """Parse strictly: UTF-8 (BOM allowed), no duplicate keys, no NaN/Infinity."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused("Het JSON-bestand is geen geldige UTF-8-tekst.") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except _DuplicateKey:
        raise ImportRefused("Het JSON-bestand bevat een dubbele sleutel.") from None
    except RecursionError:
        raise ImportRefused("Het JSON-bestand is te diep genest.") from None
    except ValueError:
        raise ImportRefused("Het bestand is geen geldige JSON.") from None


def is_ddas(document: Any) -> bool:
    """A JSON object with ``leveringen`` or ``vroegsignalen`` (possibly inside ``gegevens``)."""
    root = _root(document)
    return root is not None


def _root(document: Any) -> Mapping[str, Any] | None:
    if not isinstance(document, dict):
        return None
    envelope = _get(document, "gegevens")
    if isinstance(envelope, dict):
        document = envelope
    keys = {_key(k) for k in document}
    return document if keys & {"leveringen", "vroegsignalen"} else None


def _raw_signals(root: Mapping[str, Any]) -> Iterator[Any]:
    leveringen = _get(root, "leveringen")
    if leveringen is not None:
        if not isinstance(leveringen, list):
            raise ImportRefused(_NOT_DDAS)
        for levering in leveringen:
            if not isinstance(levering, dict):
                raise ImportRefused("Een levering in het DDAS-bestand is geen object.")
            yield from _signal_list(_get(levering, "vroegsignalen"))
    yield from _signal_list(_get(root, "vroegsignalen"))


def _signal_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportRefused("'vroegsignalen' in het DDAS-bestand is geen lijst.")
    return value


def ddas_rows(document: Any) -> Iterator[RowInput]:
    """One item per signal in the file; raises ImportRefused if this is not DDAS."""
    root = _root(document)
    if root is None:
        raise ImportRefused(_NOT_DDAS)
    for index, raw in enumerate(_raw_signals(root), start=1):
        yield _signal_fields(index, raw)


def _signal_fields(index: int, raw: Any) -> RowInput:
    if not isinstance(raw, dict):
        return Rejection(index, "vroegsignaal", "vroegsignaal is geen object")
    values: dict[str, Cell] = {}
    for name, value in raw.items():
        field = _SIGNAL_KEYS.get(_key(name))
        if field is not None:
            if not (value is None or isinstance(value, str | bool | int | float)):
                return Rejection(index, field, "waarde heeft het verkeerde type")
            values[field] = value
    bedrag = _get(raw, "bedrag")
    if bedrag is not None:
        if isinstance(bedrag, bool) or not isinstance(bedrag, int | float | str):
            return Rejection(index, "bedrag", "bedrag moet een geheel aantal euro's zijn")
        if isinstance(bedrag, float) and not bedrag.is_integer():
            return Rejection(index, "bedrag", "bedrag moet een geheel aantal euro's zijn")
        values["bedrag"] = int(bedrag) if isinstance(bedrag, float) else bedrag
    partner = _get(raw, "signaalpartner")
    if isinstance(partner, dict):
        partner = _get(partner, "type")
    if partner is not None and not isinstance(partner, str):
        return Rejection(index, "signaalpartner", "signaalpartner heeft het verkeerde type")
    values["signaalpartner"] = partner
    client = _get(raw, "client")
    if client is None:
        return Rejection(index, "client", "client ontbreekt")
    if not isinstance(client, dict):
        return Rejection(index, "client", "client is geen object")
    for name, value in client.items():
        field = _CLIENT_KEYS.get(_key(name))
        if field is None:
            continue
        if not (value is None or isinstance(value, str | int)) or isinstance(value, bool):
            return Rejection(index, field, "waarde heeft het verkeerde type")
        values[field] = value
    return index, values
