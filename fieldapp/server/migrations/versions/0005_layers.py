"""The server holds only the core tables it uses: drop the client-only ``drafts`` and ``kv``.

They came with 0001 (which created every client table); the server never reads or writes
them (see ``fieldapp.server.db.schema.CLIENT_ONLY_TABLES``).

Revision ID: 0005_layers
Revises: 0004_recovery_tickets
Create Date: 2026-12-01

Written by hand; plain SQLAlchemy types only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_layers"
down_revision: str | None = "0004_recovery_tickets"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.drop_table("drafts")
    op.drop_table("kv")


def downgrade() -> None:
    op.create_table(
        "kv",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_kv")),
    )
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_drafts")),
    )
