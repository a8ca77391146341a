"""What the window shows while the conversations are locked, and the unlock dialog at start.

The same panel serves both: a passphrase field (or the recovery key), an Unlock button
and one line saying what went wrong. It shows nothing of any conversation: while it is
up, the window's own contents are taken out of it (lock_actions.py), and at start the
window is not even built until the store is unlocked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app import APP_NAME
from app.core import conversion, encryption, policy


class LockScreen(QWidget):
    unlock_requested = Signal(str)  # what was typed: a passphrase or the recovery key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self.tr("Your conversations are locked"))
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.hint = QLabel(self.tr("Type your passphrase to unlock them. A forgotten passphrase cannot be recovered; "
                                   "the recovery key you wrote down works in its place."))
        self.hint.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase or recovery key"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        # Enter in the field unlocks (returnPressed below). Not also a dialog's default button: in the unlock
        # dialog at start Enter then submitted twice, the second time with the field just cleared by the first,
        # so a wrong passphrase was reported as "The passphrase is empty".
        self.unlock_button.setAutoDefault(False)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        column = QWidget()
        column.setFixedWidth(460)  # a fixed width lets the wrapped hint take the height it needs
        inner = QVBoxLayout(column)
        for widget in (self.title, self.hint, self.passphrase, self.unlock_button, self.error):
            inner.addWidget(widget)
        for label in (self.hint, self.error):  # the window's style squeezes wrapped labels: ask for their height
            label.setMinimumHeight(label.heightForWidth(column.width() - 20))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignHCenter)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.passphrase.text())

    def show_error(self, message: str) -> None:
        self.passphrase.clear()
        self.error.setText(message)
        self.error.setMinimumHeight(self.error.heightForWidth(self.error.parentWidget().width() - 20))
        self.error.show()
        self.passphrase.setFocus()

    def reset(self) -> None:
        self.passphrase.clear()
        self.error.hide()


class UnlockDialog(QDialog):
    """At start: the store is encrypted and neither the keyring nor a passphrase file unlocked it."""

    def __init__(self, data_dir, database, note: str = "", parent=None):
        super().__init__(parent)
        self.data_dir, self.database = data_dir, database
        self.setWindowTitle(APP_NAME)
        self.screen_panel = LockScreen(self)
        if note:  # e.g. why the keyring did not unlock it
            hint = self.screen_panel.hint
            hint.setText(hint.text() + "\n\n" + note)
            hint.setMinimumHeight(hint.heightForWidth(hint.parentWidget().width() - 20))
        layout = QVBoxLayout(self)
        layout.addWidget(self.screen_panel)
        self.screen_panel.unlock_requested.connect(self.try_unlock)
        self.resize(520, 320)
        self.screen_panel.passphrase.setFocus()  # typing goes into the field at once

    def try_unlock(self, secret: str) -> bool:
        try:
            encryption.unlock(self.data_dir, self.database, secret)
        except encryption.WrongPassphrase as exc:
            self.screen_panel.show_error(str(exc))
            return False
        self.accept()
        return True


def unlock_at_start(app_paths, ask=None) -> bool:
    """Before the window is built: unlock an encrypted store (keyring or passphrase file first, then ask).

    Returns False when the user closed the dialog instead (Cove then quits, nothing changed).
    """
    conversion.recover(app_paths.database)
    if not encryption.is_encrypted(app_paths.database):
        return True
    try:
        note = encryption.unlock_without_asking(app_paths.data_dir, app_paths.database)
        # Why the keyring did not unlock it: said only to someone who chose the keyring
        note = note if encryption.keyring_chosen(app_paths.data_dir) else None
    except encryption.WrongPassphrase as exc:  # the passphrase file's
        note = str(exc)
    if encryption.is_unlocked(app_paths.data_dir):
        return True
    dialog = UnlockDialog(app_paths.data_dir, app_paths.database, note or "")
    return (ask or (lambda d: d.exec() == QDialog.Accepted))(dialog) and encryption.is_unlocked(app_paths.data_dir)


def encrypt_at_start(app_paths, ask=None) -> bool:
    """The administrator requires encryption and the store is plain: encrypt it now, or quit (False)."""
    from app.ui.settings.encryption_dialog import EncryptionDialog  # only on this rare path

    conversion.recover(app_paths.database)
    if not policy.current().encryption_required or encryption.is_encrypted(app_paths.database):
        return True
    dialog = EncryptionDialog(app_paths, required=True)
    (ask or (lambda d: d.exec()))(dialog)
    return encryption.is_encrypted(app_paths.database)
