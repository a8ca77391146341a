"""Settings › Remote servers: add and remove the OpenAI-compatible servers whose models answer for Cove.

A server is added at once (not with the dialog's Save): its models are listed first, on
the task pool, so a wrong address, key or certificate is said here rather than at the
first question. The key is stored like the Hub token (app/core/remote_servers.py) and
never shown back; the servers the administrator's policy names are listed, marked, and
cannot be removed here.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import policy
from app.core import remote_servers as rs
from app.core.errors import CoveError
from app.core.remote_client import list_models

URL_ROLE = Qt.UserRole


class RemoteServersTab(QWidget):
    """Layout only: RemoteServersActions fills it and acts on it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        intro = QLabel(self.tr(
            "Servers that run models for Cove: vLLM, llama.cpp's llama-server, Ollama, or another Cove. Their "
            "models appear in the model picker, marked with the server's name. When you chat with one, your "
            "messages are sent to that server; the conversation is stored only on this computer."))
        intro.setWordWrap(True)
        self.servers = QListWidget()
        self.servers.setAccessibleName(self.tr("Remote servers"))
        self.remove_button = QPushButton(self.tr("Remove server"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://gpu.example.org/v1")
        self.url.setAccessibleName(self.tr("Server address"))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.Password)
        self.key.setPlaceholderText(self.tr("optional"))
        self.key.setAccessibleName(self.tr("API key"))
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setPlaceholderText(self.tr("optional: for an on-prem certificate"))
        self.ca_bundle.setAccessibleName(self.tr("CA bundle"))
        self.choose_ca = QPushButton(self.tr("Choose…"))
        self.add_button = QPushButton(self.tr("Add server"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Address") + ":", self.url)
        form.addRow(self.tr("API key") + ":", self.key)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.choose_ca)
        form.addRow(self.tr("CA bundle") + ":", ca_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.servers, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)


class RemoteServersActions(QObject):
    def __init__(self, tab: RemoteServersTab, settings, data_dir, tasks, parent=None):
        """`settings` is the SettingsModel; `tasks` the TaskRunner that lists a new server's models."""
        super().__init__(parent)
        self.tab, self.settings, self.data_dir, self.tasks = tab, settings, data_dir, tasks
        self.adding = False
        tab.add_button.clicked.connect(self.add)
        tab.remove_button.clicked.connect(self.remove)
        tab.choose_ca.clicked.connect(self.choose_ca_bundle)
        tab.servers.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.show_servers()

    def show_servers(self) -> None:
        tab = self.tab
        tab.servers.clear()
        for server in rs.servers_in_use(self.settings.value, policy.current(), self.data_dir):
            text = server.url + (self.tr("  (set by your administrator)") if server.managed else "")
            if server.key:
                text += self.tr("  · key stored")
            item = QListWidgetItem(text)
            item.setData(URL_ROLE, server.url)
            item.setData(Qt.UserRole + 1, server.managed)
            tab.servers.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.tab.servers.currentItem()
        self.tab.remove_button.setEnabled(item is not None and not item.data(Qt.UserRole + 1))
        self.tab.add_button.setEnabled(not self.adding)

    def choose_ca_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.tab, self.tr("CA bundle (PEM)"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.tab.ca_bundle.setText(path)

    def say(self, text: str, error: bool = False) -> None:
        self.tab.message.setStyleSheet("color: #c0392b;" if error else "")
        self.tab.message.setText(text)

    def add(self) -> None:
        """Check the address, list the server's models in the background, then keep it (and its key)."""
        tab = self.tab
        url = rs.normalise_url(tab.url.text())
        try:
            problem = rs.url_problem(url)
            if problem:
                raise CoveError(problem[0].upper() + problem[1:] + ".")
            rs.check_allowed(policy.current(), url)
            server = rs.RemoteServer(url, rs.check_ca_bundle(tab.ca_bundle.text().strip()), tab.key.text().strip())
        except CoveError as exc:
            self.say(str(exc), error=True)
            return
        self.adding = True
        self._update_buttons()
        self.say(self.tr("Asking {} for its models…").format(server.host))
        self.tasks.run(lambda: list_models(server), on_success=lambda ids: self._added(server, ids),
                       on_failure=self._failed)

    def _failed(self, text: str) -> None:
        self.adding = False
        self._update_buttons()
        self.say(text, error=True)

    def _added(self, server: rs.RemoteServer, ids: list[str]) -> None:
        self.adding = False
        try:
            if server.key:
                rs.save_key(self.data_dir, server.url, server.key)
            else:
                rs.clear_key(self.data_dir, server.url)
        except OSError as exc:
            self._failed(self.tr("The key could not be stored ({}).").format(exc.strerror or exc))
            return
        value = self.settings.value
        kept = tuple(e for e in value.remote_servers if e["url"] != server.url) + (server.settings_entry(),)
        self.settings.update(replace(value, remote_servers=kept))
        self.tab.url.clear()
        self.tab.key.clear()
        self.tab.ca_bundle.clear()
        self.show_servers()
        self.say(self.tr("Added {}: {} models ({}). They are in the model picker, marked “on {}”.").format(
            server.url, len(ids), ", ".join(ids[:5]) + ("…" if len(ids) > 5 else ""), server.host))

    def remove(self) -> None:
        item = self.tab.servers.currentItem()
        if item is None or item.data(Qt.UserRole + 1):
            return
        url = item.data(URL_ROLE)
        value = self.settings.value
        self.settings.update(replace(value, remote_servers=tuple(e for e in value.remote_servers if e["url"] != url)))
        rs.clear_key(self.data_dir, url)
        self.show_servers()
        self.say(self.tr("Removed {} and its stored key.").format(url))
