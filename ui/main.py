"""Console entry point: the core CLI, plus the window for "no command" and ``demo``.

Kept free of Qt imports at module level so headless commands (``import``, ``serve``,
``demo --no-gui``) start fast and work on machines without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fieldapp.cli import main as cli_main


def _launch_gui(db_path: Path, demo_passphrase: str | None) -> int:
    from ui.app import run_app  # Qt is imported only when a window is wanted

    return run_app(db_path, demo_passphrase=demo_passphrase)


def main() -> int:
    return cli_main(sys.argv[1:], gui=_launch_gui)


if __name__ == "__main__":
    raise SystemExit(main())
