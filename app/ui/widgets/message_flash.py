"""A message opened from a search result is lit up in the transcript for a moment, then fades.

Scrolling to a message is not enough when the view stops short of it at the end of a
conversation, or when several messages fit on the screen: the eye needs to be shown
which one matched. The highlight is an extra selection over the message's lines, not
a change of the document, so nothing is laid out again and copying is unaffected.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

HOLD_MS, FADE_MS, STEP_MS = 900, 1100, 40
COLOUR = QColor(255, 214, 64)  # the search marks' yellow: it reads as "this is what you looked for"
PEAK_ALPHA = 90
_MESSAGE_ANCHOR = re.compile(r"m\d+")  # message_html names each message's anchor m<id>


def message_range(document, message_id: int) -> tuple[int, int] | None:
    """Where a message is in the document: from its anchor to the next message's (or the end)."""
    name, start = f"m{message_id}", None
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            names = fragment.charFormat().anchorNames() if fragment.charFormat().isAnchor() else []
            if start is None and name in names:
                start = fragment.position()
            elif start is not None and any(_MESSAGE_ANCHOR.fullmatch(n) for n in names if n != name):
                return start, fragment.position()
            iterator += 1
        block = block.next()
    return (start, document.characterCount() - 1) if start is not None else None


class MessageFlash(QObject):
    """Lights up one message of a QTextEdit (the transcript), then fades it out."""

    def __init__(self, view: QTextEdit, parent=None):
        super().__init__(parent)
        self.view = view
        self.range: tuple[int, int] | None = None
        self.alpha = 0
        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self._step)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self.timer.start)
        # Another conversation, or an answer streaming in, ends the highlight: watched only while one is
        # shown. Connected for good, this Python slot ran at each change of the document (several per
        # render of a streaming answer), each call waiting for the GIL behind the busy background threads.
        self._watching = False

    def _watch(self, on: bool) -> None:
        if on != self._watching:
            if on:
                self.view.textChanged.connect(self.clear)
            else:
                self.view.textChanged.disconnect(self.clear)
            self._watching = on

    def clear(self) -> None:
        self._watch(False)
        if self.range is not None:
            self.range, self.alpha = None, 0
            self._hold.stop()
            self.timer.stop()
            self.view.setExtraSelections([])

    def flash(self, message_id: int) -> bool:
        self.range = message_range(self.view.document(), message_id)
        if self.range is None:
            return False
        self.timer.stop()
        self.alpha = PEAK_ALPHA
        self._watch(True)
        self._paint()
        self._hold.start(HOLD_MS)
        return True

    def _step(self) -> None:
        self.alpha = max(0, self.alpha - max(1, PEAK_ALPHA * STEP_MS // FADE_MS))
        self._paint()
        if self.alpha == 0:
            self.timer.stop()
            self._watch(False)  # faded: nothing left to clear

    def _paint(self) -> None:
        if self.range is None or self.range[1] > self.view.document().characterCount():
            self.view.setExtraSelections([])  # the document changed under the highlight: drop it
            return
        selections = []
        if self.alpha > 0:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(self.range[0])
            cursor.setPosition(self.range[1], QTextCursor.KeepAnchor)
            colour = QColor(COLOUR)
            colour.setAlpha(self.alpha)
            highlight = QTextCharFormat()
            highlight.setBackground(colour)
            highlight.setProperty(QTextFormat.FullWidthSelection, True)
            selection.cursor, selection.format = cursor, highlight
            selections.append(selection)
        self.view.setExtraSelections(selections)
