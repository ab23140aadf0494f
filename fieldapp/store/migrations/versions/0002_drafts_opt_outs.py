"""Add drafts (unfinished forms kept over auto-lock) and opt_outs ("do not approach me").

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Written by hand from reviewed autogenerate output; plain SQLAlchemy types only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_drafts")),
    )
    op.create_table(
        "opt_outs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("address_key", sa.String(length=40), nullable=True),
        sa.Column("bsn", sa.String(length=9), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opt_outs")),
    )
    with op.batch_alter_table("opt_outs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opt_outs_address_key"), ["address_key"])
        batch_op.create_index(batch_op.f("ix_opt_outs_bsn"), ["bsn"])


def downgrade() -> None:
    op.drop_table("opt_outs")
    op.drop_table("drafts")
