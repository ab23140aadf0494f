"""Console entry point: the core CLI, plus the window for "no command" and ``demo``.

Kept free of Qt imports at module level so headless commands (``import``, ``serve``,
``demo --no-gui``) start fast and work on machines without a display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fieldapp.cli import main as cli_main


def _launch_gui(db_path: Path, demo_passphrase: str | None) -> int:
    from fieldapp.support.gui_preflight import gui_problem

    problem = gui_problem(os.environ)  # before Qt: a missing library makes Qt abort (rc 134)
    if problem is not None:
        print(f"fieldapp: {problem}", file=sys.stderr)
        return 2
    # Qt is imported only when a window is wanted, and then the unlock screen comes first
    # (ui.boot); the rest of the app is imported while the passphrase is typed.
    from ui.boot import run

    return run(db_path, demo_passphrase=demo_passphrase)


def _qt_probe() -> int:
    """``fieldapp doctor`` starts this in a child: can Qt open its platform here at all?"""
    from ui.qt import QApplication

    app = QApplication(sys.argv[:1])
    print(f"QT-OK {app.platformName()}", flush=True)
    return 0


def main() -> int:
    if os.environ.get("FIELDAPP_QT_PROBE") == "1":
        return _qt_probe()
    return cli_main(sys.argv[1:], gui=_launch_gui)


if __name__ == "__main__":
    raise SystemExit(main())
