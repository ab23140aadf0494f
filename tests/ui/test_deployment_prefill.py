"""The server address that IT rolled out pre-fills the first-run connect form."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.dialogs.connect_dialog import ServerForm


def test_connect_form_is_prefilled_from_the_deployment_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "veldwerk.toml"
    config.write_text(
        '[server]\nurl = "https://veldwerk.example.nl"\nca_bundle = "/etc/veldwerk/ca.pem"\n'
    )
    monkeypatch.setenv("FIELDAPP_CONFIG", str(config))
    form = ServerForm()
    qtbot.addWidget(form)
    assert form.url.text() == "https://veldwerk.example.nl"
    assert form.ca_bundle.text() == "/etc/veldwerk/ca.pem"
    assert form.username.text() == ""  # only what IT set; never a user or password


def test_a_broken_deployment_file_leaves_the_form_empty(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "veldwerk.toml"
    config.write_text("[server\n")
    monkeypatch.setenv("FIELDAPP_CONFIG", str(config))
    form = ServerForm()
    qtbot.addWidget(form)
    assert form.url.text() == ""
