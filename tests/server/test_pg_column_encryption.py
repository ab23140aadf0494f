"""Person-level columns are encrypted by the application on PostgreSQL (issue 17, item 4).

A real PostgreSQL schema is filled through the normal paths (a lead's imports over HTTP, a
worker's pull and push, an opt-out), then dumped with the cluster's own ``pg_dump``: none of
the fixtures' personal strings may appear. The app must still match signals to the household
by address and by BSN, deliver readable names to the laptop, and survive a KEK rotation
without a restart.
"""

from __future__ import annotations

import os
import re
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from fieldapp.cli import main
from fieldapp.privacy.optout import OptOutEntry, add_opt_out
from fieldapp.server.db.column_keys import WrongKek, new_kek_file
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.open import open_server_db
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.services.identity import enroll
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.schema import AttemptRow, PersonRow
from tests.server.helpers import attempt_item, make_actor, pg_schema_url, pg_url_or_skip, push_body
from tests.sync.conftest import new_store

HEADER = (
    "signaal_id;signaalpartner;bedrag;signaaldatum;bsn;voorletters;voornaam;achternaam;"
    "geboortedatum;straat;huisnummer;huisnummertoevoeging;postcode;plaats;telefoon;email\n"
)


def _bsn(seed: int) -> str:
    """A synthetic BSN in the 999 range that passes the elfproef."""
    for tail in range(seed, seed + 1000):
        digits = [int(d) for d in f"9999{tail % 100000:05d}"]
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
        if total % 11 == 0:
            return "".join(map(str, digits))
    raise AssertionError("no BSN found")


@pytest.fixture
def pg(tmp_path: Path) -> Iterator[tuple[str, Path, ServerDatabase]]:
    with pg_schema_url(pg_url_or_skip()) as url:
        kek = tmp_path / "kek.hex"
        new_kek_file(kek)
        db = open_server_db(url, data_dir=tmp_path / "server", kek_file=kek)
        try:
            yield url, kek, db
        finally:
            db.dispose()


def _pg_dump(url: str) -> str:
    bindir = os.environ.get("FIELDAPP_PG_BINDIR", "")
    if not bindir:
        pytest.skip("FIELDAPP_PG_BINDIR not set (source .ci/postgres.sh)")
    match = re.search(r"search_path%3D(\w+)", url)
    assert match is not None
    libpq = url.replace("postgresql+psycopg://", "postgresql://")
    done = subprocess.run(
        [f"{bindir}/pg_dump", "--no-owner", "-n", match.group(1), libpq],
        capture_output=True,
        check=True,
        text=True,
    )
    return done.stdout


