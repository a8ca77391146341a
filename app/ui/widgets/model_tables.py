"""Qt table models for the Models window: installed models, the catalog, Hub files, downloads.

Each is a thin QAbstractTableModel over plain rows from the core, testable
without any widget. Rows can come from imported data, old files or a hostile Hub, so
every number and date is checked before it is formatted (model_guard), and the
models are `guarded`: a cell that still fails is logged and shown empty, never an
exception inside a paint event.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from app.core import catalog as cat
from app.core import speed
from app.core.download_queue import QueueItem
from app.core.hub import HubFile
from app.core.locale_format import format_date, format_number
from app.core.units import human_duration, human_size
from app.ui.i18n import decimal
from app.ui.widgets import model_guard as g
from app.ui.widgets.model_guard import guarded

# The tables' column titles and the core's fit and speed labels (app/core/catalog.py, speed.py), marked here
# for translators: the core keeps them as English identifiers, the tables show them translated.
_WORDS = (
    QT_TRANSLATE_NOOP("ModelTables", "Model"), QT_TRANSLATE_NOOP("ModelTables", "Family"),
    QT_TRANSLATE_NOOP("ModelTables", "Quant"), QT_TRANSLATE_NOOP("ModelTables", "Size"),
    QT_TRANSLATE_NOOP("ModelTables", "Context"), QT_TRANSLATE_NOOP("ModelTables", "Last used"),
    QT_TRANSLATE_NOOP("ModelTables", "Location"), QT_TRANSLATE_NOOP("ModelTables", "For this computer"),
    QT_TRANSLATE_NOOP("ModelTables", "Licence"), QT_TRANSLATE_NOOP("ModelTables", "About"),
    QT_TRANSLATE_NOOP("ModelTables", "File"), QT_TRANSLATE_NOOP("ModelTables", "fits"),
    QT_TRANSLATE_NOOP("ModelTables", "tight"), QT_TRANSLATE_NOOP("ModelTables", "too large"),
    QT_TRANSLATE_NOOP("ModelTables", "fast here"), QT_TRANSLATE_NOOP("ModelTables", "usable here"),
    QT_TRANSLATE_NOOP("ModelTables", "slow here"), QT_TRANSLATE_NOOP("ModelTables", "recommended"),
    QT_TRANSLATE_NOOP("ModelTables", "Progress"), QT_TRANSLATE_NOOP("ModelTables", "Speed"),
    QT_TRANSLATE_NOOP("ModelTables", "Time left"), QT_TRANSLATE_NOOP("ModelTables", "State"),
)


def table_words(text: str) -> str:
    """ "fits · fast here" in the user's language, part by part."""
    return " · ".join(QCoreApplication.translate("ModelTables", part) for part in text.split(" · "))

RowRole = Qt.UserRole + 1
_FIT_COLOURS = {cat.FITS: "#1e8449", cat.TIGHT: "#b9770e", cat.TOO_LARGE: "#c0392b"}
# A model that fits but is slow here is shown in the "tight" colour: it will work, not well.
_SPEED_FIT = {speed.SLOW: cat.TIGHT}


def _size(n) -> str:
    return human_size(n) if g.number(n, 0, 10 ** 24) is not None else "?"


def _duration(seconds) -> str:
    return human_duration(seconds) if g.number(seconds, 0, 10 ** 9) is not None else ""


