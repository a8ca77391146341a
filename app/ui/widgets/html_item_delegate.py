"""A list delegate that draws each item's rich text (HtmlRole), wrapped to the list's width.

Used by the search results, whose items show a title, a date and a snippet with the
matching words highlighted; a plain item (no HtmlRole) is drawn as escaped text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

HtmlRole = Qt.UserRole + 2


class HtmlItemDelegate(QStyledItemDelegate):
    """Draws an item's rich text (HtmlRole), wrapped to the list's width."""

    def _document(self, option, index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HtmlRole) or html.escape(index.data(Qt.DisplayRole) or ""))
        document.setTextWidth(max(50, option.rect.width() - 12))
        return document

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        option.widget.style().drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 4)
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        width = option.widget.viewport().width() if option.widget else 240
        option.rect.setWidth(width)
        document = self._document(option, index)
        return QSize(width, int(document.size().height()) + 8)