def test_pg_dump_holds_no_personal_string_and_the_app_still_works(pg, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, kek, db = pg
    tag = uuid.uuid4().hex[:6]
    surname, first = f"Zzcrypt{tag}", f"Zzvoornaam{tag}"
    street, email = f"Zzstraat{tag}laan", f"zz.{tag}@example.nl"
    phone, born, bsn, other_bsn = "0687651234", "1931-02-27", _bsn(11_000), _bsn(22_000)
    note = f"Zznotitie{tag}"
    person = f"{bsn};Q.;{first};{surname};27-02-1931;{street};17;B;9999XA;Testdorp;{phone};{email}"
    files = [
        HEADER + f"PG-1;Energie;120;2026-11-01;{person}\n",
        # Same address, no BSN: joins by the address key.
        HEADER + f"PG-2;Water;90;2026-11-02;;Q.;;{surname};;{street};17;B;9999XA;Testdorp;;\n",
        # BSN only, no address: joins by the BSN.
        HEADER + f"PG-3;Huur;300;2026-11-03;{bsn};Q.;;{surname};;;;;;;;\n",
    ]
    server_url, stop = start_embedded_server(
        None, db=db, settings=ServerSettings(fast_password_hash=True)
    )
    try:
        lead = make_actor(db, f"lead-{tag}", "teamlead", "noord")
        worker = make_actor(db, f"werker-{tag}", "worker", "noord")
        with httpx.Client(base_url=server_url, timeout=60) as http:
            new_cases = []
            for body in files:
                r = http.post("/v1/import", content=body.encode(), headers=lead.headers)
                assert r.status_code == 200, r.text
                new_cases.append(r.json()["new_cases"])
            assert new_cases == [1, 0, 0]  # matched by address, then by BSN
            (case,) = http.get("/v1/cases", headers=lead.headers).json()["cases"]
            r = http.post(
                "/v1/cases/assign",
                json={"case_ids": [case["id"]], "worker_id": worker.worker_id},
                headers=lead.headers,
            )
            assert r.status_code == 200, r.text
            item = attempt_item(case["id"], note=note)
            r = http.post("/v1/sync/push", json=push_body(worker, [item]), headers=worker.headers)
            assert r.json()["accepted"] == [item["id"]]
            page = http.get("/v1/sync/changes", headers=worker.headers).json()
        with db.session() as s, s.begin():
            entry = OptOutEntry.from_input(
                bsn=other_bsn,
                postcode=None,
                huisnummer=None,
                kind="niet_benaderen",
                visit_mode=None,
                until=None,
            )
            add_opt_out(s, entry)
        # The laptop gets readable data.
        (change,) = page["changes"]
        payload = change["case"]
        assert payload["address"]["straat"] == street and payload["address"]["huisnummer"] == 17
        assert len(payload["signals"]) == 3
        (p,) = payload["people"]
        assert (p["achternaam"], p["voornaam"], p["bsn"]) == (surname, first, bsn)
        assert (p["geboortedatum"], p["email"]) == (born, email)
        assert [a["note"] for a in payload["attempts"]] == [note]

        dump = _pg_dump(url)
        assert re.search(r"achternaam bytea", dump) and "COPY" in dump
        # Rows of the plaintext tables are there (a worker's work name): the grep is not vacuous.
        assert "Testmedewerker" in dump
        personal = [
            surname,
            first,
            street,
            email,
            phone,
            "06-87651234",
            born,
            "27-02-1931",
            bsn,
            other_bsn,
            note,
            "9999XA|17",
        ]
        leaks = [s for s in personal if s.casefold() in dump.casefold()]
        assert leaks == []

        # A real laptop store enrols and syncs: the names arrive readable.
        store = new_store(tmp_path / "client" / "veldwerk.db")
        try:
            enroll(store, server_url, worker.username, worker.password)
            assert SyncClient(store).sync().pulled == 1
            with store.session() as s:
                on_laptop = s.execute(select(PersonRow.achternaam, PersonRow.bsn)).all()
                notes = set(s.scalars(select(AttemptRow.note)))
            assert [tuple(r) for r in on_laptop] == [(surname, bsn)] and notes == {note}
        finally:
            store.close()

        # Rotation: re-wrap under a new KEK while the server keeps running.
        new = tmp_path / "kek-new.hex"
        argv = [
            "server",
            "--db",
            url,
            "--data-dir",
            str(tmp_path / "server"),
            "--kek-file",
            str(kek),
            "rotate-key",
            "--new-kek-file",
            str(new),
        ]
        assert main(argv) == 0
        assert new.stat().st_mode & 0o777 == 0o600
        with httpx.Client(base_url=server_url, timeout=60) as http:
            again = http.get("/v1/sync/changes", headers=worker.headers).json()
        assert again["changes"][0]["case"]["people"][0]["achternaam"] == surname
    finally:
        stop()
    with pytest.raises(WrongKek):
        open_server_db(url, data_dir=tmp_path / "server", kek_file=kek)
    fresh = open_server_db(url, data_dir=tmp_path / "server", kek_file=new, migrate=False)
    try:
        with fresh.session() as s:
            names = {r.achternaam for r in s.query(PersonRow).all()}
        assert names == {surname}
    finally:
        fresh.dispose()


def test_revision_seals_existing_rows_and_downgrade_restores_them(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from fieldapp.server.db.column_keys import expect_kek
    from fieldapp.server.migrations.runner import alembic_config

    with pg_schema_url(pg_url_or_skip()) as url:
        kek = tmp_path / "kek.hex"
        new_kek_file(kek)
        old = create_engine(url)
        with old.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), "0002_planning")
            conn.execute(
                text(
                    "INSERT INTO cases (id, address_key, postcode, huisnummer, toevoeging, straat,"
                    " plaats, wijk, status, opened_on, deadline, priority, reasons, meervoudig,"
                    " opeenvolgend, flags, notes, version, created_at, updated_at, lat, lon)"
                    " VALUES ('c1', '9999XB|3|', '9999XB', 3, '', 'Zzoudestraat', 'Testdorp', '',"
                    " 'open', '2026-11-01', '2026-11-29', 1, '[]', false, false, '[]',"
                    " 'Zzoudenotitie', 0, now(), now(), 52.25, 4.5)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO people (id, case_id, identity_key, achternaam, voorletters,"
                    " voorvoegsel, voornaam, geboortedatum, bsn) VALUES ('p1', 'c1',"
                    " 'naam:zzoud|a.|1940-01-02', 'Zzoud', 'A.', '', '', '1940-01-02', NULL)"
                )
            )
        old.dispose()
        db = open_server_db(url, data_dir=tmp_path / "server", kek_file=kek)
        try:
            with db.engine.connect() as conn:
                raw = conn.execute(text("SELECT straat, notes, huisnummer FROM cases")).one()
                key = conn.execute(text("SELECT identity_key FROM people")).scalar_one()
            assert [bytes(v)[:1] for v in raw] == [b"\x01"] * 3 and bytes(key)[:1] == b"\x02"
            with db.session() as s:
                person = s.get(PersonRow, "p1")
                assert person is not None and person.achternaam == "Zzoud"
                assert person.geboortedatum is not None and person.geboortedatum.year == 1940
                from fieldapp.store.schema import CaseRow

                case = s.get(CaseRow, "c1")
                assert case is not None
                assert (case.straat, case.huisnummer, case.lat) == ("Zzoudestraat", 3, 52.25)
                assert case.address_key == "9999XB|3|"
            expect_kek(db.engine, bytes.fromhex(kek.read_text()))
            with db.engine.connect() as conn, conn.begin():
                command.downgrade(alembic_config(conn), "0002_planning")
            with db.engine.connect() as conn:
                back = conn.execute(text("SELECT straat, huisnummer, lat FROM cases")).one()
                born = conn.execute(text("SELECT geboortedatum::text FROM people")).scalar_one()
            assert tuple(back) == ("Zzoudestraat", 3, 52.25) and born == "1940-01-02"
        finally:
            db.dispose()
