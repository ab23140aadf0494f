"""Worker colours shared by the board and the map (Okabe-Ito: distinguishable with the common
colour-vision deficiencies); colour is never the only signal (names and labels stay)."""

from __future__ import annotations

from ui.qt import QColor

_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#7a6a00", "#555555")
UNASSIGNED = QColor("#8a8a8a")


def worker_colour(index: int) -> QColor:
    return QColor(_COLOURS[index % len(_COLOURS)])


def colours_for(worker_ids: list[str]) -> dict[str, QColor]:
    return {wid: worker_colour(n) for n, wid in enumerate(worker_ids)}
