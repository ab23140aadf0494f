"""Before Qt starts: a missing display or missing system libraries give a Dutch message and
exit 2, never Qt's abort with a core dump (issue 11 item 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fieldapp.support import gui_preflight
from fieldapp.support.gui_preflight import MSG_NO_DISPLAY, gui_problem, package_for

ROOT = Path(__file__).resolve().parents[2]
MISSING = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]


def _child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.update({"PYTHONPATH": str(ROOT), **extra})
    return env


def test_no_display_exits_2_with_the_no_gui_hint_before_qt(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ui.main", "--db", str(tmp_path / "veldwerk.db")],
        capture_output=True,
        text=True,
        env=_child_env(),
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "geen beeldscherm gevonden" in done.stderr
    assert "fieldapp demo --no-gui" in done.stderr
    assert "Reinstalling" not in done.stderr and "Aborted" not in done.stderr


def test_demo_without_display_says_so_before_building(tmp_path: Path) -> None:
    db = tmp_path / "demo" / "veldwerk-demo.db"
    done = subprocess.run(
        [sys.executable, "-m", "ui.main", "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        env=_child_env(),
        timeout=120,
    )
    assert done.returncode == 2 and "geen beeldscherm gevonden" in done.stderr
    assert not db.exists()  # nothing built for a window that cannot open


def test_missing_libraries_are_named_with_the_apt_command() -> None:
    message = gui_problem({"DISPLAY": ":0"}, platform="linux", find_missing=lambda: MISSING)
    assert message is not None
    for name in MISSING:
        assert name in message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0" in message


def test_headless_platforms_and_other_systems_need_nothing() -> None:
    def boom() -> list[str]:
        raise AssertionError("no library check for a headless platform")

    assert (
        gui_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux", find_missing=boom) is None
    )
    assert gui_problem({}, platform="win32", find_missing=boom) is None
    assert gui_problem({}, platform="darwin", find_missing=boom) is None
    assert (
        gui_problem({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux", find_missing=boom) is None
    )
    assert gui_problem({}, platform="linux", find_missing=boom) == MSG_NO_DISPLAY
    assert (
        gui_problem({"QT_QPA_PLATFORM": "xcb"}, platform="linux", find_missing=boom)
        == MSG_NO_DISPLAY
    )
    assert gui_problem({"DISPLAY": ":0"}, platform="linux", find_missing=list) is None


def test_package_names_follow_debian() -> None:
    assert package_for("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert package_for("libglib-2.0.so.0") == "libglib2.0-0"
    assert package_for("libEGL.so.1") == "libegl1"


def test_without_ldd_each_library_is_tried_with_dlopen(monkeypatch) -> None:
    monkeypatch.setattr(gui_preflight.shutil, "which", lambda name: None)
    monkeypatch.setattr(
        gui_preflight, "XCB_LIBRARIES", ("libc.so.6", "libveldwerk-bestaat-niet.so.9")
    )
    assert gui_preflight.missing_xcb_libraries() == ["libveldwerk-bestaat-niet.so.9"]


def test_readme_names_the_system_packages() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in ("python3-venv", "libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"):
        assert package in text
    assert "Ctrl-C" in text
