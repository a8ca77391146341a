"""Qt table models for the Models window: installed models, the catalog, Hub files, downloads.

Each is a thin QAbstractTableModel over plain rows from the core, testable
without any widget.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar

from app.core import catalog as cat
from app.core.download_queue import QueueItem
from app.core.hub import HubFile
from app.core.units import human_duration, human_size

RowRole = Qt.UserRole + 1
_FIT_COLOURS = {cat.FITS: "#1e8449", cat.TIGHT: "#b9770e", cat.TOO_LARGE: "#c0392b"}


class RowsModel(QAbstractTableModel):
    """Rows of plain objects with a header; subclasses say how a cell reads."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.tr(self.headers[section])
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == RowRole:
            return row
        return self.cell(row, index.column(), role)

    def cell(self, row, column: int, role):
        raise NotImplementedError


class InstalledModel(RowsModel):
    """Rows: dicts made by models_window.installed_rows()."""

    headers = ("Model", "Family", "Quant", "Size", "Context", "Last used", "Location")

    def cell(self, row: dict, column: int, role):
        if role == Qt.DisplayRole:
            last = row["last_used"]
            values = (row["name"] + ("  (built-in)" if row["builtin"] else ""), row["family"], row["quant"],
                      human_size(row["size"]), f"{row['context']:,}" if row["context"] else "",
                      datetime.fromisoformat(last).astimezone().strftime("%Y-%m-%d %H:%M") if last else "never",
                      str(Path(row["path"]).parent))
            return values[column]
        if role == Qt.ToolTipRole:
            return row["path"] if column == 6 else row.get("problem") or None
        if role == Qt.ForegroundRole and row.get("problem"):
            return QColor("#c0392b")
        return None


class CatalogModel(RowsModel):
    headers = ("Model", "Quant", "Size", "For this computer", "Licence", "Context", "About")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fits: dict[tuple[str, str], str] = {}
        self.recommended: set[tuple[str, str]] = set()

    def set_catalog(self, choices: list[cat.CatalogChoice], fits: dict, recommended: set) -> None:
        self.fits, self.recommended = fits, recommended
        self.set_rows(choices)

    def cell(self, row: cat.CatalogChoice, column: int, role):
        key = (row.model_id, row.quant)
        fit = self.fits.get(key, "")
        if role == Qt.DisplayRole:
            star = "★ " if key in self.recommended else ""
            size = ("" if row.size_confirmed else "~") + human_size(row.size)
            label = fit + (" · recommended" if key in self.recommended else "")
            return (star + row.name, row.quant, size, label, row.license, f"{row.context:,}", row.description)[column]
        if role == Qt.ForegroundRole and column == 3:
            return QColor(_FIT_COLOURS.get(fit, "#888"))
        if role == Qt.FontRole and key in self.recommended and column in (0, 3):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            return f"{row.repo}/{row.first_file}" + ("" if row.size_confirmed else "\nSize is an estimate; the Hub's is used.")
        return None


class HubFilesModel(RowsModel):
    headers = ("File", "Quant", "Size", "For this computer")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fits: dict[str, str] = {}

    def set_files(self, files: list[HubFile], fits: dict[str, str]) -> None:
        self.fits = fits
        self.set_rows(files)

    def cell(self, row: HubFile, column: int, role):
        if role == Qt.DisplayRole:
            return (row.path, row.quant or "?", human_size(row.size), self.fits.get(row.path, ""))[column]
        if role == Qt.ForegroundRole and column == 3:
            return QColor(_FIT_COLOURS.get(self.fits.get(row.path, ""), "#888"))
        return None


class DownloadsModel(RowsModel):
    headers = ("File", "Progress", "Speed", "Time left", "State")

    def update_item(self, item: QueueItem) -> None:
        for i, row in enumerate(self.rows):
            if row.id == item.id:
                self.rows[i] = item
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.headers) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(item)
        self.endInsertRows()

    def cell(self, row: QueueItem, column: int, role):
        if role == Qt.DisplayRole:
            percent = f"{row.done * 100 / row.total:.1f}% of {human_size(row.total)}" if row.total else ""
            speed = f"{human_size(row.speed)}/s" if row.speed else ""
            eta = human_duration(row.eta) if row.eta and row.state == "downloading" else ""
            return (row.filename, percent, speed, eta, self.tr(row.state))[column]
        if role == Qt.ToolTipRole:
            return row.message or f"{row.repo_id}/{row.filename}"
        if role == Qt.ForegroundRole and row.state == "failed":
            return QColor("#c0392b")
        return None


class ProgressDelegate(QStyledItemDelegate):
    """Draws a download's progress cell as a progress bar with its text."""

    def paint(self, painter, option, index) -> None:
        item = index.data(RowRole)
        if item is None or not item.total:
            return super().paint(painter, option, index)
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = int(item.done * 1000 / item.total)
        bar.text = index.data(Qt.DisplayRole)
        bar.textVisible = True
        bar.state = option.state | QStyle.State_Enabled
        QApplication.style().drawControl(QStyle.CE_ProgressBar, bar, painter)
