"""Build the saved old-schema store used by the migration tests (run by hand, then commit).

    .venv/bin/python -m tests.migrations.make_fixture [--force]     # from the repo root

Writes tests/fixtures/store_rev0001.db and store_rev0001.db.keys: a real SQLCipher store at
schema revision 0001 (before drafts/opt_outs existed), protected by FIXTURE_PASSPHRASE with
FAST_TEST_PARAMS. All data is synthetic (invented names, a non-existent address, a BSN-less
person). The passphrase is public on purpose: this file protects nothing.

Rows are written through a schema *reflected* from the 0001 database, never through today's
ORM classes, so the fixture really has the old shape.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import MetaData

from fieldapp.store import key_slots
from fieldapp.store.engine import open_engine
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.migrations.runner import alembic_config, current_revision

FIXTURE_PASSPHRASE = "fixture wachtwoordzin 0001"
FIXTURE_REVISION = "0001"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DB_NAME = "store_rev0001.db"

CASE = {
    "id": "11111111-1111-4111-8111-111111111111",
    "address_key": "9999ZZ|12|A",
    "postcode": "9999ZZ",
    "huisnummer": 12,
    "toevoeging": "A",
    "straat": "Proefstraat",
    "plaats": "Testdorp",
    "wijk": "Noord",
    "lat": 52.1,
    "lon": 5.1,
    "status": "open",
    "opened_on": date(2026, 3, 2),
    "deadline": date(2026, 4, 2),
    "priority": 2,
    "reasons": ["huur"],
    "meervoudig": False,
    "opeenvolgend": False,
    "flags": [],
    "notes": "",
    "assigned_worker_id": None,
    "resultaat": None,
    "closed_at": None,
    "datum_opgepakt": None,
    "matchingsdatum": None,
    "matching_start": None,
    "matching_end": None,
    "version": 1,
    "purge_after": None,
    "created_at": datetime(2026, 3, 2, 8, 0, 0),
    "updated_at": datetime(2026, 3, 2, 8, 0, 0),
}
PERSON = {
    "id": "22222222-2222-4222-8222-222222222222",
    "case_id": CASE["id"],
    "identity_key": "fixtura|t|1980-01-01",
    "achternaam": "Fixtura",
    "voorletters": "T.",
    "voorvoegsel": "",
    "voornaam": "Testje",
    "geboortedatum": date(1980, 1, 1),
    "geslacht": None,
    "bsn": None,
    "bsn_invalid": None,
    "telefoon": None,
    "email": None,
}
SIGNAL = {
    "id": "33333333-3333-4333-8333-333333333333",
    "partner": "woningcorporatie",
    "external_id": "FIXTURE-0001",
    "case_id": CASE["id"],
    "person_id": PERSON["id"],
    "status": "nieuw",
    "bedrag_cents": 123456,
    "ontstaansdatum": date(2026, 1, 1),
    "signaaldatum": date(2026, 3, 1),
    "received_on": date(2026, 3, 2),
    "crisissignaal": False,
    "warme_overdracht": False,
    "flags": [],
    "address_key": CASE["address_key"],
    "import_id": None,
}
ATTEMPT = {
    "id": "44444444-4444-4444-8444-444444444444",
    "case_id": CASE["id"],
    "soort": "huisbezoek",
    "bereikt": False,
    "occurred_at": datetime(2026, 3, 3, 9, 30, 0),
    "dagdeel": "ochtend",
    "outcome": None,
    "note": "niemand thuis",
    "worker_id": None,
    "device_id": None,
    "voids": None,
    "void_reason": "",
    "created_at": datetime(2026, 3, 3, 9, 31, 0),
    "sync_state": "pending",
    "acked_at": None,
    "server_epoch_at_ack": None,
}


def build(directory: Path, *, force: bool = False) -> Path:
    db_path = directory / DB_NAME
    slot_path = key_slots.slot_path_for(db_path)
    if force:
        for p in (db_path, slot_path):
            p.unlink(missing_ok=True)
    elif db_path.exists() or slot_path.exists():
        raise SystemExit(f"{db_path} exists; pass --force to rebuild it")
    directory.mkdir(parents=True, exist_ok=True)
    dek = key_slots.new_dek()
    key_slots.create_slots(
        slot_path, dek, FIXTURE_PASSPHRASE, db_id="fixture-rev0001", params=FAST_TEST_PARAMS
    )
    engine = open_engine(db_path, dek)
    try:
        with engine.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), FIXTURE_REVISION)
        meta = MetaData()
        with engine.begin() as conn:
            meta.reflect(conn)
            assert "drafts" not in meta.tables and "opt_outs" not in meta.tables
            for table, row in (
                ("cases", CASE),
                ("people", PERSON),
                ("signals", SIGNAL),
                ("attempts", ATTEMPT),
            ):
                conn.execute(meta.tables[table].insert(), row)
        assert current_revision(engine) == FIXTURE_REVISION
    finally:
        engine.dispose()
        key_slots.wipe(dek)
    for suffix in ("-wal", "-shm"):
        assert not db_path.with_name(db_path.name + suffix).exists()
    return db_path


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--force", action="store_true", help="rebuild an existing fixture")
    args = parser.parse_args(argv)
    print(build(FIXTURES, force=args.force))


if __name__ == "__main__":
    main(sys.argv[1:])
