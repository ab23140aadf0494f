"""``fieldapp demo``: the synthetic demo town, with its own sync server on loopback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from fieldapp.config import default_paths


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="bouw de demostad en open de app")
    p.add_argument("--no-gui", action="store_true", help="alleen bouwen, geen venster")
    p.add_argument("--households", type=int, default=400, help="aantal huishoudens (standaard 400)")
    p.add_argument(
        "--rebuild", action="store_true", help="gooi de demodatabase weg en bouw opnieuw"
    )
    p.add_argument(
        "--teamleider",
        action="store_true",
        help="open de demo als teamleider (het bureau: binnengekomen, toewijzen, weekplanning)",
    )
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from fieldapp.demo import DEMO_PASSPHRASE, ensure_demo_store, running_demo_server

    gui = getattr(args, "gui", None)
    path = Path(args.db) if args.db else default_paths().demo_db_path
    if gui is not None and not args.no_gui:
        from fieldapp.support.gui_preflight import gui_problem

        problem = gui_problem(os.environ)  # say so before minutes of building
        if problem is not None:
            print(f"fieldapp: {problem}", file=sys.stderr)
            return 2
    if getattr(args, "teamleider", False):
        return _lead_demo(args, path, gui)

    def waiting() -> None:
        print(
            "Er wordt al een demo gebouwd (door een andere start); even wachten…",
            file=sys.stderr,
            flush=True,
        )

    info = ensure_demo_store(
        path, households=args.households, rebuild=args.rebuild, on_wait=waiting
    )
    if args.no_gui or gui is None:
        print(info.summary())
        return 0
    # The demo's own sync server runs beside the window, on loopback, for as long as it is open.
    with running_demo_server(path):
        result: int = gui(path, DEMO_PASSPHRASE)
        return result


def _lead_demo(args: argparse.Namespace, path: Path, gui: Any) -> int:
    from fieldapp.demo import DEMO_PASSPHRASE
    from fieldapp.demo_lead import ensure_lead_demo, running_lead_demo_server

    info = ensure_lead_demo(path, households=args.households, rebuild=args.rebuild)
    if args.no_gui or gui is None:
        print(info.summary())
        return 0
    with running_lead_demo_server(path):
        result: int = gui(info.path, DEMO_PASSPHRASE)
        return result
