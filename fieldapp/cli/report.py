"""``fieldapp report`` and ``fieldapp export terugmelding``: figures and partner feedback.

Both read this laptop's store (a team lead's holds the team's cases); the server offers the
same through ``/v1/report`` and ``fieldapp server ...``. Reversed periods exit 2.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.cli.common import open_store
from fieldapp.errors import InputRefused


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="overzicht: bereik, pogingen, termijnen (met 95%-interval)")
    _period(p)
    p.add_argument("--json", action="store_true", help="alle cijfers als JSON op stdout")
    p.add_argument("--csv", help="schrijf de cijfers als CSV")
    p.add_argument("--png", help="schrijf een grafiek (PNG)")
    p.set_defaults(func=cmd_report)


def add_export_commands(esub: Any) -> None:
    """Called by the ``export`` group: ``export terugmelding``."""
    p = esub.add_parser("terugmelding", help="terugmelding aan een signaalpartner (grof)")
    p.add_argument("--partner", required=True, help="signaalpartner, bijv. Zorg of Energie")
    _period(p)
    p.add_argument("--out", required=True, help="bestand .csv of .json")
    p.set_defaults(func=cmd_feedback)


def _period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--van", required=True, help="eerste dag (JJJJ-MM-DD)")
    p.add_argument("--tot", required=True, help="laatste dag (JJJJ-MM-DD)")


def parse_period(args: argparse.Namespace) -> tuple[date, date]:
    try:
        start, end = date.fromisoformat(args.van), date.fromisoformat(args.tot)
    except ValueError as exc:
        raise InputRefused("Gebruik datums als JJJJ-MM-DD.") from exc
    if end < start:
        raise InputRefused("De periode klopt niet: --tot ligt vóór --van.")
    return start, end


def cmd_report(args: argparse.Namespace) -> int:
    from fieldapp.files import write_private_atomic
    from fieldapp.reporting.charts import dashboard_csv, dashboard_png
    from fieldapp.services.reporting import dashboard

    start, end = parse_period(args)
    store = open_store(args)
    try:
        with store.session() as session:
            figures = dashboard(session, start=start, end=end, today=date.today())
    finally:
        store.close()
    doc = {"van": start.isoformat(), "tot": end.isoformat(), **figures.to_json()}
    if args.csv:
        write_private_atomic(Path(args.csv), dashboard_csv(figures))
    if args.png:
        title = f"Veldwerk overzicht {start.isoformat()} t/m {end.isoformat()}"
        write_private_atomic(Path(args.png), dashboard_png(figures, title=title))
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        on_time = figures.on_time
        print(f"{figures.cases} zaken, {figures.attempts} contactpogingen")
        share = "-" if on_time.rate is None else f"{on_time.rate:.0%}"
        print(
            f"Op tijd benaderd: {on_time.hits} van {on_time.total} ({share}; "
            f"95%-interval {on_time.low:.0%}-{on_time.high:.0%})"
        )
        print(f"Inspanning overschreven: {figures.overrides.hits} van {figures.overrides.total}")
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from fieldapp.files import write_private_atomic
    from fieldapp.reporting import partner_feedback as fb

    partner = fb.parse_partner(args.partner)
    start, end = parse_period(args)
    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".json"):
        raise InputRefused("Kies een bestandsnaam die eindigt op .csv of .json.")
    store = open_store(args)
    try:
        with store.session() as session:
            rows = fb.feedback_rows(session, partner=partner, start=start, end=end)
    finally:
        store.close()
    data = (
        fb.to_csv(rows)
        if out.suffix.lower() == ".csv"
        else fb.to_json(rows, partner=partner, start=start, end=end)
    )
    write_private_atomic(out, data)
    print(f"Terugmelding voor {partner.value} geschreven naar {out}: {len(rows)} signalen.")
    return 0