@guarded
class RowsModel(QAbstractTableModel):
    """Rows of plain objects with a header; subclasses say how a cell reads (and may clean a row)."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = [self.clean(row) for row in rows or []]
        self.endResetModel()

    def clean(self, row):
        """A row as the cells expect it (validated on the way in); the row itself by default."""
        return row

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.headers):
            return QCoreApplication.translate("ModelTables", self.headers[section])
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == RowRole:
            return row
        return self.cell(row, index.column(), role)

    def cell(self, row, column: int, role):
        raise NotImplementedError


@guarded
class InstalledModel(RowsModel):
    """Rows: dicts made by ModelsController.refresh_installed()."""

    headers = ("Model", "Family", "Quant", "Size", "Context", "Last used", "Location")

    def clean(self, row) -> dict:
        """Names, numbers and the last-used date checked once, not on every paint."""
        row = dict(row) if isinstance(row, dict) else {}
        for key in ("name", "family", "quant", "problem"):
            row[key] = g.text(row.get(key), g.TITLE_CHARS if key != "problem" else g.TIP_CHARS)
        row["path"] = g.text(row.get("path"), 4096)
        row["builtin"] = row.get("builtin") is True
        row["size"] = g.number(row.get("size"), 0, 10 ** 24)
        row["context"] = g.number(row.get("context"), 0, 2 ** 40)
        last = row.get("last_used")
        moment = g.when(last)
        # in the window's language (the core's follows it): its date order and its words
        row["last_used_text"] = ((format_date(moment) + moment.strftime(" %H:%M") if moment
                                  else QCoreApplication.translate("ModelTables", "unknown")) if last
                                 else QCoreApplication.translate("ModelTables", "never"))
        return row

    def cell(self, row: dict, column: int, role):
        if role == Qt.DisplayRole:
            builtin = "  " + QCoreApplication.translate("ModelTables", "(built-in)") if row["builtin"] else ""
            values = (row["name"] + builtin, row["family"], row["quant"],
                      _size(row["size"]), format_number(int(row["context"])) if row["context"] else "",
                      row["last_used_text"], str(Path(row["path"]).parent) if row["path"] else "")
            return values[column]
        if role == Qt.ToolTipRole:
            return row["path"] if column == 6 else row.get("problem") or None
        if role == Qt.ForegroundRole and row.get("problem"):
            return QColor("#c0392b")
        return None


@guarded
class CatalogModel(RowsModel):
    headers = ("Model", "Quant", "Size", "For this computer", "Licence", "Context", "About")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fits: dict[tuple[str, str], str] = {}
        self.recommended: set[tuple[str, str]] = set()
        self.speeds: dict[tuple[str, str], str] = {}

    def set_catalog(self, choices: list[cat.CatalogChoice], fits: dict, recommended: set,
                    speeds: dict | None = None) -> None:
        """fits and speeds map (model id, quant) to a fit label and a speed label ("fast here"…)."""
        self.fits, self.recommended, self.speeds = fits, recommended, speeds or {}
        self.set_rows(choices)

    def cell(self, row: cat.CatalogChoice, column: int, role):
        key = (row.model_id, row.quant)
        fit = g.text(self.fits.get(key, ""), 200)
        pace = g.text(self.speeds.get(key, ""), 200)
        if role == Qt.DisplayRole:
            star = "★ " if key in self.recommended else ""
            size = ("" if row.size_confirmed else "~") + _size(row.size)
            label = table_words(" · ".join(filter(None, (fit, pace, "recommended" if key in self.recommended
                                                         else ""))))
            context = g.number(row.context)
            return (star + g.elide(row.name), g.text(row.quant), size, label, g.text(row.license),
                    format_number(int(context)) if context is not None else "?", g.text(row.description))[column]
        if role == Qt.ForegroundRole and column == 3:
            shown = _SPEED_FIT.get(pace, fit) if fit == cat.FITS else fit
            return QColor(_FIT_COLOURS.get(shown, "#888"))
        if role == Qt.FontRole and key in self.recommended and column in (0, 3):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            facts = getattr(row, "unconfirmed", ())
            facts = facts[:5] if isinstance(facts, (tuple, list)) else ()
            return g.text(f"{row.repo}/{row.first_file}") + (
                "" if row.size_confirmed else "\nSize is an estimate; the Hub's is used.") + "".join(
                f"\nNot confirmed: {g.text(fact, 200)}" for fact in facts)
        return None


@guarded
class HubFilesModel(RowsModel):
    headers = ("File", "Quant", "Size", "For this computer")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fits: dict[str, str] = {}

    def set_files(self, files: list[HubFile], fits: dict[str, str]) -> None:
        self.fits = fits
        self.set_rows(files)

    def cell(self, row: HubFile, column: int, role):
        fit = g.text(self.fits.get(row.path, ""), 200)
        if role == Qt.DisplayRole:
            return (g.text(row.path, 1000), g.text(row.quant) or "?", _size(row.size), table_words(fit))[column]
        if role == Qt.ForegroundRole and column == 3:
            return QColor(_FIT_COLOURS.get(fit, "#888"))
        return None


def failure_summary(message) -> str:
    """The first sentence of a failure, for its row: the whole message is in the tooltip and below the table."""
    message = " ".join(g.text(message, 2000).split())
    end = message.find(". ")
    summary = message[:end] if 0 < end <= 160 else g.elide(message.rstrip("."), 160)
    return summary or "unknown reason"


RETRY = QT_TRANSLATE_NOOP("DownloadsModel", "Retry")  # shown through DownloadsModel.tr


@guarded
class DownloadsModel(RowsModel):
    """Each row says what is happening in words, never an empty row: connecting, waiting, why it failed."""

    headers = ("File", "Progress", "Speed", "Time left", "State")

    def update_item(self, item: QueueItem) -> None:
        for i, row in enumerate(self.rows):
            if getattr(row, "id", None) == item.id:
                self.rows[i] = item
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.headers) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(item)
        self.endInsertRows()

    def state_text(self, row: QueueItem) -> str:
        state = g.text(row.state)
        if state == "downloading" and getattr(row, "connecting", False) is True:
            return self.tr("connecting…")
        if state == "failed":
            return self.tr("failed: {} — {}").format(failure_summary(row.message), self.tr(RETRY))
        return self.tr(state)

    def cell(self, row: QueueItem, column: int, role):
        if role == Qt.DisplayRole:
            done, total = g.number(row.done, 0, 10 ** 24), g.number(row.total, 1, 10 ** 24)
            connecting = row.state == "downloading" and getattr(row, "connecting", False) is True
            if total:
                percent = self.tr("{}% of {}").format(decimal(min(done or 0, total) * 100 / total, 1), human_size(total))
            else:
                percent = self.tr("asking the Hub for the file…") if connecting else self.tr("not started")
            speed = f"{_size(row.speed)}/s" if g.number(row.speed, 1, 10 ** 24) else "–"
            eta = _duration(row.eta) if row.eta and row.state == "downloading" else ""
            return (g.text(row.filename, 1000), percent, speed, eta or "–", self.state_text(row))[column]
        if role == Qt.ToolTipRole:
            return g.text(row.message or f"{row.repo_id}/{row.filename}")
        if role == Qt.ForegroundRole and row.state == "failed" and column != 4:
            return QColor("#c0392b")
        return None


class ProgressDelegate(QStyledItemDelegate):
    """Draws a download's progress cell as a progress bar with its text."""

    def paint(self, painter, option, index) -> None:
        item = index.data(RowRole)
        total = g.number(getattr(item, "total", None), 1, 10 ** 24)
        if total is None:  # nothing to draw a bar for (or a malformed item): the plain cell
            return super().paint(painter, option, index)
        done = g.number(getattr(item, "done", None), 0, 10 ** 24) or 0
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = int(min(done, total) * 1000 / total)
        bar.text = index.data(Qt.DisplayRole) or ""
        bar.textVisible = True
        bar.state = option.state | QStyle.State_Enabled
        QApplication.style().drawControl(QStyle.CE_ProgressBar, bar, painter)


