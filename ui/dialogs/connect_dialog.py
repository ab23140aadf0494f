"""Connecting this laptop to the team's server: address, user name, password, optional CA file.

:class:`ServerForm` is the form (also used by first run); :class:`ConnectDialog` enrols the
store that is already open (HTTP on the network thread, see ``Backend.enroll``). The password
is sent once over TLS (plain http only to loopback) and never stored; the device token the
server returns lives only in the encrypted store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.services.identity import ServerLogin
from fieldapp.support.deployment import DeploymentInvalid, load_deployment
from fieldapp.sync.transport import SyncAuthError, check_url
from ui.backend import Backend
from ui.messages import user_message
from ui.qt import (
    QCoreApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


def enrol_failure_message(error: BaseException) -> str:
    """At enrolment a 401 means a wrong user name or password, not a revoked laptop."""
    if isinstance(error, SyncAuthError):
        return QCoreApplication.translate(
            "ServerForm", "De gebruikersnaam of het wachtwoord klopt niet."
        )
    return user_message(error)


class ServerForm(QWidget):
    """The server fields. :meth:`login` returns a ServerLogin or raises ValueError (Dutch)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://veldwerk.gemeente.nl")
        self.url.setAccessibleName(self.tr("Serveradres"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Gebruikersnaam"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Wachtwoord op de server"))
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setPlaceholderText(self.tr("alleen als uw gemeente dat zegt"))
        self.ca_bundle.setAccessibleName(self.tr("Certificaatbestand (CA)"))
        browse = QPushButton(self.tr("Kiezen…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Serveradres:"), self.url)
        form.addRow(self.tr("&Gebruikersnaam:"), self.username)
        form.addRow(self.tr("Wacht&woord:"), self.password)
        ca_label = QLabel(self.tr("&Certificaat (CA):"))
        ca_label.setBuddy(self.ca_bundle)
        form.addRow(ca_label, ca_row)
        for field in (self.url, self.username, self.password, self.ca_bundle):
            field.textChanged.connect(lambda _t: self.changed.emit())
        self._prefill_from_deployment()

    def _prefill_from_deployment(self) -> None:
        """The server address and CA bundle that IT rolled out (veldwerk.toml), if any."""
        try:
            deployment = load_deployment()
        except DeploymentInvalid:
            return  # `fieldapp doctor` names the broken file; the worker can still type
        if deployment.server_url:
            self.url.setText(deployment.server_url)
        if deployment.ca_bundle:
            self.ca_bundle.setText(str(deployment.ca_bundle))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificaatbestand kiezen"),
            "",
            self.tr("Certificaten (*.pem *.crt *.cer);;Alle bestanden (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    def is_filled(self) -> bool:
        return bool(self.url.text().strip() and self.username.text().strip())

    def login(self) -> ServerLogin:
        url = self.url.text().strip()
        if not url:
            raise ValueError(self.tr("Vul het adres van de server in."))
        if "://" not in url:
            url = "https://" + url
        try:
            check_url(url)
        except Exception as error:
            raise ValueError(user_message(error)) from None
        username = self.username.text().strip()
        if not username:
            raise ValueError(self.tr("Vul uw gebruikersnaam in."))
        if not self.password.text():
            raise ValueError(self.tr("Vul uw wachtwoord voor de server in."))
        ca = self.ca_bundle.text().strip() or None
        if ca is not None and not Path(ca).is_file():
            raise ValueError(self.tr("Het certificaatbestand bestaat niet."))
        return ServerLogin(url=url, username=username, password=self.password.text(), ca_bundle=ca)

    def forget_password(self) -> None:
        self.password.clear()


class ConnectDialog(QDialog):
    """Enrol the open store; ``accepted`` after the server said yes and the identity reloaded."""

    def __init__(
        self,
        backend: Backend,
        parent: QWidget | None = None,
        on_connected: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.on_connected = on_connected
        self.setWindowTitle(self.tr("Verbinden met de server van het team"))
        intro = QLabel(
            self.tr(
                "Na het verbinden verstuurt Veldwerk uw vastgelegde werk naar de server en haalt "
                "het de zaken op die aan u zijn toegewezen. Uw wachtwoordzin voor deze laptop "
                "blijft dezelfde."
            )
        )
        intro.setWordWrap(True)
        self.form = ServerForm()
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.hide()
        self.ok = QPushButton(self.tr("&Verbinden"))
        self.ok.setObjectName("PrimaryButton")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Annuleren"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        backend.hub.locked.connect(self.reject)
        self.resize(520, 300)

    def submit(self) -> None:
        try:
            login = self.form.login()
        except ValueError as error:
            self._show(str(error))
            return
        self.ok.setEnabled(False)
        self._show(self.tr("Verbinden…"), error=False)
        self.backend.enroll(login, parent=self, on_ok=self._done, on_fail=self._failed)

    def _done(self) -> None:
        self.form.forget_password()
        if self.on_connected is not None:
            self.on_connected()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        self._show(enrol_failure_message(error))

    def _show(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()
