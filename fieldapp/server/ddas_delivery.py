"""DDAS v1.2 delivery for the whole team, from the server: one levering per gemeentecode.

Settings (``organisatie.toml`` in the server's data folder, or ``--organisatie``)::

    gemeente = "Gemeente Voorbeeldstad"     # aanleverendeOrganisatie.naam
    gemeentecode = "0344"                   # CBS code for every team not listed below
    kvk_nummer = "12345678"
    [[contactpersonen]]                     # CBS mails its quality report to them
    naam = "..."  telefoon = "..."  email = "..."  functie = "..."
    [teams]                                 # optional: a team working for another municipality
    "Team Noord" = "0345"

Refused (exit 2, nothing written): a reversed period, a period without any signal or case, the
demo's fictional municipality 9999 outside the demo, missing settings. Over 50,000 signals the
delivery is split into parts, each validated on its own.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp import __version__
from fieldapp.errors import InputRefused
from fieldapp.reporting.ddas_checks import MAX_SIGNALS_PER_DELIVERY, signal_count, split_document
from fieldapp.reporting.ddas_export import Supplier, build_levering, finish_document
from fieldapp.server.db.schema import CaseTeamRow

DEMO_GEMEENTECODE = "9999"


def suppliers_from_toml(text: str) -> tuple[Supplier, dict[str, str]]:
    """The default supplier and the team -> gemeentecode map."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputRefused("organisatie.toml is niet leesbaar.") from exc
    code = str(data.get("gemeentecode", "")).strip()
    name = str(data.get("gemeente", "")).strip()
    if not code or not name:
        raise InputRefused("organisatie.toml mist 'gemeente' of 'gemeentecode'.")
    contacts = tuple(
        (
            str(c.get("naam", "")),
            str(c.get("telefoon", "")),
            str(c.get("email", "")),
            str(c.get("functie", "")),
        )
        for c in data.get("contactpersonen", [])
        if isinstance(c, dict)
    )
    supplier = Supplier(
        gemeentecode=code,
        organisatie=name,
        kvk_nummer=str(data.get("kvk_nummer", "")),
        code_gegevensleverancier=f"Veldwerk {__version__}",
        more_contacts=contacts,
    )
    teams = {str(k): str(v).strip() for k, v in dict(data.get("teams", {})).items()}
    return supplier, teams


def build_server_delivery(
    session: Session,
    *,
    start: date,
    end: date,
    organisation_text: str,
    delivered_at: datetime,
    demo: bool = False,
    max_signals: int = MAX_SIGNALS_PER_DELIVERY,
) -> list[dict[str, Any]]:
    """The validated document(s) for [start, end]: one part unless it is too large."""
    if end < start:
        raise InputRefused("De periode klopt niet: --tot ligt vóór --van.")
    default, teams = suppliers_from_toml(organisation_text)
    codes = {default.gemeentecode, *teams.values()}
    if DEMO_GEMEENTECODE in codes and not demo:
        raise InputRefused(
            "Gemeentecode 9999 is de verzonnen demogemeente: vul de echte CBS-code in "
            "organisatie.toml in. Er is niets geschreven."
        )
    by_code: dict[str, list[str]] = defaultdict(list)
    for case_id, team in session.execute(select(CaseTeamRow.case_id, CaseTeamRow.team)):
        by_code[teams.get(team, default.gemeentecode)].append(case_id)
    leveringen: list[dict[str, Any]] = []
    for code in sorted(codes):
        supplier = Supplier(
            gemeentecode=code,
            organisatie=default.organisatie,
            kvk_nummer=default.kvk_nummer,
            code_gegevensleverancier=default.code_gegevensleverancier,
            more_contacts=default.more_contacts,
        )
        levering = build_levering(
            session,
            start=start,
            end=end,
            supplier=supplier,
            teller=len(leveringen) + 1,
            case_ids=by_code.get(code, []),
            include_caseless=code == default.gemeentecode,
        )
        if levering.get("vroegsignalen") or levering.get("vroegsignaalzaken"):
            leveringen.append(levering)
    if not leveringen:
        raise InputRefused("Geen signalen of zaken in deze periode: er is niets geschreven.")
    document = finish_document(
        leveringen,
        start=start,
        end=end,
        delivered_at=delivered_at,
        code=default.code_gegevensleverancier,
    )
    if signal_count(document) <= max_signals:
        return [document]
    return [
        finish_document(
            part["leveringen"],
            start=start,
            end=end,
            delivered_at=delivered_at,
            code=default.code_gegevensleverancier,
        )
        for part in split_document(document, max_signals)
    ]
