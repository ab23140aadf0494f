"""``fieldapp shifts``: the shifts (diensten) on this laptop, with the ids for ``--shift``."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from fieldapp.cli.common import UsageError, open_store


def register(sub: Any) -> None:
    p = sub.add_parser("shifts", help="toon de diensten (routes) met hun id")
    p.add_argument("--json", action="store_true", help="als JSON")
    p.add_argument("--vanaf", help="alleen diensten vanaf deze dag (JJJJ-MM-DD)")
    p.set_defaults(func=cmd_shifts)


def cmd_shifts(args: argparse.Namespace) -> int:
    from fieldapp.services.print_jobs import list_shifts

    try:
        since = date.fromisoformat(args.vanaf) if args.vanaf else None
    except ValueError as exc:
        raise UsageError("Gebruik een datum als JJJJ-MM-DD.") from exc
    store = open_store(args)
    try:
        with store.session() as session:
            shifts = list_shifts(session, since=since)
    finally:
        store.close()
    if args.json:
        rows = [
            {"id": s.id, "day": s.day.isoformat(), "dagdeel": s.dagdeel.value, "visits": s.visits}
            for s in shifts
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for s in shifts:
        print(f"{s.day.isoformat()}  {s.dagdeel.value:<7}  {s.visits:>3} adressen  {s.id}")
    print(f"{len(shifts)} dienst(en). Printen: fieldapp print cards --shift ID --out kaartjes.pdf")
    return 0
