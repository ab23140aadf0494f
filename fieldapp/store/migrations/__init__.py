"""Alembic migrations of the client store (run programmatically, see ``runner``)."""
