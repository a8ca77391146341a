"""Where the user writes: Enter sends, Shift+Enter starts a new line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QWidget


class ComposerEdit(QPlainTextEdit):
    submitted = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not (event.modifiers() & Qt.ShiftModifier):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    send_requested = Signal(str)
    stop_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = ComposerEdit(self)
        self.edit.setPlaceholderText(self.tr("Message Cove…  (Enter to send, Shift+Enter for a new line)"))
        self.edit.setAccessibleName(self.tr("Message"))
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(84)
        self.button = QPushButton(self.tr("Send"), self)
        self.button.setAccessibleName(self.tr("Send message"))
        self.button.setMinimumWidth(84)
        self.button.setDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 12)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button, 0, Qt.AlignBottom)
        self._generating = False
        self.edit.submitted.connect(self._submit)
        self.button.clicked.connect(self._on_button)

    def _on_button(self) -> None:
        if self._generating:
            self.stop_requested.emit()
        else:
            self._submit()

    def _submit(self) -> None:
        if self._generating:
            return
        text = self.edit.toPlainText()
        if text.strip():
            self.send_requested.emit(text)

    def clear(self) -> None:
        self.edit.clear()

    def set_generating(self, generating: bool) -> None:
        self._generating = generating
        self.button.setText(self.tr("Stop") if generating else self.tr("Send"))
        self.button.setAccessibleName(self.tr("Stop answer") if generating else self.tr("Send message"))
