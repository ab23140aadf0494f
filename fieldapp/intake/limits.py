"""The longest text the stores keep per field, checked when a row is read.

SQLite never enforces a VARCHAR length; PostgreSQL refuses an over-long value with a DataError
at commit, which would fail the whole file (and, before the server's error guard, put the value
into a traceback). So intake refuses such a row up front with a clear reason, like any other bad
field. ``tests/core/test_intake_limits.py`` keeps these equal to the column lengths in
``fieldapp/store/schema.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from fieldapp.domain.people import Address, Person

PERSON_LIMITS: dict[str, int] = {
    "achternaam": 200,
    "voorletters": 20,
    "voorvoegsel": 20,
    "voornaam": 100,
    "telefoon": 20,
    "email": 200,
}
ADDRESS_LIMITS: dict[str, int] = {
    "postcode": 6,
    "toevoeging": 10,
    "straat": 200,
    "plaats": 100,
    "wijk": 100,
}


def too_long(person: Person, address: Address | None) -> Iterator[tuple[str, int]]:
    """``(field, limit)`` for every field of this row that is longer than its column."""
    for field, limit in PERSON_LIMITS.items():
        value = getattr(person, field)
        if isinstance(value, str) and len(value) > limit:
            yield field, limit
    if address is not None:
        for field, limit in ADDRESS_LIMITS.items():
            value = getattr(address, field)
            if isinstance(value, str) and len(value) > limit:
                yield field, limit
