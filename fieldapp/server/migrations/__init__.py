"""Alembic migrations of the sync server (core tables + server tables; see ``runner``)."""
