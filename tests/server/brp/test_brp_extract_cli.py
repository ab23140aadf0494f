"""The extract backend through the CLI: import (all or nothing, sealed at rest), check with
it, the manual queue and record; config errors; and the check after a server import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.brp.config import parse_config
from fieldapp.cli import main
from fieldapp.errors import InputRefused
from fieldapp.server.brp_extract import current_extract
from fieldapp.server.db.brp_schema import BrpCheckRow, BrpExtractPersonRow, BrpQueryRow
from fieldapp.server.db.open import open_server_db
from fieldapp.store.schema import CaseRow, SignalRow
from tests.server.brp.people import add_case, synthetic_bsn

HEADER = (
    "burgerservicenummer,voorvoegsel,geslachtsnaam,geboortedatum,datum_overlijden,"
    "reden_opschorting,gemeente_inschrijving,huisnummer,huisletter,toevoeging,postcode,"
    "verblijfsobject_id"
)
ORG = 'gemeente = "Gemeente Proefstad"\ngemeentecode = "0344"\nkvk_nummer = "12345678"\n'


def _line(bsn: str, naam: str, geb: str, ovl: str, reden: str, gem: str, nr: str, pc: str) -> str:
    return f"{bsn},,{naam},{geb},{ovl},{reden},{gem},{nr},,,{pc},{'0344010000000099' if pc else ''}"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "server"
    folder.mkdir()
    (folder / "organisatie.toml").write_text(ORG, encoding="utf-8")
    (folder / "brp.toml").write_text('backend = "extract"\ntaak = "Vroegsignalering"\n')
    return folder


def _cli(data_dir: Path, *args: str) -> int:
    return main(["server", "--data-dir", str(data_dir), "brp", *args])


def test_extract_import_is_all_or_nothing_and_checks_use_it(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_server_db(None, data_dir=data_dir)
    dead = add_case(db, bsn=synthetic_bsn(0))
    moved = add_case(db, bsn=synthetic_bsn(1), huisnummer=2)
    by_name = add_case(db, achternaam="van den Heuvel", geboren=date(1990, 1, 2), huisnummer=5)
    unknown = add_case(db, bsn=synthetic_bsn(3), huisnummer=9)
    db.dispose()
    good = tmp_path / "extract.csv"
    good.write_text(
        "\n".join(
            [
                HEADER,
                _line(synthetic_bsn(0), "Testpersoon", "19800517", "20261102", "O", "0344", "", ""),
                _line(synthetic_bsn(1), "Testpersoon", "19800517", "", "", "0344", "30", "3519KK"),
                _line(synthetic_bsn(2), "Heuvel", "19900102", "", "", "0344", "5", "3511AA"),
            ]
        ),
        encoding="utf-8",
    )
    assert _cli(data_dir, "check") == 1  # no extract yet: clear error, nothing changed
    assert "nog geen BRP-extract" in capsys.readouterr().err
    assert _cli(data_dir, "import-extract", str(good), "--peildatum", "2026-11-30") == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER + "\n" + _line("111111111", "X", "19800517", "", "", "0344", "1", "3511AA"),
        encoding="utf-8",
    )
    assert _cli(data_dir, "import-extract", str(bad), "--peildatum", "2026-12-01") == 2
    out = capsys.readouterr()
    assert "rij 2, burgerservicenummer" in out.out and "111111111" not in out.out + out.err
    db = open_server_db(None, data_dir=data_dir)
    with db.session() as s:
        info = current_extract(s)
        assert info is not None and info.peildatum == date(2026, 11, 30) and info.persons == 3
        sealed = " ".join(s.scalars(select(BrpExtractPersonRow.sealed)))
        assert synthetic_bsn(0) not in sealed and "Heuvel" not in sealed
    db.dispose()
    assert _cli(data_dir, "check", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["by_verdict"] == {"handmatig": 1, "inwoner": 1, "overleden": 1, "verhuisd": 1}
    db = open_server_db(None, data_dir=data_dir)
    with db.session() as s:
        assert s.get(SignalRow, dead[2]).status == "Inwoner is overleden"  # type: ignore[union-attr]
        assert s.get(CaseRow, moved[0]).address_key == "3519KK|30|"  # type: ignore[union-attr]
        assert s.get(SignalRow, by_name[2]).status == "Opgepakt"  # type: ignore[union-attr]
        kinds = sorted({q.kind for q in s.scalars(select(BrpQueryRow))})
        assert kinds == ["extract_adres", "extract_bsn"]
        [queued] = s.scalars(select(BrpCheckRow).where(BrpCheckRow.state == "handmatig")).all()
        assert queued.case_id == unknown[0]
    db.dispose()
    assert _cli(data_dir, "queue") == 0
    assert "Niet gevonden in de BRP" in capsys.readouterr().out
    assert _cli(data_dir, "record", queued.id, "--uitkomst", "andere_gemeente") == 0
    assert _cli(data_dir, "record", queued.id, "--uitkomst", "inwoner") == 2  # already done
    assert _cli(data_dir, "record", queued.id, "--uitkomst", "zomaar") == 2
    db = open_server_db(None, data_dir=data_dir)
    with db.session() as s:
        status = s.get(SignalRow, unknown[2]).status  # type: ignore[union-attr]
        assert status == "Persoon is geen inwoner (meer) in de gemeente"
    db.dispose()


def test_without_brp_toml_the_command_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "--data-dir", str(tmp_path), "brp", "check"]) == 1
    assert "Geen brp.toml" in capsys.readouterr().err


def test_config_errors_name_the_setting_never_the_value(tmp_path: Path) -> None:
    codes = frozenset({"0344"})
    with pytest.raises(InputRefused, match="backend"):
        parse_config('backend = "soap"', base=tmp_path, default_codes=codes)
    with pytest.raises(InputRefused, match="https"):
        parse_config(
            'backend = "haal_centraal"\n[haal_centraal]\nurl = "http://x"',
            base=tmp_path,
            default_codes=codes,
        )
    with pytest.raises(InputRefused, match="cert_file"):
        parse_config(
            'backend = "haal_centraal"\n[haal_centraal]\nurl = "https://gw.example"\n'
            'cert_file = "geheim-pad.pem"',
            base=tmp_path,
            default_codes=codes,
        )
    with pytest.raises(InputRefused, match="gemeentecodes"):
        parse_config('backend = "extract"', base=tmp_path, default_codes=frozenset())
    (tmp_path / "secret").write_text("s3cret\n")
    config = parse_config(
        'backend = "haal_centraal"\n[haal_centraal]\nurl = "https://gw.example/personen"\n'
        'token_url = "https://gw.example/token"\nclient_id = "abc"\n'
        'client_secret_file = "secret"\nmax_retries = 2',
        base=tmp_path,
        default_codes=codes,
    )
    assert config.gateway is not None and config.gateway.client_secret == "s3cret"
    assert "s3cret" not in repr(config)


def test_cli_check_through_the_configured_gateway(
    data_dir: Path,
    brp_url: str,
    pki,
    fake,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    from tests.server.brp.fake_brp import CLIENT_ID, CLIENT_SECRET
    from tests.server.brp.people import persoon

    (data_dir / "brp.secret").write_text(CLIENT_SECRET + "\n", encoding="utf-8")
    (data_dir / "brp.toml").write_text(
        'backend = "haal_centraal"\ntaak = "Vroegsignalering schulden"\n[haal_centraal]\n'
        f'url = "{brp_url}/haalcentraal/api/brp/personen"\ntoken_url = "{brp_url}/token"\n'
        f'client_id = "{CLIENT_ID}"\nclient_secret_file = "brp.secret"\n'
        f'cert_file = "{pki.client_cert}"\nkey_file = "{pki.client_key}"\nca_file = "{pki.ca}"\n',
        encoding="utf-8",
    )
    fake.people.append(persoon(synthetic_bsn(0), overleden=date(2026, 11, 2)))
    db = open_server_db(None, data_dir=data_dir)
    _, _, signal_id = add_case(db, bsn=synthetic_bsn(0))
    db.dispose()
    assert _cli(data_dir, "check", "--json") == 0
    assert json.loads(capsys.readouterr().out)["by_verdict"] == {"overleden": 1}
    assert fake.headers[0]["x-task-description"] == "Vroegsignalering schulden"
    assert fake.headers[0]["x-user"].startswith("cli:")
    db = open_server_db(None, data_dir=data_dir)
    with db.session() as s:
        assert s.get(SignalRow, signal_id).status == "Inwoner is overleden"  # type: ignore[union-attr]
    db.dispose()
    fake.fail_429, fake.retry_after = 99, "0"  # the BRP is down: clear error, nothing changed
    assert _cli(data_dir, "check", "--all-open") == 1
    assert "niets veranderd" in capsys.readouterr().err
