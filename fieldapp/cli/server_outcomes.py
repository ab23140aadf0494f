"""``fieldapp server export ddas``, ``server purge`` and ``server opt-out``: the server's
outcomes commands (registered into the ``server`` group by ``cli/server.py``)."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from fieldapp.cli.common import database_url
from fieldapp.errors import InputRefused


def add_server_commands(ssub: Any) -> None:
    export = ssub.add_parser("export", help="exporteer voor het hele team").add_subparsers(
        dest="server_export", required=True
    )
    ddas = export.add_parser("ddas", help="DDAS v1.2-levering per gemeentecode, gevalideerd")
    ddas.add_argument("--van", required=True, help="eerste dag (JJJJ-MM-DD)")
    ddas.add_argument("--tot", required=True, help="laatste dag (JJJJ-MM-DD)")
    ddas.add_argument("--out", required=True, help="JSON-bestand (bij splitsen: -deel1, -deel2)")
    ddas.add_argument("--organisatie", help="organisatie.toml (standaard in de servermap)")
    ddas.add_argument("--max-signalen", type=int, default=50_000, help=argparse.SUPPRESS)
    ddas.set_defaults(func=cmd_export_ddas)

    purge = ssub.add_parser("purge", help="bewaartermijn: verwijder verlopen persoonsgegevens")
    purge.add_argument("--dry-run", action="store_true", help="tel alleen, verander niets")
    purge.add_argument("--json", action="store_true")
    purge.set_defaults(func=cmd_purge)

    optout = ssub.add_parser("opt-out", help="lijst 'niet benaderen' en 'onveilig'")
    osub = optout.add_subparsers(dest="optout_command", required=True)
    add = osub.add_parser("add", help="zet een persoon of adres op de lijst")
    add.add_argument("--bsn")
    add.add_argument("--postcode")
    add.add_argument("--huisnummer", type=int)
    add.add_argument("--toevoeging", default="")
    add.add_argument("--soort", choices=("niet_benaderen", "onveilig"), default="niet_benaderen")
    add.add_argument("--bezoek", choices=("duo", "nooit"), help="bij onveilig: alleen met twee")
    add.add_argument("--tot", help="geldig tot en met (JJJJ-MM-DD); standaard voor altijd")
    add.set_defaults(func=cmd_optout_add)
    osub.add_parser("list", help="toon de lijst (alleen id's en soort)").set_defaults(
        func=cmd_optout_list
    )
    rm = osub.add_parser("remove", help="haal een regel van de lijst")
    rm.add_argument("entry_id")
    rm.set_defaults(func=cmd_optout_remove)


def _open_db(args: argparse.Namespace) -> Any:
    """The server database named by ``--db`` / ``--data-dir`` / ``--key-file`` (migrated)."""
    from fieldapp.server.db.open import open_server_db

    return open_server_db(
        database_url(args),
        data_dir=Path(args.data_dir) if args.data_dir else None,
        key_file=Path(args.key_file) if args.key_file else None,
        kek_file=Path(args.kek_file) if getattr(args, "kek_file", None) else None,
    )


def _data_dir(args: argparse.Namespace) -> Path:
    from fieldapp.server.db.open import default_data_dir

    return Path(args.data_dir) if args.data_dir else default_data_dir()


def server_settings(args: argparse.Namespace) -> Any:
    """ServerSettings from the data folder's afwegingskader.toml / organisatie.toml."""
    return _settings(args)


def start_retention(args: argparse.Namespace, settings: Any) -> Any:
    """The retention job of ``serve``: now and every 24 h, on its own engine. Returns stop()."""
    from fieldapp.server.db.open import open_server_db
    from fieldapp.server.retention import purge_server, start_daily_purge

    db = open_server_db(
        database_url(args),
        data_dir=Path(args.data_dir) if args.data_dir else None,
        key_file=Path(args.key_file) if args.key_file else None,
        kek_file=Path(args.kek_file) if getattr(args, "kek_file", None) else None,
        migrate=False,
    )
    policy = settings.policy()
    stop = start_daily_purge(lambda: purge_server(db, policy=policy))

    def stop_and_close() -> None:
        stop()
        db.dispose()

    return stop_and_close


