"""Planning (issue 14): shift details (team, pair partner, start/end point, mode, skills,
capacity, published), planned-visit details (times, locked, published, why, version) and the
``route_edits`` outbox (a worker's own reorder of a published shift).

Revision ID: 0003_planning
Revises: 0003_outcomes
Create Date: 2026-12-01

Written by hand; plain SQLAlchemy types only. The server tree's ``0002_planning`` makes the
same change to the shared core tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_planning"
down_revision: str | None = "0003_outcomes"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("team", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("partner_worker_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("start_lat", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("start_lon", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("end_lat", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("end_lon", sa.Double(), nullable=True))
        batch_op.add_column(
            sa.Column("mode", sa.String(length=10), nullable=False, server_default="bike")
        )
        batch_op.add_column(sa.Column("skills", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("max_visits", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("published", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("published_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_shifts_team_day", ["team", "day"])
    with op.batch_alter_table("planned_visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_minute", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("end_minute", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("published", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("why", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
    # Defaults were only for existing rows: the models set every value themselves.
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        for name in ("team", "mode", "skills", "published"):
            batch_op.alter_column(name, server_default=None)
    with op.batch_alter_table("planned_visits", schema=None) as batch_op:
        for name in ("locked", "published", "why", "version"):
            batch_op.alter_column(name, server_default=None)
    op.create_table(
        "route_edits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.String(length=36), nullable=False),
        sa.Column("case_ids", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("worker_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("sync_state", sa.String(length=10), nullable=False),
        sa.Column("acked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_route_edits")),
    )
    with op.batch_alter_table("route_edits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_route_edits_shift_id"), ["shift_id"])
        batch_op.create_index("ix_route_edits_sync_state", ["sync_state"])


def downgrade() -> None:
    op.drop_table("route_edits")
    with op.batch_alter_table("planned_visits", schema=None) as batch_op:
        for name in ("version", "why", "published", "locked", "end_minute", "start_minute"):
            batch_op.drop_column(name)
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index("ix_shifts_team_day")
        for name in (
            "published_at",
            "published",
            "max_visits",
            "skills",
            "mode",
            "end_lon",
            "end_lat",
            "start_lon",
            "start_lat",
            "partner_worker_id",
            "team",
        ):
            batch_op.drop_column(name)
