"""``fieldapp doctor``: each check on real inputs, the report free of personal data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.support.deployment import DeploymentInvalid, load_deployment
from fieldapp.support.doctor import (
    Status,
    _clock_check,
    check_data_folder,
    check_qt_libraries,
    check_server,
    shown_path,
)
from fieldapp.support.gui_preflight import debian_package
from tests.server.helpers import server_database


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libGL.so.1", "libgl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
    ],
)
def test_missing_library_names_the_debian_package(soname: str, package: str) -> None:
    assert debian_package(soname) == package


def test_missing_qt_libraries_fail_for_a_window_and_warn_headless(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    check = check_qt_libraries(["libxcb-icccm.so.4"])
    assert check.status is Status.FAIL
    assert "sudo apt-get install libxcb-icccm4" in check.detail
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert check_qt_libraries(["libxcb-icccm.so.4"]).status is Status.WARN
    assert check_qt_libraries([]).status is Status.OK


def test_data_folder_readable_by_others_is_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "veldwerk"
    assert check_data_folder(folder).status is Status.OK  # not there yet, parent writable
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    warned = check_data_folder(folder)
    assert warned.status is Status.WARN and "chmod 700" in warned.detail
    folder.chmod(0o700)
    assert check_data_folder(folder).status is Status.OK


def test_paths_under_home_are_shown_without_the_user_name() -> None:
    shown = shown_path(Path.home() / ".local" / "share" / "veldwerk")
    assert shown == "~/.local/share/veldwerk"


def test_clock_skew_of_ten_minutes_is_a_warning() -> None:
    now = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    server = format_datetime(now - timedelta(minutes=10), usegmt=True)
    check = _clock_check(server, now=now)
    assert check.status is Status.WARN and "10 minuten voor" in check.detail
    assert _clock_check(format_datetime(now, usegmt=True), now=now).status is Status.OK


def test_server_check_against_a_real_server_on_loopback(tmp_path: Path) -> None:
    with server_database("sqlite", tmp_path) as db:
        url, stop = start_embedded_server(
            None, db=db, settings=ServerSettings(fast_password_hash=True)
        )
        try:
            checks = {c.name: c for c in check_server(url, None)}
        finally:
            stop()
    assert checks["server"].status is Status.OK
    assert "serverversie" in checks["server"].detail
    assert checks["protocol"].status is Status.OK
    assert checks["klok"].status is Status.OK


def test_server_that_is_gone_is_reported_not_raised() -> None:
    [check] = check_server("http://127.0.0.1:9", None)
    assert check.status is Status.FAIL and "geen verbinding" in check.detail


def test_deployment_file_is_read_and_wrong_types_are_refused(tmp_path: Path) -> None:
    good = tmp_path / "veldwerk.toml"
    good.write_text('[server]\nurl = "https://veldwerk.example.nl"\nca_bundle = "ca.pem"\n')
    deployment = load_deployment([tmp_path / "missing.toml", good])
    assert deployment.server_url == "https://veldwerk.example.nl"
    assert deployment.ca_bundle == Path("ca.pem") and deployment.source == good
    bad = tmp_path / "bad.toml"
    bad.write_text("[server]\nurl = 42\n")
    with pytest.raises(DeploymentInvalid, match=r"server\.url"):
        load_deployment([bad])
    assert load_deployment([tmp_path / "none.toml"]).server_url is None


def test_doctor_command_starts_qt_and_prints_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("FIELDAPP_CONFIG", str(tmp_path / "geen.toml"))
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    code = main(["--db", str(data / "veldwerk.db"), "doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    checks = {c["check"]: c for c in report["checks"]}
    assert checks["Qt starten"]["status"] == "ok", checks["Qt starten"]
    assert checks["SQLCipher"]["status"] == "ok"
    assert checks["lettertypen"]["status"] == "ok"
    assert checks["gegevensmap"]["status"] == "ok"
    assert checks["server"]["status"] == "overgeslagen"
    assert code == (1 if report["status"] == "fout" else 0)
