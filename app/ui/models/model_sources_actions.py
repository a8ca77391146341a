"""Where the window's models come from: the Models dialog (catalog, Hub, downloads) and "Add model file…".

The dialog is built on first use (it reads the catalog and the machine's memory);
the download queue lives as long as the window, so downloads go on with the dialog
closed. Whatever adds or removes a model makes the model picker list them again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.core import hub as hub_mod
from app.core.models import ModelLibrary
from app.core.paths import CovePaths
from app.ui.models.downloads_bridge import DownloadsBridge
from app.ui.models.model_import_actions import ModelImportActions
from app.ui.models.models_actions import ModelsActions
from app.ui.models.models_dialog import ModelsDialog
from app.ui.settings_model import SettingsModel
from app.ui.tasks import TaskRunner


class ModelSourcesActions(QObject):
    import_finished = Signal(bool, str)  # ok, path of the new model or the message

    def __init__(self, window, paths: CovePaths, library: ModelLibrary, settings: SettingsModel,
                 tasks: TaskRunner, picker, last_used: Callable[[], dict], parent=None):
        """`picker` is the ModelPicker (refresh, select); last_used() maps model paths to when they were used."""
        super().__init__(parent)
        self.window, self.paths, self.library, self.settings = window, paths, library, settings
        self.tasks, self.picker, self.last_used = tasks, picker, last_used
        self.edit_chat_template: Callable | None = None  # Settings' template editor, given once it exists
        self.downloads = DownloadsBridge(paths, lambda: hub_mod.hub_for(settings.value.hub, paths.data_dir), self)
        self.model_import = ModelImportActions(window, library, tasks, self._on_imported, self)
        self.dialog: ModelsDialog | None = None
        self.actions: ModelsActions | None = None
        window.models_button.clicked.connect(self.open_dialog)
        window.models_action.triggered.connect(self.open_dialog)

    def open_dialog(self) -> ModelsDialog:
        if self.dialog is None:
            self.dialog = ModelsDialog(self.window)
            self.actions = ModelsActions(
                self.dialog, self.paths, self.library, self.settings, self.tasks, self.last_used, self.downloads,
                self.choose_file, self.edit_chat_template)
            # Listed on the pool: a finished download's file is read for the first time there.
            self.actions.models_changed.connect(lambda: self.picker.refresh_later(self.tasks))
        else:
            self.actions.refresh_installed()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def open_for(self, repo_id: str | None = None, filename: str | None = None) -> None:
        """The Models dialog, with a download of this file started if one is given (the welcome's links)."""
        self.open_dialog()
        if repo_id and filename:
            self.actions.start_download(repo_id, filename)

    def choose_file(self) -> None:
        self.model_import.choose()

    def refresh_installed(self) -> None:
        if self.actions is not None:
            self.actions.refresh_installed()

    def _on_imported(self, ok: bool, result: str) -> None:
        if ok:
            self.picker.refresh(select=result)
            self.refresh_installed()
            self.picker.select(result)
        self.import_finished.emit(ok, result)

    def close(self) -> None:
        """The window closes: a copy in progress stops, a download pauses (it resumes next time)."""
        self.model_import.cancel_and_wait()
        self.downloads.queue.close()
