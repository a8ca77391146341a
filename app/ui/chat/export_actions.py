"""Export and import from the window: File › Export…, Export all…, Import….

Markdown writes one file per conversation into a folder the user picks; JSON
writes one lossless file. Both run on the GUI thread: they read the database
and write text files, which takes well under a second for a conversation and a
few seconds for thousands.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.core import encryption, exporting, policy
from app.core.errors import CoveError
from app.ui.chat.file_dialogs import plural, start_folder

MARKDOWN, JSON = "Markdown (one .md file per conversation)", "JSON (everything, with all versions)"


class ExportActions(QObject):
    def __init__(self, window, store, status, nav, parent=None):
        super().__init__(parent)
        self.window, self.store, self.status, self.nav = window, store, status, nav
        w = window
        w.export_action.triggered.connect(lambda: self.export([nav.current()]) if nav.current() else None)
        w.export_all_action.triggered.connect(lambda: self.export(None))
        w.import_action.triggered.connect(self.choose_import)
        admin = policy.current()
        if not admin.export:
            for action in (w.export_action, w.export_all_action):
                action.setEnabled(False)
                action.setToolTip(admin.reason(self.tr("Exporting conversations")))

        self.folder = ""  # the folder exported to or imported from last: the dialogs open there

    def _start_folder(self) -> str:
        return start_folder(self.folder)

    def export(self, conversation_ids: list[int] | None) -> None:
        formats = [self.tr(MARKDOWN), self.tr(JSON)]
        label = self.tr("Format:")
        if encryption.is_encrypted(self.store.path):  # the one way words leave the encrypted store: say so
            label = self.tr("Your conversations are encrypted, but exported files are not: they are plain files "
                            "for you to keep or share.\n\nFormat:")
        choice, ok = QInputDialog.getItem(self.window, self.tr("Export"), label, formats, 0, False)
        if not ok:
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export to folder"), self._start_folder())
        if folder:
            self.folder = folder
            self.export_to(Path(folder), "md" if choice == formats[0] else "json", conversation_ids)

    def export_to(self, folder: Path, kind: str, conversation_ids: list[int] | None) -> list[Path]:
        try:
            if kind == "md":
                written = exporting.export_markdown(self.store, folder, conversation_ids)
            else:
                written = [exporting.export_json(self.store, folder, conversation_ids)]
        except (OSError, sqlite3.Error, CoveError) as exc:
            self.status.show_error(self.tr("Export failed: {}").format(getattr(exc, "strerror", None) or exc))
            return []
        if not written:
            self.status.show_note(self.tr("There was nothing to export."))
            return []
        where = written[0] if len(written) == 1 else folder
        count = plural(len(written), self.tr("{} file"), self.tr("{} files"))
        self.status.show_note(self.tr("Exported {} to {}.").format(count, where))
        return written

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import conversations"),
                                              self._start_folder(), self.tr("Cove export (*.json)"))
        if path:
            self.folder = str(Path(path).parent)
            self.import_file(Path(path))

    def import_file(self, path: Path):
        try:
            result = exporting.import_json(self.store, path)
        except (OSError, sqlite3.Error, CoveError) as exc:
            self.status.show_error(self.tr("Import failed: {}").format(getattr(exc, "strerror", None) or exc))
            return None
        self.nav.refresh()
        self.status.show_note(
            self.tr("Imported {} and {}; {} already here.").format(
                plural(result.conversations_added, self.tr("{} conversation"), self.tr("{} conversations")),
                plural(result.messages_added, self.tr("{} message"), self.tr("{} messages")),
                plural(result.skipped, self.tr("{} was"), self.tr("{} were"))))
        return result
