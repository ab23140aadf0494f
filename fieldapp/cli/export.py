"""``fieldapp export ddas``: the CBS delivery from this store, validated before writing."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.cli.common import UsageError, db_path, open_store
from fieldapp.errors import FieldAppError

DEMO_GEMEENTECODE = "9999"  # the fictional code of the demo town and the shipped default


class ExportRefused(FieldAppError):
    """An export that would be wrong (reversed period, the demo's code on a real store).

    Nothing was written."""

    exit_code = 2


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="exporteer gegevens")
    esub = p.add_subparsers(dest="export_command", required=True)
    ddas = esub.add_parser("ddas", help="DDAS Vroegsignalering v1.2 (CBS), gevalideerd")
    ddas.add_argument("--van", required=True, help="eerste dag (JJJJ-MM-DD)")
    ddas.add_argument("--tot", required=True, help="laatste dag (JJJJ-MM-DD)")
    ddas.add_argument("--gemeentecode", help="CBS-gemeentecode (standaard uit organisatie.toml)")
    ddas.add_argument("--out", required=True, help="JSON-bestand om te schrijven")
    ddas.set_defaults(func=cmd_export_ddas)
    from fieldapp.cli.report import add_export_commands

    add_export_commands(esub)


def cmd_export_ddas(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from fieldapp.files import write_private_atomic
    from fieldapp.reporting.ddas_export import Supplier, build_delivery
    from fieldapp.services.print_jobs import load_organisation

    try:
        start, end = date.fromisoformat(args.van), date.fromisoformat(args.tot)
    except ValueError as exc:
        raise UsageError("Gebruik datums als JJJJ-MM-DD.") from exc
    if end < start:
        raise ExportRefused(
            f"De periode loopt achteruit: --van {start.isoformat()} ligt na --tot "
            f"{end.isoformat()}. Er is niets geschreven."
        )
    organisation = load_organisation(db_path(args))
    supplier = Supplier(
        gemeentecode=args.gemeentecode or organisation.gemeentecode or "Onbekend",
        organisatie=organisation.gemeente,
    )
    store = open_store(args)
    try:
        with store.session() as session:
            if supplier.gemeentecode == DEMO_GEMEENTECODE and not _is_demo(session):
                raise ExportRefused(
                    f"Gemeentecode {DEMO_GEMEENTECODE} is de verzonnen code van de demo, geen "
                    "echte gemeente. Zet de CBS-code van uw gemeente in organisatie.toml naast "
                    f"de database ({db_path(args).parent / 'organisatie.toml'}) of geef "
                    "--gemeentecode. Er is niets geschreven."
                )
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


def _is_demo(session: Any) -> bool:
    from fieldapp.demo import KV_DEMO
    from fieldapp.services import queries

    return queries.get_kv(session, KV_DEMO) == "1"
