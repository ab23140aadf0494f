"""Privacy mechanisms on the core tables: retention (``retention``), later opt-out.

The server's audit trail is ``fieldapp.server.audit`` (it writes server tables, so it lives
with the server).
"""
