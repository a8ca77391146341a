"""One Cove window per data folder: a second `cove` brings the first to the front and exits.

Two windows on the same folder would both write the same database and settings:
each would show a stale list, answer into conversations the other is changing and
load its own copy of the model. So the first window listens on a local socket (a
named pipe on Windows, a Unix domain socket elsewhere, readable by the user only)
named after the user and the resolved data folder; a second start connects to it,
asks the first to come forward, and exits before opening anything. Different
COVE_HOME folders get different names and run side by side. A socket file left by
a Cove that was killed answers no one, and is removed.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

ALREADY_RUNNING = "Cove is already running; switched to its window."
_ACTIVATE = b"activate\n"
_TIMEOUT_MS = 1000

log = logging.getLogger("cove.ui")


def server_name(data_dir: Path) -> str:
    """Short (Unix socket paths are limited), and the same for every start of this user and folder."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: the folder alone still separates users
        user = ""
    key = f"{user}\0{Path(data_dir).expanduser().resolve()}"
    return "cove-" + hashlib.sha256(key.encode()).hexdigest()[:16]


class SingleInstance(QObject):
    activated = Signal()  # another start asked this window to come to the front

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Become the Cove of this folder; False if one runs already (it was asked to come forward)."""
        if self._ask_running():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            if self._ask_running():  # another Cove started at the same moment
                return False
            QLocalServer.removeServer(self.name)  # left behind by a Cove that was killed
            if not server.listen(self.name):
                # Never keep the user from their conversations over this.
                log.warning("cannot watch for a second Cove window: %s", server.errorString())
                return True
        server.newConnection.connect(self._connected)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _ask_running(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(_ACTIVATE)
        socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def _connected(self) -> None:
        while self._server is not None and (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._activate(socket)

    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and socket.canReadLine():
            self._activate(socket)

    def _activate(self, socket: QLocalSocket) -> None:
        if bytes(socket.readLine().data()) == _ACTIVATE:
            self.activated.emit()
        socket.disconnectFromServer()


def bring_to_front(window: QWidget | None) -> None:
    if window is None:
        return
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
