"""Entry point for the synthetic demo town; the code lives in ``fieldapp.demo_data``."""

from __future__ import annotations

from fieldapp.demo_data import (
    HEADERS,
    DemoAttempt,
    DemoHousehold,
    DemoMonth,
    DemoTown,
    DemoWorker,
    build_town,
    write_signals_csv,
)

__all__ = [
    "HEADERS",
    "DemoAttempt",
    "DemoHousehold",
    "DemoMonth",
    "DemoTown",
    "DemoWorker",
    "build_town",
    "write_signals_csv",
]
