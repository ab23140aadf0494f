"""Planning (issue 14): the change feed keyed by (entity_type, entity_id); planner jobs; the
shared core tables get the planning columns and ``route_edits`` (same as the client tree's
``0003_planning``).

Revision ID: 0002_planning
Revises: 0005_brp
Create Date: 2026-12-01

Written by hand; plain SQLAlchemy types only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_planning"
down_revision: str | None = "0005_brp"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_scope_case_id")
        batch_op.alter_column("case_id", new_column_name="entity_id")
        batch_op.add_column(
            sa.Column("entity_type", sa.String(length=20), nullable=False, server_default="case")
        )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.alter_column("entity_type", server_default=None)
        batch_op.create_index("ix_change_log_entity_scope", ["entity_type", "entity_id", "scope"])
    op.create_table(
        "plan_jobs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("van", sa.Date(), nullable=False),
        sa.Column("tot", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("budget_seconds", sa.Float(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("error", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_jobs")),
    )
    with op.batch_alter_table("plan_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_jobs_team"), ["team"])
    _core_upgrade()


def _core_upgrade() -> None:
    """The shared core tables: keep identical to the client tree's 0003_planning."""
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
    op.drop_table("plan_jobs")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_entity_scope")
        batch_op.drop_column("entity_type")
        batch_op.alter_column("entity_id", new_column_name="case_id")
        batch_op.create_index("ix_change_log_scope_case_id", ["scope", "case_id"])
