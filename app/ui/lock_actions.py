"""Lock now (File menu, Ctrl+Shift+L), the idle lock, and encryption changes made from the window.

Locking, in this order, so that nothing typed or answered is lost and nothing readable
is left behind: the answer being written is stopped and saved (AnswerSession.stop_and_end);
the engine process is ended, which drops the conversation's state (the KV cache) from
memory; the notes indexer stops; the store is closed, so SQLCipher drops its copy of the
key; the key is forgotten (encryption.forget). The window's contents are taken out of it
and the lock screen put in their place; unlocking puts the very same widgets back, so the
window returns where it was (the same conversation, the same scroll, the draft).

The idle lock counts minutes without a key press, click or wheel anywhere in Cove; it is
off by default, and the administrator's max_idle_lock_minutes caps it (and turns it on).
Locking applies only to an encrypted store: without encryption there is no key to forget.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from app.core import encryption, policy
from app.ui.lock_screen import LockScreen

LOCK_SHORTCUT = "Ctrl+Shift+L"
_ACTIVITY = (QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.Wheel, QEvent.TouchBegin)


def idle_minutes(user_minutes: int, admin: policy.Policy) -> int:
    """The idle lock in force: the user's choice (0: never), never more than the administrator's maximum."""
    cap = admin.max_idle_lock_minutes
    if cap is None:
        return max(0, user_minutes)
    return cap if user_minutes <= 0 else min(user_minutes, cap)


class LockActions(QObject):
    def __init__(self, window, controller, paths, parent=None):
        super().__init__(parent)
        self.window, self.controller, self.paths = window, controller, paths
        self.locked = False
        self.screen: LockScreen | None = None
        self._content = None
        self._enabled_actions: list[QAction] = []
        self.lock_action = QAction(self.tr("&Lock now"), window)
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.triggered.connect(self.lock)
        self.encryption_action = QAction(self.tr("&Encryption and lock…"), window)
        window.addAction(self.lock_action)
        window.lock_action, window.encryption_action = self.lock_action, self.encryption_action
        self.encryption_action.triggered.connect(self.show_encryption)
        self.dialog = None
        controller.settings_model.changed.connect(lambda *_: self.refresh())
        quit_action = getattr(window, "quit_action", None)
        menu = window.menuBar().actions()[0].menu() if window.menuBar().actions() else None
        if menu is not None and quit_action is not None:
            menu.insertAction(quit_action, self.lock_action)
            menu.insertAction(quit_action, self.encryption_action)
            menu.insertSeparator(quit_action)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setTimerType(Qt.PreciseTimer)  # a coarse timer may fire up to 5% late (minutes, here)
        self.idle.timeout.connect(self.lock)
        self._watching = False
        window.closing.connect(self.idle.stop)
        self.refresh()

    # State ---------------------------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        return encryption.is_encrypted(self.paths.database)

    def minutes(self) -> int:
        storage = self.controller.settings_model.value.storage
        return idle_minutes(getattr(storage, "idle_lock_minutes", 0), policy.current())

    def refresh(self) -> None:
        """After a setting or an encryption change: what may be locked, and when."""
        self.lock_action.setEnabled(self.encrypted and not self.locked)
        minutes = self.minutes()
        on = self.encrypted and minutes > 0 and not self.locked
        if on:
            self.idle.start(minutes * 60_000)
        else:
            self.idle.stop()
        # Every event of the application passes the filter: only while an idle lock is counting.
        if on != self._watching:
            app = QApplication.instance()
            app.installEventFilter(self) if on else app.removeEventFilter(self)
            self._watching = on

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _ACTIVITY and self.idle.isActive():
            self.idle.start()  # the same interval again, from now
        return False

    # Lock and unlock -------------------------------------------------------------------

    def _let_go_of_the_store(self) -> None:
        c = self.controller
        c.session.typeahead_timer.stop()
        c.session.stop_and_end()  # what was written is saved, as stopped
        c.bridge.restart()  # the engine process ends: the conversation's state leaves memory with it
        c.models.forget_loaded()
        c.tasks.wait_for_done(5.0)  # a backup still copying holds the database open
        c.notes_actions.stop_for_deletion()
        c.store.close()

    def _take_the_store_back(self) -> None:
        c = self.controller
        c.store.reopen()
        c.notes_actions.after_deletion()
        c.conversations.refresh()
        if c.conversation_id is not None:
            c.select_row(c.conversation_id)  # the list, read again, highlights the chat still shown

    def lock(self) -> bool:
        if self.locked or not self.encrypted:
            return False
        self._let_go_of_the_store()
        encryption.forget(self.paths.data_dir)
        self.locked = True
        self.refresh()  # no idle count while locked
        w = self.window
        self._content = w.takeCentralWidget()
        self.screen = LockScreen()
        self.screen.unlock_requested.connect(self.unlock)
        w.setCentralWidget(self.screen)
        self._enabled_actions = [a for a in w.findChildren(QAction) if a.isEnabled()]
        for action in self._enabled_actions:
            action.setEnabled(False)
        w.menuBar().setEnabled(False)
        self._title = w.windowTitle()
        w.setWindowTitle(self.tr("Cove — locked"))
        self.screen.passphrase.setFocus()
        return True

    def unlock(self, secret: str) -> bool:
        if not self.locked:
            return True
        try:
            encryption.unlock(self.paths.data_dir, self.paths.database, secret)
        except encryption.WrongPassphrase as exc:
            self.screen.show_error(str(exc))
            return False
        self._take_the_store_back()
        w = self.window
        screen = w.takeCentralWidget()
        w.setCentralWidget(self._content)
        self._content = None
        screen.deleteLater()
        self.screen = None
        for action in self._enabled_actions:
            action.setEnabled(True)
        self._enabled_actions = []
        w.menuBar().setEnabled(True)
        w.setWindowTitle(self._title)
        self.locked = False
        self.refresh()
        return True

    # Encryption changed from the window --------------------------------------------------

    def show_encryption(self):
        from app.ui.settings.encryption_dialog import EncryptionDialog  # only when asked for

        self.dialog = EncryptionDialog(self.paths, self.with_store_closed, self.window)
        self.dialog.open()
        return self.dialog

    def with_store_closed(self, work):
        """Run a conversion with nothing in this process holding the database (one SQLite library per file)."""
        self._let_go_of_the_store()
        try:
            return work()
        finally:
            self._take_the_store_back()
            self.refresh()
