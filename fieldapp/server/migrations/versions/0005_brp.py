"""BRP check (issue 13): checks (verdict only), the append-only query log, extracts.

Revision ID: 0005_brp
Revises: 0005_layers
Create Date: 2026-12-01

Written by hand; plain SQLAlchemy types only. ``brp_queries`` is append-only like
``audit_events`` (triggers refuse UPDATE and DELETE).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_brp"
down_revision: str | None = "0005_layers"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "brp_checks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("backend", sa.String(length=20), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("gemeentecode", sa.String(length=4), nullable=True),
        sa.Column("bag_id", sa.String(length=16), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brp_checks")),
    )
    op.create_index("ix_brp_checks_state_checked_at", "brp_checks", ["state", "checked_at"])
    op.create_index("ix_brp_checks_case_id", "brp_checks", ["case_id"])
    op.create_index("ix_brp_checks_person_id", "brp_checks", ["person_id"])
    op.create_table(
        "brp_queries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("backend", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("correlation_id", sa.String(length=64), nullable=False),
        sa.Column("user_ref", sa.String(length=100), nullable=False),
        sa.Column("task", sa.String(length=200), nullable=False),
        sa.Column("asked", sa.Integer(), nullable=False),
        sa.Column("delivered", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("delivered_pls", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brp_queries")),
    )
    op.create_index("ix_brp_queries_correlation_id", "brp_queries", ["correlation_id"])
    op.create_table(
        "brp_extracts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("peildatum", sa.Date(), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brp_extracts")),
    )
    op.create_table(
        "brp_extract_persons",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("extract_id", sa.String(length=36), nullable=False),
        sa.Column("bsn_hash", sa.String(length=64), nullable=False),
        sa.Column("address_hash", sa.String(length=64), nullable=True),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brp_extract_persons")),
    )
    op.create_index("ix_brp_extract_persons_bsn_hash", "brp_extract_persons", ["bsn_hash"])
    op.create_index(
        "ix_brp_extract_persons_address_hash", "brp_extract_persons", ["address_hash"]
    )
    _append_only("brp_queries")


def _append_only(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{table} is append-only'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS brp_queries_no_change ON brp_queries")
        op.execute("DROP FUNCTION IF EXISTS brp_queries_append_only()")
    op.drop_table("brp_extract_persons")
    op.drop_table("brp_extracts")
    op.drop_table("brp_queries")
    op.drop_table("brp_checks")
