"""``python -m fieldapp.cli`` (used by tests and the demo to start a server process)."""

from __future__ import annotations

from fieldapp.cli import main

raise SystemExit(main())
