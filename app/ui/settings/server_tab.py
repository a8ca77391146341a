"""Settings › Server: the window's switch for `cove serve` (issue 15), and what it serves, where, with which key.

The server runs in this process on its own thread (app/server/background.py says why not
a child process). It outlives the Settings dialog: LocalServer belongs to the window's
settings actions and is stopped when the window closes. Starting and stopping happen
on a plain thread, since stopping waits for answers in progress; the page and the status
bar follow the `changed` signal. The key is shown once, when it is made; the
administrator's policy can forbid serving or serving beyond this computer.
"""

from __future__ import annotations

import socket
import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import policy
from app.core.errors import CoveError
from app.core.models import ModelLibrary
from app.server import access
from app.server.background import LOOPBACK, NETWORK, BackgroundServer


def _network_name() -> str:
    """This computer's address on the network, as far as it knows without asking anyone (else its name)."""
    name = socket.gethostname()
    try:
        address = socket.gethostbyname(name)
    except OSError:
        return name
    return name if address.startswith("127.") else address


class LocalServer(QObject):
    """The server the switch turns on and off; `changed` fires (on the GUI thread) when it starts or stops."""

    changed = Signal()

    def __init__(self, paths, settings_model, window=None, parent=None):
        super().__init__(parent)
        self.paths, self.settings_model, self.window = paths, settings_model, window
        self.server: BackgroundServer | None = None
        self.busy = False
        self.error = ""
        self.new_key = ""  # the key made for this run, shown once on the page
        self.changed.connect(self._show_status)

    @property
    def address(self) -> str:
        """Where clients connect; on the network, this computer's name for others rather than 0.0.0.0."""
        if self.server is None:
            return ""
        if self.server.host == NETWORK:
            return self.server.address.replace(NETWORK, _network_name(), 1)
        return self.server.address

    def models(self) -> list:
        admin = policy.current()
        return ModelLibrary(self.paths.models_dir, shared_dir=admin.shared_models_folder).installed(
            include_embedding=True)

    def start(self, host: str = LOOPBACK) -> None:
        """Start serving on host (a network address needs the key, made and stored if there is none)."""
        if self.busy or self.server is not None:
            return
        self.error, self.new_key = "", ""
        try:
            access.check_policy(policy.current(), host)
            key = None
            if host != LOOPBACK:
                key, made = access.stored_or_new_key(self.paths)
                self.new_key = key if made else ""
        except CoveError as exc:
            self.error = str(exc)
            self.changed.emit()
            return
        server = BackgroundServer(self.paths, self.settings_model.value, self.models, host=host, api_key=key)
        self._run(lambda: self._started(server))

    def _started(self, server: BackgroundServer) -> None:
        try:
            server.start()
            self.server = server
        except CoveError as exc:
            self.error = str(exc)

    def stop(self, wait: bool = False) -> None:
        server, self.server = self.server, None
        if server is None:
            return
        if wait:  # the window is closing: nothing must be left listening
            server.stop()
            self.changed.emit()
        else:
            self._run(server.stop)

    def _run(self, work) -> None:
        self.busy = True
        self.changed.emit()

        def body() -> None:
            try:
                work()
            finally:
                self.busy = False
                self.changed.emit()  # queued to the GUI thread: this one is not Qt's

        threading.Thread(target=body, name="cove-serve-switch", daemon=True).start()

    def _show_status(self) -> None:
        bar = self.window.statusBar() if self.window is not None else None
        if bar is None:
            return
        if self.server is not None and not self.busy:
            bar.showMessage(self.tr("Serving your models at {}/v1").format(self.address))
        elif not self.busy:
            bar.clearMessage()


class ServerTab(QWidget):
    """Layout only; bind() connects it to the LocalServer."""

    def __init__(self, parent=None):
        super().__init__(parent)
        intro = QLabel(self.tr(
            "Let other programs on this computer (an editor, a script) use your models through the OpenAI API, "
            "as the cove serve command does. Your conversations stay here; requests are written to the request log "
            "without their content."))
        intro.setWordWrap(True)
        self.switch = QCheckBox(self.tr("Serve my models to other programs"))
        self.host = QComboBox()
        self.host.addItem(self.tr("This computer only"), LOOPBACK)
        self.host.addItem(self.tr("Other computers on the network (needs the key)"), NETWORK)
        self.host.setAccessibleName(self.tr("Who can connect"))
        self.address = QLineEdit()
        self.address.setReadOnly(True)
        self.address.setAccessibleName(self.tr("Server address"))
        self.copy_address = QPushButton(self.tr("Copy"))
        self.key = QLineEdit()
        self.key.setReadOnly(True)
        self.key.setAccessibleName(self.tr("API key"))
        self.new_key = QPushButton(self.tr("Make a new key"))
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        self.served = QLabel()
        self.served.setWordWrap(True)
        self.state = QLabel()  # serving, starting, or why not
        self.state.setWordWrap(True)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Who can connect") + ":", self.host)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.copy_address)
        form.addRow(self.tr("Address") + ":", address_row)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.new_key)
        form.addRow(self.tr("API key") + ":", key_row)
        form.addRow("", self.key_note)
        form.addRow(self.tr("Serving") + ":", self.served)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.switch)
        layout.addLayout(form)
        layout.addWidget(self.state)


