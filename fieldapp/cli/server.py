"""``fieldapp serve`` and ``fieldapp server ...``: run and manage the sync server.

Passwords for server users come from ``--password-file``, ``$FIELDAPP_SERVER_PASSWORD`` or a
prompt; they are never taken from the command line (shell history, ``ps``).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from fieldapp.cli.brp import add_brp_commands
from fieldapp.cli.common import DB_URL_ENV, database_url
from fieldapp.errors import FieldAppError

PASSWORD_ENV = "FIELDAPP_SERVER_PASSWORD"  # noqa: S105 (variable name, not a secret)


class ServerUsageError(FieldAppError):
    exit_code = 1


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="start de synchronisatieserver")
    _db_args(p)
    p.add_argument("--host", default="127.0.0.1", help="adres (standaard 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--certfile", help="TLS-certificaat (PEM)")
    p.add_argument("--keyfile", help="TLS-sleutel (PEM)")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="aantal serverprocessen (de server is stateless; PostgreSQL aanbevolen bij > 1)",
    )
    p.add_argument(
        "--max-inflight",
        type=int,
        default=None,
        help="verzoeken per serverproces tegelijk; meer krijgen meteen 503 + Retry-After "
        "(standaard 48)",
    )
    p.add_argument(
        "--insecure-http",
        action="store_true",
        help="sta http zonder TLS toe op een niet-lokaal adres (alleen achter een TLS-proxy)",
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("server", help="beheer van de synchronisatieserver")
    _db_args(p)
    ssub = p.add_subparsers(dest="server_command", required=True)
    ssub.add_parser(
        "rotate-epoch", help="na het terugzetten van een back-up: laat laptops alles opnieuw sturen"
    ).set_defaults(func=cmd_rotate_epoch)
    # One spelling per command: `server user add|unlock`, `server device list|revoke|wipe`.
    user = ssub.add_parser("user", help="gebruikers").add_subparsers(
        dest="user_command", required=True
    )
    uadd = user.add_parser("add", help="maak een gebruiker")
    uadd.add_argument("username")
    uadd.add_argument("--role", choices=("worker", "teamlead"), default="worker")
    uadd.add_argument("--team", default="")
    uadd.add_argument("--display-name", default="")
    uadd.add_argument("--password-file")
    uadd.set_defaults(func=cmd_add_user)
    unlock = user.add_parser("unlock", help="hef een blokkade na te veel mislukte aanmeldingen op")
    unlock.add_argument("username", nargs="?", help="gebruikersnaam")
    unlock.add_argument("--address", help="of: het IP-adres dat geblokkeerd is")
    unlock.set_defaults(func=cmd_unlock)
    device = ssub.add_parser("device", help="apparaten").add_subparsers(
        dest="device_command", required=True
    )
    device.add_parser("list", help="toon apparaten").set_defaults(func=cmd_list_devices)
    drev = device.add_parser(
        "revoke", help="intrekken: eerst openstaand werk versturen, dan wissen (vertrek)"
    )
    drev.add_argument("device_id")
    drev.set_defaults(func=cmd_revoke, push_first=True)
    dwipe = device.add_parser(
        "wipe", help="direct wissen bij het volgende contact (verlies, diefstal)"
    )
    dwipe.add_argument("device_id")
    dwipe.set_defaults(func=cmd_revoke, push_first=False)
    rec = ssub.add_parser("recovery", help="herstel van een vergeten wachtwoordzin").add_subparsers(
        dest="recovery_command", required=True
    )
    issue = rec.add_parser(
        "issue", help="eenmalige herstelcode voor één laptop (geef die telefonisch door)"
    )
    issue.add_argument("username")
    issue.add_argument("device_id")
    issue.add_argument("--minuten", type=int, default=30, help="geldig (standaard 30 minuten)")
    issue.set_defaults(func=cmd_recovery_issue)
    imp = ssub.add_parser("import", help="lees signaalbestanden in voor een team (op de server)")
    imp.add_argument("files", nargs="+", metavar="BESTAND")
    imp.add_argument("--team", required=True, help="het team waar nieuwe zaken bij horen")
    imp.set_defaults(func=cmd_server_import)
    cases = ssub.add_parser("cases", help="zaken").add_subparsers(
        dest="cases_command", required=True
    )
    assign = cases.add_parser("assign", help="wijs zaken toe aan een medewerker van het team")
    assign.add_argument("case_ids", nargs="+", metavar="ZAAK")
    who = assign.add_mutually_exclusive_group(required=True)
    who.add_argument("--to", dest="to_user", help="gebruikersnaam van de medewerker")
    who.add_argument("--niemand", action="store_true", help="toewijzing opheffen")
    assign.add_argument("--team", help="team (nodig met --niemand)")
    assign.set_defaults(func=cmd_server_assign)
    bak = ssub.add_parser("backup", help="versleutelde kopie van de ingebouwde database")
    bak.add_argument("target")
    bak.set_defaults(func=cmd_backup)
    from fieldapp.cli.server_outcomes import add_server_commands

    add_server_commands(ssub)
    add_brp_commands(ssub, open_db=_open_db)  # issue 13: `server brp ...`
    from fieldapp.cli.server_keys import add_key_commands

    add_key_commands(ssub, open_db=_open_db)  # issue 17: `server rotate-key`


def _db_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        dest="server_db",
        help="database-URL (standaard: ingebouwd SQLCipher-bestand); met een wachtwoord erin "
        f"liever --db-url-file of ${DB_URL_ENV}",
    )
    p.add_argument(
        "--db-url-file", help="bestand met de database-URL (houdt het wachtwoord uit ps)"
    )
    p.add_argument("--data-dir", help="servermap (sleutelbestand, ingebouwde database)")
    p.add_argument("--key-file", help="serversleutel (standaard <servermap>/server.key)")
    p.add_argument(
        "--kek-file",
        help="PostgreSQL: sleutel (0600) die de kolomsleutels verpakt; of $FIELDAPP_KEK "
        "(standaard afgeleid van de serversleutel)",
    )


def _open_db(args: argparse.Namespace) -> Any:
    from fieldapp.server.db.open import open_server_db

    return open_server_db(
        database_url(args),
        data_dir=Path(args.data_dir) if args.data_dir else None,
        key_file=Path(args.key_file) if args.key_file else None,
        kek_file=Path(args.kek_file) if getattr(args, "kek_file", None) else None,
    )


def read_server_password(args: argparse.Namespace, prompt: str) -> str:
    if getattr(args, "password_file", None):
        return Path(args.password_file).read_text(encoding="utf-8").rstrip("\r\n")
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise ServerUsageError(f"Geen wachtwoord: gebruik --password-file of {PASSWORD_ENV}.")
    return getpass.getpass(prompt)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from fieldapp.server.app import ENV_DATA_DIR, ENV_DB, ENV_KEY_FILE, create_app
    from fieldapp.sync.transport import is_loopback

    tls = bool(args.certfile and args.keyfile)
    if not tls and not is_loopback(args.host) and not args.insecure_http:
        raise ServerUsageError(
            "Zonder --certfile/--keyfile luistert de server alleen op 127.0.0.1 "
            "(of gebruik --insecure-http achter een TLS-proxy)."
        )
    from fieldapp.server.observability import configure_server_logging

    configure_server_logging()
    if args.kek_file:  # every opener below and every worker process reads the same KEK file
        from fieldapp.server.db.column_keys import KEK_FILE_ENV

        os.environ[KEK_FILE_ENV] = str(Path(args.kek_file).resolve())
    if args.max_inflight:
        from fieldapp.server.settings import MAX_INFLIGHT_ENV

        os.environ[MAX_INFLIGHT_ENV] = str(args.max_inflight)
    db = _open_db(args)  # migrates once, before any worker process starts
    from fieldapp.cli.server_outcomes import server_settings, start_retention

    settings = server_settings(args)
    stop_retention = start_retention(args, settings)  # at start, then every 24 h
    scheme = "https" if tls else "http"
    print(f"Veldwerk-server luistert op {scheme}://{args.host}:{args.port}", flush=True)
    common: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.certfile if tls else None,
        "ssl_keyfile": args.keyfile if tls else None,
        "log_level": "warning",
        "access_log": False,  # our own one-line-per-request JSON log replaces it
        "log_config": None,  # keep configure_server_logging's JSON handlers
    }
    if args.workers > 1:
        # Each worker process opens its own engine from these variables (no secrets in them:
        # the key file path, not the key).
        db.dispose()
        os.environ[ENV_DB] = database_url(args) or ""
        os.environ[ENV_DATA_DIR] = args.data_dir or ""
        os.environ[ENV_KEY_FILE] = args.key_file or ""
        uvicorn.run(
            "fieldapp.server.app:app_from_env", factory=True, workers=args.workers, **common
        )
        stop_retention()
        return 0
    uvicorn.run(create_app(db, settings), **common)
    stop_retention()
    db.dispose()
    return 0


def cmd_add_user(args: argparse.Namespace) -> int:
    from fieldapp.server.embedded import add_user

    password = read_server_password(args, "Wachtwoord voor de nieuwe gebruiker: ")
    db = _open_db(args)
    try:
        user = add_user(
            db,
            username=args.username,
            password=password,
            role=args.role,
            team=args.team,
            display_name=args.display_name,
        )
        print(f"gebruiker {user.username} gemaakt (id {user.id})")
    finally:
        db.dispose()
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from fieldapp.server import audit
    from fieldapp.server.auth import revoke_device

    db = _open_db(args)
    try:
        with db.session() as s, s.begin():
            if not revoke_device(s, args.device_id, push_first=args.push_first):
                raise ServerUsageError("Onbekend apparaat.")
            audit.record(
                s,
                action=audit.AuditAction.REVOKE,
                outcome="push_first" if args.push_first else "immediate",
                user_id=None,
                device_id=args.device_id,
            )
    finally:
        db.dispose()
    print("apparaat ingetrokken; het wist zichzelf bij het volgende contact")
    return 0


def cmd_list_devices(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from fieldapp.server.db.schema import DeviceRow, UserRow

    db = _open_db(args)
    try:
        with db.session() as s:
            rows = s.execute(
                select(DeviceRow.id, UserRow.username, DeviceRow.status, DeviceRow.last_seen)
                .join(UserRow, UserRow.id == DeviceRow.user_id)
                .order_by(UserRow.username)
            ).all()
        for device_id, username, status, last_seen in rows:
            print(f"{device_id}  {username:<20} {status:<8} {last_seen or '-'}")
    finally:
        db.dispose()
    return 0


def cmd_rotate_epoch(args: argparse.Namespace) -> int:
    from fieldapp.server.db.epoch import rotate_epoch

    db = _open_db(args)
    try:
        with db.session() as s, s.begin():
            epoch = rotate_epoch(s)
    finally:
        db.dispose()
    print(f"nieuwe epoch {epoch}: laptops sturen bij hun volgende synchronisatie alles opnieuw")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from fieldapp.server.db.backup import backup_embedded

    db = _open_db(args)
    try:
        backup_embedded(db, Path(args.target))
    finally:
        db.dispose()
    print("back-up gemaakt (versleuteld met dezelfde serversleutel)")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    from fieldapp.server import audit, throttle

    if not args.username and not args.address:
        raise ServerUsageError("Geef een gebruikersnaam of --address.")
    db = _open_db(args)
    try:
        with db.session() as s, s.begin():
            cleared = False
            if args.username:
                cleared |= throttle.unlock(s, args.username)
            if args.address:
                cleared |= throttle.unlock_address(s, args.address)
            audit.record(
                s,
                action=audit.AuditAction.UNLOCK,
                outcome="cleared" if cleared else "none",
                user_id=None,
                device_id=None,
            )
    finally:
        db.dispose()
    print("blokkade opgeheven" if cleared else "er was geen blokkade")
    return 0


def cmd_recovery_issue(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from sqlalchemy import select

    from fieldapp.server import audit, recovery
    from fieldapp.server.db.schema import DeviceRow, UserRow

    db = _open_db(args)
    try:
        with db.session() as s, s.begin():
            device = s.scalar(
                select(DeviceRow)
                .join(UserRow, UserRow.id == DeviceRow.user_id)
                .where(DeviceRow.id == args.device_id, UserRow.username == args.username)
            )
            if device is None or device.status != "active":
                raise ServerUsageError("Geen actieve laptop met dat id voor deze gebruiker.")
            ticket = recovery.issue_ticket(
                s,
                device_id=device.id,
                issued_by=None,
                now=datetime.now(UTC),
                minutes=args.minuten,
            )
            audit.record(
                s,
                action=audit.AuditAction.RECOVERY,
                outcome="ticket_issued",
                user_id=None,
                device_id=device.id,
            )
    finally:
        db.dispose()
    print(f"herstelcode: {ticket.code}")
    print(
        f"geldig tot {ticket.expires_at:%H:%M} UTC, één keer te gebruiken, alleen voor deze laptop"
    )
    return 0


def cmd_server_import(args: argparse.Namespace) -> int:
    """The same import as the desk's (POST /v1/import), run by the host's administrator."""
    from datetime import date

    from fieldapp.intake.reader import read_file
    from fieldapp.server.brp_check import check_after_import
    from fieldapp.server.settings import ServerSettings
    from fieldapp.server.team_ops import TeamActor, import_for_team

    parsed = [read_file(Path(name)) for name in args.files]  # all read before any write
    db = _open_db(args)
    try:
        data_dir = Path(args.data_dir) if args.data_dir else None
        settings = ServerSettings.from_dir(data_dir) if data_dir else ServerSettings()
        for name, one in zip(args.files, parsed, strict=True):
            with db.session() as s, s.begin():
                reply = import_for_team(
                    s, one, TeamActor(team=args.team), policy=settings.policy(), today=date.today()
                )
            print(
                f"{name}: {reply.accepted} ingelezen, {reply.duplicates} al bekend, "
                f"{reply.rejected} afgewezen, {reply.new_cases} nieuwe zaken voor {args.team}"
            )
        check_after_import(db, settings, args.team, "cli:import")  # issue 13: BRP check
    finally:
        db.dispose()
    return 0


def cmd_server_assign(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from fieldapp.server.db.schema import UserRow
    from fieldapp.server.team_ops import NotInTeam, TeamActor, assign_for_team

    db = _open_db(args)
    try:
        with db.session() as s, s.begin():
            worker_id: str | None = None
            team = args.team or ""
            if args.to_user:
                user = s.scalar(select(UserRow).where(UserRow.username == args.to_user))
                if user is None or user.worker_id is None:
                    raise ServerUsageError("Onbekende medewerker.")
                worker_id, team = user.worker_id, user.team
            elif not team:
                raise ServerUsageError("Geef met --niemand ook --team.")
            try:
                reply = assign_for_team(s, args.case_ids, worker_id, TeamActor(team=team))
            except NotInTeam as exc:
                raise ServerUsageError(
                    "Een of meer zaken (of de medewerker) horen niet bij dit team."
                ) from exc
    finally:
        db.dispose()
    who = args.to_user or "niemand"
    print(f"{len(reply.assigned)} zaak/zaken toegewezen aan {who}")
    return 0
