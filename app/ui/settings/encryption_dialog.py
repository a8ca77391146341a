"""Settings › Privacy › Encrypt my conversations…: turn encryption on, change the passphrase, turn it off.

Before encryption goes on, the dialog says plainly that a forgotten passphrase cannot
be recovered, and afterwards it shows the recovery key once (to write down or copy),
the only other way in. The key may also be kept in the operating system's keyring, to
unlock at login without typing; where there is no keyring the dialog says so and the
passphrase is asked at every start. The conversion itself runs with the window's store
closed (LockActions.with_store_closed) and can be interrupted at any moment without
losing the database (app/core/conversion.py).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app.core import encryption, policy, store_encryption
from app.core.errors import CoveError

WARNING = ("A forgotten passphrase cannot be recovered: nobody, not even Cove, can open the conversations without "
           "it. Cove shows a recovery key once, right after encrypting: write it down and keep it apart from "
           "this computer.")


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.Password)
    field.setAccessibleName(name)
    return field


class EncryptionDialog(QDialog):
    def __init__(self, paths, with_store_closed=lambda work: work(), parent=None, required: bool = False):
        """`with_store_closed(work)` runs a conversion with the window's store let go of (LockActions)."""
        super().__init__(parent)
        self.paths, self.with_store_closed, self.required = paths, with_store_closed, required
        self.recovery_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Encrypt my conversations"))
        encrypted = encryption.is_encrypted(paths.database)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.warning = QLabel(self.tr(WARNING))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b9770e;")
        self.passphrase = _password_field(self.tr("New passphrase"))
        self.again = _password_field(self.tr("New passphrase again"))
        self.keyring = QCheckBox(self.tr("Also keep the key in this computer's keyring (unlock when I log in)"))
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Again:"), self.again)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.apply_button = QPushButton()
        self.off_button = QPushButton(self.tr("Turn encryption off…"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.state, self.warning):
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in (self.keyring, self.error, self.apply_button, self.off_button):
            layout.addWidget(widget)
        layout.addStretch(1)  # spare height goes below the buttons, not into gaps between the paragraphs
        layout.addWidget(buttons)
        self.apply_button.clicked.connect(self.apply)
        self.off_button.clicked.connect(self.turn_off)
        self._show_state(encrypted)
        self.resize(560, 360)

    def _show_state(self, encrypted: bool) -> None:
        admin = policy.current()
        if encrypted:
            self.state.setText(self.tr("Your conversations, their backups, the notes index and the engine's saved "
                                       "states are encrypted on disk. Change the passphrase below."))
            self.apply_button.setText(self.tr("Change passphrase"))
        else:
            text = self.tr("Your conversations are stored unencrypted. Encrypting them protects them if this "
                           "computer, its disk or a backup of it gets into other hands.")
            if self.required or admin.encryption_required:
                text = admin.reason(self.tr("Keeping conversations unencrypted")) + " " + text
            self.state.setText(text)
            self.apply_button.setText(self.tr("Encrypt my conversations"))
        self.keyring.setVisible(not encrypted)
        self.off_button.setVisible(encrypted)
        self.off_button.setEnabled(not admin.encryption_required)
        self.passphrase.clear()
        self.again.clear()

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def apply(self) -> bool:
        passphrase, again = self.passphrase.text(), self.again.text()
        try:
            encryption.check_new_passphrase(passphrase, again)
        except CoveError as exc:
            self._say(str(exc))
            return False
        data_dir, database = self.paths.data_dir, self.paths.database
        encrypted = encryption.is_encrypted(database)
        QApplication.setOverrideCursor(self.cursor())
        try:
            if encrypted:
                old = encryption.key_for(database)[0]
                key = self.with_store_closed(
                    lambda: store_encryption.change_passphrase(data_dir, database, old, passphrase))
            else:
                key = self.with_store_closed(lambda: store_encryption.turn_on(data_dir, database, passphrase))
        except CoveError as exc:
            self._say(str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        notes = []
        if not encrypted and self.keyring.isChecked():
            try:
                encryption.keyring_store(data_dir, key)
            except encryption.KeyringUnavailable as exc:
                notes.append(str(exc) + " " + self.tr("Cove will ask for the passphrase when it starts."))
        self._say("")
        self._show_state(True)
        self.show_recovery_key(key, notes)
        return True

    def show_recovery_key(self, key: bytes, notes: list[str]) -> QMessageBox:
        text = encryption.recovery_key_text(key)
        intro = self.tr("Your conversations are encrypted. This is your recovery key: it opens them if the passphrase "
                        "is forgotten. Write it down now and keep it apart from this computer; it is shown only "
                        "this once.")
        body = (f"<p>{html.escape(intro)}</p><p style='white-space:nowrap'><code style='font-size:12pt'>{text}</code></p>"
                + "".join(f"<p>{html.escape(note)}</p>" for note in notes))
        box = QMessageBox(QMessageBox.Information, self.tr("Your recovery key"), body, parent=self)
        box.setTextFormat(Qt.RichText)
        copy = box.addButton(self.tr("Copy"), QMessageBox.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(text))
        box.addButton(QMessageBox.Ok)
        box.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.recovery_box = box
        box.open()
        return box

    def turn_off(self, confirm=None) -> bool:
        ask = confirm or (lambda: QMessageBox.question(
            self, self.tr("Turn encryption off"),
            self.tr("Store your conversations unencrypted again? Anyone with this computer's disk could then "
                    "read them.")) == QMessageBox.Yes)
        if not ask():
            return False
        database = self.paths.database
        key = encryption.key_for(database)[0]
        try:
            self.with_store_closed(lambda: store_encryption.turn_off(self.paths.data_dir, database, key))
        except CoveError as exc:
            self._say(str(exc))
            return False
        self._show_state(False)
        return True
