"""Delete all my data: conversations, backups, logs, saved engine states, the notes index and
its vectors (and models if asked).

The caller closes its database connection and stops the engine first (the engine may
hold saved-state files open), and stops any notes indexing and closes the notes index;
the database is then recreated empty by the caller opening it again. Settings and the Hub token are kept: they are preferences, not
conversations.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from app.core.i18n import _
from app.core.locale_format import count_of
from app.core.paths import CovePaths, make_private_dir
from app.core.units import human_size


@dataclass
class Removed:
    what: str
    files: int
    size: int


@dataclass
class DeleteReport:
    removed: list[Removed] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # paths that could not be deleted, with why

    @property
    def files(self) -> int:
        return sum(r.files for r in self.removed)

    @property
    def size(self) -> int:
        return sum(r.size for r in self.removed)

    def summary(self) -> str:
        lines = [_("{what}: {files}, {size}").format(what=r.what, files=count_of(r.files, "file"), size=human_size(r.size))
                 for r in self.removed]
        if self.failed:
            lines.append(_("Could not delete: ") + "; ".join(self.failed))
        return "\n".join(lines) if lines else _("There was nothing to delete.")


def _files(path: Path) -> list[Path]:
    if path.is_symlink() or path.is_file():
        return [path]
    if path.is_dir():
        return [p for p in path.rglob("*") if p.is_file() or p.is_symlink()]
    return []


def _size(files: list[Path]) -> int:
    total = 0
    for f in files:
        try:
            total += f.lstat().st_size
        except OSError:
            pass
    return total


def _with_sqlite_companions(database: Path) -> list[Path]:
    """An SQLite database and the files SQLite keeps beside it (which hold its data too)."""
    return [database] + [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def what_will_be_removed(app_paths: CovePaths, include_models: bool) -> list[tuple[str, list[Path]]]:
    """Each kind of data with the paths holding it (for the confirmation and for deleting)."""
    database = app_paths.database
    kinds = [
        (_("Conversations"), _with_sqlite_companions(database)),
        (_("Backups"), [app_paths.backups_dir]),
        (_("Logs (including the network request log)"), [app_paths.log_dir]),
        (_("Saved engine states"), [app_paths.kv_cache_dir]),
        # The notes index holds passages of the user's notes (the notes themselves are never touched).
        (_("Notes index"), _with_sqlite_companions(app_paths.notes_index)),
        (_("Notes meaning-search vectors"), _with_sqlite_companions(app_paths.notes_vectors)),
    ]
    if include_models:
        kinds.append(("Downloaded models", [app_paths.models_dir, app_paths.model_hashes_file]))
    return kinds


def describe(app_paths: CovePaths, include_models: bool) -> str:
    """What delete_all_data would remove now, one line per kind, for the confirmation."""
    lines = []
    for what, places in what_will_be_removed(app_paths, include_models):
        files = [f for place in places for f in _files(place)]
        shown = ", ".join(str(p) for p in places if p.exists() or p.is_symlink()) or _("nothing there now")
        lines.append(_("• {what} — {files}, {size} ({places})").format(
            what=what, files=count_of(len(files), "file"), size=human_size(_size(files)), places=shown))
    return "\n".join(lines)


def delete_all_data(app_paths: CovePaths, include_models: bool = False) -> DeleteReport:
    """Remove the user's data; folders Cove needs are recreated empty and private."""
    report = DeleteReport()
    for what, places in what_will_be_removed(app_paths, include_models):
        files = [f for place in places for f in _files(place)]
        size = _size(files)
        for place in places:
            try:
                if place.is_dir() and not place.is_symlink():
                    shutil.rmtree(place, onerror=lambda _f, p, exc: report.failed.append(f"{p} ({exc[1]})"))
                elif place.exists() or place.is_symlink():
                    place.unlink()
            except OSError as exc:
                report.failed.append(f"{place} ({exc.strerror or exc})")
        left = [f for f in files if f.exists() or f.is_symlink()]
        if files:
            report.removed.append(Removed(what, len(files) - len(left), size - _size(left)))
    _reopen_log_files()
    for folder in (app_paths.data_dir, app_paths.models_dir, app_paths.log_dir):
        try:
            make_private_dir(folder)
        except OSError as exc:
            report.failed.append(f"{folder} ({exc.strerror or exc})")
    return report


def _reopen_log_files() -> None:
    """Cove's own log file was deleted: its handler starts a new file at the next line."""
    for handler in logging.getLogger("cove").handlers:
        if isinstance(handler, logging.FileHandler):
            handler.close()
