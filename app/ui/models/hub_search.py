"""The Models window's "Search the Hub" tab: a search, a repo's files, a download to start.

Every Hub request runs off the GUI thread, with a busy bar and a Cancel button while it
is on its way: on a computer with no network the request fails within seconds
(hub_http.py looks the host up with a short limit), but a slow mirror can take its
whole timeout, and the user decides whether to wait.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QListWidgetItem

from app.core import catalog as cat
from app.core import hub as hub_mod
from app.core.errors import CoveError
from app.core.paths import CovePaths
from app.ui.i18n import number
from app.ui.models.models_dialog import ModelsDialog
from app.ui.settings_model import SettingsModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.model_tables import HubFilesModel, RowRole


class HubSearch(QObject):
    def __init__(self, window: ModelsDialog, paths: CovePaths, settings: SettingsModel, tasks: TaskRunner,
                 machine, hub_files: HubFilesModel, start_download: Callable[[str, str], object]):
        super().__init__(window)
        self.window, self.paths, self.settings, self.tasks = window, paths, settings, tasks
        self.machine, self.hub_files, self.start_download = machine, hub_files, start_download
        self._hub_request = 0  # which Hub request the tab waits for; an older answer is dropped
        window.search_button.clicked.connect(self.search)
        window.search_edit.returnPressed.connect(self.search)
        window.search_cancel_button.clicked.connect(self.cancel_search)
        window.search_results.currentItemChanged.connect(self._repo_picked)
        window.search_download_button.clicked.connect(self.download_hub_file)

    def _hub(self) -> hub_mod.Hub:
        return hub_mod.hub_for(self.settings.value.hub, self.paths.data_dir)

    def _background(self, fn, on_success) -> None:
        """A Hub request off the GUI thread; its failure is shown where its result would be.

        Only the latest request is waited for: Cancel (or a newer request) drops the answer
        of an older one when it comes (a request cannot be stopped half-way, but it is short:
        see hub_http.py's timeouts)."""
        self._hub_request += 1
        request = self._hub_request

        def answered(callback):
            def deliver(result) -> None:
                if request == self._hub_request:
                    self._waiting(False)
                    callback(result)
            return deliver

        self._waiting(True)
        self.tasks.run(fn, answered(on_success), answered(self.window.search_status.setText))

    def _waiting(self, waiting: bool) -> None:
        self.window.search_busy.setVisible(waiting)
        self.window.search_cancel_button.setVisible(waiting)

    def cancel_search(self) -> None:
        self._hub_request += 1
        self._waiting(False)
        self.window.search_status.setText(self.tr("Cancelled."))

    def search(self) -> None:
        text = self.window.search_edit.text().strip()
        if not text:
            return
        self.window.search_status.setText(self.tr("Searching…"))
        self.window.search_results.clear()
        self.hub_files.set_files([], {})
        try:
            hub = self._hub()
        except CoveError as exc:
            self.window.search_status.setText(str(exc))
            return
        self._background(lambda: hub.search(text), self._show_repos)

    def _show_repos(self, repos) -> None:
        self.window.search_status.setText(
            self.tr("{} repositories found. Pick one to see its files.").format(len(repos)) if repos
            else self.tr("Nothing found."))
        for repo in repos:
            item = QListWidgetItem(self.tr("{}   ({} downloads)").format(repo.repo_id, number(repo.downloads)))
            item.setData(RowRole, repo.repo_id)
            self.window.search_results.addItem(item)

    def _repo_picked(self, item, _previous=None) -> None:
        if item is None:
            return
        repo_id = item.data(RowRole)
        self.window.search_status.setText(self.tr("Listing the files of {}…").format(repo_id))
        hub = self._hub()
        self._background(lambda: hub.gguf_files(repo_id), lambda files: self._show_files(repo_id, files))

    def _show_files(self, repo_id: str, files) -> None:
        shown = hub_mod.one_per_model(files)
        n_ctx = self.settings.value.engine.n_ctx
        fits = {f.path: cat.fit_label(f.size, n_ctx, self.machine, n_ctx) for f in shown}
        self.hub_files.set_files(shown, fits)
        self.hub_files.repo_id = repo_id
        self.window.search_status.setText(self.tr("{}: {} GGUF models.").format(repo_id, len(shown)))

    def download_hub_file(self) -> None:
        index = self.window.files_table.currentIndex()
        f = self.hub_files.data(self.hub_files.index(index.row(), 0), RowRole) if index.isValid() else None
        if f is not None:
            self.start_download(self.hub_files.repo_id, f.path)
