"""Cost of PostgreSQL's sealed person columns: write and read N people through the real
``people`` table (sealed: AES-256-GCM per value, blind index for BSN and identity key) against
a plain twin table with the same columns as text, in the same schema and the same run.

    . .ci/postgres.sh   # or export FIELDAPP_TEST_PG_URL yourself
    .venv/bin/python benchmarks/pg_sealed_columns.py [--people 5000]

Prints seconds and the ratio sealed / plain for insert, full read and a BSN lookup batch.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Column, Date, MetaData, String, Table, create_engine, insert, select, text

from fieldapp.server.db.open import open_server_db
from fieldapp.store.schema import CaseRow, PersonRow

_PLAIN = MetaData()
PLAIN_PEOPLE = Table(
    "people_plain_bench",
    _PLAIN,
    Column("id", String(36), primary_key=True),
    Column("case_id", String(36)),
    Column("identity_key", String(200)),
    Column("achternaam", String(200)),
    Column("voorletters", String(20)),
    Column("voornaam", String(100)),
    Column("geboortedatum", Date),
    Column("bsn", String(9)),
    Column("telefoon", String(20)),
    Column("email", String(200)),
)


def _people(case_id: str, n: int) -> list[dict[str, object]]:
    rows = []
    for i in range(n):
        bsn = f"9999{i:05d}"
        rows.append(
            {
                "id": str(uuid.uuid4()),
                "case_id": case_id,
                "identity_key": f"bsn:{bsn}",
                "achternaam": f"Zzbench{i}",
                "voorletters": "B.",
                "voornaam": "Bench",
                "geboortedatum": date(1950, 1, 1) + timedelta(days=i % 20000),
                "bsn": bsn,
                "telefoon": "0612345678",
                "email": f"b{i}@example.nl",
            }
        )
    return rows


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--db", default=os.environ.get("FIELDAPP_TEST_PG_URL", ""))
    args = parser.parse_args()
    if not args.db.startswith("postgresql"):
        print("needs PostgreSQL: source .ci/postgres.sh or pass --db", file=sys.stderr)
        return 2
    schema = f"bench_{secrets.token_hex(4)}"
    admin = create_engine(args.db)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in args.db else "?"
    url = f"{args.db}{sep}options=-csearch_path%3D{schema}"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_server_db(url, data_dir=Path(tmp) / "server")
            _PLAIN.create_all(db.engine)
            case_id = str(uuid.uuid4())
            today = date.today()
            with db.session() as s, s.begin():
                s.add(CaseRow(id=case_id, status="open", opened_on=today, deadline=today))
            rows = _people(case_id, args.people)
            people = PersonRow.__table__
            wanted = [str(r["bsn"]) for r in rows[:: max(1, args.people // 500)]]
            figures: dict[str, tuple[float, float]] = {}
            with db.engine.begin() as conn:
                figures["insert"] = (
                    _timed(lambda: conn.execute(insert(people), rows)),
                    _timed(lambda: conn.execute(insert(PLAIN_PEOPLE), rows)),
                )
            with db.engine.connect() as conn:
                figures["read all"] = (
                    _timed(lambda: conn.execute(select(people)).all()),
                    _timed(lambda: conn.execute(select(PLAIN_PEOPLE)).all()),
                )
                figures[f"{len(wanted)} BSN lookups (IN)"] = (
                    _timed(
                        lambda: conn.execute(select(people).where(people.c.bsn.in_(wanted))).all()
                    ),
                    _timed(
                        lambda: conn.execute(
                            select(PLAIN_PEOPLE).where(PLAIN_PEOPLE.c.bsn.in_(wanted))
                        ).all()
                    ),
                )
            db.dispose()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    print(f"PostgreSQL, {args.people} people: sealed vs plain columns, same schema, same run")
    for name, (sealed, plain) in figures.items():
        print(
            f"  {name:<24} sealed {sealed:7.3f} s  plain {plain:7.3f} s"
            f"  ratio {sealed / plain:5.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
