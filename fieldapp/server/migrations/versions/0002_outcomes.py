"""Outcomes: retention markers on cases, kinds of opt-out entries.

- ``cases.anonymised_on``: the day retention removed the case's personal data;
- ``cases.contact_on_time``: first attempt on or before the deadline, frozen at anonymisation
  (the exact dates are truncated to the month then, the statistic must not change);
- ``opt_outs.kind`` (``niet_benaderen`` | ``onveilig``), ``opt_outs.visit_mode`` (``duo`` |
  ``nooit``, for ``onveilig``), ``opt_outs.version`` (sync).

Revision ID: 0002_outcomes
Revises: 0001
Create Date: 2026-12-01

Written by hand; plain SQLAlchemy types only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_outcomes"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("contact_on_time", sa.Boolean(), nullable=True))
    with op.batch_alter_table("opt_outs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="niet_benaderen")
        )
        batch_op.add_column(sa.Column("visit_mode", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("opt_outs", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("visit_mode")
        batch_op.drop_column("kind")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("contact_on_time")
        batch_op.drop_column("anonymised_on")
