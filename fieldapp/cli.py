"""The ``fieldapp`` command line: the same services the UI uses, headless.

The console script enters through ``ui.main`` only so that "no command" and ``demo`` can open
the window; everything here stays Qt-free (``gui`` is a callable handed in from outside).

Exit codes: 0 done (rejected rows are reported, not fatal) · 1 other error · 2 input that
cannot be imported (nothing written) · 3 wrong passphrase · 4 store missing, corrupt or too new.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.config import default_paths, load_policy
from fieldapp.domain.cases import Case
from fieldapp.errors import FieldAppError

log = logging.getLogger("fieldapp")

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


def _open_store(args: argparse.Namespace) -> Any:
    from fieldapp.store.client_store import Store

    return Store.open(db_path(args), read_passphrase(args))


def cmd_init(args: argparse.Namespace) -> int:
    from fieldapp.store.client_store import Store

    path = db_path(args)
    store = Store.create(path, read_passphrase(args, confirm=True))
    store.close()
    print(f"Nieuwe beveiligde database gemaakt: {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from fieldapp.services.intake import import_files

    policy = load_policy(Path(args.policy) if args.policy else None)
    store = _open_store(args)
    try:
        with store.session() as session:
            report = import_files(
                session,
                [Path(p) for p in args.files],
                policy=policy,
                today=date.today(),
                dry_run=args.dry_run,
            )
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    for f in report.files:
        print(
            f"{f.path} ({f.format}): {f.rows} rijen, {f.accepted} ingelezen, "
            f"{f.duplicates} al bekend, {len(f.rejected)} afgewezen"
        )
        for r in f.rejected:
            print(f"  rij {r.row}, {r.field}: {r.reason}")
    verb = "zouden worden" if args.dry_run else "zijn"
    print(f"{report.cases_created} nieuwe zaken en {report.cases_updated} bijgewerkte {verb}.")
    for status, count in sorted(report.signals_by_status.items()):
        print(f"  {status}: {count}")
    if args.dry_run:
        print("Proefrun: er is niets opgeslagen.")
    return 0


def case_json(case: Case) -> dict[str, Any]:
    """The ``cases --json`` shape (a stable contract for scripts and checks)."""
    address = case.address
    return {
        "id": case.id,
        "address": {
            "postcode": address.postcode if address else None,
            "huisnummer": address.huisnummer if address else None,
            "huisnummertoevoeging": address.toevoeging if address else None,
            "straat": address.straat if address else None,
            "plaats": address.plaats if address else None,
        },
        "signals": [
            {
                "id": s.external_id,
                "partner": s.partner.value,
                "bedrag_cents": s.bedrag_cents,
                "status": s.status.value,
            }
            for s in case.signals
        ],
        "meervoudig": case.meervoudig,
        "opeenvolgend": case.opeenvolgend,
        "priority": case.priority,
        "reasons": list(case.reasons),
        "deadline": case.deadline.isoformat(),
        "status": case.status.value,
        "resultaat": case.resultaat.value if case.resultaat else None,
    }


def cmd_cases(args: argparse.Namespace) -> int:
    from fieldapp.services import queries

    policy = load_policy(Path(args.policy) if args.policy else None)
    today = date.today()
    store = _open_store(args)
    try:
        with store.session() as session:
            rows = queries.list_case_rows(
                session, include_closed=args.all, today=today, policy=policy
            )
            cases = [queries.get_case(session, r.id, today=today, policy=policy) for r in rows]
    finally:
        store.close()
    if args.json:
        print(json.dumps([case_json(c) for c in cases], ensure_ascii=False, indent=2))
        return 0
    for case in cases:
        where = case.address.one_line() if case.address else "adres onbekend"
        partners = ", ".join(sorted({s.partner.value for s in case.signals}))
        print(f"{case.priority:>4}  {case.deadline.isoformat()}  {where}  [{partners}]")
    print(f"{len(cases)} zaken")
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


def cmd_demo(args: argparse.Namespace, gui: GuiLauncher | None) -> int:
    from fieldapp.demo import DEMO_PASSPHRASE, ensure_demo_store, running_demo_server

    path = Path(args.db) if args.db else default_paths().demo_db_path
    info = ensure_demo_store(path, households=args.households, rebuild=args.rebuild)
    if args.no_gui or gui is None:
        print(info.summary())
        return 0
    # The demo's own sync server runs beside the window, on loopback, for as long as it is open.
    with running_demo_server(path):
        return gui(path, DEMO_PASSPHRASE)


def cmd_export_ddas(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from fieldapp.files import write_private_atomic
    from fieldapp.reporting.ddas_export import Supplier, build_delivery
    from fieldapp.services.print_jobs import load_organisation

    try:
        start, end = date.fromisoformat(args.van), date.fromisoformat(args.tot)
    except ValueError as exc:
        raise UsageError("Gebruik datums als JJJJ-MM-DD.") from exc
    organisation = load_organisation(db_path(args))
    supplier = Supplier(
        gemeentecode=args.gemeentecode or organisation.gemeentecode or "Onbekend",
        organisatie=organisation.gemeente,
    )
    store = _open_store(args)
    try:
        with store.session() as session:
            document = build_delivery(
                session, start=start, end=end, supplier=supplier, delivered_at=datetime.now(UTC)
            )
    finally:
        store.close()
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    write_private_atomic(Path(args.out), data)
    [levering] = document["leveringen"]
    print(
        f"DDAS v1.2-levering geschreven naar {args.out} (gevalideerd tegen het schema): "
        f"{len(levering.get('vroegsignalen', []))} signalen, "
        f"{len(levering.get('vroegsignaalzaken', []))} zaken."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="Veldwerk: versleutelde veldapp voor vroegsignalering.",
    )
    parser.add_argument("--db", help="pad naar de database (standaard: gebruikersmap)")
    parser.add_argument("--passphrase-file", help="bestand met de wachtwoordzin (eerste regel)")
    parser.add_argument("--policy", help="afwegingskader (TOML); standaard het meegeleverde")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="meer meldingen (geen persoonsgegevens)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDO")

    sub.add_parser("init", help="maak een nieuwe beveiligde database").set_defaults(func=cmd_init)

    p = sub.add_parser("import", help="lees signaalbestanden in (DDAS-JSON, CSV, XLSX)")
    p.add_argument("files", nargs="+", metavar="BESTAND")
    p.add_argument("--dry-run", action="store_true", help="controleer alleen, sla niets op")
    p.add_argument("--json", action="store_true", help="rapport als JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("cases", help="toon de zaken")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="ook gesloten zaken")
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("passphrase", help="wachtwoordzin beheren")
    psub = p.add_subparsers(dest="passphrase_command", required=True)
    change = psub.add_parser("change", help="wijzig de wachtwoordzin")
    change.add_argument("--new-passphrase-file")
    change.set_defaults(func=cmd_passphrase_change)

    p = sub.add_parser("demo", help="bouw de demostad en open de app")
    p.add_argument("--no-gui", action="store_true", help="alleen bouwen, geen venster")
    p.add_argument("--households", type=int, default=400, help="aantal huishoudens (standaard 400)")
    p.add_argument(
        "--rebuild", action="store_true", help="gooi de demodatabase weg en bouw opnieuw"
    )
    p.set_defaults(func="demo")

    p = sub.add_parser("export", help="exporteer gegevens")
    esub = p.add_subparsers(dest="export_command", required=True)
    ddas = esub.add_parser("ddas", help="DDAS Vroegsignalering v1.2 (CBS), gevalideerd")
    ddas.add_argument("--van", required=True, help="eerste dag (JJJJ-MM-DD)")
    ddas.add_argument("--tot", required=True, help="laatste dag (JJJJ-MM-DD)")
    ddas.add_argument("--gemeentecode", help="CBS-gemeentecode (standaard uit organisatie.toml)")
    ddas.add_argument("--out", required=True, help="JSON-bestand om te schrijven")
    ddas.set_defaults(func=cmd_export_ddas)

    for register in _plugins():
        register(sub)
    return parser


def _print_jobs(args: argparse.Namespace) -> list[Any]:
    from fieldapp.services.print_jobs import load_organisation, load_print_jobs

    store = _open_store(args)
    try:
        with store.session() as session:
            return load_print_jobs(
                session,
                organisation=load_organisation(db_path(args)),
                today=date.today(),
                shift_id=getattr(args, "shift", None),
                case_ids=getattr(args, "case", None) or (),
            )
    finally:
        store.close()


def _print_sender(args: argparse.Namespace) -> Any:
    from fieldapp.services.print_jobs import current_sender, load_organisation

    path = db_path(args)
    if not path.exists():
        return None
    store = _open_store(args)
    try:
        with store.session() as session:
            return current_sender(session, load_organisation(path))
    finally:
        store.close()


def _log_letters(args: argparse.Namespace, jobs: Sequence[Any]) -> None:
    """After letters are written: one 'Brief' attempt per case (same dagdeel = logged once)."""
    from datetime import datetime

    from fieldapp.domain.dayparts import AMSTERDAM
    from fieldapp.domain.letters import LetterKind
    from fieldapp.services import queries
    from fieldapp.services.print_jobs import log_letters_sent
    from fieldapp.services.printing import as_job

    now = datetime.now(AMSTERDAM)
    store = _open_store(args)
    try:
        with store.session() as session:
            log_letters_sent(
                session,
                [as_job(job).case.id for job in jobs],
                LetterKind(args.kind),
                now,
                queries.get_kv(session, "worker_id"),
                queries.get_kv(session, "device_id"),
            )
    finally:
        store.close()


def _register_letters(sub: Any) -> None:
    from fieldapp.letters.cli import register

    register(
        sub, job_source=_print_jobs, sender_source=_print_sender, on_letters_written=_log_letters
    )


def _plugins() -> list[Callable[[Any], None]]:
    """Subcommands owned by other areas (letters, print, server, connect)."""
    found: list[Callable[[Any], None]] = [_register_letters]
    for module in ("fieldapp.server.cli",):
        try:
            imported = __import__(module, fromlist=["register"])
        except ImportError as exc:  # an optional part missing from this install
            log.debug("subcommands from %s unavailable: %s", module, exc)
            continue
        found.append(imported.register)
    return found


def main(argv: Sequence[str] | None = None, *, gui: GuiLauncher | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command is None:
            if gui is None:
                parser.print_help()
                return 1
            return gui(db_path(args), None)
        if args.func == "demo":
            return cmd_demo(args, gui)
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


if __name__ == "__main__":
    raise SystemExit(main())
