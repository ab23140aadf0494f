"""A one-line progress bar on stderr for long imports (only on a terminal, never with --json).

It shows counts only, never a name or a value from the file, and redraws at most ten times a
second so a fast import is not slowed down by its own bar.
"""

from __future__ import annotations

import time
from typing import TextIO

_WIDTH = 30
_PHASES = {"lezen": "Lezen", "verwerken": "Verwerken"}


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class ProgressBar:
    def __init__(self, stream: TextIO, *, enabled: bool, interval: float = 0.1) -> None:
        self.enabled = enabled
        self._stream = stream
        self._interval = interval
        self._last = 0.0
        self._drawn = False

    def update(self, phase: str, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        final = total is not None and done >= total
        if not final and now - self._last < self._interval:
            return
        self._last = now
        label = _PHASES.get(phase, phase)
        if total:
            filled = min(_WIDTH, _WIDTH * done // total)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            text = f"{label:<10} [{bar}] {100 * done // total:>3}%  {_thousands(done)}"
            text += f"/{_thousands(total)}"
        else:
            text = f"{label:<10} {_thousands(done)} rijen"
        self._stream.write("\r" + text.ljust(72))
        self._stream.flush()
        self._drawn = True

    def close(self) -> None:
        """End the bar's line so the report starts on a fresh one."""
        if self.enabled and self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False
