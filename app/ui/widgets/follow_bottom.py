"""The transcript stays at the newest message while the user is there, and offers a way back when not.

"At the bottom" is remembered from the user's own scrolling, not measured after the
fact: a resize (the window made narrower re-wraps every line, the range grows) or a
re-layout moves the maximum away from the value, and measuring then said "the user
scrolled up", so after a resize the view no longer followed the answer. Here the
state changes only when the value moves while no resize is being handled, and any
change of the range while at the bottom keeps the view there.

"Jump to latest" shows when the user is away from the bottom. It sits in a strip
reserved under the text (the viewport's bottom margin), never over the words.

While the view's whole content is replaced (replacing()), the scroll bar's moves are
not the user's either: QTextEdit.setHtml() puts the value near the top of the new
text, which read as "scrolled up", showed the button and reserved its strip (the
viewport resized, the whole conversation laid out again), then hid it and laid it all
out once more when the caller scrolled to the bottom: two layouts of the conversation
for nothing, each time an answer started or ended.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QToolButton

AWAY_PX = 40  # further than this from the bottom: the user is reading above
STRIP_PAD = 6  # above and below the button in its strip


class FollowBottom(QObject):
    def __init__(self, view: QAbstractScrollArea, applies=lambda: True):
        super().__init__(view)
        self.view = view
        self.applies = applies  # False: a page with no latest message (the welcome) scrolls like any page
        self.at_bottom = True
        self._resizing = False
        self._replacing = False
        view.setAutoFillBackground(True)  # the strip under the text is the page's colour
        view.setBackgroundRole(QPalette.Base)
        self.button = QToolButton(view)
        self.button.setText(self.tr("Jump to latest"))
        self.button.setAccessibleName(self.tr("Jump to latest"))
        self.button.setToolTip(self.tr("Jump to the latest message (Ctrl+End)"))
        self.button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.button.setCursor(Qt.PointingHandCursor)
        self.button.setStyleSheet("QToolButton { border: 1px solid palette(mid); border-radius: 14px; "
                                  "padding: 4px 12px; background: palette(base); }")
        self.button.clicked.connect(self.scroll_to_bottom)
        self.button.hide()
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self._on_value)
        bar.rangeChanged.connect(self._on_range)
        view.installEventFilter(self)

    def scroll_to_bottom(self) -> None:
        bar = self.view.verticalScrollBar()
        self.at_bottom = True
        bar.setValue(bar.maximum())
        self._update()

    @contextmanager
    def replacing(self) -> Iterator[None]:
        """The content is being replaced: the scroll bar's moves meanwhile change nothing (see the docstring);
        the caller then says where the view goes (scroll_to_bottom(), or a message)."""
        self._replacing = True
        try:
            yield
        finally:
            self._replacing = False

    def _on_value(self, value: int) -> None:
        if self._replacing:
            return
        if not self._resizing:
            bar = self.view.verticalScrollBar()
            self.at_bottom = value >= bar.maximum() - 4
        self._update()

    def _on_range(self, _minimum: int, maximum: int) -> None:
        if self._replacing:
            return
        if self.at_bottom:
            self.view.verticalScrollBar().setValue(maximum)
        self._update()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Resize:
            # Before the view re-wraps its text: whatever the range does now, the user did not scroll.
            self._resizing = True
            QTimer.singleShot(0, self._resized)
        return False

    def _resized(self) -> None:
        self._resizing = False
        if self.at_bottom:
            self.scroll_to_bottom()
        self._update()

    def _update(self) -> None:
        bar = self.view.verticalScrollBar()
        away = self.applies() and not self.at_bottom and bar.maximum() - bar.value() > AWAY_PX
        if away != self.button.isVisible():
            self.button.setVisible(away)
            strip = self.button.sizeHint().height() + 2 * STRIP_PAD if away else 0
            self.view.setViewportMargins(0, 0, 0, strip)
        if away:
            self._place()

    def _place(self) -> None:
        from app.ui.theme import icon

        self.button.setIcon(icon("arrow-down"))
        self.button.adjustSize()
        viewport = self.view.viewport().geometry()  # the strip is just under it
        self.button.move(viewport.right() - self.button.width() - 16, viewport.bottom() + 1 + STRIP_PAD)
