"""The sync server's database, one module per topic.

``schema`` (server-only tables), ``keys`` (the key file and what is derived from it),
``column_keys`` (PostgreSQL's column keys and the KEK), ``engine`` (SQLCipher or PostgreSQL
engine), ``open`` (open and migrate), ``epoch`` and ``sequence`` (generation id, change
sequence numbers), ``backup`` (embedded copy).

The server reuses the client store's core tables (``fieldapp.store.schema.Base``: cases, people,
signals, attempts, case_events, workers, shifts, ...) so the lead's services (import, assign,
queries) run unchanged on a server session. Server-only tables live on a *separate* MetaData
(``ServerBase``) defined in ``schema``. One Alembic tree (``fieldapp/server/migrations``,
version table ``alembic_version_server``) creates both sets; ``open.open_server_db`` runs it on
start.

At rest:
- Embedded default (any ``sqlite`` URL, default ``<data dir>/server.db``): a SQLCipher file
  keyed with a raw key derived (HKDF) from the server key file ``server.key`` (32 random bytes,
  mode 0600, created on first start). Lose the key file and the database is unreadable: back
  both up, separately.
- PostgreSQL (``postgresql+psycopg://...``): person-level columns are sealed per value by the
  application (``fieldapp.store.sealed``; keys in ``column_keys``, wrapped by a KEK that never
  enters the database), on top of the cluster's disk encryption. The key file is still needed:
  device recovery keys are stored AES-256-GCM-wrapped under a key derived from it.

Concurrency traps:
- SQLite: every transaction starts with ``BEGIN IMMEDIATE`` (driver autocommit + SQLAlchemy
  ``begin`` event), so two request threads never deadlock upgrading a read lock to a write
  lock; ``busy_timeout`` makes writers queue instead of failing.
- PostgreSQL: change sequence numbers are taken from a single-row counter with
  ``UPDATE ... RETURNING`` inside the writing transaction. The row lock is held to COMMIT, so
  writers that emit changes are serialised and seq order equals commit order: a reader can
  never skip a seq that commits later.
"""

# The BRP check's tables (issue 13) join ServerBase whenever any part of the server database
# is imported, so the migration diff always sees the whole metadata.
from fieldapp.server.db import brp_schema as brp_schema
