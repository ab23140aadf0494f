"""A realistic, fully synthetic Dutch town for demos, tests and benchmarks.

``build_town(today=..., seed=...)`` gives wijken, streets, postcodes, coordinates, households,
four months of signals from every partner type, earlier contact attempts and a small team.
``write_signals_csv`` writes signals as the Dutch CSV the intake reader accepts.

Nothing here describes a real person: names are random combinations, BSNs come from the 999
test range, phone numbers are random or in the 097 M2M range, e-mail uses ``example`` domains.
Pure Python: no database, no Qt, no clock, no global random state.
"""

from __future__ import annotations

from fieldapp.demo_data.csv_out import HEADERS, write_signals_csv
from fieldapp.demo_data.households import DemoHousehold, elfproef
from fieldapp.demo_data.model import DemoAttempt, DemoMonth, DemoTown, DemoWorker
from fieldapp.demo_data.town import build_town

__all__ = [
    "HEADERS",
    "DemoAttempt",
    "DemoHousehold",
    "DemoMonth",
    "DemoTown",
    "DemoWorker",
    "build_town",
    "elfproef",
    "write_signals_csv",
]
