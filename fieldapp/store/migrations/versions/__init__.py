"""Alembic revision files (a package so they are installed with ``fieldapp``)."""
