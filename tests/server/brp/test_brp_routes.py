"""Over HTTP: an import runs the BRP check (Veldwerk server -> local BRP fake over mTLS), the
desk's check, queue and record endpoints, for team leads of the case's team only."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from fieldapp.brp.config import BrpConfig
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.store.schema import CaseRow, SignalRow
from tests.server.brp.fake_brp import FakeBrp
from tests.server.brp.people import persoon, synthetic_bsn
from tests.server.helpers import make_actor


@pytest.fixture
def veldwerk(sqlite_server_db: ServerDatabase, config: BrpConfig) -> Iterator[str]:
    settings = ServerSettings(fast_password_hash=True, brp=config)
    url, stop = start_embedded_server(None, db=sqlite_server_db, settings=settings)
    try:
        yield url
    finally:
        stop()


def test_import_checks_and_joins_a_bsn_only_signal_to_its_household(
    veldwerk: str, sqlite_server_db: ServerDatabase, fake: FakeBrp
) -> None:
    db = sqlite_server_db
    lead = make_actor(db, "lea", "teamlead", "A")
    other = make_actor(db, "otto", "teamlead", "B")
    anna = make_actor(db, "anna", "worker", "A")
    bsn = synthetic_bsn(7)
    fake.people.append(persoon(bsn, geslachtsnaam="Zzbrptest", postcode="3521AB", huisnummer=7))
    address_csv = (
        b"signaal_id;signaalpartner;bedrag;signaaldatum;postcode;huisnummer;achternaam\n"
        b"T-1;Huur;120,50;2026-11-01;3521AB;7;Zzbrptest\n"
    )
    bsn_csv = (
        b"signaal_id;signaalpartner;bedrag;signaaldatum;bsn;achternaam\n"
        + f"Z-1;Zorg;80,00;2026-11-02;{bsn};Zzbrptest\n".encode()
    )
    unknown_csv = (
        b"signaal_id;signaalpartner;bedrag;signaaldatum;bsn;achternaam\n"
        + f"Z-2;Zorg;90,00;2026-11-02;{synthetic_bsn(8)};Zzonbekend\n".encode()
    )
    with httpx.Client(base_url=veldwerk, timeout=30) as http:
        for body in (address_csv, bsn_csv, unknown_csv):
            response = http.post("/v1/import", content=body, headers=lead.headers)
            assert response.status_code == 200, response.text
        queue = http.get("/v1/brp/queue", headers=lead.headers)
        others = http.get("/v1/brp/queue", headers=other.headers)
        worker = http.get("/v1/brp/queue", headers=anna.headers)
        assert queue.status_code == 200 and others.json() == [] and worker.status_code == 403
        [item] = queue.json()
        assert item["reason"] == "niet_gevonden" and "Zzonbekend" not in queue.text
        denied = http.post(
            f"/v1/brp/checks/{item['check_id']}/record",
            json={"uitkomst": "overleden"},
            headers=other.headers,
        )
        bad = http.post(
            f"/v1/brp/checks/{item['check_id']}/record",
            json={"uitkomst": "verhuisd"},
            headers=lead.headers,
        )
        done = http.post(
            f"/v1/brp/checks/{item['check_id']}/record",
            json={"uitkomst": "overleden"},
            headers=lead.headers,
        )
        again = http.post("/v1/brp/check", json={"all_open": True}, headers=lead.headers)
    assert denied.status_code == 404 and bad.status_code == 400 and "nieuwe adres" in bad.text
    assert done.status_code == 200, done.text
    assert again.status_code == 200 and again.json()["checked"] >= 1
    with db.session() as s:
        open_cases = s.scalars(select(CaseRow).where(CaseRow.postcode == "3521AB")).all()
        assert len(open_cases) == 1 and open_cases[0].meervoudig  # Huur + Zorg: one household
        statuses = dict(s.execute(select(SignalRow.external_id, SignalRow.status)).all())
    assert statuses["Z-2"] == "Inwoner is overleden"
    assert statuses["T-1"] == statuses["Z-1"] == "Opgepakt"


def test_without_brp_settings_the_desk_is_told(sqlite_server_db: ServerDatabase) -> None:
    lead = make_actor(sqlite_server_db, "lea", "teamlead", "A")
    url, stop = start_embedded_server(
        None, db=sqlite_server_db, settings=ServerSettings(fast_password_hash=True)
    )
    try:
        response = httpx.post(f"{url}/v1/brp/check", json={}, headers=lead.headers)
    finally:
        stop()
    assert response.status_code == 409 and "brp.toml" in response.text
