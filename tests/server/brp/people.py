"""Synthetic persoonslijsten in the BRP API Personen v2 shapes, and matching Veldwerk cases.

Every BSN is in the 999 range and passes the elfproef; names and addresses are invented.
OWN is the (fictional) municipality that runs Veldwerk in these tests.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta
from typing import Any

from fieldapp.domain.people import address_key
from fieldapp.intake.normalise import is_valid_bsn
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.server.feed import emit_case_changes
from fieldapp.store.schema import CaseRow, PersonRow, SignalRow

OWN, OTHER = "0344", "0599"
_PL = itertools.count(1_000_001)


def synthetic_bsn(n: int) -> str:
    """The n-th valid BSN of the form 999xxxxxx (0-based)."""
    count = -1
    for tail in range(1_000_000):
        candidate = f"999{tail:06d}"
        if is_valid_bsn(candidate):
            count += 1
            if count == n:
                return candidate
    raise ValueError(n)


def _date(day: date) -> dict[str, str]:
    return {"type": "Datum", "datum": day.isoformat(), "langFormaat": day.isoformat()}


def persoon(
    bsn: str,
    *,
    geslachtsnaam: str = "Testpersoon",
    voorvoegsel: str = "",
    geboren: date = date(1980, 5, 17),
    postcode: str | None = "3511AA",
    huisnummer: int = 1,
    huisletter: str = "",
    toevoeging: str = "",
    gemeente: str = OWN,
    bag: str = "0344010000000001",
    overleden: date | None = None,
    reden: str | None = None,
    functie: str = "W",
    verblijft_niet: bool = False,
    plaats: str = "Adres",
) -> dict[str, Any]:
    p: dict[str, Any] = {
        "_pl": next(_PL),
        "burgerservicenummer": bsn,
        "naam": {"geslachtsnaam": geslachtsnaam, "voorvoegsel": voorvoegsel, "voornamen": "Test"},
        "geboorte": {"datum": _date(geboren)},
        "gemeenteVanInschrijving": {"code": gemeente, "omschrijving": "Proefstad"},
    }
    if not voorvoegsel:
        del p["naam"]["voorvoegsel"]
    if overleden:
        p["overlijden"] = {"datum": _date(overleden)}
        reden = reden or "O"
    if reden:
        p["opschortingBijhouding"] = {
            "reden": {"code": reden, "omschrijving": reden},
            "datum": _date(date(2026, 10, 1)),
        }
    if reden == "R":
        p["rni"] = [{"deelnemer": {"code": "0101"}, "categorie": "Inschrijving"}]
    if plaats == "Adres" and postcode:
        adres: dict[str, Any] = {
            "postcode": postcode,
            "huisnummer": huisnummer,
            "korteStraatnaam": "Proefstraat",
            "woonplaats": "Proefstad",
        }
        if huisletter:
            adres["huisletter"] = huisletter
        if toevoeging:
            adres["huisnummertoevoeging"] = toevoeging
        place: dict[str, Any] = {
            "type": "Adres",
            "verblijfadres": adres,
            "adresseerbaarObjectIdentificatie": bag,
            "functieAdres": {"code": functie, "omschrijving": "woonadres"},
        }
        if verblijft_niet:
            place["indicatieVastgesteldVerblijftNietOpAdres"] = True
        p["verblijfplaats"] = place
    elif plaats == "VerblijfplaatsBuitenland":
        p["verblijfplaats"] = {
            "type": "VerblijfplaatsBuitenland",
            "verblijfadres": {"land": {"code": "5010", "omschrijving": "België"}},
        }
    elif plaats == "VerblijfplaatsOnbekend":
        p["verblijfplaats"] = {"type": "VerblijfplaatsOnbekend"}
    return p


def add_case(
    db: ServerDatabase,
    *,
    team: str = "A",
    postcode: str | None = "3511AA",
    huisnummer: int | None = 1,
    toevoeging: str = "",
    achternaam: str = "Testpersoon",
    voorvoegsel: str = "",
    geboren: date | None = date(1980, 5, 17),
    bsn: str | None = None,
    partner: str = "Energie",
    worker_id: str | None = None,
) -> tuple[str, str, str]:
    """One open case with one person and one signal; returns (case id, person id, signal id)."""
    today = date.today()
    cid, pid, sid = (str(uuid.uuid4()) for _ in range(3))
    key = address_key(postcode, huisnummer, toevoeging) if postcode and huisnummer else None
    with db.session() as s, s.begin():
        s.add(
            CaseRow(
                id=cid,
                address_key=key,
                postcode=postcode,
                huisnummer=huisnummer,
                toevoeging=toevoeging,
                straat="Signaalstraat" if key else "",
                plaats="Proefstad" if key else "",
                status="open",
                opened_on=today,
                deadline=today + timedelta(days=28),
                assigned_worker_id=worker_id,
                flags=[] if key else ["adres onbekend: BRP-controle nodig"],
            )
        )
        s.flush()
        identity = f"bsn:{bsn}" if bsn else f"naam:{achternaam.casefold()}|t.|{geboren or ''}"
        s.add(
            PersonRow(
                id=pid,
                case_id=cid,
                identity_key=identity,
                achternaam=achternaam,
                voorvoegsel=voorvoegsel,
                voorletters="T.",
                geboortedatum=geboren,
                bsn=bsn,
            )
        )
        s.flush()
        s.add(
            SignalRow(
                id=sid,
                partner=partner,
                external_id=f"S-{uuid.uuid4().hex[:10]}",
                case_id=cid,
                person_id=pid,
                status="Opgepakt",
                bedrag_cents=250_00,
                signaaldatum=today,
                received_on=today,
                address_key=key or (f"bsn:{bsn}" if bsn else None),
            )
        )
        s.add(CaseTeamRow(case_id=cid, team=team))
        s.flush()
        emit_case_changes(s, {cid: set()})
    return cid, pid, sid
