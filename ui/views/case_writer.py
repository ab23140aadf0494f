"""The case view's one way to write to the store.

Every write of the case view (one-click outcome, undo, detail form, void, close, reopen,
notes) is a DbOp run through :meth:`CaseWriter.write`: nothing says "saved" before the commit;
on commit the dialog (if any) closes, the status line says what was saved and the case reloads;
on failure the dialog or the status line shows the Dutch message and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlalchemy.orm import Session

from fieldapp.services.changes import Changes
from ui.backend import Backend
from ui.messages import user_message
from ui.qt import QObject


class WriteDialog(Protocol):
    """A dialog that asked for the write: closed on success, shows the error otherwise."""

    def accept(self) -> None: ...

    def show_error(self, text: str) -> None: ...


class CaseWriter:
    def __init__(
        self,
        backend: Backend,
        initiator: QObject,
        status: Callable[[str], None],
        reload: Callable[[str], None],
    ) -> None:
        self.backend = backend
        self.initiator = initiator  # the view: it skips its own ChangeHub broadcasts
        self.status = status
        self.reload = reload

    def write(
        self,
        fn: Callable[[Session], Changes],
        *,
        case_id: str,
        saved: str,
        dialog: WriteDialog | None = None,
        on_done: Callable[[Changes], None] | None = None,
        on_error: Callable[[BaseException], bool] | None = None,
    ) -> None:
        """Run ``fn`` in one transaction. ``on_error`` may handle an error itself (return
        True); otherwise the message goes to ``dialog`` or the status line."""

        def done(changes: Changes) -> None:
            if dialog is not None:
                dialog.accept()
            if saved:
                self.status(saved)
            if on_done is not None:
                on_done(changes)
            self.reload(case_id)

        def failed(error: BaseException) -> None:
            if on_error is not None and on_error(error):
                return
            if dialog is not None:
                dialog.show_error(user_message(error))
            else:
                self.status(user_message(error))

        parent = dialog if isinstance(dialog, QObject) else self.initiator
        self.backend.runner.db_op(fn, parent=parent).success(done).failure(failed).run(
            initiator=self.initiator
        )
