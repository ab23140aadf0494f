"""Shared fixtures. Store fixtures only here (helpers add theirs in their own conftest files)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS

#: Synthetic passphrase for test stores (meets the policy); never a real one.
TEST_PASSPHRASE = "paarse fiets onder de brug"


@pytest.fixture
def store_passphrase() -> str:
    return TEST_PASSPHRASE


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where a test store lives: a not-yet-existing subdirectory of tmp_path."""
    return tmp_path / "veldwerk" / "veldwerk.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    """A new, empty, encrypted store (real SQLCipher file, schema at head, fast KDF)."""
    s = Store.create(store_path, TEST_PASSPHRASE, params=FAST_TEST_PARAMS)
    try:
        yield s
    finally:
        s.close()
