"""Which afwegingskader applies on this laptop: the server's, else the local file.

The server is the authority (it checks every close again), so a laptop that has received the
server's policy uses it, also offline. Before the first sync, or on a stand-alone store, the
local file applies (``--policy`` or the shipped default; see ``fieldapp.config``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from fieldapp.config import PolicyInvalid, load_policy, parse_policy
from fieldapp.domain.priority import Policy
from fieldapp.store.repos.kv import get_kv, set_kv

KV_SERVER_POLICY = "policy.server"  # TOML text as handed out by the server
KV_POLICY_FETCHED = "policy.fetched_at"
FETCH_EVERY = timedelta(hours=1)


def policy_fetch_due(session: Session, now: datetime) -> bool:
    """At most once an hour (a sync may run every few minutes)."""
    raw = get_kv(session, KV_POLICY_FETCHED)
    try:
        last = datetime.fromisoformat(raw) if raw else None
    except ValueError:
        last = None
    return last is None or last.tzinfo is None or not (now - FETCH_EVERY < last <= now)


def note_policy_fetched(session: Session, now: datetime) -> None:
    set_kv(session, KV_POLICY_FETCHED, now.isoformat())


def store_server_policy(session: Session, text: str) -> bool:
    """Keep the server's policy text (validated first). Returns True when it changed."""
    parse_policy(text)
    if get_kv(session, KV_SERVER_POLICY) == text:
        return False
    set_kv(session, KV_SERVER_POLICY, text)
    return True


def effective_policy(session: Session, fallback: Policy | None = None) -> Policy:
    """The server's policy when this store holds one, else ``fallback`` (else the local file).

    A stored text that no longer parses (an older app) falls back rather than blocking work.
    """
    text = get_kv(session, KV_SERVER_POLICY)
    if text:
        try:
            return parse_policy(text)
        except PolicyInvalid:
            pass
    return fallback if fallback is not None else load_policy()


def server_policy(session: Session) -> Policy | None:
    """The policy the server handed out, or None before the first sync / when unreadable."""
    text = get_kv(session, KV_SERVER_POLICY)
    if not text:
        return None
    try:
        return parse_policy(text)
    except PolicyInvalid:
        return None
