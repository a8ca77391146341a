"""The note behind a citation: its text with the cited passage highlighted and scrolled into view.

What is shown is decided in the core (app/core/notes/viewing.py): the note as it is
now (a PDF: the page's text), or, when the note changed or is gone, the passage as
it was stored with the answer, with one line saying so. The dialog only reads:
editing happens in the user's own app ("Open in default app"), which keeps Cove from
ever changing a note by accident.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
)

from app.core.notes import viewing
from app.core.sources import Source
from app.ui.widgets.citation_html import source_line
from app.ui.widgets.model_guard import text as capped


class NoteViewerDialog(QDialog):
    def __init__(self, source: Source, shown: viewing.NoteView, parent=None):
        super().__init__(parent)
        self.source, self.shown = source, shown
        self.setWindowTitle(self.tr("Note: {}").format(capped(shown.path.name, 200)))
        self.resize(720, 560)
        self.where = QLabel(capped(f"[{source.number}] {source_line(source)}", 1000))
        self.where.setWordWrap(True)
        self.where.setAccessibleName(self.tr("Cited passage"))
        self.where.setStyleSheet("font-weight: 600;")
        self.path_label = QLabel(capped(str(shown.path), 1000))
        self.path_label.setWordWrap(True)
        self.path_label.setAccessibleName(self.tr("Note file"))
        self.path_label.setStyleSheet("color: #888;")
        self.path_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.state = QLabel(self._state_text())
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Note state"))
        self.state.setStyleSheet("color: #b9770e;")
        self.state.setVisible(shown.state != viewing.CURRENT)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Note text"))
        self.text.setPlainText(shown.text)
        self.open_button = QPushButton(self.tr("Open in default app"))
        self.open_button.setAccessibleName(self.tr("Open the note in its default app"))
        self.open_button.setToolTip(capped(str(shown.path), 1000))
        self.open_button.setEnabled(shown.state != viewing.GONE)
        self.open_button.clicked.connect(self.open_externally)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.path_label)
        layout.addWidget(self.state)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self._highlight()

    def _state_text(self) -> str:
        if self.shown.state == viewing.CHANGED:
            return self.tr("This note has changed since the answer: shown is the passage as it was then.")
        if self.shown.state == viewing.GONE:
            if self.shown.problem:
                return self.tr("This note cannot be read now ({}): shown is the passage as it was when "
                               "the answer was written.").format(self.shown.problem)
            return self.tr("This note is no longer there: shown is the passage as it was when the answer "
                           "was written.")
        return ""

    def _highlight(self) -> None:
        """Mark the passage (a background, like a highlighter); the cursor at its start."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.shown.start)
        cursor.setPosition(self.shown.end, QTextCursor.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        fmt = QTextCharFormat()
        dark = self.palette().base().color().lightness() < 128
        fmt.setBackground(QColor("#6b5a1e" if dark else "#fff1a8"))
        mark.format = fmt
        self.text.setExtraSelections([mark])
        start = QTextCursor(self.text.document())
        start.setPosition(self.shown.start)
        self.text.setTextCursor(start)

    def showEvent(self, event) -> None:
        # Scrolled once the dialog has its size: before it is shown, the view does not know how
        # much fits, and the passage would end up out of sight.
        super().showEvent(event)
        self.text.centerCursor()  # the passage's start in the middle: some context above it

    def highlighted_text(self) -> str:
        """The text marked as the passage (tests read it)."""
        marks = self.text.extraSelections()
        return marks[0].cursor.selectedText().replace("\u2029", "\n") if marks else ""

    def open_externally(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.shown.path)))
