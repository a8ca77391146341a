"""Wires the Models dialog to the model library, the catalog, the Hub and the download queue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.core import catalog as cat
from app.core import policy
from app.core.download_queue import DONE, DOWNLOADING, FAILED, PAUSED, QUEUED, QueueItem
from app.core.errors import CoveError
from app.core.models import ModelLibrary
from app.core.notes.embedding import installed_embedding_model
from app.core.paths import CovePaths
from app.core.units import human_size
from app.ui.models import models_facts
from app.ui.models.downloads_bridge import DownloadsBridge
from app.ui.models.draft_details import DraftDetails
from app.ui.models.embedding_catalog import LOOK, EmbeddingCatalog
from app.ui.models.hub_search import HubSearch
from app.ui.models.models_dialog import ModelsDialog, fit_columns
from app.ui.models.network_page import NetworkPage
from app.ui.settings_model import SettingsModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.model_tables import (
    CatalogModel,
    DownloadsModel,
    HubFilesModel,
    InstalledModel,
    ProgressDelegate,
    RowRole,
    StateDelegate,
)

PROGRESS_MS = 250
_STATE_FIELDS = ("state", "connecting", "total", "message")  # a change in any is shown at once


class ModelsActions(QObject):
    """Fills the Models window in steps (see models_dialog.py): the window is shown at once, empty; what
    it lists (this machine, the catalogs, the installed models' files, the Hub token) is read on a pool
    thread; then each page is built and filled in its own turn of the event loop, the visible one first.
    ready() builds and fills whatever is left at once, for whoever needs the whole window now."""

    models_changed = Signal()
    filled = Signal()  # every page built and filled

    def __init__(self, window: ModelsDialog, paths: CovePaths, library: ModelLibrary, settings: SettingsModel,
                 tasks: TaskRunner, last_used: Callable[[], dict], downloads: DownloadsBridge,
                 add_model_file: Callable[[], None], edit_chat_template: Callable | None = None):
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.library = library
        self.settings = settings
        self.tasks = tasks
        self.last_used = last_used
        self.downloads = downloads
        self.add_model_file = add_model_file
        self.edit_chat_template = edit_chat_template
        self.facts: dict | None = None  # what _read_facts() found, once it has come back
        self.machine = None
        self.choices: list[cat.CatalogChoice] = []
        self._installed_request = 0  # the latest refresh_installed(); an older answer is dropped
        self._embedding_stale = False

        self.installed = InstalledModel(self)
        self.catalog = CatalogModel(self)
        self.hub_files = HubFilesModel(self)
        self.download_rows = DownloadsModel(self)
        downloads.item_changed.connect(self._download_changed)
        # Progress alone is shown at most PROGRESS_MS apart: the queue reports every chunk (dozens a
        # second), more repaints than anyone reads, each one GUI-thread time during an answer.
        self._progress: dict[int, QueueItem] = {}
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self.download_rows.set_rows(downloads.queue.items())

        self._steps_left = list(window.PAGES) + ["policy"]  # the policy last: it hides some pages' parts
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._step)
        window.complete = self.ready
        used = last_used()  # the store is the GUI thread's: asked here, not on the pool
        tasks.run(lambda: models_facts.read(paths, library, used, settings.value), self._facts_read,
                                     lambda _error: self._facts_read(models_facts.read(paths, library, used, settings.value)))
        self._step_timer.start()

    # Filling the window in steps ---------------------------------------------------

    def _facts_read(self, facts: dict) -> None:
        if self.facts is not None:
            return  # ready() read them already
        self.facts, self.machine, self.choices = facts, facts["machine"], facts["choices"]
        self.installed.set_rows(facts["installed"])
        self._step_timer.start()

    def _step(self) -> None:
        """One page built, wired and filled (the visible one first); then the next, back in the event loop."""
        if not self._steps_left:
            return
        visible = self.window.visible_page()
        step = visible if visible in self._steps_left else self._steps_left[0]
        if self.facts is None and step != "installed":
            return  # the rest waits for the facts (_facts_read starts the next step)
        self._steps_left.remove(step)
        self._run_step(step)
        if self._steps_left:
            self._step_timer.start()

    def _run_step(self, step: str) -> None:
        if step == "policy":
            self.apply_policy(policy.current())
            self.filled.emit()
            return
        self.window.build_part(step)
        getattr(self, f"_wire_{step}")()

    def ready(self) -> None:
        """Every page built and filled now (a download started from elsewhere, a test reaching in)."""
        if self.facts is None:  # the pool's answer, when it comes, is dropped
            self._facts_read(models_facts.read(self.paths, self.library, self.last_used(), self.settings.value))
        self._step_timer.stop()
        while self._steps_left:  # in order: the policy last
            self._run_step(self._steps_left.pop(0))

    def is_filled(self) -> bool:
        return not self._steps_left

    def __getattr__(self, name: str):
        """A part made by a step not run yet (the embedding section, the Hub search): run them all now."""
        if not self.__dict__.get("_steps_left") or name.startswith("__"):
            raise AttributeError(name)
        self.ready()
        return getattr(self, name)

    def _wire_installed(self) -> None:
        w = self.window
        w.installed_table.setModel(self.installed)
        fit_columns(w.installed_table)
        w.add_file_button.clicked.connect(self.add_model_file)
        w.delete_button.clicked.connect(self.delete_selected)
        w.open_folder_button.clicked.connect(self.open_selected_folder)
        w.template_button.clicked.connect(self._edit_template)
        self.draft_details = DraftDetails(w, self.settings, self.tasks,
                                          lambda: [e.path for e in self.library.installed()], self.paths.data_dir)
        show_details = lambda *_: self.draft_details.show_for(self._selected(w.installed_table, self.installed))  # noqa: E731
        w.installed_table.selectionModel().currentChanged.connect(show_details)
        self.installed.modelReset.connect(show_details)

    def _wire_catalog(self) -> None:
        w = self.window
        w.catalog_table.setModel(self.catalog)
        fit_columns(w.catalog_table)
        w.catalog_download_button.clicked.connect(self.download_catalog_choice)
        self.refresh_catalog()
        self.embedding_catalog = EmbeddingCatalog(w, self.paths, self.settings, self.machine, self.start_download,
                                                  self, self.facts["embedding_choices"],
                                                  LOOK if self._embedding_stale else self.facts["embedding_in_use"])

    def _wire_search(self) -> None:
        w = self.window
        w.files_table.setModel(self.hub_files)
        fit_columns(w.files_table)
        self.hub_search = HubSearch(w, self.paths, self.settings, self.tasks, self.machine, self.hub_files,
                                    self.start_download)

    def _wire_downloads(self) -> None:
        w = self.window
        w.downloads_table.setModel(self.download_rows)
        w.downloads_table.setItemDelegateForColumn(1, ProgressDelegate(w.downloads_table))
        w.downloads_table.setItemDelegateForColumn(4, StateDelegate(self.downloads.queue.resume, w.downloads_table))
        w.pause_button.clicked.connect(lambda: self._on_selected_download(self.downloads.queue.pause))
        w.resume_button.clicked.connect(lambda: self._on_selected_download(self.downloads.queue.resume))
        w.cancel_button.clicked.connect(lambda: self._on_selected_download(self.downloads.queue.cancel))
        w.downloads_table.selectionModel().currentChanged.connect(lambda *_: self._update_download_buttons())
        self._update_download_buttons()

    def _wire_network(self) -> None:
        self.network = NetworkPage(self.window, self.paths, self.settings, self.facts["has_token"], self)

    def apply_policy(self, admin: policy.Policy) -> None:
        """Hide what the administrator turned off, and say so (the core refuses it anyway)."""
        w = self.window
        for button in (w.catalog_download_button, w.search_download_button):
            button.setVisible(admin.downloads)
        w.tabs.setTabVisible(w.PAGES.index("search"), admin.hub_search and admin.downloads)
        if admin.endpoint:
            w.endpoint_edit.setText(admin.endpoint)
            w.endpoint_edit.setEnabled(False)
        notes = []
        if not admin.downloads:
            notes.append(self.tr("downloading models is turned off"))
        if not admin.hub_search:
            notes.append(self.tr("searching the Hub is turned off"))
        if admin.endpoint:
            notes.append(self.tr("models come from {}").format(admin.endpoint))
        if admin.allowed_models is not None:
            notes.append(self.tr("only the models your administrator allows will load"))
        if admin.shared_models_folder:
            notes.append(self.tr("shared models are in {}").format(admin.shared_models_folder))
        if notes:
            w.policy_label.setText(self.tr("Set by your administrator: {}.").format("; ".join(notes)) +
                                   (" " + admin.message if admin.message else ""))
        w.policy_label.setVisible(bool(notes))

    # Installed -------------------------------------------------------------

    def refresh_installed(self) -> None:
        """List the installed models again; their files are read on a pool thread, the rows come after."""
        if self.facts is None:
            return  # the window's first facts are on their way, with the installed models in them
        self._installed_request += 1
        request, used, choices = self._installed_request, self.last_used(), self.choices

        def show(rows: list[dict]) -> None:
            if request == self._installed_request:  # an older listing that came late is dropped
                self.installed.set_rows(rows)
        self.tasks.run(lambda: models_facts.installed_rows(self.library, used, choices), show)

    def _selected(self, table, model):
        index = table.currentIndex()
        return model.data(model.index(index.row(), 0), RowRole) if index.isValid() else None

    def delete_selected(self) -> None:
        row = self._selected(self.window.installed_table, self.installed)
        if row is None:
            return
        entry = row["entry"]
        if entry.builtin:
            QMessageBox.information(self.window, self.tr("Built-in model"),
                                    self.tr("The starter model is part of Cove's installation and cannot be deleted here."))
            return
        answer = QMessageBox.question(
            self.window, self.tr("Delete model"),
            self.tr("Delete {} ({}) from this computer?").format(entry.name, human_size(entry.size)),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return
        try:
            self.library.remove(entry)
        except (CoveError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Could not delete"), str(exc))
        self.refresh_installed()
        self.models_changed.emit()

    def _edit_template(self) -> None:
        row = self._selected(self.window.installed_table, self.installed)
        if row is not None and self.edit_chat_template is not None:
            self.edit_chat_template(row["entry"])

    def open_selected_folder(self) -> None:
        row = self._selected(self.window.installed_table, self.installed)
        folder = Path(row["path"]).parent if row else self.paths.models_dir
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # Catalog ---------------------------------------------------------------

    def refresh_catalog(self) -> None:
        n_ctx = self.settings.value.engine.n_ctx
        choices = self.choices
        fits = {(c.model_id, c.quant): cat.fit_label(c.size, c.context, self.machine, n_ctx) for c in choices}
        picks = {(c.model_id, c.quant) for c in cat.recommend(choices, self.machine, n_ctx).values()}
        speeds = {(c.model_id, c.quant): self.tr(cat.speed_label(c, self.machine)) for c in choices}
        self.catalog.set_catalog(choices, fits, picks, speeds)
        memory = self.tr("{} of free memory").format(human_size(self.machine.free_ram))
        if self.machine.free_vram:
            memory += self.tr(" and {} of free GPU memory ({})").format(
                human_size(self.machine.free_vram), self.machine.gpu_backend.upper())
        self.window.machine_label.setText(self.tr(
            "This computer has {}. “fits” leaves room for other programs, “tight” may slow the computer "
            "down, “too large” will not run well; “fast here”, “usable here” or “slow here” tells how quickly "
            "it would answer. "
            "★ marks the best choice in each family.").format(memory))

    def download_catalog_choice(self) -> None:
        choice = self._selected(self.window.catalog_table, self.catalog)
        if choice is not None:
            self.start_download(choice.repo, choice.first_file)

    # Downloads ---------------------------------------------------------------

    def start_download(self, repo_id: str, filename: str) -> QueueItem:
        self.ready()  # the Downloads page shows it, whatever step the window had reached
        item = self.downloads.queue.add(repo_id, filename)
        self.window.tabs.setCurrentIndex(self.window.PAGES.index("downloads"))
        self.download_rows.update_item(item)
        self.window.downloads_table.selectRow(self.download_rows.rows.index(
            next(r for r in self.download_rows.rows if r.id == item.id)))
        return item

    def _on_selected_download(self, action) -> None:
        item = self._selected(self.window.downloads_table, self.download_rows)
        if item is not None:
            action(item.id)

    def _update_download_buttons(self) -> None:
        if "downloads" in self._steps_left:
            return  # that page's step sets them
        item = self._selected(self.window.downloads_table, self.download_rows)
        state = item.state if item else ""
        self.window.pause_button.setEnabled(state in (QUEUED, DOWNLOADING))
        self.window.resume_button.setEnabled(state in (PAUSED, FAILED))
        self.window.resume_button.setText(self.tr("Retry") if state == FAILED else self.tr("Resume"))
        # A failure's whole reason (the row shows its first sentence) with what to do about it.
        self.window.downloads_note.setText(item.message if state == FAILED else self.window.downloads_help)
        self.window.cancel_button.setEnabled(state in (QUEUED, DOWNLOADING, PAUSED, FAILED))

    def _download_changed(self, item: QueueItem) -> None:
        shown = next((r for r in self.download_rows.rows if getattr(r, "id", None) == item.id), None)
        if shown is not None and tuple(getattr(shown, k, None) for k in _STATE_FIELDS) == tuple(
                getattr(item, k, None) for k in _STATE_FIELDS):
            self._progress[item.id] = item  # the same state, further on: shown with the next batch
            if not self._progress_timer.isActive():
                self._progress_timer.start()
            return
        self._progress.pop(item.id, None)  # a newer state replaces any progress still to show
        self.download_rows.update_item(item)
        self._update_download_buttons()
        if item.state == DONE:
            self.refresh_installed()
            if "catalog" in self._steps_left:
                self._embedding_stale = True  # its step looks again, the facts read may predate this file
            else:  # the files' headers are read on the pool (the new one for the first time)
                paths, settings = self.paths, self.settings.value
                self.tasks.run(lambda: installed_embedding_model(paths, settings), self.embedding_catalog.refresh)
            self.models_changed.emit()

    def _show_progress(self) -> None:
        pending, self._progress = self._progress, {}
        for item in pending.values():
            self.download_rows.update_item(item)
