"""``fieldapp connect`` and ``fieldapp sync``: this laptop and the team's server.

Passwords come from ``--password-file``, ``$FIELDAPP_SERVER_PASSWORD`` or a prompt; never from
the command line (shell history, ``ps``).
"""

from __future__ import annotations

import argparse
from typing import Any

from fieldapp.cli.common import open_store
from fieldapp.cli.server import ServerUsageError, read_server_password


def register(sub: Any) -> None:
    p = sub.add_parser("connect", help="meld deze laptop aan bij een server")
    p.add_argument("url", nargs="?", help="adres van de server (of --server)")
    p.add_argument("--server", dest="server_url", help="adres van de server")
    p.add_argument("--user", required=True)
    p.add_argument("--password-file")
    p.add_argument("--ca-bundle", help="CA-certificaten (PEM) voor een eigen certificaat")
    p.set_defaults(func=cmd_connect)

    p = sub.add_parser(
        "recover", help="wachtwoordzin vergeten: herstel met een code van je teamleider"
    )
    p.add_argument("--server", dest="server_url", required=True, help="adres van de server")
    p.add_argument("--user", required=True)
    p.add_argument("--ticket", required=True, help="de eenmalige herstelcode van je teamleider")
    p.add_argument("--password-file")
    p.add_argument("--new-passphrase-file", help="bestand met de nieuwe wachtwoordzin")
    p.add_argument("--ca-bundle", help="CA-certificaten (PEM) voor een eigen certificaat")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("sync", help="synchroniseer nu met de server")
    p.set_defaults(func=cmd_sync)


def cmd_connect(args: argparse.Namespace) -> int:
    args.url = args.server_url or args.url
    if not args.url:
        raise ServerUsageError("Geef het adres van de server: fieldapp connect --server URL.")
    from fieldapp.services.identity import enroll

    store = open_store(args)
    try:
        reply = enroll(
            store,
            args.url,
            args.user,
            read_server_password(args, "Wachtwoord op de server: "),
            ca_bundle=args.ca_bundle,
        )
    finally:
        store.close()
    print(f"aangemeld als {args.user} ({reply.role}); apparaat {reply.device_id}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from fieldapp.services.sync_client import SyncClient

    store = open_store(args)
    try:
        result = SyncClient(store).sync()
    finally:
        if store.is_open:
            store.close()
    if result.wiped:
        print("deze laptop is ingetrokken: de gegevens zijn gewist")
        return 0
    print(
        f"verstuurd {result.pushed} (nieuw {result.accepted}, al bekend {result.duplicates}, "
        f"ter controle {result.quarantined}, geweigerd {result.rejected}); "
        f"opgehaald {result.pulled} wijzigingen"
    )
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    import getpass
    import sys
    from pathlib import Path

    from fieldapp.cli.common import db_path
    from fieldapp.services.identity import recover

    if args.new_passphrase_file:
        new = Path(args.new_passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            raise ServerUsageError("Geef de nieuwe wachtwoordzin met --new-passphrase-file.")
        new = getpass.getpass("Nieuwe wachtwoordzin: ")
        if getpass.getpass("Nog een keer: ") != new:
            raise ServerUsageError("De twee wachtwoordzinnen zijn niet gelijk.")
    store = recover(
        db_path(args),
        args.server_url,
        args.user,
        read_server_password(args, "Wachtwoord op de server: "),
        new,
        ticket=args.ticket,
        ca_bundle=args.ca_bundle,
    )
    store.close()
    print("Hersteld: de database is open met je nieuwe wachtwoordzin; niets is verloren.")
    print("Bij de volgende synchronisatie krijgt deze laptop een nieuwe herstelsleutel.")
    return 0
