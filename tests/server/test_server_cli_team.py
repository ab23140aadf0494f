"""The host's admin imports and assigns with the same rules as the desk's API."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.cli import main as cli_main
from fieldapp.server.db.schema import AuditEventRow, CaseTeamRow, ChangeLogRow
from fieldapp.store.schema import CaseRow
from tests.server.helpers import make_actor, make_cases, server_database

CSV = (
    "signaal_id;signaalpartner;bedrag;signaaldatum;achternaam;postcode;huisnummer\n"
    "ADM-1;Energie;120;2026-11-01;Zzadmin;1234AB;5\n"
    "ADM-2;Water;80;2026-11-01;Zzadmin;1234AB;7\n"
)


def test_server_import_and_assign_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with server_database("sqlite", tmp_path) as db:
        worker = make_actor(db, "wout", "worker", "noord")
        make_actor(db, "zuid-werker", "worker", "zuid")
        [(other_case, _name)] = make_cases(db, team="zuid", worker_id=None)
        data_dir = Path(str(db.engine.url.database)).parent
        signals = tmp_path / "signalen.csv"
        signals.write_text(CSV, encoding="utf-8")
        base = ["server", "--data-dir", str(data_dir)]
        assert cli_main([*base, "import", str(signals), "--team", "noord"]) == 0
        assert "2 nieuwe zaken voor noord" in capsys.readouterr().out
        with db.session() as s:
            new = list(s.scalars(select(CaseTeamRow.case_id).where(CaseTeamRow.team == "noord")))
        assert len(new) == 2
        assert cli_main([*base, "cases", "assign", *new, "--to", worker.username]) == 0
        # A case of another team is refused, nothing changes.
        assert cli_main([*base, "cases", "assign", other_case, "--to", worker.username]) == 1
        assert "horen niet bij dit team" in capsys.readouterr().err
        with db.session() as s:
            owners = {s.get(CaseRow, cid).assigned_worker_id for cid in new}  # type: ignore[union-attr]
            other = s.get(CaseRow, other_case)
            feed = list(s.scalars(select(ChangeLogRow.scope)))
            actions = set(s.scalars(select(AuditEventRow.action)))
        assert owners == {worker.worker_id}
        assert other is not None and other.assigned_worker_id is None
        assert f"w:{worker.worker_id}" in feed  # the worker's laptop gets the cases
        assert {"import", "assign"} <= actions
