"""Table models for the Notes folders dialog: the folders with their counts, and the files that could not be read.

Thin models over plain rows from the index (app/core/notes/index.py), testable
without a widget. Folder names and reasons come from the user's disk, so anything
can be in them (newlines, megabytes, undecodable bytes already replaced): every
value is checked once on the way in (model_guard), and the models are `guarded`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from app.core.notes.index import NotesIndex, Root
from app.core.notes.indexer import Progress, plural
from app.core.units import human_duration
from app.ui.i18n import number
from app.ui.widgets import model_guard as g
from app.ui.widgets.model_guard import guarded
from app.ui.widgets.model_tables import RowsModel

PathRole = Qt.UserRole + 2


@dataclass
class Overview:
    """What the dialog shows of the index, read in one go off the GUI thread."""
    roots: list[Root] = field(default_factory=list)
    unreadable: list[tuple[Path, str, str]] = field(default_factory=list)  # folder, file, reason


def read_overview(index_path: Path) -> Overview:
    """The folders and unreadable files, through a short-lived connection of its own (runs on a pool thread)."""
    if not Path(index_path).exists():
        return Overview()
    with NotesIndex(index_path) as index:
        return Overview(index.roots(), index.unreadable())


def progress_text(progress: Progress) -> str:
    """ "120 of 200 files · 640 passages · about 5 s left" """
    done = g.number(progress.files_done, 0, 10 ** 9) or 0
    total = g.number(progress.files_total, 0, 10 ** 9) or 0
    passages = g.number(progress.passages, 0, 10 ** 12) or 0
    # "{} of {}": the counted noun ("200 files") comes translated from the core, with its plural form
    text = QCoreApplication.translate("NotesFolderModel", "{} of {} · {}").format(
        number(done), plural(total, "file"), plural(passages, "passage"))
    eta = g.number(progress.eta, 0, 10 ** 7)
    if eta is not None and done < total:
        text += QCoreApplication.translate("NotesFolderModel", " · about {} left").format(
            human_duration(max(1.0, eta)))
    return text


def percent(progress: Progress) -> int:
    total = g.number(progress.files_total, 1, 10 ** 9)
    done = g.number(progress.files_done, 0, 10 ** 9) or 0
    return 100 if total is None else int(min(done, total) * 100 / total)


def _count(n) -> str:
    return number(n) if n is not None else "?"


@guarded
class NotesFolderModel(RowsModel):
    """Rows: Root (app/core/notes/index.py), with files, passages and when last indexed."""

    headers = ("Folder", "Files", "Passages", "Last indexed")

    def clean(self, row) -> dict:
        path = getattr(row, "path", None)
        last = getattr(row, "last_indexed", None)
        moment = g.when(last)
        return {
            "path": g.text(path, 4096) if path is not None else "",
            "files": g.number(getattr(row, "files", None), 0, 10 ** 12),
            "passages": g.number(getattr(row, "passages", None), 0, 10 ** 12),
            "last": (moment.strftime("%Y-%m-%d %H:%M") if moment else "unknown") if last else "not yet",
        }

    def cell(self, row: dict, column: int, role):
        if role == Qt.DisplayRole:
            return (g.elide(row["path"], 500), _count(row["files"]), _count(row["passages"]), row["last"])[column]
        if role == Qt.ToolTipRole and column == 0:
            return row["path"]
        if role == Qt.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == PathRole:
            return row["path"]
        return None

    def path_at(self, row: int) -> str | None:
        return self.rows[row]["path"] if 0 <= row < len(self.rows) else None


@guarded
class UnreadableFilesModel(RowsModel):
    """Rows: (folder, file relative to it, reason) for each file the index could not read."""

    headers = ("File", "Why it was not read")

    def clean(self, row) -> dict:
        try:
            folder, name, reason = row
        except (TypeError, ValueError):
            folder, name, reason = "", "", ""
        return {"folder": g.text(folder, 4096), "file": g.text(name, 4096), "reason": g.text(reason, g.TIP_CHARS)}

    def cell(self, row: dict, column: int, role):
        if role == Qt.DisplayRole:
            return (g.elide(row["file"], 500), g.elide(row["reason"], 500))[column]
        if role == Qt.ToolTipRole:
            return g.text(str(Path(row["folder"]) / row["file"])) if column == 0 else row["reason"]
        if role == Qt.ForegroundRole and column == 1:
            return QColor("#c0392b")
        return None
