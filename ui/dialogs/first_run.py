"""First run without a store: create a protected store, or connect to the team's server.

Connecting asks for the server address, user name, password and optionally a CA file, and a
new passphrase for this laptop (twice): the protected store is created and enrolled in one job
on the DB thread; if the server says no, the new store is removed again and nothing changes.

The passphrase is typed twice, NFC-normalised (an é typed two ways is the same passphrase),
must have at least 12 characters and must not be on the common list (keys.check_new_passphrase,
the same rule Store.create enforces). A strength hint in words, not only colour.
"""

from __future__ import annotations

from fieldapp.errors import WeakPassphrase
from fieldapp.store.passphrase_policy import (
    MIN_PASSPHRASE_CHARS,
    check_new_passphrase,
    normalise_passphrase,
)
from ui.backend import Backend
from ui.core_messages import core_message
from ui.dialogs.connect_dialog import ServerForm, enrol_failure_message
from ui.qt import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


def strength(passphrase: str) -> int:
    """A rough 0..4 hint (length and variety); the hard rule is check_new_passphrase."""
    text = normalise_passphrase(passphrase)
    if len(text) < MIN_PASSPHRASE_CHARS:
        return 0
    score = 1
    words = len(text.split())
    classes = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() and not c.isspace() for c in text),
        )
    )
    if len(text) >= 16 or classes >= 3:
        score += 1
    if len(text) >= 20 or words >= 4:
        score += 1
    if len(text) >= 28 and (words >= 5 or classes >= 3):
        score += 1
    return score


class FirstRunDialog(QDialog):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(self.tr("Welkom bij Veldwerk"))
        intro = QLabel(
            self.tr(
                "Op deze computer staan nog geen gegevens. Alles wat Veldwerk bewaart, wordt "
                "versleuteld met een wachtwoordzin die alleen u kent."
            )
        )
        intro.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("FirstRunNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel { background: #e8f1f8; color: #1d3b53; border-radius: 6px; padding: 10px; }"
        )
        self.notice.hide()
        self.choose_create = QRadioButton(self.tr("&Nieuwe beveiligde opslag maken"))
        self.choose_connect = QRadioButton(self.tr("&Verbinden met de server van het team"))
        self.choose_create.setChecked(True)
        self.server = ServerForm()
        self.server.hide()
        self.passphrase_page = self._create_page()
        self.choose_create.toggled.connect(lambda on: self.server.setVisible(not on))
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.hide()
        self.ok = QPushButton(self.tr("&Opslag maken"))
        self.ok.setObjectName("PrimaryButton")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._on_ok)
        cancel = QPushButton(self.tr("Afsluiten"))
        cancel.clicked.connect(self.reject)
        self.choose_create.toggled.connect(self._update_ok)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(intro)
        layout.addWidget(self.choose_create)
        layout.addWidget(self.choose_connect)
        layout.addWidget(self.server)
        layout.addWidget(self.passphrase_page)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(520, 420)

    def _create_page(self) -> QWidget:
        page = QWidget()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Nieuwe wachtwoordzin"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Herhaal de wachtwoordzin"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.first.textChanged.connect(self._update_hint)
        self.second.textChanged.connect(self._update_hint)
        form = QFormLayout(page)
        form.addRow(self.tr("&Wachtwoordzin:"), self.first)
        form.addRow(self.tr("&Herhaal:"), self.second)
        form.addRow("", self.meter)
        form.addRow("", self.hint)
        self._update_hint()
        return page

    def _update_ok(self) -> None:
        if self.choose_create.isChecked():
            self.ok.setText(self.tr("&Opslag maken"))
            self.ok.setEnabled(True)
        else:
            self.ok.setText(self.tr("&Verbinden en opslag maken"))
            self.ok.setEnabled(True)

    def _update_hint(self) -> None:
        text = normalise_passphrase(self.first.text())
        score = strength(text)
        self.meter.setValue(score)
        if len(text) < MIN_PASSPHRASE_CHARS:
            hint = self.tr("Nog %1 tekens nodig (minimaal %2). Tip: een zin van vier woorden.")
            hint = hint.replace("%1", str(MIN_PASSPHRASE_CHARS - len(text)))
            hint = hint.replace("%2", str(MIN_PASSPHRASE_CHARS))
        else:
            words = [
                self.tr("te zwak"),
                self.tr("zwak"),
                self.tr("redelijk"),
                self.tr("goed"),
                self.tr("sterk"),
            ]
            hint = self.tr("Sterkte: %1.").replace("%1", words[score])
        if self.second.text() and normalise_passphrase(self.second.text()) != text:
            hint += " " + self.tr("De twee wachtwoordzinnen zijn niet gelijk.")
        self.hint.setText(hint)

    def _on_ok(self) -> None:
        login = None
        if self.choose_connect.isChecked():
            try:
                login = self.server.login()
            except ValueError as error:
                self._show(str(error))
                return
        first = normalise_passphrase(self.first.text())
        if first != normalise_passphrase(self.second.text()):
            self._show(self.tr("De twee wachtwoordzinnen zijn niet gelijk."))
            return
        try:
            check_new_passphrase(first)
        except WeakPassphrase as error:
            self._show(core_message(str(error)))
            return
        self.ok.setEnabled(False)
        if login is None:
            self._show(self.tr("Opslag wordt gemaakt…"), error=False)
        else:
            self._show(self.tr("Verbinden met de server…"), error=False)
        self.backend.create(
            first, parent=self, on_ok=self._created, on_fail=self._failed, login=login
        )

    def _created(self) -> None:
        self.server.forget_password()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        self._show(enrol_failure_message(error))

    def show_notice(self, text: str) -> None:
        """A calm explanation at the top (e.g. why the data on this laptop was wiped)."""
        self.notice.setText(text)
        self.notice.show()

    def _show(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.show()
