"""``fieldapp server rotate-key``: re-wrap PostgreSQL's column keys under a new KEK
(registered into the ``server`` group by ``cli/server.py``; see ``server.db.column_keys``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldAppError


class RotateKeyRefused(FieldAppError):
    exit_code = 1


def add_key_commands(ssub: Any, *, open_db: Callable[[argparse.Namespace], Any]) -> None:
    """Add ``rotate-key`` to the ``server`` group; ``open_db`` opens the server database from
    the group's arguments (``cli.server`` hands in its own, so this module never imports it)."""
    rot = ssub.add_parser(
        "rotate-key",
        help="PostgreSQL: verpak de kolomsleutels onder een nieuwe KEK (zonder onderbreking)",
    )
    rot.add_argument(
        "--new-kek-file",
        required=True,
        help="de nieuwe KEK (0600); bestaat het bestand niet, dan wordt een nieuwe gemaakt",
    )
    rot.set_defaults(func=cmd_rotate_key, rotate_open_db=open_db)


def cmd_rotate_key(args: argparse.Namespace) -> int:
    from fieldapp.server import audit
    from fieldapp.server.db.column_keys import kek_for, new_kek_file, read_kek_file, rewrap

    target = Path(args.new_kek_file)
    db = args.rotate_open_db(args)  # opens the column keys with the current KEK (or stops)
    try:
        if db.url_kind != "postgresql":
            raise RotateKeyRefused(
                "Alleen voor PostgreSQL: de ingebouwde database is als geheel versleuteld "
                "met de serversleutel."
            )
        new = read_kek_file(target) if target.exists() else new_kek_file(target)
        with db.session() as s, s.begin():
            rewrap(s.connection(), kek_for(db.engine), new)
            audit.record(
                s,
                action=audit.AuditAction.KEY_ROTATION,
                outcome="rewrapped",
                user_id=None,
                device_id=None,
            )
    finally:
        db.dispose()
    print(
        "kolomsleutels opnieuw verpakt; lopende servers werken door. Start nieuwe "
        f"serverprocessen met --kek-file {target} (de oude KEK werkt niet meer)."
    )
    return 0
