"""``fieldapp profile set|show``: the worker's own name and numbers for cards and letters."""

from __future__ import annotations

import argparse
import json
from typing import Any

from fieldapp.cli.common import UsageError, open_store


def register(sub: Any) -> None:
    p = sub.add_parser("profile", help="uw naam en nummers op kaartjes en brieven")
    psub = p.add_subparsers(dest="profile_command", required=True)
    set_cmd = psub.add_parser("set", help="stel uw gegevens in (leeg = wissen)")
    set_cmd.add_argument("--naam", help="zoals op de brief, bijv. 'Sanne de Wit'")
    set_cmd.add_argument("--telefoon", help="direct nummer, bijv. 06 12345678")
    set_cmd.add_argument("--whatsapp", help="WhatsApp-nummer (standaard het telefoonnummer)")
    set_cmd.add_argument("--email", help="e-mailadres")
    set_cmd.set_defaults(func=cmd_profile_set)
    show = psub.add_parser("show", help="toon wat er op kaartjes en brieven komt")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_profile_show)


def cmd_profile_set(args: argparse.Namespace) -> int:
    from fieldapp.services.profile import clean_profile, load_profile, save_profile

    fields = {k: getattr(args, k) for k in ("naam", "telefoon", "whatsapp", "email")}
    if all(v is None for v in fields.values()):
        raise UsageError("Geef minstens een van --naam, --telefoon, --whatsapp of --email.")
    store = open_store(args)
    try:
        with store.session() as session:
            profile = clean_profile(load_profile(session), **fields)
            save_profile(session, profile)
    finally:
        store.close()
    print("Uw gegevens zijn opgeslagen.")
    return cmd_profile_show(args)


def cmd_profile_show(args: argparse.Namespace) -> int:
    from fieldapp.domain.people import readable_phone
    from fieldapp.services.profile import own_worker

    store = open_store(args)
    try:
        with store.session() as session:
            worker = own_worker(session)
    finally:
        store.close()
    shown = {
        "naam": worker.display_name if worker else "",
        "telefoon": readable_phone(worker.phone) if worker and worker.phone else "",
        "whatsapp": readable_phone(worker.whatsapp) if worker and worker.whatsapp else "",
        "email": worker.email if worker else "",
    }
    if getattr(args, "json", False):
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    for key, value in shown.items():
        print(f"{key + ':':<10} {value or '(leeg)'}")
    if not shown["naam"] or not shown["telefoon"]:
        print("Zonder naam en telefoonnummer print Veldwerk geen kaartjes of brieven.")
    return 0
