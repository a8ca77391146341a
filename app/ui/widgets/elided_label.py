"""One-line labels that shorten themselves with … instead of pushing their neighbours.

A QLabel asks for the width of its whole text: a long status message ("Export
failed: …") set the window's minimum width to 892 px, and a chat title next to wide
buttons either pushed them or was squeezed to a few letters. These labels ask for
their full text's width (so a layout gives them the room there is) but accept any
width down to a small minimum, eliding only when the text does not fit; the full
text is in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from app.ui.widgets.model_guard import TIP_CHARS, elide
from app.ui.widgets.model_guard import text as capped


class ElidedLabel(QLabel):
    def __init__(self, parent=None, minimum: int = 80, keep_lines: bool = False):
        """`keep_lines`: text() gives back the text as set (a status message, up to TIP_CHARS), instead
        of one line of a title's length."""
        super().__init__(parent)
        self._full = ""
        self._keep_lines = keep_lines
        self._minimum = minimum
        self.setMinimumWidth(minimum)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)

    def setText(self, text: str) -> None:
        # A title of megabytes is cut before Qt measures it (18 s otherwise).
        self._full = capped(text, TIP_CHARS) if self._keep_lines else elide(text)
        self.setToolTip(self._full)
        self.updateGeometry()
        self._elide()

    def text(self) -> str:
        return self._full

    def full_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self._one_line()) + 8

    def sizeHint(self) -> QSize:
        return QSize(self.full_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._minimum, super().minimumSizeHint().height())

    def is_elided(self) -> bool:
        return super().text() != self._one_line()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _one_line(self) -> str:
        return elide(self._full) if self._keep_lines else self._full

    def _elide(self) -> None:
        line = self._one_line()
        shown = self.fontMetrics().elidedText(line, Qt.ElideRight, max(0, self.width() - 4))
        super().setText(shown)
        # The whole text on hover only when some of it is hidden.
        self.setToolTip(self._full if shown != line else "")
