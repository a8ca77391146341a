"""The conversation list follows the database, also when another process writes to it.

`cove chat` in a terminal, a second window, an import from the command line: each
writes the same SQLite database, and the window's list used to show only what the
window itself had written. SQLite counts commits by other connections in
`PRAGMA data_version` (a number kept in memory: reading it costs microseconds, no
disk access); the window reads it every WATCH_MS and whenever it is activated, and
when it moved, reads the list again. The window's own writes do not move it (they
refresh the list where they happen), so a quiet database costs nothing else.

After reading again, the highlighted row is the conversation shown (or none, when it
is not in the list); if the conversation shown gained messages elsewhere and no
answer is being written in it here, it is shown again with them.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

WATCH_MS = 1500


class ListSync(QObject):
    def __init__(self, window, store, conversations, nav, busy, parent=None):
        """`nav` is the window's Navigation, busy() whether an answer is being written."""
        super().__init__(parent)
        self.window, self.store, self.conversations, self.nav, self.busy = window, store, conversations, nav, busy
        self.version = self._version()
        self.timer = QTimer(self)
        self.timer.setInterval(WATCH_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        window.installEventFilter(self)
        window.closing.connect(self.timer.stop)

    def _version(self) -> int | None:
        try:
            return self.store.db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:  # closed for a moment ("Delete all my data"): look again next time
            return None

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.WindowActivate:
            self.check()
        return False

    def check(self) -> bool:
        """Read the list again if another process wrote since the last look; whether it did."""
        version = self._version()
        if version is None or version == self.version:
            return False
        if self.window.conversation_list.state() == QAbstractItemView.EditingState:
            return False  # a title being typed in the list: not now, at the next look
        self.version = version
        self.follow()
        return True

    def follow(self) -> None:
        self.conversations.refresh()
        current = self.nav.current()
        if current is None:
            return  # a new chat: nothing is highlighted, and the reset left nothing highlighted
        if not self.store.has_conversation(current):
            self.nav.new_chat()  # deleted for good elsewhere
            return
        newest = self.store.conversation(current).current_message_id
        if newest is not None and not self.busy() and not self.window.transcript.shows(newest):
            self.nav.open(current)  # written to elsewhere: show what it says now
        else:
            self.nav.select(current)
