"""What every command group shares: the passphrase at the edge, the store path, usage errors.

Exit codes: 0 done (rejected rows are reported, not fatal) · 1 other error · 2 input that
cannot be imported (nothing written) · 3 wrong passphrase · 4 store missing, corrupt or too new.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.config import default_paths
from fieldapp.errors import FieldAppError

GuiLauncher = Callable[[Path, "str | None"], int]
PASSPHRASE_ENV = "FIELDAPP_PASSPHRASE"  # noqa: S105 (name of the variable, not a secret)


class UsageError(FieldAppError):
    exit_code = 1


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False, prompt: str = "") -> str:
    """From ``--passphrase-file``, else $FIELDAPP_PASSPHRASE, else an interactive prompt."""
    if args.passphrase_file:
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError("Het wachtwoordzinbestand is niet leesbaar.") from exc
        return text.rstrip("\r\n")
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UsageError(
            "Geen wachtwoordzin: gebruik --passphrase-file of de variabele FIELDAPP_PASSPHRASE."
        )
    first = getpass.getpass(prompt or "Wachtwoordzin: ")
    if confirm and getpass.getpass("Nog een keer: ") != first:
        raise UsageError("De twee wachtwoordzinnen zijn niet gelijk.")
    return first


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_paths().db_path


def missing_store_message(path: Path) -> str:
    return (
        f"Er is geen Veldwerk-database op {path}. Maak er een met `fieldapp --db {path} init`, "
        "of kies een andere met --db."
    )


def open_store(args: argparse.Namespace) -> Any:
    """The client store named by ``--db``, unlocked with the passphrase from the edge.

    A missing store is reported (with its path and the ``init`` hint) before a passphrase is
    asked for."""
    from fieldapp.errors import StoreMissing
    from fieldapp.store.client_store import Store

    path = db_path(args)
    if not path.is_file():
        raise StoreMissing(missing_store_message(path))
    return Store.open(path, read_passphrase(args))


DB_URL_ENV = "FIELDAPP_DB_URL"


def database_url(args: argparse.Namespace) -> str | None:
    """``--db-url-file``, else ``--db`` (warned about when it holds a password), else
    ``$FIELDAPP_DB_URL``, else None (the embedded SQLCipher file)."""
    if getattr(args, "db_url_file", None):
        try:
            return Path(args.db_url_file).read_text(encoding="utf-8").strip() or None
        except OSError as exc:
            raise UsageError("Het bestand met de database-URL is niet leesbaar.") from exc
    url: str | None = getattr(args, "server_db", None)
    if url:
        if _has_password(url):
            print(
                "fieldapp: let op: het databasewachtwoord staat op de opdrachtregel (zichtbaar "
                f"in ps en de shellgeschiedenis); gebruik --db-url-file of ${DB_URL_ENV}.",
                file=sys.stderr,
            )
        return url
    return os.environ.get(DB_URL_ENV) or None


def _has_password(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        return bool(urlsplit(url).password)
    except ValueError:
        return False