def bind(tab: ServerTab, local: LocalServer) -> None:
    """Show the LocalServer on the page and let the page drive it (the page may close before the server stops)."""
    admin = policy.current()
    if admin.serving == "off":
        tab.switch.setEnabled(False)
        tab.switch.setToolTip(admin.reason("Serving models to other programs"))
    if admin.serving != "network":
        tab.host.model().item(1).setEnabled(False)  # greyed, with the reason below
    key_file = access.key_file(local.paths)

    def refresh() -> None:
        running = local.server is not None
        tab.switch.blockSignals(True)
        tab.switch.setChecked(running or local.busy)
        tab.switch.blockSignals(False)
        tab.host.setEnabled(not running and not local.busy and admin.serving != "off")
        network = tab.host.currentData() == NETWORK
        tab.new_key.setEnabled(network and admin.serving == "network")
        if running:
            tab.host.setCurrentIndex(max(0, tab.host.findData(local.server.host)))
        tab.address.setText(local.address + "/v1" if running else "")
        tab.copy_address.setEnabled(running)
        if local.new_key:
            tab.key.setText(local.new_key)
            tab.key_note.setText(QCoreApplication.translate(
                "ServerTab", "Copy the key now: it is shown only this once. It is stored in {}, readable by you only."
            ).format(key_file))
        else:
            tab.key.setText("")
            tab.key.setPlaceholderText(
                QCoreApplication.translate("ServerTab", "stored in {}").format(key_file) if network
                else QCoreApplication.translate("ServerTab", "none needed on this computer only"))
            tab.key_note.setText(
                QCoreApplication.translate("ServerTab",
                                           "Other computers must send the key (Authorization: Bearer KEY).")
                if network else "")
        names = ", ".join(dict.fromkeys(m.name for m in local.models()))
        tab.served.setText(names or QCoreApplication.translate("ServerTab", "no models yet: download one in Models"))
        if admin.serving == "off":
            tab.state.setText(admin.reason("Serving models to other programs"))
        elif local.error:
            tab.state.setText(local.error)
        elif local.busy:
            tab.state.setText(QCoreApplication.translate("ServerTab", "Starting…")
                              if running is False and tab.switch.isChecked()
                              else QCoreApplication.translate("ServerTab", "…"))
        elif running:
            tab.state.setText(QCoreApplication.translate("ServerTab", "Serving at {}/v1").format(local.address))
        elif admin.serving == "loopback":
            tab.state.setText(admin.reason("Serving to other computers"))
        else:
            tab.state.setText(QCoreApplication.translate("ServerTab", "Not serving."))

    def switched(on: bool) -> None:
        if on:
            local.start(tab.host.currentData())
        else:
            local.stop()

    def make_new_key() -> None:
        try:
            local.new_key = access.new_key(local.paths)
        except CoveError as exc:
            local.error = str(exc)
            refresh()
            return
        if local.server is not None and local.server.host != LOOPBACK:  # the old key stops working now
            local.server.set_key(local.new_key)
        refresh()

    tab.switch.toggled.connect(switched)
    tab.host.currentIndexChanged.connect(lambda _i: refresh())
    tab.copy_address.clicked.connect(lambda: QGuiApplication.clipboard().setText(tab.address.text()))
    tab.new_key.clicked.connect(make_new_key)
    local.changed.connect(refresh)
    tab.destroyed.connect(lambda *_: _disconnect(local, refresh))
    closed = getattr(tab.window(), "finished", None)  # the Settings dialog: the key was shown once, now forget it
    if closed is not None:
        closed.connect(lambda *_: setattr(local, "new_key", ""))
    refresh()


def _disconnect(local: LocalServer, slot) -> None:
    try:
        local.changed.disconnect(slot)
    except (RuntimeError, TypeError):
        pass
