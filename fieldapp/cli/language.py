"""``fieldapp taal``: the language a household's cards and letters print in."""

from __future__ import annotations

import argparse
from typing import Any

from fieldapp.cli.common import open_store
from fieldapp.domain.letters import Language

_CLEAR = "standaard"


def register(sub: Any) -> None:
    p = sub.add_parser("taal", help="taal van kaartjes en brieven voor één huishouden")
    p.add_argument("case", metavar="ZAAK", help="id van de zaak (zie `fieldapp cases --json`)")
    p.add_argument(
        "taal",
        nargs="?",
        choices=[lang.value for lang in Language] + [_CLEAR],
        help=f"nieuwe taal; '{_CLEAR}' = de taal die bij het printen gekozen wordt",
    )
    p.set_defaults(func=cmd_taal)


def cmd_taal(args: argparse.Namespace) -> int:
    from fieldapp.services.case_language import case_languages, set_case_language

    store = open_store(args)
    try:
        with store.session() as session:
            if args.taal is not None:
                chosen = None if args.taal == _CLEAR else Language(args.taal)
                set_case_language(session, args.case, chosen)
            current = case_languages(session, [args.case]).get(args.case)
    finally:
        store.close()
    shown = current.value if current else f"{_CLEAR} (de taal van de printopdracht)"
    print(f"Taal voor zaak {args.case}: {shown}")
    return 0
