"""Privacy mechanisms of the client: opt-out and retention enforcement belong here.

The retention rule itself is ``fieldapp.domain.retention``; the server's audit trail is
``fieldapp.server.audit`` (it writes server tables, so it lives with the server).
"""
