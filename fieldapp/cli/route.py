"""``fieldapp print route --shift ID --out FILE.pdf``: a worker's route sheet for one shift.

Reads the client store named by ``--db`` (a worker's or the lead's laptop, or the demo). The
sheet has the order, time windows, addresses, names and what to bring; no amounts, partners or
debt words. Written atomically, readable by the user only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldapp.cli.common import open_store
from fieldapp.errors import FieldAppError


def add_route_parser(print_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Called by ``fieldapp.cli.letters`` when it builds ``print``."""
    route = print_sub.add_parser("route", help="routeblad van een dienst (A4)")
    route.add_argument("--shift", required=True, help="id van de dienst")
    route.add_argument("--out", required=True, type=Path, help="PDF-bestand")
    route.set_defaults(func=run_print_route)


def run_print_route(args: argparse.Namespace) -> int:
    from fieldapp.letters.route_sheet import render_route_sheet
    from fieldapp.services.print_pdf import write_pdf
    from fieldapp.services.route_sheet import load_route_sheet

    try:
        store = open_store(args)
        try:
            with store.session() as session:
                sheet = load_route_sheet(session, args.shift)
        finally:
            store.close()
        write_pdf(args.out, render_route_sheet(sheet))
    except FieldAppError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return exc.exit_code
    print(
        f"Routeblad met {len(sheet.stops)} bezoek(en) geschreven naar {args.out}. "
        "Let op: bevat persoonsgegevens."
    )
    return 0
