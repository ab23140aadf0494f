"""Network look-ahead for the sync client: one network thread per sync stage, so the HTTP of
one page overlaps with the store work of the previous one (see ``fieldapp.services.sync_client``).

Contract: at most one request on the wire at a time (``NetThread`` refuses a second), so the
server sees exactly the ordered requests it saw without the thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from fieldapp.sync.protocol import (
    MAX_BODY_BYTES,
    PROTOCOL_VERSION,
    ChangesPage,
    PushItem,
    PushRequest,
    PushResponse,
)
from fieldapp.sync.transport import M, Transport


def encode_push(device_id: str, items: list[PushItem]) -> tuple[list[PushItem], bytes]:
    """The JSON body of a push page, shortened until it fits the server's body limit (long
    notes): the items left out stay pending and go in the next page."""
    while True:
        body = PushRequest(protocol_version=PROTOCOL_VERSION, device_id=device_id, items=items)
        data = body.model_dump_json().encode()
        if len(data) <= MAX_BODY_BYTES or len(items) == 1:
            return items, data
        items = items[: len(items) // 2]


class NetThread:
    """One network thread for a sync stage: at most one request on the wire at a time, and
    the caller waits for each reply before it sends the next, so the server sees the same
    strictly ordered requests as before; only local store work overlaps with the network.
    Leaving the block waits for a request still on the wire (its reply is then ignored)."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veldwerk-sync")
        self._last: Future[object] | None = None

    def __enter__(self) -> NetThread:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pool.shutdown(wait=True)

    def push(self, body: bytes) -> Future[PushResponse]:
        return self._submit(
            self.transport.call, "POST", "/v1/sync/push", PushResponse, content=body
        )

    def changes(self, since: str, limit: int) -> Future[ChangesPage]:
        return self._submit(
            self.transport.call,
            "GET",
            "/v1/sync/changes",
            ChangesPage,
            params={"since": since, "limit": limit},
        )

    def discard(self, request: Future[ChangesPage]) -> None:
        """Wait for a request whose reply is no longer wanted; its failure is irrelevant."""
        with contextlib.suppress(Exception):
            request.result()

    def _submit(self, fn: Callable[..., M], *args: object, **kwargs: object) -> Future[M]:
        if self._last is not None and not self._last.done():
            raise RuntimeError("one request at a time")  # a bug, never a network condition
        future = self._pool.submit(fn, *args, **kwargs)
        self._last = future  # type: ignore[assignment]
        return future
