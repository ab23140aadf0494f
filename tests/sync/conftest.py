from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from tests.server.helpers import server_database

PASSPHRASE = "paardenbloem wolkenkrabber 42"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ServerProcess:
    url: str
    data_dir: Path
    proc: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_server_process(
    data_dir: Path,
    *,
    extra_env: dict[str, str] | None = None,
    module: str = "fieldapp.cli",
    port: int | None = None,
) -> ServerProcess:
    """``fieldapp serve`` in a real subprocess on a loopback port; waits until healthy."""
    port = port or free_port()
    env = {**os.environ, **(extra_env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", module, "serve", "--data-dir", str(data_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "server died")
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return ServerProcess(url, data_dir, proc)
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("server did not become healthy")


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[tuple[str, ServerDatabase]]:
    """An in-process server (real uvicorn on loopback) over embedded SQLCipher."""
    with server_database("sqlite", tmp_path) as db:
        url, stop = start_embedded_server(
            None, db=db, settings=ServerSettings(fast_password_hash=True)
        )
        try:
            yield url, db
        finally:
            stop()


def new_store(path: Path) -> Store:
    return Store.create(path, PASSPHRASE, params=FAST_TEST_PARAMS)