class StateDelegate(QStyledItemDelegate):
    """A failed download's state: the reason in red, then a "Retry" link that retries it when clicked."""

    def __init__(self, retry, parent=None):
        super().__init__(parent)
        self.retry = retry  # called with the failed item's id

    def _parts(self, option, index) -> tuple[str, str, QRect] | None:
        item, text = index.data(RowRole), index.data(Qt.DisplayRole) or ""
        if getattr(item, "state", None) != "failed" or " — " not in text:
            return None
        reason, link = text.rsplit(" — ", 1)
        width = option.fontMetrics.horizontalAdvance(link)
        rect = option.rect.adjusted(6, 0, -6, 0)
        return reason, link, QRect(rect.right() - width, rect.top(), width + 1, rect.height())

    def paint(self, painter, option, index) -> None:
        parts = self._parts(option, index)
        if parts is None:
            return super().paint(painter, option, index)
        reason, link, link_rect = parts
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        QApplication.style().drawControl(QStyle.CE_ItemViewItem, view, painter, option.widget)
        painter.save()
        text_rect = option.rect.adjusted(6, 0, -(link_rect.width() + 18), 0)
        selected = bool(option.state & QStyle.State_Selected)
        painter.setPen(option.palette.color(QPalette.HighlightedText) if selected else QColor("#c0392b"))
        painter.drawText(text_rect, Qt.AlignVCenter | Qt.AlignLeft,
                         option.fontMetrics.elidedText(reason, Qt.ElideRight, text_rect.width()))
        font = QFont(option.font)
        font.setUnderline(True)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.HighlightedText if selected else QPalette.Link))
        painter.drawText(link_rect, Qt.AlignVCenter | Qt.AlignLeft, link)
        painter.restore()

    def editorEvent(self, event, model, option, index) -> bool:
        parts = self._parts(option, index)
        if parts is not None and event.type() == QEvent.MouseButtonRelease \
                and parts[2].contains(event.position().toPoint()):
            self.retry(index.data(RowRole).id)
            return True
        return super().editorEvent(event, model, option, index)
