"""The language a household reads: its cards and letters print in it, whatever the batch.

A per-case choice on this laptop (the worker heard it at the door, or the team lead knows it),
kept in the encrypted store's key-value table as ``taal:<case id>``. Printing passes it per job
(``PrintJob.language``), so one route can hold Dutch, Polish and Arabic cards; cases without a
choice get the language picked for the batch (Dutch by default).

Trap: the choice is local to this laptop and does not travel with sync (the shared case
tables carry no language yet); a case removed from the laptop (tombstone, retention) loses it
with its other personal data.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldapp.domain.letters import Language
from fieldapp.services.changes import Changes
from fieldapp.services.errors import CaseNotFound
from fieldapp.store.repos.kv import case_language_key
from fieldapp.store.schema import CaseRow, KeyValueRow

_PREFIX = case_language_key("")
_key = case_language_key


def set_case_language(session: Session, case_id: str, language: Language | None) -> Changes:
    """Remember ``language`` for the case (None: back to the batch language)."""
    if session.get(CaseRow, case_id) is None:
        raise CaseNotFound("Deze zaak bestaat niet (meer) op dit apparaat.")
    session.execute(delete(KeyValueRow).where(KeyValueRow.key == _key(case_id)))
    if language is not None:
        session.add(KeyValueRow(key=_key(case_id), value=language.value))
    session.flush()
    return Changes(cases=True, case_ids=frozenset({case_id}))


def case_languages(session: Session, case_ids: Sequence[str]) -> dict[str, Language]:
    """The chosen language per case, for those that have one."""
    if not case_ids:
        return {}
    keys = [_key(c) for c in case_ids]
    found: dict[str, Language] = {}
    for start in range(0, len(keys), 500):
        rows = session.execute(
            select(KeyValueRow.key, KeyValueRow.value).where(
                KeyValueRow.key.in_(keys[start : start + 500])
            )
        )
        for key, value in rows:
            try:
                found[key[len(_PREFIX) :]] = Language(value)
            except ValueError:
                continue  # a value from a newer version: fall back to the batch language
    return found
