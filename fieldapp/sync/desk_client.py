"""The team lead's commands to the server (HTTP; no store access, no Qt).

Every method is one request = one transaction on the server. The caller pulls right after a
command succeeds (the desk shows the server's result, never a local guess), and never queues a
command when the server is unreachable: :class:`fieldapp.sync.transport.SyncUnavailable` goes
back to the user as is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.desk import Approach
from fieldapp.sync.desk_protocol import (
    ApproachRequest,
    AuditEntries,
    AuditEntry,
    BrpCheckReply,
    BrpCheckRequest,
    CountResponse,
    NotPickedUpRequest,
    QuarantineDecision,
)
from fieldapp.sync.outcome_wire import ReportReply
from fieldapp.sync.protocol import (
    AssignRequest,
    AssignResponse,
    ImportResponse,
    OkResponse,
    QuarantineItem,
    QuarantineResponse,
)
from fieldapp.sync.protocol_plan import (
    DateRange,
    LockRequest,
    MoveVisitRequest,
    PlanJobRequest,
    PlanJobStatus,
    PublishResponse,
    ShiftRequest,
    ShiftWithVisits,
)
from fieldapp.sync.transport import Transport

MAX_IDS = 1000  # per request (the wire models' limit)
TransportFactory = Callable[[str, str | None, str | None, threading.Event], Transport]


def default_factory(
    base_url: str, token: str | None, ca_bundle: str | None, cancel: threading.Event
) -> Transport:
    # Commands are not retried by the transport: a retry of a half-seen import is the user's
    # call (the server's import is idempotent per signal anyway).
    return Transport(base_url, token, ca_bundle=ca_bundle, cancel=cancel, retries=0, timeout=60)


class DeskClient:
    """Commands for one enrolled lead device. Not thread-safe; one per network job."""

    def __init__(
        self,
        server_url: str,
        token: str,
        ca_bundle: str | None = None,
        *,
        transport_factory: TransportFactory = default_factory,
        cancel: threading.Event | None = None,
    ) -> None:
        self._transport = transport_factory(
            server_url, token, ca_bundle, cancel or threading.Event()
        )

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> DeskClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def import_file(self, data: bytes, filename: str) -> ImportResponse:
        suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "csv"
        # The real file name may name people: only its extension goes to the server.
        return self._transport.call(
            "POST",
            "/v1/import",
            ImportResponse,
            content=data,
            params={"filename": f"signalen.{suffix}"},
        )

    def assign(self, case_ids: Sequence[str], worker_id: str | None) -> list[str]:
        done: list[str] = []
        for chunk in _chunks(case_ids):
            body = AssignRequest(case_ids=chunk, worker_id=worker_id)
            reply = self._transport.call(
                "POST", "/v1/cases/assign", AssignResponse, json=body.model_dump(mode="json")
            )
            done += reply.assigned
        return done

    def set_approach(self, case_ids: Sequence[str], approach: Approach | None) -> list[str]:
        done: list[str] = []
        for chunk in _chunks(case_ids):
            body = ApproachRequest(case_ids=chunk, approach=approach)
            done += self._post("/v1/cases/approach", body.model_dump(mode="json"))
        return done

    def not_picked_up(
        self, case_ids: Sequence[str], resultaat: Eindresultaat, reason: str
    ) -> list[str]:
        done: list[str] = []
        for chunk in _chunks(case_ids):
            body = NotPickedUpRequest(case_ids=chunk, resultaat=resultaat, reason=reason)
            done += self._post("/v1/cases/not-picked-up", body.model_dump(mode="json"))
        return done

    def brp_check(self, case_ids: Sequence[str]) -> BrpCheckReply:
        """Check these cases in the BRP now (the server's gateway; laptops never query it)."""
        body = BrpCheckRequest(case_ids=sorted(set(case_ids)))
        return self._transport.call(
            "POST", "/v1/brp/check", BrpCheckReply, json=body.model_dump(mode="json")
        )

    def quarantine(self) -> list[QuarantineItem]:
        return self._transport.call("GET", "/v1/quarantine", QuarantineResponse).items

    def resolve_quarantine(self, item_id: str, *, accept: bool) -> None:
        body = QuarantineDecision(decision="accept" if accept else "reject")
        self._post(f"/v1/quarantine/{item_id}", body.model_dump(mode="json"))

    def audit(self, **filters: str) -> list[AuditEntry]:
        """The team's audit trail, newest first; filters: case_id, user_id, device_id, action."""
        params = {k: v for k, v in filters.items() if v}
        return self._transport.call("GET", "/v1/audit", AuditEntries, params=params).root

    def report(self, van: date, tot: date) -> dict[str, Any]:
        """The team's dashboard and deadline lists (``GET /v1/report``), as JSON."""
        params = {"van": van.isoformat(), "tot": tot.isoformat()}
        return self._transport.call("GET", "/v1/report", ReportReply, params=params).root

    # --- the week plan (endpoints of fieldapp.server.routes.plan) ---------------------------

    def create_shift(self, shift: ShiftRequest) -> ShiftWithVisits:
        return self._transport.call(
            "POST", "/v1/shifts", ShiftWithVisits, json=shift.model_dump(mode="json")
        )

    def start_plan(self, van: date, tot: date, budget_seconds: float) -> PlanJobStatus:
        body = PlanJobRequest(van=van, tot=tot, budget_seconds=budget_seconds)
        return self._transport.call(
            "POST", "/v1/plan/jobs", PlanJobStatus, json=body.model_dump(mode="json")
        )

    def plan_status(self, job_id: str) -> PlanJobStatus:
        return self._transport.call("GET", f"/v1/plan/jobs/{job_id}", PlanJobStatus)

    def cancel_plan(self, job_id: str) -> PlanJobStatus:
        return self._transport.call("DELETE", f"/v1/plan/jobs/{job_id}", PlanJobStatus)

    def move_visit(self, visit_id: str, shift_id: str, seq: int) -> None:
        body = MoveVisitRequest(shift_id=shift_id, seq=seq)
        self._transport.call(
            "POST", f"/v1/visits/{visit_id}/move", OkResponse, json=body.model_dump(mode="json")
        )

    def lock_visit(self, visit_id: str, locked: bool) -> None:
        body = LockRequest(locked=locked)
        self._transport.call(
            "POST", f"/v1/visits/{visit_id}/lock", OkResponse, json=body.model_dump(mode="json")
        )

    def add_visit(self, shift_id: str, case_id: str, seq: int) -> ShiftWithVisits:
        return self._transport.call(
            "POST",
            f"/v1/shifts/{shift_id}/visits/{case_id}",
            ShiftWithVisits,
            params={"seq": seq},
        )

    def publish(self, van: date, tot: date) -> PublishResponse:
        body = DateRange(van=van, tot=tot)
        return self._transport.call(
            "POST", "/v1/plan/publish", PublishResponse, json=body.model_dump(mode="json")
        )

    def _post(self, path: str, body: object) -> list[str]:
        return self._transport.call("POST", path, CountResponse, json=body).changed


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    unique = sorted(set(ids))
    return [unique[i : i + MAX_IDS] for i in range(0, len(unique), MAX_IDS)]
