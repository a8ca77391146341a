"""Help › Privacy…: every network request Cove can make, whether it is offline, and the request log.

The list of requests is short and fixed (hub_http.py and remote_client.py are the only
places Cove uses the network), and each remote server added is named, with what goes to it; the log shows the ones it really made (app/core/network_log.py), in local
time as people read it ("today 14:05"), each with how it ended when that is known.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.core import hub as hub_mod
from app.core import network_log
from app.core.endpoints import offline_from_env
from app.core.errors import CoveError

# Every request Cove can make, as the README lists it (network_log.REQUEST_KINDS).
REQUESTS = tuple((kind.key, kind.description) for kind in network_log.REQUEST_KINDS)


def rich(markdown: str) -> str:
    """A description written for the README (`code` in backticks) as the label's rich text."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(markdown, quote=False))


def local_time(iso: str, now: datetime | None = None) -> str:
    """A logged UTC time as people read it, in local time: "today 14:05", "yesterday 09:12", "12 May 14:05",
    "12 May 2025 14:05"; the stored text itself if it is not a time."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)[:40]
    if moment.tzinfo is None:
        return str(iso)[:40]  # no zone: which time it is cannot be known
    moment = moment.astimezone()
    today = (now or datetime.now().astimezone()).date()
    clock = f"{moment:%H:%M}"
    if moment.date() == today:
        return f"today {clock}"
    if moment.date() == today - timedelta(days=1):
        return f"yesterday {clock}"
    day = f"{moment.day} {moment:%b}"
    return f"{day} {clock}" if moment.year == today.year else f"{day} {moment.year} {clock}"


def outcome_text(outcome: str) -> str:
    """A logged outcome in words: "ok", "failed: ConnectError", "HTTP 404"; unknown when none was logged."""
    if not outcome:
        return "no outcome logged"
    if outcome.startswith("HTTP 2"):
        _status, _, counts = outcome.partition(" · ")  # a remote answer's token counts follow
        return f"ok · {counts}" if counts else "ok"
    return "redirected" if outcome.startswith("HTTP 3") else outcome


def network_status(settings, policy=None) -> tuple[str, bool]:
    """The Hub address in use (mirror from the policy, Settings, HF_ENDPOINT, or the public Hub) and
    whether Cove is offline."""
    offline = settings.hub.offline or offline_from_env()
    endpoint = getattr(policy, "endpoint", "") if policy is not None else ""
    if not endpoint:
        try:
            endpoint = hub_mod.resolve_endpoint(settings.hub.endpoint)
        except CoveError as exc:
            endpoint = str(exc)
    return endpoint, offline


def remote_hosts_text(settings, policy, data_dir) -> str:
    """Each remote server's host, said plainly: the messages of a chat with its models go to it."""
    from app.core.remote_servers import servers_in_use

    try:
        servers = servers_in_use(settings, policy, data_dir) if policy is not None else []
    except Exception:  # shown where the servers are used, not here
        servers = []
    if not servers:
        return ""
    hosts = ", ".join(f"<b>{html.escape(s.host)}</b>" for s in servers)
    return ("<p>Remote servers: when you chat with a model marked “on HOST”, your messages (the whole "
            f"conversation, with attached files and notes' passages) are sent to that server: {hosts}. It "
            "writes the answer; the conversation itself is stored only on this computer.</p>")


def _load_policy():
    try:
        from app.core import policy

        return policy.current() if hasattr(policy, "current") else policy.load()
    except Exception:  # a policy problem is reported where the policy decides, not here
        return None


class PrivacyDialog(QDialog):
    def __init__(self, parent, settings, app_paths):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Privacy"))
        self.app_paths = app_paths
        policy = _load_policy()
        endpoint, offline = network_status(settings, policy)
        items = "".join(f"<li>{rich(text)}</li>" for _key, text in REQUESTS)
        notes = []
        if policy is not None and getattr(policy, "active", False):
            if not policy.hub_search:
                notes.append(self.tr("Searching is turned off by your administrator."))
            if not policy.downloads:
                notes.append(self.tr("Downloads are turned off by your administrator."))
        self.summary = QLabel(self.tr(
            "<p>Your conversations are stored only on this computer: no account, no telemetry, no cloud. "
            "Cove uses the network only when you ask it to, and only for these requests (to the model Hub, "
            "the mirror in use, or a remote server you added):</p><ul>{}</ul><p>Hub address in use: <b>{}</b></p>").format(
                items, endpoint.replace("<", "&lt;")) + "".join(f"<p>{n}</p>" for n in notes)
            + remote_hosts_text(settings, policy, app_paths.data_dir))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.offline_label = QLabel(
            self.tr("Cove is offline: it makes no network requests at all.") if offline else
            self.tr("Cove is online: the requests above are made when you use them. Turn on offline mode "
                    "in Settings › Privacy to make none."))
        self.offline_label.setAccessibleName(self.tr("Offline"))
        self.offline_label.setWordWrap(True)
        self.log_label = QLabel()
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Network requests made"))
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Host"), self.tr("Purpose"),
                                              self.tr("Outcome")])
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideMiddle)  # a long file name keeps its start and its end
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)  # the purpose takes the room left, the outcome shows
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.open_folder_button = QPushButton(self.tr("Open log folder"))
        self.refresh_button.clicked.connect(self.refresh)
        self.open_folder_button.clicked.connect(self.open_log_folder)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.refresh_button)
        buttons_row.addWidget(self.open_folder_button)
        buttons_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.offline_label)
        layout.addWidget(self.log_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(close)
        self.resize(680, 560)
        self.refresh()

    def refresh(self) -> None:
        entries = list(reversed(network_log.read(self.app_paths)))  # newest first
        self.log_label.setText(self.tr("Requests Cove made ({}), newest first. The log is {}.").format(
            len(entries), network_log.log_path(self.app_paths)) if entries else
            self.tr("Cove has made no network requests (log: {}).").format(network_log.log_path(self.app_paths)))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            outcome = outcome_text(entry.outcome)
            for column, value in enumerate((local_time(entry.time), entry.host, entry.purpose, outcome)):
                item = QTableWidgetItem(value)
                if column in (0, 2):
                    item.setToolTip(entry.time if column == 0 else value)  # the exact time (UTC); the whole purpose
                if column == 3 and outcome.startswith(("failed", "HTTP")):  # an error, or an error answer
                    item.setForeground(QColor("#d64545"))
                self.table.setItem(row, column, item)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.app_paths.log_dir)))
