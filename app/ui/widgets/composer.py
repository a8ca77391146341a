"""Where the user writes: Enter sends, Shift+Enter starts a new line.

Editing an earlier message happens here too: its text comes into the box under a
banner, and sending makes it a new version of that message (the old one is kept).

Qt's layout of a line with no place to wrap grows with the square of its length (one
of 1 MB, pasted or brought in by Edit, froze the box for over a minute), so while the
text holds such a run the box wraps anywhere, which stays linear.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.ui.widgets.attachment_bar import AttachmentBar

_LONG_RUN = re.compile(r"\S{2000}")  # characters without a place to wrap: past this, wrap anywhere


class ComposerEdit(QPlainTextEdit):
    submitted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.textChanged.connect(self._wrap_at_words_when_empty)

    # Wrapping anywhere is switched on before a long run is laid out, and back off only once it
    # is gone: switching while it is there would lay it out again the slow way (a minute).
    def _wrap_anywhere_for(self, text: str) -> None:
        if _LONG_RUN.search(text):
            self.setWordWrapMode(QTextOption.WrapAnywhere)

    def _wrap_at_words_when_empty(self) -> None:
        if self.document().isEmpty() and self.wordWrapMode() != QTextOption.WrapAtWordBoundaryOrAnywhere:
            self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)

    def setPlainText(self, text: str) -> None:
        self._wrap_anywhere_for(text)
        super().setPlainText(text)
        if not _LONG_RUN.search(text):
            self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)

    def insertFromMimeData(self, source) -> None:
        if source is not None and source.hasText():
            self._wrap_anywhere_for(source.text())
        super().insertFromMimeData(source)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not (event.modifiers() & Qt.ShiftModifier):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    send_requested = Signal(str)
    stop_requested = Signal()
    edit_cancelled = Signal()

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
        self.editing_message_id: int | None = None
        self._draft_before_edit = ""
        # Files go with the message (attachment_actions.py fills the bar): the button, or drop them here.
        self.attachment_bar = AttachmentBar(self)
        self._attachments_before_edit = []
        self.attach_button = QPushButton(self.tr("Attach…"), self)
        self.attach_button.setAccessibleName(self.tr("Attach files"))
        self.attach_button.setToolTip(self.tr("Attach text or Markdown files"))
        self.edit_banner = QLabel(self.tr("Editing a message: Enter sends it as a new version "
                                          "(the old one is kept). Esc cancels."))
        self.edit_banner.setObjectName("editBanner")
        self.cancel_edit_button = QPushButton(self.tr("Cancel edit"), self)
        self.cancel_edit_button.setAccessibleName(self.tr("Cancel edit"))
        self.cancel_edit_button.clicked.connect(self.cancel_edit)
        banner = QHBoxLayout()
        banner.addWidget(self.edit_banner, 1)
        banner.addWidget(self.cancel_edit_button)
        self.edit_banner.hide()
        self.cancel_edit_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.attach_button, 0, Qt.AlignBottom)
        row.addWidget(self.button, 0, Qt.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 12)
        layout.addLayout(banner)
        layout.addWidget(self.attachment_bar)
        layout.addLayout(row)
        self._generating = False
        self.edit.submitted.connect(self._submit)
        self.button.clicked.connect(self._on_button)

    def _on_button(self) -> None:
        if self._generating:
            self.stop_requested.emit()
        else:
            self._submit()

    def _submit(self) -> None:
        if self._generating or self.edit.isReadOnly():
            return
        text = self.edit.toPlainText()
        if text.strip():
            self.send_requested.emit(text)

    def clear(self) -> None:
        self.edit.clear()
        self.attachment_bar.clear()
        self._end_edit()

    def set_read_only(self, reason: str) -> None:
        """With a reason, nothing can be sent (a conversation in the trash), and the box says why."""
        self.edit.setReadOnly(bool(reason))
        self.button.setEnabled(not reason)
        self.attach_button.setEnabled(not reason)
        self.edit.setPlaceholderText(reason or self.tr("Message Cove…  (Enter to send, Shift+Enter for a new line)"))
        self.edit.setToolTip(reason)  # a draft typed earlier stays in the box, untouched

    def begin_edit(self, message_id: int, text: str, attachments=()) -> None:
        if self.editing_message_id is None:
            self._draft_before_edit = self.edit.toPlainText()  # given back if the edit is cancelled
            self._attachments_before_edit = self.attachment_bar.attachments()
        self.editing_message_id = message_id
        self.edit.setPlainText(text)
        self.attachment_bar.set_attachments(list(attachments))  # the message's files, to keep or remove
        self.edit_banner.show()
        self.cancel_edit_button.show()
        self.edit.setFocus()
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)

    def cancel_edit(self) -> None:
        if self.editing_message_id is None:
            return
        self.edit.setPlainText(self._draft_before_edit)
        self.attachment_bar.set_attachments(self._attachments_before_edit)
        self._end_edit()
        self.edit_cancelled.emit()

    def _end_edit(self) -> None:
        self.editing_message_id = None
        self._draft_before_edit = ""
        self._attachments_before_edit = []
        self.edit_banner.hide()
        self.cancel_edit_button.hide()

    def set_icons(self) -> None:
        from app.ui.theme import icon

        self.button.setIcon(icon("stop" if self._generating else "send"))
        self.attach_button.setIcon(icon("attach"))

    def set_generating(self, generating: bool) -> None:
        self._generating = generating
        self.set_icons()
        self.button.setText(self.tr("Stop") if generating else self.tr("Send"))
        self.button.setAccessibleName(self.tr("Stop answer") if generating else self.tr("Send message"))
