"""``fieldapp server brp ...``: the BRP check from the server's command line (issue 13).

- ``check [--all-open] [--zaak ID]``: check people of open cases not checked yet (``--all-open``:
  every open case again); outcomes applied as on intake;
- ``import-extract FILE --peildatum JJJJ-MM-DD``: read a burgerzaken extract (all or nothing);
- ``queue``: the lead's list (no result, too many, flags), ids and reasons only;
- ``record CHECK_ID --uitkomst ...``: the outcome of a check done by hand.

Settings: ``brp.toml`` in the server's data folder (see docs/brp.md).
"""

from __future__ import annotations

import argparse
import getpass
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldAppError, InputRefused


class BrpNotConfigured(FieldAppError):
    exit_code = 1


def add_brp_commands(ssub: Any, *, open_db: Callable[[argparse.Namespace], Any]) -> None:
    """Add ``brp`` to the ``server`` group; ``open_db`` opens the server database from the
    group's arguments (``cli.server`` hands in its own, so this module never imports it)."""
    brp = ssub.add_parser("brp", help="BRP-controle: inwoner, in leven, op dit adres?")
    brp.set_defaults(brp_open_db=open_db)
    bsub = brp.add_subparsers(dest="brp_command", required=True)
    check = bsub.add_parser("check", help="controleer personen van open zaken in de BRP")
    check.add_argument(
        "--all-open", action="store_true", help="alle open zaken opnieuw (standaard: nieuwe)"
    )
    check.add_argument("--zaak", action="append", default=[], help="alleen deze zaak (id)")
    check.add_argument("--json", action="store_true")
    check.set_defaults(func=cmd_check)
    ext = bsub.add_parser("import-extract", help="lees een BRP-extract (CSV, LO3-rubrieken)")
    ext.add_argument("file")
    ext.add_argument("--peildatum", required=True, help="datum van het extract (JJJJ-MM-DD)")
    ext.set_defaults(func=cmd_import_extract)
    queue = bsub.add_parser("queue", help="wat de teamleider met de hand moet nakijken")
    queue.add_argument("--json", action="store_true")
    queue.set_defaults(func=cmd_queue)
    rec = bsub.add_parser("record", help="leg de uitkomst van een handmatige controle vast")
    rec.add_argument("check_id")
    rec.add_argument("--uitkomst", required=True, help="bijv. inwoner, verhuisd, overleden")
    rec.add_argument("--postcode", help="bij verhuisd: het nieuwe adres")
    rec.add_argument("--huisnummer")
    rec.add_argument("--toevoeging", default="")
    rec.add_argument("--gemeentecode")
    rec.set_defaults(func=cmd_record)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InputRefused("Gebruik datums als JJJJ-MM-DD.") from exc


def _context(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    """(database, settings, brp config); raises when no brp.toml is there."""
    from fieldapp.cli.server_outcomes import _data_dir, _settings
    from fieldapp.server.brp_check import server_brp_config

    settings = _settings(args)
    config = server_brp_config(_data_dir(args), settings.organisation_text)
    if config is None:
        raise BrpNotConfigured(
            "Geen brp.toml in de servermap: zie docs/brp.md (backend haal_centraal, extract "
            "of handmatig)."
        )
    return args.brp_open_db(args), settings, config


def _user_ref() -> str:
    return f"cli:{getpass.getuser()}"[:100]


def cmd_check(args: argparse.Namespace) -> int:
    from fieldapp.brp.model import BrpUnavailable
    from fieldapp.server.brp_check import run_check

    db, settings, config = _context(args)
    try:
        report = run_check(
            db,
            config,
            policy=settings.policy(),
            user_ref=_user_ref(),
            case_ids=args.zaak or None,
            recheck=args.all_open,
        )
    except BrpUnavailable as exc:
        raise BrpNotConfigured(f"BRP-controle niet gelukt: {exc} Er is niets veranderd.") from exc
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
        return 0
    if not report.checked:
        print("Niets te controleren: alle personen van open zaken zijn al gecontroleerd.")
        return 0
    parts = ", ".join(f"{k}: {v}" for k, v in sorted(report.by_verdict.items()))
    print(f"{report.checked} personen gecontroleerd ({parts}); {report.moved} verhuisd.")
    return 0


def cmd_import_extract(args: argparse.Namespace) -> int:
    from fieldapp.brp.extract import ExtractRefused
    from fieldapp.server import audit
    from fieldapp.server.brp_extract import import_extract

    peildatum = _day(args.peildatum)
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise InputRefused("Het extract is niet leesbaar.") from exc
    db, _, _ = _context(args)
    try:
        with db.session() as session, session.begin():
            info = import_extract(session, db.keys, data, peildatum=peildatum)
            audit.record(
                session,
                action=audit.AuditAction.BRP_EXTRACT,
                outcome="ok",
                user_id=None,
                device_id=None,
                detail={"persons": info.persons},
            )
    except ExtractRefused as refused:
        for line in refused.details():
            print(line)
        raise
    finally:
        db.dispose()
    print(f"BRP-extract van {peildatum.isoformat()} ingelezen: {info.persons} persoonslijsten.")
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    from fieldapp.server.brp_manual import manual_queue

    db, _, _ = _context(args)
    try:
        with db.session() as session:
            items = manual_queue(session)
    finally:
        db.dispose()
    if args.json:
        rows = [
            {"check_id": i.check_id, "case_id": i.case_id, "state": i.state, "reason": i.reason}
            for i in items
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for i in items:
        print(f"{i.check_id}  zaak {i.case_id}  {i.state:<9} {i.reason_nl}")
    print(f"{len(items)} controles wachten op de teamleider")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from fieldapp.brp.manual import manual_outcome, parse_manual
    from fieldapp.brp.model import BrpAddress
    from fieldapp.intake.normalise import normalise_postcode, split_huisnummer
    from fieldapp.server.brp_manual import record_manual

    result = parse_manual(args.uitkomst)
    address = None
    if args.postcode or args.huisnummer:
        try:
            number, suffix = split_huisnummer(args.huisnummer or "", args.toevoeging)
            address = BrpAddress(normalise_postcode(args.postcode or ""), number, suffix)
        except ValueError as exc:
            raise InputRefused(f"Het nieuwe adres klopt niet: {exc}.") from exc
    outcome = manual_outcome(result, gemeentecode=args.gemeentecode, new_address=address)
    db, settings, config = _context(args)
    try:
        with db.session() as session, session.begin():
            record_manual(
                session,
                args.check_id,
                outcome,
                user_id=None,
                user_ref=_user_ref(),
                task=config.task,
                policy=settings.policy(),
                today=date.today(),
            )
    finally:
        db.dispose()
    print(f"Vastgelegd: {outcome.note_nl}.")
    return 0
