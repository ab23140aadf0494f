"""``fieldapp server purge`` and ``server opt-out`` on the embedded server database."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select, update

from fieldapp.cli import main
from fieldapp.server.db.open import open_server_db
from fieldapp.store.schema import CaseRow, PersonRow, SignalRow
from tests.server.helpers import make_cases


def test_purge_dry_run_then_purge_and_opt_out_commands(tmp_path: Path, capsys) -> None:
    data = tmp_path / "server"
    db = open_server_db(None, data_dir=data)
    try:
        [(old, _), (fresh, _)] = make_cases(db, team="A", worker_id=None, count=2)
        long_ago = date.today() - timedelta(days=400)
        with db.session() as s, s.begin():
            s.execute(update(CaseRow).where(CaseRow.id == old).values(opened_on=long_ago))
            s.execute(
                update(SignalRow).where(SignalRow.case_id == old).values(received_on=long_ago)
            )
    finally:
        db.dispose()
    base = ["server", "--data-dir", str(data)]
    capsys.readouterr()
    assert main([*base, "purge", "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cases"] == 1
    assert main([*base, "purge", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "dry_run": False,
        "cases": 1,
        "people": 1,
        "signals": 1,
        "attempts": 0,
    }
    db = open_server_db(None, data_dir=data, migrate=False)
    try:
        with db.session() as s:
            assert [p.case_id for p in s.scalars(select(PersonRow))] == [fresh]
    finally:
        db.dispose()

    add = [*base, "opt-out", "add", "--postcode", "9999zz", "--huisnummer", "7"]
    assert main([*add, "--soort", "onveilig"]) == 2  # needs --bezoek
    assert main([*add, "--soort", "onveilig", "--bezoek", "duo"]) == 0
    capsys.readouterr()
    assert main([*base, "opt-out", "list"]) == 0
    listing = capsys.readouterr().out
    assert "onveilig  duo  adres 9999…" in listing
    entry_id = listing.split()[0]
    assert main([*base, "opt-out", "remove", entry_id]) == 0
    assert main([*base, "opt-out", "remove", entry_id]) == 2
