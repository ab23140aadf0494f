"""One-time recovery tickets issued by a team lead for one device.

Revision ID: 0004_recovery_tickets
Revises: 0003_throttle
Create Date: 2026-12-01

Written by hand; plain SQLAlchemy types only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004_recovery_tickets"
down_revision: str | None = "0003_throttle"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "recovery_tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_by", sa.String(length=36), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("rotated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_recovery_tickets_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_tickets")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_recovery_tickets_code_hash")),
    )


def downgrade() -> None:
    op.drop_table("recovery_tickets")
