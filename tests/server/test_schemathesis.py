"""Issue 5, figure 6: property-based fuzzing of every operation in the published OpenAPI
schema, in-process over ASGI: the server never answers 5xx.

Modest example counts for CI time (``FIELDAPP_FUZZ_EXAMPLES`` raises them)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from fieldapp.server.app import create_app
from fieldapp.server.db.open import open_server_db
from fieldapp.server.settings import ServerSettings
from tests.server.helpers import make_actor, make_cases

EXAMPLES = int(os.environ.get("FIELDAPP_FUZZ_EXAMPLES", "20"))


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    db = open_server_db(None, data_dir=Path(tmp_path_factory.mktemp("fuzz")) / "server")
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    make_cases(db, team="A", worker_id=anna.worker_id, count=3)
    app = create_app(db, ServerSettings(fast_password_hash=True))
    yield schemathesis.openapi.from_asgi("/openapi.json", app), lead.token
    db.dispose()


def _fuzz(operation: Any, token: str) -> int:
    calls = 0

    @given(data=st.data())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def fuzz(data: st.DataObject) -> None:
        nonlocal calls
        case = data.draw(operation.as_strategy())
        calls += 1
        case.call_and_validate(
            headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error]
        )

    fuzz()
    return calls


def test_every_operation_is_fuzzed_without_server_errors(api: tuple[Any, str]) -> None:
    schema, token = api
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11
    calls = sum(_fuzz(operation, token) for operation in operations)
    print(f"schemathesis: {len(operations)} operations, {calls} calls, 0 server errors")
