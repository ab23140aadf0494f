"""``fieldapp import`` and ``fieldapp cases``: signals in, cases out."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.cli.common import open_store
from fieldapp.cli.progress import ProgressBar
from fieldapp.config import load_policy
from fieldapp.domain.cases import Case


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="lees signaalbestanden in (DDAS-JSON, CSV, XLSX)")
    p.add_argument("files", nargs="+", metavar="BESTAND")
    p.add_argument("--dry-run", action="store_true", help="controleer alleen, sla niets op")
    p.add_argument("--json", action="store_true", help="rapport als JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("cases", help="toon, sluit of heropen zaken")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="ook gesloten zaken")
    p.set_defaults(func=cmd_cases)
    csub = p.add_subparsers(dest="cases_command", metavar="ACTIE")
    close = csub.add_parser(
        "close",
        help="sluit een zaak af met een DDAS-eindresultaat",
        description="Exit 0: gesloten. Exit 5: inspanning niet voldaan (er is niets opgeslagen).",
    )
    close.add_argument("case_id", metavar="ZAAK_ID")
    close.add_argument("--resultaat", required=True, help="DDAS-eindresultaat, letterlijk")
    close.add_argument("--reden", default="", help="teamleider: sluit toch af en leg de reden vast")
    close.add_argument("--json", action="store_true", help="uitkomst als JSON")
    close.set_defaults(func=cmd_close)
    reopen = csub.add_parser("reopen", help="heropen een gesloten zaak")
    reopen.add_argument("case_id", metavar="ZAAK_ID")
    reopen.add_argument("--reden", required=True, help="waarom de zaak weer open gaat")
    reopen.add_argument("--json", action="store_true", help="uitkomst als JSON")
    reopen.set_defaults(func=cmd_reopen)


def cmd_import(args: argparse.Namespace) -> int:
    from fieldapp.errors import ImportRefused
    from fieldapp.intake.report import NoValidRows
    from fieldapp.services.intake import import_files

    policy = load_policy(Path(args.policy) if args.policy else None)
    store = open_store(args)
    bar = ProgressBar(sys.stderr, enabled=not args.json and sys.stderr.isatty())
    try:
        with store.session() as session:
            report = import_files(
                session,
                [Path(p) for p in args.files],
                policy=policy,
                today=date.today(),
                dry_run=args.dry_run,
                progress=bar.update if bar.enabled else None,
            )
    except ImportRefused as refused:
        bar.close()
        where = refused.path or ", ".join(args.files)
        if not args.json:
            print(f"fieldapp: {where}: {refused} Er is niets opgeslagen.", file=sys.stderr)
            return refused.exit_code
        rejected = refused.rejected if isinstance(refused, NoValidRows) else []
        error = {
            "file": where,
            "message": str(refused),
            "exit_code": refused.exit_code,
            "rejected": [{"row": r.row, "field": r.field, "reason": r.reason} for r in rejected],
        }
        print(json.dumps({"error": error}, ensure_ascii=False, indent=2))
        return refused.exit_code
    finally:
        store.close()
    bar.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    for f in report.files:
        print(
            f"{f.path} ({f.format}): {f.rows} rijen, {f.accepted} ingelezen, "
            f"{f.duplicates} al bekend, {f.rejected_rows} afgewezen"
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
    store = open_store(args)
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


def _resultaat(text: str) -> Any:
    from fieldapp.domain.ddas import Eindresultaat
    from fieldapp.errors import InputRefused

    try:
        return Eindresultaat(text.strip())
    except ValueError as exc:
        choices = "\n".join(f"  {r.value}" for r in Eindresultaat)
        raise InputRefused(f"Onbekend eindresultaat. Kies een van:\n{choices}") from exc


def cmd_close(args: argparse.Namespace) -> int:
    """Close one case; exit 5 with the checklist when the effort standard is not met."""
    import uuid
    from datetime import UTC, datetime

    from fieldapp.services.cases import close_case
    from fieldapp.services.errors import EffortNotMet
    from fieldapp.services.identity import KV_APP_DEVICE_ID, KV_APP_WORKER_ID
    from fieldapp.services.policy import effective_policy
    from fieldapp.store.repos.kv import get_kv

    resultaat = _resultaat(args.resultaat)
    fallback = load_policy(Path(args.policy) if args.policy else None)
    store = open_store(args)
    try:
        with store.session() as session:
            close_case(
                session,
                event_id=str(uuid.uuid4()),
                case_id=args.case_id,
                resultaat=resultaat,
                reason=args.reden,
                at=datetime.now(UTC),
                worker_id=get_kv(session, KV_APP_WORKER_ID),
                device_id=get_kv(session, KV_APP_DEVICE_ID),
                effort_override=bool(args.reden.strip()),
                policy=effective_policy(session, fallback),
            )
    except EffortNotMet as exc:
        if args.json:
            doc = {
                "gesloten": False,
                "fout": "inspanning niet voldaan",
                "tekorten": [
                    {"code": code, "tekst": line}
                    for code, line in zip(exc.codes, exc.shortfalls, strict=True)
                ],
            }
            print(json.dumps(doc, ensure_ascii=False, indent=2))
        else:
            print("inspanning niet voldaan")
            for line in exc.shortfalls:
                print(line)
            if args.reden.strip():
                print("Alleen een teamleider mag met een reden toch afsluiten.")
        return exc.exit_code
    finally:
        store.close()
    if args.json:
        print(json.dumps({"gesloten": True, "zaak": args.case_id, "resultaat": resultaat.value}))
    else:
        print(f"Zaak gesloten: {resultaat.value}")
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    import uuid
    from datetime import UTC, datetime

    from fieldapp.errors import InputRefused
    from fieldapp.services.cases import reopen_case
    from fieldapp.services.identity import KV_APP_DEVICE_ID, KV_APP_WORKER_ID
    from fieldapp.store.repos.kv import get_kv

    if not args.reden.strip():
        raise InputRefused("Geef met --reden op waarom de zaak weer open gaat.")
    store = open_store(args)
    try:
        with store.session() as session:
            reopen_case(
                session,
                event_id=str(uuid.uuid4()),
                case_id=args.case_id,
                reason=args.reden,
                at=datetime.now(UTC),
                worker_id=get_kv(session, KV_APP_WORKER_ID),
                device_id=get_kv(session, KV_APP_DEVICE_ID),
            )
    finally:
        store.close()
    if args.json:
        print(json.dumps({"heropend": True, "zaak": args.case_id}))
    else:
        print("Zaak heropend.")
    return 0
