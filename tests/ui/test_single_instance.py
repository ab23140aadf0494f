"""One running instance per store: the lock refuses a second, the socket raises the first."""

from __future__ import annotations

import pytest

from fieldapp.errors import StoreLocked
from fieldapp.store.instance_lock import StoreLock
from ui.single_instance import InstanceServer, ask_first_instance_to_raise, server_name


def test_second_start_asks_the_first_window_forward(qapp, tmp_path, qtbot) -> None:
    db_path = tmp_path / "veldwerk.db"
    with StoreLock(db_path):
        with pytest.raises(StoreLocked):
            StoreLock(db_path).acquire()
        server = InstanceServer(db_path)
        assert server.listen()
        with qtbot.waitSignal(server.raise_requested, timeout=5_000):
            assert ask_first_instance_to_raise(db_path)
        server.server.close()
    assert not ask_first_instance_to_raise(db_path, timeout_ms=200)


def test_server_name_hides_the_path(tmp_path) -> None:
    name = server_name(tmp_path / "geheim-adres" / "veldwerk.db")
    assert "geheim" not in name and name.startswith("veldwerk-")