def _settings(args: argparse.Namespace) -> Any:
    from fieldapp.server.settings import ServerSettings

    settings = ServerSettings.from_dir(_data_dir(args))
    if getattr(args, "policy", None):
        settings.policy_text = Path(args.policy).read_text(encoding="utf-8")
    return settings


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InputRefused("Gebruik datums als JJJJ-MM-DD.") from exc


def cmd_export_ddas(args: argparse.Namespace) -> int:
    from fieldapp.files import write_private_atomic
    from fieldapp.server import audit
    from fieldapp.server.ddas_delivery import build_server_delivery
    from fieldapp.server.routes.outcomes import mark_exported

    start, end = _day(args.van), _day(args.tot)
    if end < start:
        raise InputRefused("De periode klopt niet: --tot ligt vóór --van.")
    if args.organisatie:
        organisation = Path(args.organisatie).read_text(encoding="utf-8")
    else:
        organisation = _settings(args).organisation_text
    if not organisation:
        raise InputRefused("Geen organisatie.toml: geef --organisatie of zet hem in de servermap.")
    db = _open_db(args)
    try:
        with db.session() as session, session.begin():
            parts = build_server_delivery(
                session,
                start=start,
                end=end,
                organisation_text=organisation,
                delivered_at=datetime.now(UTC),
                max_signals=args.max_signalen,
            )
            mark_exported(session, end)
            audit.record(
                session,
                action=audit.AuditAction.EXPORT_DDAS,
                outcome="ok",
                user_id=None,
                device_id=None,
                detail={"parts": len(parts)},
            )
    finally:
        db.dispose()
    out = Path(args.out)
    targets = (
        [out]
        if len(parts) == 1
        else [out.with_name(f"{out.stem}-deel{i}{out.suffix}") for i in range(1, len(parts) + 1)]
    )
    for target, part in zip(targets, parts, strict=True):
        write_private_atomic(target, json.dumps(part, ensure_ascii=False, indent=2).encode())
        counts = [
            (
                lv["gemeentecode"],
                len(lv.get("vroegsignalen", [])),
                len(lv.get("vroegsignaalzaken", [])),
            )
            for lv in part["leveringen"]
        ]
        summary = ", ".join(f"{c}: {s} signalen, {z} zaken" for c, s, z in counts)
        print(f"DDAS v1.2 (gevalideerd) geschreven naar {target}: {summary}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from fieldapp.server.retention import purge_server

    db = _open_db(args)
    try:
        report = purge_server(db, policy=_settings(args).policy(), dry_run=args.dry_run)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"dry_run": args.dry_run, **report.counts()}))
    elif args.dry_run:
        print(f"Proefrun: {len(report.cases)} zaken zijn over de bewaartermijn (niets veranderd).")
    else:
        print(f"{len(report.cases)} zaken geanonimiseerd; de statistiek blijft bewaard.")
    return 0


def cmd_optout_add(args: argparse.Namespace) -> int:
    from fieldapp.privacy.optout import OptOutEntry, add_opt_out

    entry = OptOutEntry.from_input(
        bsn=args.bsn,
        postcode=args.postcode,
        huisnummer=args.huisnummer,
        toevoeging=args.toevoeging,
        kind=args.soort,
        visit_mode=args.bezoek,
        until=_day(args.tot) if args.tot else None,
    )
    db = _open_db(args)
    try:
        with db.session() as session, session.begin():
            entry_id, marked = add_opt_out(session, entry)
    finally:
        db.dispose()
    print(f"Op de lijst gezet ({entry_id}); {marked} lopende signalen gemarkeerd.")
    return 0


def cmd_optout_list(args: argparse.Namespace) -> int:
    from fieldapp.privacy.optout import list_opt_outs

    db = _open_db(args)
    try:
        with db.session() as session:
            rows = list_opt_outs(session)
    finally:
        db.dispose()
    for r in rows:
        print(f"{r.id}  {r.kind}  {r.visit_mode or '-'}  {r.target}  tot {r.until or 'altijd'}")
    print(f"{len(rows)} regels")
    return 0


def cmd_optout_remove(args: argparse.Namespace) -> int:
    from fieldapp.privacy.optout import remove_opt_out

    db = _open_db(args)
    try:
        with db.session() as session, session.begin():
            found = remove_opt_out(session, args.entry_id)
    finally:
        db.dispose()
    if not found:
        raise InputRefused("Die regel staat niet op de lijst.")
    print("Van de lijst gehaald.")
    return 0
