"""``fieldapp init`` and ``fieldapp passphrase change``: the laptop's encrypted store."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from fieldapp.cli.common import UsageError, db_path, read_passphrase


def register(sub: Any) -> None:
    sub.add_parser("init", help="maak een nieuwe beveiligde database").set_defaults(func=cmd_init)

    p = sub.add_parser("passphrase", help="wachtwoordzin beheren")
    psub = p.add_subparsers(dest="passphrase_command", required=True)
    change = psub.add_parser("change", help="wijzig de wachtwoordzin")
    change.add_argument("--new-passphrase-file")
    change.set_defaults(func=cmd_passphrase_change)


def cmd_init(args: argparse.Namespace) -> int:
    from fieldapp.store.client_store import Store, store_files_exist

    path = db_path(args)
    if store_files_exist(path):  # refuse before asking for a passphrase twice
        raise FileExistsError(
            f"Op {path} staat al een Veldwerk-database; die wordt niet overschreven. "
            "Kies een andere plek met --db."
        )
    store = Store.create(path, read_passphrase(args, confirm=True))
    store.close()
    print(f"Nieuwe beveiligde database gemaakt: {path}")
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    from fieldapp.store.client_store import Store

    old = read_passphrase(args)
    if args.new_passphrase_file:
        new = Path(args.new_passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            raise UsageError("Geef de nieuwe wachtwoordzin met --new-passphrase-file.")
        new = getpass.getpass("Nieuwe wachtwoordzin: ")
        if getpass.getpass("Nog een keer: ") != new:
            raise UsageError("De twee wachtwoordzinnen zijn niet gelijk.")
    store = Store.open(db_path(args), old)
    try:
        store.change_passphrase(old, new)
    finally:
        store.close()
    print("Wachtwoordzin gewijzigd. De database zelf is niet herschreven.")
    return 0
