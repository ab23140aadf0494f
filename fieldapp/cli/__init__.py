"""The ``fieldapp`` command line: the same services the UI uses, headless.

One module per command group, each with ``register(sub)`` adding its argparse parsers; every
leaf sets ``func(args) -> int``. The console script enters through ``ui.main`` only so that "no
command" and ``demo`` can open the window; everything here stays Qt-free (``gui`` is a callable
handed in from outside and reaches commands as ``args.gui``).

Exit codes: 0 done (rejected rows are reported, not fatal) · 1 other error (usage, a store
already there, a failed check) · 2 input refused (a file that cannot be imported, an export or
print that would be wrong; nothing written) · 3 wrong passphrase · 4 store missing, corrupt or
too new · 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from fieldapp import __version__
from fieldapp.cli.common import GuiLauncher, db_path
from fieldapp.errors import FieldAppError

log = logging.getLogger("fieldapp")

# The command groups, in the order ``--help`` lists them. Add a group: a module here with
# ``register(sub)``, and its name below.
GROUPS: tuple[str, ...] = (
    "store",
    "cases",
    "demo",
    "export",
    "letters",
    "server",
    "connect",
    "doctor",
    "plan",
    "report",
    "shifts",
    "profile",
    "language",
)


def _group_registrars() -> list[Callable[[Any], None]]:
    found: list[Callable[[Any], None]] = []
    for name in GROUPS:
        module = importlib.import_module(f"fieldapp.cli.{name}")
        found.append(module.register)
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="Veldwerk: versleutelde veldapp voor vroegsignalering.",
    )
    parser.add_argument("--db", help="pad naar de database (standaard: gebruikersmap)")
    parser.add_argument("--passphrase-file", help="bestand met de wachtwoordzin (eerste regel)")
    parser.add_argument("--policy", help="afwegingskader (TOML); standaard het meegeleverde")
    parser.add_argument("--version", action="version", version=f"Veldwerk {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="meer meldingen (geen persoonsgegevens)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDO")
    for register in _group_registrars():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, gui: GuiLauncher | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.gui = gui
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.policy:  # also the window's policy (config.load_policy's default)
            from pathlib import Path

            from fieldapp.config import load_policy, use_policy_file

            use_policy_file(Path(args.policy))
            load_policy()  # a broken file fails here, before any window or store opens
        if args.command is None:
            if gui is None:
                parser.print_help()
                return 1
            return gui(db_path(args), None)
        result: int = args.func(args)
        return result
    except FieldAppError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return exc.exit_code
    except FileExistsError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("fieldapp: afgebroken", file=sys.stderr)
        return 130
