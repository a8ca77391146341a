"""Settings › Privacy › Delete all my data…: confirm (listing what goes), delete, keep the window working.

The deleting itself is app/core/data_hygiene.py. Here: the answer being written is
stopped and the engine ended (it may hold saved-state files), the database is
closed, everything is deleted, and the same Store object reopens an empty database,
so every part of the window that holds it keeps working.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QMessageBox

from app.core import data_hygiene


class DataDeletionActions(QObject):
    def __init__(self, window, paths, store, bridge, session, models, show_empty, parent=None):
        """`session` is the AnswerSession, `models` the ModelPicker; show_empty() refreshes the window after."""
        super().__init__(parent)
        self.window, self.paths, self.store, self.bridge = window, paths, store, bridge
        self.session, self.models, self.show_empty = session, models, show_empty
        self.result_box: QMessageBox | None = None
        self.notes = None  # the window's NotesActions: indexing stops while its index is deleted

    def confirm(self, parent) -> tuple[bool, bool]:
        """Ask first, listing what will be removed; (go ahead, also delete downloaded models)."""
        paths = self.paths
        box = QMessageBox(QMessageBox.Warning, self.tr("Delete all my data"), "", parent=parent)
        models = QCheckBox(self.tr("Also delete downloaded models ({})").format(paths.models_dir))
        box.setCheckBox(models)

        def show_list() -> None:
            box.setText(self.tr("This deletes, and cannot be undone:") + "\n\n" +
                        data_hygiene.describe(paths, models.isChecked()) + "\n\n" +
                        self.tr("Settings are kept. Export conversations you want to keep first."))

        models.toggled.connect(show_list)
        show_list()
        delete = box.addButton(self.tr("Delete"), QMessageBox.DestructiveRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(QMessageBox.Cancel)
        box.exec()
        return box.clickedButton() is delete, models.isChecked()

    def run(self, parent=None) -> data_hygiene.DeleteReport | None:
        go, include_models = self.confirm(parent or self.window)
        if not go:
            return None
        report = self.delete(include_models)
        self.result_box = QMessageBox(QMessageBox.Information, self.tr("Delete all my data"),
                                      self.tr("Deleted:") + "\n\n" + report.summary(), parent=parent or self.window)
        self.result_box.open()
        return report

    def delete(self, include_models: bool) -> data_hygiene.DeleteReport:
        self.session.typeahead_timer.stop()
        self.session.stop_and_end()
        # The engine may be writing a saved state: end it; the next request starts a fresh one.
        self.bridge.restart()
        self.models.forget_loaded()
        self.store.close()
        if self.notes is not None:
            self.notes.stop_for_deletion()
        try:
            report = data_hygiene.delete_all_data(self.paths, include_models)
        finally:
            self.store.reopen()  # the same object, so everyone holding it sees the empty database
            if self.notes is not None:
                self.notes.after_deletion()
        self.show_empty()
        return report
