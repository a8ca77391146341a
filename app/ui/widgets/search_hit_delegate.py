"""How a search result is drawn: one compact hit per row.

A line in small type with the conversation's title (once, cut to fit) and, at its
right, who wrote the message and when; then the words around the match, at most two
lines, the matching words marked. Five hits used to fill the sidebar with bold titles
over three lines; now a dozen fit, and the eye goes to the snippets.

Items without a hit (HitViewRole), like "Nothing found.", are drawn as plain items.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HitViewRole = Qt.UserRole + 3  # {"title", "meta", "snippet"}: the snippet's matches between MARKS
MARKS = ("\x02", "\x03")
PAD_X, PAD_Y, GAP = 8, 6, 2
SNIPPET_LINES = 2
MARK_BACKGROUND, MARK_TEXT = QColor("#ffe58a"), QColor("#1f2328")  # readable on either theme and selected


def split_marks(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet without its marks, and where the marked words are (start, length)."""
    plain, spans, start = [], [], None
    for char in snippet:
        if char == MARKS[0]:
            start = sum(map(len, plain))
        elif char == MARKS[1]:
            if start is not None:
                spans.append((start, sum(map(len, plain)) - start))
            start = None
        else:
            plain.append(char)
    return "".join(plain), [(s, n) for s, n in spans if n > 0]


def snippet_lines(text: str, spans: list[tuple[int, int]], font: QFont,
                  width: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """The snippet in at most SNIPPET_LINES lines of `width` pixels, the last one cut with "…" if need be;
    each with its marked spans, relative to the line."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts = []
    while len(starts) < SNIPPET_LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    lines = []
    for i, start in enumerate(starts):
        last = i == len(starts) - 1
        end = len(text) if last else starts[i + 1]
        part = text[start:end].rstrip() if not last else text[start:].strip()
        if last:
            part = QFontMetrics(font).elidedText(part, Qt.ElideRight, width)
            start += len(text[start:]) - len(text[start:].lstrip())
        lines.append((part, [(max(0, s - start), min(s + n, start + len(part)) - max(s, start))
                             for s, n in spans if s < start + len(part) and s + n > start]))
    return lines


class SearchHitDelegate(QStyledItemDelegate):
    def _fonts(self, option) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.87))
        title = QFont(small)
        title.setWeight(QFont.DemiBold)
        return small, title

    def paint(self, painter, option, index) -> None:
        hit = index.data(HitViewRole)
        if not isinstance(hit, dict):
            return super().paint(painter, option, index)
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        style = view.widget.style() if view.widget else QApplication.style()
        style.drawControl(QStyle.CE_ItemViewItem, view, painter, view.widget)
        selected = bool(view.state & QStyle.State_Selected)
        palette = view.palette
        text_colour = palette.color(QPalette.HighlightedText if selected else QPalette.Text)
        quiet = QColor(text_colour) if selected else palette.color(QPalette.PlaceholderText)
        if selected:
            quiet.setAlpha(200)
        small, title_font = self._fonts(view)
        rect = view.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        painter.save()
        small_metrics = QFontMetrics(small)
        meta = str(hit.get("meta", ""))
        meta_width = small_metrics.horizontalAdvance(meta)
        head = QRect(rect.left(), rect.top(), rect.width(), small_metrics.height())
        painter.setFont(small)
        painter.setPen(quiet)
        painter.drawText(head, Qt.AlignRight | Qt.AlignVCenter, meta)
        painter.setFont(title_font)
        painter.setPen(quiet if not selected else text_colour)
        title_width = max(0, rect.width() - meta_width - 10)
        painter.drawText(QRect(head.left(), head.top(), title_width, head.height()), Qt.AlignLeft | Qt.AlignVCenter,
                         QFontMetrics(title_font).elidedText(str(hit.get("title", "")), Qt.ElideRight, title_width))
        y = head.bottom() + 1 + GAP
        plain, spans = split_marks(str(hit.get("snippet", "")))
        marked = QTextCharFormat()
        marked.setBackground(MARK_BACKGROUND)
        marked.setForeground(MARK_TEXT)
        painter.setPen(text_colour)
        for part, part_spans in snippet_lines(plain, spans, view.font, rect.width()):
            layout = QTextLayout(part, view.font)
            ranges = []
            for start, length in part_spans:
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = start, length, marked
                ranges.append(r)
            layout.setFormats(ranges)
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(rect.width() + 50)  # already cut to fit: never wrapped again
            layout.endLayout()
            layout.draw(painter, QPointF(rect.left(), y))
            y += line.height()
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hit = index.data(HitViewRole)
        if not isinstance(hit, dict):
            return super().sizeHint(option, index)
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        width = (view.widget.viewport().width() if view.widget else 240) - 2 * PAD_X
        small, _title = self._fonts(view)
        plain, spans = split_marks(str(hit.get("snippet", "")))
        lines = max(1, len(snippet_lines(plain, spans, view.font, max(50, width))))
        height = 2 * PAD_Y + QFontMetrics(small).height() + GAP + lines * QFontMetrics(view.font).lineSpacing()
        return QSize(width, height + 2)
