"""Files attached to the message being written: a chip per file above the box, and a warning line.

Each chip shows the file's name and how many tokens it takes (≈ an estimate until
the engine has counted it with the model), with a × to remove it. Below the chips,
one red line says what is wrong, and what to do: a file that could not be attached,
or a message that would not fit the model's context.

This module is only the widget (and a helper that catches files dropped on other
widgets); attachment_actions.py decides what goes in it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QToolButton, QVBoxLayout, QWidget

from app.core.attachments import Attachment, estimate_tokens, file_block
from app.core.units import human_size
from app.ui.i18n import number

ERROR_COLOUR = "#c0392b"


def local_files(mime) -> list[str]:
    """The local files a drag carries (none for text, web links and the like)."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class FileDropFilter(QObject):
    """Lets files be dropped on widgets that do not take files themselves (the message box): installed
    on them (on a scroll area's viewport), it takes drags of local files and leaves every other drag
    (text, links) to the widget. Not on the transcript, which repaints as an answer streams: it takes
    files itself (transcript.py), so that no Python filter runs for each of its events."""

    files_dropped = Signal(list)  # paths

    def __init__(self, parent=None):
        super().__init__(parent)
        self.watched: list[QWidget] = []

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        self.watched.append(widget)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop) and local_files(event.mimeData()):
            event.setDropAction(Qt.CopyAction)
            event.accept()
            if kind == QEvent.Drop:
                self.files_dropped.emit(local_files(event.mimeData()))
            return True
        return False


class FlowLayout(QLayout):
    """Chips from left to right, wrapping onto the next line when the row is full."""

    def __init__(self, parent=None, spacing: int = 6):
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientations()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class AttachmentChip(QFrame):
    remove_requested = Signal()

    def __init__(self, attachment: Attachment, parent=None):
        super().__init__(parent)
        self.attachment = attachment
        self.setObjectName("attachmentChip")
        self.setStyleSheet("#attachmentChip { border: 1px solid palette(mid); border-radius: 10px; "
                           "background: palette(alternate-base); }")
        self.label = QLabel(self)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setAccessibleName(self.tr("Remove {}").format(attachment.name))
        self.remove_button.setToolTip(self.tr("Remove {} from this message").format(attachment.name))
        self.remove_button.clicked.connect(self.remove_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 2, 2)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)

    def show_count(self, tokens: int, exact: bool) -> None:
        count = number(tokens) if exact else "≈" + number(tokens)
        self.label.setText(self.tr("{} · {} tokens").format(self.attachment.name, count))
        self.label.setAccessibleName(self.label.text())
        self.setToolTip(self.tr("{}: {}, {} tokens{}").format(
            self.attachment.name, human_size(self.attachment.size), count,
            "" if exact else self.tr(" (an estimate until the model has counted them)")))


class AttachmentBar(QWidget):
    """The files attached to the draft, in the order attached. Hidden when there is nothing to show."""

    changed = Signal()  # a file was added or removed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Attached files"))
        # (tokens, exact) for a file; attachment_actions sets the engine's counts here.
        self.counter: Callable[[Attachment], tuple[int, bool]] = lambda a: (estimate_tokens(file_block(a)), False)
        self._chips: list[AttachmentChip] = []
        self.chips = QWidget(self)
        self.flow = FlowLayout(self.chips)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("attachmentWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.PlainText)
        self.warning_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.warning_label.setAccessibleName(self.tr("Attachment warning"))
        self.warning_label.hide()
        self.reading_label = QLabel(self)  # "Reading notes.md…" while files are read off the GUI thread
        self.reading_label.setObjectName("attachmentReading")
        self.reading_label.setTextFormat(Qt.PlainText)
        self.reading_label.setStyleSheet("color: palette(mid);")
        self.reading_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.chips)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.warning_label)
        self._update_visibility()

    def attachments(self) -> list[Attachment]:
        return [chip.attachment for chip in self._chips]

    def add(self, attachment: Attachment) -> bool:
        """Attach a file; False (and nothing added) when the same file is already attached."""
        if any(a.name == attachment.name and a.text == attachment.text for a in self.attachments()):
            return False
        self._add_chip(attachment)
        self._update_visibility()
        self.changed.emit()
        return True

    def _add_chip(self, attachment: Attachment) -> None:
        chip = AttachmentChip(attachment, self.chips)
        chip.remove_requested.connect(lambda: self.remove(self._chips.index(chip)))
        chip.show_count(*self.counter(attachment))
        self._chips.append(chip)
        self.flow.addWidget(chip)
        chip.show()

    def remove(self, index: int) -> None:
        chip = self._chips.pop(index)
        self.flow.removeWidget(chip)
        chip.deleteLater()
        self._update_visibility()
        self.changed.emit()

    def set_attachments(self, attachments: list[Attachment]) -> None:
        """Replace what is attached (editing a message brings its files; cancelling gives the draft's back)."""
        for chip in self._chips:
            self.flow.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for attachment in attachments:
            self._add_chip(attachment)
        self._update_visibility()
        self.changed.emit()

    def clear(self) -> None:
        if self._chips:
            self.set_attachments([])

    def refresh_counts(self) -> None:
        for chip in self._chips:
            chip.show_count(*self.counter(chip.attachment))
        self.chips.updateGeometry()

    def chip_texts(self) -> list[str]:
        return [chip.label.text() for chip in self._chips]

    def set_warning(self, text: str) -> None:
        if text == self.warning_label.text():
            return
        self.warning_label.setText(text)
        self._update_visibility()

    def warning(self) -> str:
        return self.warning_label.text()

    def set_reading(self, names: list[str]) -> None:
        """Files being read (none: done)."""
        shown = ", ".join(names[:3]) + (self.tr(" and {} more").format(len(names) - 3) if len(names) > 3 else "")
        self.reading_label.setText(self.tr("Reading {}…").format(shown) if names else "")
        self._update_visibility()

    @property
    def reading(self) -> bool:
        return bool(self.reading_label.text())

    def _update_visibility(self) -> None:
        self.chips.setVisible(bool(self._chips))
        self.warning_label.setVisible(bool(self.warning_label.text()))
        self.reading_label.setVisible(self.reading)
        self.setVisible(bool(self._chips) or bool(self.warning_label.text()) or self.reading)
