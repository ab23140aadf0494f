"""``fieldapp doctor``: a support report for this machine, without personal data."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from fieldapp.config import default_paths


def register(sub: Any) -> None:
    p = sub.add_parser("doctor", help="controleer deze computer (rapport zonder persoonsgegevens)")
    p.add_argument("--server", help="serveradres om te controleren (standaard uit veldwerk.toml)")
    p.add_argument("--ca-bundle", help="CA-certificaten (PEM) voor de server")
    p.add_argument("--zonder-qt", action="store_true", help="start Qt niet op proef")
    p.add_argument("--json", action="store_true", help="rapport als JSON")
    p.set_defaults(func=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    from fieldapp.support.doctor import Status, run_checks, worst

    data_dir = Path(args.db).parent if args.db else default_paths().data_dir
    checks = run_checks(
        data_dir=data_dir,
        server_url=args.server,
        ca_bundle=Path(args.ca_bundle) if args.ca_bundle else None,
        start_qt=not args.zonder_qt,
    )
    overall = worst(checks)
    if args.json:
        print(
            json.dumps(
                {"status": overall.value, "checks": [c.to_json() for c in checks]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for check in checks:
            print(f"[{check.status.value:^12}] {check.name}: {check.detail}")
        print(f"Uitkomst: {overall.value}")
    return 1 if overall is Status.FAIL else 0
