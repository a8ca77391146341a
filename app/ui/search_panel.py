"""The search box above the conversation list: results replace the list while there is text."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem

HitRole = Qt.UserRole + 1
SEARCH_PAUSE_MS = 200


class SearchPanel(QObject):
    def __init__(self, chat_controller):
        super().__init__(chat_controller)
        self.chat = chat_controller
        w = chat_controller.window
        self.edit, self.results = w.search_edit, w.search_results
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(self.run)
        self.edit.textChanged.connect(self.timer.start)
        self.edit.returnPressed.connect(self.run)
        self.results.itemActivated.connect(self.open)
        self.results.itemClicked.connect(self.open)

    def run(self) -> None:
        text = self.edit.text().strip()
        searching = bool(text)
        self.results.setVisible(searching)
        self.chat.window.conversation_list.setVisible(not searching)
        self.results.clear()
        if not searching:
            return
        try:
            hits = self.chat.store.search(text)
        except sqlite3.Error as exc:
            self.results.addItem(self.tr("Search failed ({}).").format(exc))
            return
        if not hits:
            self.results.addItem(self.tr("Nothing found."))
        for hit in hits:
            snippet = " ".join(hit.snippet.split())
            item = QListWidgetItem(f"{hit.conversation_title}\n    {snippet}")
            item.setData(HitRole, (hit.conversation_id, hit.message_id))
            item.setToolTip(f"{hit.conversation_title}\n{snippet}")
            self.results.addItem(item)

    def open(self, item: QListWidgetItem) -> None:
        target = item.data(HitRole)
        if not target:
            return
        conversation_id, message_id = target
        self.chat.open_conversation(conversation_id)
        self.chat.window.transcript.scroll_to_message(message_id)
