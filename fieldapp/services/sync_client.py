"""The sync client: sync an enrolled store with its server (PUSH then PULL), or wipe it.

A service: it drives the ``fieldapp.sync`` mechanisms (transport, look-ahead, protocol) and
the store-side use cases of ``fieldapp.services.sync``; enrolment and recovery are in
``fieldapp.services.identity``.

UI-agnostic: progress goes to a callback, cancellation comes from a ``threading.Event``. Run
:meth:`SyncClient.sync` off the GUI thread; it opens its own short sessions on the store (one
per page), so the UI's database worker can keep running in between.

Stages (resumable; each page is its own local transaction):

1. PUSH: pending outbox pages of <= 200 items and <= 1 MB; each validated reply acks exactly
   the ids it lists. A reply with a new server epoch resets the cursor and re-marks held items
   pending, which this same stage then pushes.
2. PULL: change-feed pages; each page and its cursor are stored in one transaction. A 410
   (stale cursor) restarts from the beginning. Tombstoned cases are purged; afterwards the WAL
   is checkpointed (TRUNCATE) so freed pages do not linger.
3. A wipe order (403) wipes the store: with ``push_first`` only after the outbox is empty.

Requests go out one at a time and in order (the next push page only after the previous reply,
i.e. after the server committed it). To keep the line busy, a short-lived network thread does
the HTTP while this thread works on the store: the next push page is read, and the next pull
page fetched, while the current one is acked or applied. A prefetched pull page is applied
only after the previous page and its cursor are committed, and dropped otherwise.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.errors import FieldAppError
from fieldapp.services import sync as svc
from fieldapp.services.identity import KV_ROLE, load_identity, rotate_recovery_key
from fieldapp.services.store_handle import StoreHandle
from fieldapp.store.client_store import wipe_store
from fieldapp.store.repos.kv import get_kv
from fieldapp.sync.lookahead import NetThread, encode_push
from fieldapp.sync.protocol import MAX_PULL_LIMIT, MAX_PUSH_ITEMS, ChangesPage, OkResponse, PushItem
from fieldapp.sync.transport import (
    StaleCursorError,
    SyncError,
    SyncRefused,
    SyncUnavailable,
    Transport,
    TransportFactory,
    WipeRequested,
    default_transport,
)

log = logging.getLogger(__name__)

MSG_NOT_ENROLLED = "Deze laptop is nog niet aangemeld bij een server."
_MAX_PAGES = 10_000  # bounded loops: a misbehaving server cannot keep us spinning


@dataclass(frozen=True, slots=True)
class SyncProgress:
    stage: str  # "push" | "pull" | "wipe" | "done"
    done: int
    total: int | None
    message: str  # Dutch, for a status bar


@dataclass(slots=True)
class SyncResult:
    pushed: int = 0
    accepted: int = 0
    duplicates: int = 0
    quarantined: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    tombstones: int = 0
    epoch_changed: bool = False
    wiped: bool = False


ProgressFn = Callable[[SyncProgress], None]


# --- sync ----------------------------------------------------------------------------------------


class SyncClient:
    """Sync one open store with its enrolled server. One sync at a time per instance."""

    def __init__(
        self,
        store: StoreHandle,
        *,
        transport_factory: TransportFactory = default_transport,
        push_page: int = MAX_PUSH_ITEMS,
        pull_limit: int = MAX_PULL_LIMIT,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.transport_factory = transport_factory
        self.push_page = min(push_page, MAX_PUSH_ITEMS)
        self.pull_limit = pull_limit
        self.clock = clock
        self._lock = threading.Lock()

    def sync(
        self,
        *,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncResult:
        """PUSH then PULL. Raises a :class:`SyncError` subclass (Dutch message) on failure;
        everything done before the failure stays done. Returns ``wiped=True`` after a wipe."""
        report = progress or (lambda _p: None)
        stop = cancel or threading.Event()
        with self._lock:
            with self.store.session() as session:
                ident = load_identity(session)
            if ident is None:
                raise SyncError(MSG_NOT_ENROLLED)
            result = SyncResult()
            transport = self.transport_factory(ident.server_url, ident.token, ident.ca_bundle, stop)
            try:
                try:
                    self._push(transport, ident.device_id, result, report)
                    self._pull(transport, ident.device_id, result, report)
                    rotate_recovery_key(self.store, transport)
                except WipeRequested as order:
                    self._obey_wipe(transport, ident.device_id, order, result, report)
                    return result
                self._fetch_policy(transport)
                with self.store.session() as session:
                    svc.record_sync_success(session, self.clock())
                if result.tombstones:
                    # Last write of the sync: purged pages leave the WAL (secure_delete zeroed
                    # them in the main file when the checkpoint copies them back).
                    self.store.checkpoint_truncate()
            finally:
                transport.close()
            report(SyncProgress("done", result.pulled, result.pulled, "Gesynchroniseerd."))
            return result

    def _push(
        self, transport: Transport, device_id: str, result: SyncResult, report: ProgressFn
    ) -> None:
        # One request in flight at a time, strictly in outbox order (page N+1 leaves only after
        # page N's reply, i.e. after the server committed it). What overlaps is local work: the
        # next page is read while the current one is on the wire, and a reply is acked while
        # the next page is on the wire (a network thread; this thread keeps the store).
        with self.store.session() as session:
            total = svc.pending_count(session)
        seen_rejected: set[str] = set()
        with NetThread(transport) as net:
            page = self._push_page(device_id, seen_rejected)
            if page is None:
                return
            report(SyncProgress("push", result.pushed, total, "Werk versturen..."))
            in_flight = net.push(page[1])
            for _ in range(_MAX_PAGES):
                items = page[0]
                sent = {i.id for i in items}
                following = self._push_page(device_id, seen_rejected | sent)
                reply = in_flight.result()
                answered = {
                    *reply.accepted,
                    *reply.duplicates,
                    *reply.quarantined,
                    *reply.conflicts,
                }
                answered |= {r.id for r in reply.rejected}
                if answered != sent:
                    # A reply that does not account for exactly what we sent is not ours.
                    raise SyncUnavailable("push reply does not match the batch")
                # (``following`` excludes this page: refused items stay pending and are not
                # sent again in this sync.)
                if following is not None:
                    report(
                        SyncProgress("push", result.pushed + len(items), total, "Werk versturen...")
                    )
                    in_flight = net.push(following[1])
                with self.store.session() as session:
                    svc.mark_pushed(session, reply, self.clock())
                    if svc.note_epoch(session, reply.server_epoch, device_id):
                        result.epoch_changed = True
                        total = svc.pending_count(session)
                seen_rejected |= {r.id for r in reply.rejected}
                result.pushed += len(items)
                result.accepted += len(reply.accepted)
                result.duplicates += len(reply.duplicates)
                result.quarantined += len(reply.quarantined)
                result.conflicts += len(reply.conflicts)
                result.rejected += len(reply.rejected)
                if following is None:
                    # Items re-marked pending by an epoch change (or recorded meanwhile).
                    following = self._push_page(device_id, seen_rejected)
                    if following is None:
                        return
                    report(SyncProgress("push", result.pushed, total, "Werk versturen..."))
                    in_flight = net.push(following[1])
                page = following
        raise SyncUnavailable("too many push pages")

    def _push_page(self, device_id: str, exclude: set[str]) -> tuple[list[PushItem], bytes] | None:
        """The next outbox page (items and JSON body), or None when nothing is left."""
        with self.store.session() as session:
            items = svc.pending_items(session, self.push_page, exclude=exclude)
        return encode_push(device_id, items) if items else None

    def _fetch_policy(self, transport: Transport) -> None:
        """The server's afwegingskader (at most hourly, one try): the laptop enforces the
        same effort standard offline. A server without the endpoint changes nothing."""
        from fieldapp.services.policy import (
            note_policy_fetched,
            policy_fetch_due,
            store_server_policy,
        )
        from fieldapp.sync.outcome_wire import PolicyReply

        now = self.clock()
        with self.store.session() as session:
            if not policy_fetch_due(session, now):
                return
        saved, transport.retries = transport.retries, 0
        try:
            reply = transport.call("GET", "/v1/policy", PolicyReply)
        except (SyncRefused, SyncUnavailable):
            return
        finally:
            transport.retries = saved
        with self.store.session() as session:
            # An unreadable policy never replaces the last good one.
            with contextlib.suppress(FieldAppError):
                store_server_policy(session, reply.toml)
            note_policy_fetched(session, now)
            is_lead = get_kv(session, KV_ROLE) == "teamlead"
        if is_lead:
            self._fetch_opt_outs(transport)

    def _fetch_opt_outs(self, transport: Transport) -> None:
        """A lead's laptop mirrors the exclusion list (its own intake marks signals too)."""
        from fieldapp.privacy.optout import replace_local_opt_outs
        from fieldapp.sync.outcome_wire import OptOutsReply

        saved, transport.retries = transport.retries, 0
        try:
            reply = transport.call("GET", "/v1/optouts", OptOutsReply)
        except (SyncRefused, SyncUnavailable):
            return
        finally:
            transport.retries = saved
        with self.store.session() as session:
            replace_local_opt_outs(session, [e.model_dump() for e in reply.entries])

    def _pull(
        self, transport: Transport, device_id: str, result: SyncResult, report: ProgressFn
    ) -> None:
        # Page N+1 is fetched while page N is applied; it is applied only after page N and its
        # cursor are committed, and dropped if page N could not be applied.
        restarted = False
        with NetThread(transport) as net:
            prefetched: Future[ChangesPage] | None = None
            for _ in range(_MAX_PAGES):
                if prefetched is None:
                    with self.store.session() as session:
                        since = svc.cursor(session)
                    prefetched = net.changes(since, self.pull_limit)
                request, prefetched = prefetched, None
                try:
                    page = request.result()
                except StaleCursorError:
                    if restarted:
                        raise SyncUnavailable("cursor refused twice") from None
                    restarted = True
                    with self.store.session() as session:
                        svc.reset_cursor(session)
                    continue
                if page.has_more:
                    prefetched = net.changes(page.next_cursor, self.pull_limit)
                with self.store.session() as session:
                    if svc.note_epoch(session, page.server_epoch, device_id):
                        # Restored server: our cursor means nothing there. Re-push, re-pull.
                        result.epoch_changed = True
                        epoch_changed = True
                    else:
                        epoch_changed = False
                        _changes, tombstones = svc.apply_page(session, page)
                        result.pulled += len(page.changes)
                        result.tombstones += tombstones
                        svc.drop_finished_husks(session)
                if epoch_changed:
                    if prefetched is not None:
                        net.discard(prefetched)
                        prefetched = None
                    self._push(transport, device_id, result, report)
                    continue
                report(SyncProgress("pull", result.pulled, None, "Zaken ophalen..."))
                if not page.has_more:
                    break
            else:
                raise SyncUnavailable("too many pull pages")
        with self.store.session() as session:
            svc.drop_finished_husks(session)
            # Retention also applies to cases the server has not (yet) tombstoned.
            today = self.clock().astimezone(AMSTERDAM).date()
            result.tombstones += len(svc.purge_expired(session, today))

    def _obey_wipe(
        self,
        transport: Transport,
        device_id: str,
        order: WipeRequested,
        result: SyncResult,
        report: ProgressFn,
    ) -> None:
        if order.order.push_first:
            # A departing worker: deliver what can be delivered (a network failure raises and
            # keeps everything for the next attempt), then wipe.
            with contextlib.suppress(WipeRequested):
                self._push(transport, device_id, result, report)
        report(SyncProgress("wipe", 0, None, "Gegevens op deze laptop worden gewist..."))
        path = self.store.path
        self.store.close()
        wipe_store(path)
        result.wiped = True
        with contextlib.suppress(SyncError):
            transport.retries = 0
            transport.call("POST", "/v1/device/wiped", OkResponse)
