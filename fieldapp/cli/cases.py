"""``fieldapp import`` and ``fieldapp cases``: signals in, cases out."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.cli.common import open_store
from fieldapp.config import load_policy
from fieldapp.domain.cases import Case


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="lees signaalbestanden in (DDAS-JSON, CSV, XLSX)")
    p.add_argument("files", nargs="+", metavar="BESTAND")
    p.add_argument("--dry-run", action="store_true", help="controleer alleen, sla niets op")
    p.add_argument("--json", action="store_true", help="rapport als JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("cases", help="toon de zaken")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="ook gesloten zaken")
    p.set_defaults(func=cmd_cases)


def cmd_import(args: argparse.Namespace) -> int:
    from fieldapp.services.intake import import_files

    policy = load_policy(Path(args.policy) if args.policy else None)
    store = open_store(args)
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
