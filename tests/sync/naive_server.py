"""A deliberately broken server for the crash battery's mutation check: it does not dedupe
(every pushed attempt is stored under a fresh server id), like a naive INSERT. Run as
``python -m tests.sync.naive_server serve ...``. Never used outside that harness."""

from __future__ import annotations

import uuid

from fieldapp.server import push

_original_values = push._attempt_values


def _fresh_id_values(item, who, now):  # type: ignore[no-untyped-def]
    values = _original_values(item, who, now)
    values["id"] = str(uuid.uuid4())  # what a naive INSERT with a server-made key does
    return values


push._attempt_values = _fresh_id_values  # type: ignore[assignment]

if __name__ == "__main__":
    from fieldapp.cli import main

    raise SystemExit(main())
