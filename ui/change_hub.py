"""ChangeHub: one broadcast of "what changed" per committed write (Anki's OpChanges pattern).

Views connect to ``changed(changes, initiator)``, look at the typed flags they care about and
skip the refresh when they started the write themselves. ``locked``/``unlocked`` tell every
view holding personal data to drop it or reload it.
"""

from __future__ import annotations

from ui.qt import QObject, Signal


class ChangeHub(QObject):
    changed = Signal(object, object)  # (fieldapp.services.changes.Changes, initiator | None)
    locked = Signal()
    unlocked = Signal()
