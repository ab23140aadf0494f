"""Person-level columns encrypted by the application on PostgreSQL (issue 17, item 4).

Revision ID: 0006_pg_column_encryption
Revises: 0002_planning
Create Date: 2026-12-01

PostgreSQL only (the embedded server is a SQLCipher file: nothing to do there). Each listed
column becomes ``bytea``; existing values are sealed in place, inside this migration's one
transaction, with the engine's column cipher (``fieldapp.server.db.column_keys`` opens or makes
the column keys with the KEK ``open_server_db`` set). The list is a frozen snapshot; the labels
must equal the ``Sealed``/``SealedLookup`` labels in the schema (a test checks). Afterwards run
``VACUUM FULL`` on these tables once: the old row versions still hold plaintext on disk until
PostgreSQL reclaims them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006_pg_column_encryption"
down_revision: str | None = "0002_planning"
branch_labels: str | None = None
depends_on: str | None = None

# table -> [(column, "random" | "lookup", label or domain, plain PostgreSQL type)]
SEALED: dict[str, list[tuple[str, str, str, str]]] = {
    "cases": [
        ("address_key", "lookup", "address_key", "varchar(40)"),
        ("huisnummer", "random", "cases.huisnummer", "integer"),
        ("toevoeging", "random", "cases.toevoeging", "varchar(10)"),
        ("straat", "random", "cases.straat", "varchar(200)"),
        ("lat", "random", "cases.lat", "double precision"),
        ("lon", "random", "cases.lon", "double precision"),
        ("notes", "random", "cases.notes", "text"),
    ],
    "people": [
        ("identity_key", "lookup", "identity_key", "varchar(200)"),
        ("achternaam", "random", "people.achternaam", "varchar(200)"),
        ("voorletters", "random", "people.voorletters", "varchar(20)"),
        ("voorvoegsel", "random", "people.voorvoegsel", "varchar(20)"),
        ("voornaam", "random", "people.voornaam", "varchar(100)"),
        ("geboortedatum", "random", "people.geboortedatum", "date"),
        ("geslacht", "random", "people.geslacht", "varchar(10)"),
        ("bsn", "lookup", "bsn", "varchar(9)"),
        ("bsn_invalid", "random", "people.bsn_invalid", "varchar(40)"),
        ("telefoon", "random", "people.telefoon", "varchar(20)"),
        ("email", "random", "people.email", "varchar(200)"),
    ],
    "signals": [("address_key", "lookup", "address_key", "varchar(40)")],
    "attempts": [
        ("note", "random", "attempts.note", "text"),
        ("void_reason", "random", "attempts.void_reason", "text"),
    ],
    "case_events": [("reason", "random", "case_events.reason", "text")],
    "opt_outs": [
        ("address_key", "lookup", "address_key", "varchar(40)"),
        ("bsn", "lookup", "bsn", "varchar(9)"),
        ("reason", "random", "opt_outs.reason", "text"),
    ],
    "quarantine": [("payload", "random", "quarantine.payload", "json")],
    "brp_checks": [("bag_id", "random", "brp_checks.bag_id", "varchar(16)")],
}
_CHUNK = 1000


def _as_text(column: str, plain: str) -> str:
    if plain == "date":
        return f"to_char({column}, 'YYYY-MM-DD')"
    return f"{column}::text"


def _rewrite(table: str, columns: list[tuple[str, str, str, str]], transform: object) -> None:
    """Read every row's listed columns and write back ``transform(kind, label, bytes)``."""
    conn = op.get_bind()
    names = [c for c, _, _, _ in columns]
    rows = conn.execute(sa.text(f"SELECT id, {', '.join(names)} FROM {table}")).all()
    assignments = ", ".join(f"{c} = :{c}" for c in names)
    update = sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id").bindparams(
        *(sa.bindparam(c, type_=sa.LargeBinary()) for c in names)
    )
    for start in range(0, len(rows), _CHUNK):
        params = []
        for row in rows[start : start + _CHUNK]:
            values: dict[str, object] = {"id": row[0]}
            for (column, kind, label, _plain), value in zip(columns, row[1:], strict=True):
                values[column] = None if value is None else transform(kind, label, bytes(value))  # type: ignore[operator]
            params.append(values)
        if params:
            conn.execute(update, params)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from fieldapp.server.db.column_keys import cipher_for_connection

    cipher = cipher_for_connection(conn)

    def seal(kind: str, label: str, data: bytes) -> bytes:
        return cipher.seal_lookup(label, data) if kind == "lookup" else cipher.seal(label, data)

    for table, columns in SEALED.items():
        for column, _kind, _label, plain in columns:
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN {column} TYPE bytea "
                f"USING convert_to({_as_text(column, plain)}, 'UTF8')"
            )
        _rewrite(table, columns, seal)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from fieldapp.server.db.column_keys import cipher_for_connection

    cipher = cipher_for_connection(conn)
    for table, columns in SEALED.items():
        _rewrite(table, columns, lambda _kind, label, data: cipher.open(label, data))
        for column, _kind, _label, plain in columns:
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {plain} "
                f"USING convert_from({column}, 'UTF8')::{plain}"
            )
