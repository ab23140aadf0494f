"""The unlock screen (first start and after auto-lock).

A wrong passphrase gives a clear Dutch message and a growing pause before the next try
(1, 2, 4, 8, 16, 30, 30 ... seconds). Nothing on disk changes, nothing is wiped, and the KDF runs
on the DB thread so the window never freezes. The pause lives in memory only: the real defence
against guessing is Argon2id's cost per try.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from fieldapp.errors import StoreCorrupt, StoreMissing, StoreTooNew, WrongPassphrase
from ui.messages import user_message
from ui.qt import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.resources import icon

MAX_DELAY_SECONDS = 30


class Unlocker(Protocol):
    """What the page needs to open the store: the app's Backend, or at start-up a stand-in that
    waits for it (ui.boot), so this page can paint before the database code is even imported."""

    def unlock(
        self,
        passphrase: str,
        *,
        parent: QWidget,
        on_ok: Callable[[], None],
        on_fail: Callable[[BaseException], None],
    ) -> None: ...


def retry_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passphrases in a row (0 after none)."""
    if failures <= 0:
        return 0
    return min(MAX_DELAY_SECONDS, 1 << (failures - 1))


class UnlockPage(QWidget):
    unlocked = Signal()

    def __init__(self, backend: Unlocker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UnlockPage")
        self.backend = backend
        self.failures = 0
        self.retry_seconds = 0
        self.busy = False
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)

        lock = QLabel()
        lock.setPixmap(icon("slot").pixmap(48, 48))
        lock.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title = title = QLabel()
        title.setObjectName("PageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hint = hint = QLabel()
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        hint.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphrase.returnPressed.connect(self.try_unlock)
        self.button = QPushButton()
        self.button.setObjectName("PrimaryButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message.hide()

        box = QFrame()
        box.setObjectName("UnlockBox")
        # A fixed width lets the layout give the wrapped message the height it needs (with
        # only a maximum width the box took its one-line size hint and cut line two off).
        box.setFixedWidth(460)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 28, 28, 28)
        inner.setSpacing(12)
        for widget in (lock, title, hint, self.passphrase, self.button, self.message):
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language (a language switch needs no restart)."""
        self.title.setText(self.tr("Veldwerk is vergrendeld"))
        self.hint.setText(self.tr("Voer uw wachtwoordzin in om verder te werken."))
        self.passphrase.setAccessibleName(self.tr("Wachtwoordzin"))
        self.passphrase.setPlaceholderText(self.tr("Wachtwoordzin"))
        self.button.setText(self.tr("&Ontgrendelen"))
        if self.message.isVisible() and self.retry_seconds > 0:
            self._update_wait_text()

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.hide()
        self.passphrase.setFocus()

    def try_unlock(self) -> None:
        if self.busy or self.retry_seconds > 0:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._show(self.tr("Vul uw wachtwoordzin in."))
            return
        self.busy = True
        self.button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self._show(self.tr("Bezig met ontgrendelen…"), error=False)
        self.backend.unlock(passphrase, parent=self, on_ok=self._ok, on_fail=self._failed)
        del passphrase

    def _ok(self) -> None:
        self.busy = False
        self.failures = 0
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self.message.hide()
        self.unlocked.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.passphrase.setEnabled(True)
        self.passphrase.clear()
        if isinstance(error, WrongPassphrase):
            self.failures += 1
            self.retry_seconds = retry_delay(self.failures)
            self._update_wait_text()
            self._tick.start()
            self.button.setEnabled(False)
            return
        self.button.setEnabled(True)
        if isinstance(error, StoreCorrupt | StoreTooNew | StoreMissing):
            self._show(user_message(error))
        else:
            self._show(
                self.tr("Ontgrendelen lukte niet door een fout. Uw gegevens zijn niet veranderd.")
            )
        self.passphrase.setFocus()

    def _count_down(self) -> None:
        self.retry_seconds = max(0, self.retry_seconds - 1)
        if self.retry_seconds == 0:
            self._tick.stop()
            self.button.setEnabled(True)
            self.passphrase.setFocus()
        self._update_wait_text()

    def _update_wait_text(self) -> None:
        text = self.tr("De wachtwoordzin klopt niet.")
        if self.retry_seconds == 1:
            text += " " + self.tr("Probeer het over 1 seconde opnieuw.")
        elif self.retry_seconds > 1:
            text += " " + self.tr("Probeer het over %1 seconden opnieuw.").replace(
                "%1", str(self.retry_seconds)
            )
        else:
            text += " " + self.tr("U kunt het opnieuw proberen.")
        self._show(text)

    def show_message(self, text: str) -> None:
        """An error line under the field (used by the start-up when something is missing)."""
        self._show(text)

    def _show(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()
        width = self.message.contentsRect().width() or self.message.width()
        self.message.setMinimumHeight(self.message.heightForWidth(max(width, 1)))
