"""Wires the Models dialog to the model library, the catalog, the Hub and the download queue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.core import catalog as cat
from app.core import hub as hub_mod
from app.core import policy, speed, system
from app.core.download_queue import DONE, DOWNLOADING, FAILED, PAUSED, QUEUED, QueueItem
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.models import ModelLibrary
from app.core.paths import CovePaths
from app.core.units import human_size
from app.ui.models.downloads_bridge import DownloadsBridge
from app.ui.models.embedding_catalog import EmbeddingCatalog
from app.ui.models.hub_search import HubSearch
from app.ui.models.models_dialog import ModelsDialog, fit_columns
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
    models_changed = Signal()

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
        self.machine = speed.with_measurements(system.machine(), paths.speed_file)
        self.choices = cat.load_catalog()

        self.installed = InstalledModel(self)
        self.catalog = CatalogModel(self)
        self.hub_files = HubFilesModel(self)
        self.download_rows = DownloadsModel(self)
        w = window
        w.installed_table.setModel(self.installed)
        w.catalog_table.setModel(self.catalog)
        w.files_table.setModel(self.hub_files)
        w.downloads_table.setModel(self.download_rows)
        for table in (w.installed_table, w.catalog_table, w.files_table):
            fit_columns(table)
        w.downloads_table.setItemDelegateForColumn(1, ProgressDelegate(w.downloads_table))
        w.add_file_button.clicked.connect(add_model_file)
        w.delete_button.clicked.connect(self.delete_selected)
        w.open_folder_button.clicked.connect(self.open_selected_folder)
        w.template_button.clicked.connect(self._edit_template)
        self.edit_chat_template = edit_chat_template
        w.catalog_download_button.clicked.connect(self.download_catalog_choice)
        self.hub_search = HubSearch(w, paths, settings, tasks, self.machine, self.hub_files, self.start_download)
        w.pause_button.clicked.connect(lambda: self._on_selected_download(self.downloads.queue.pause))
        w.resume_button.clicked.connect(lambda: self._on_selected_download(self.downloads.queue.resume))
        w.cancel_button.clicked.connect(lambda: self._on_selected_download(self.downloads.queue.cancel))
        w.network_save_button.clicked.connect(self.save_network)
        w.downloads_table.setItemDelegateForColumn(4, StateDelegate(self.downloads.queue.resume, w.downloads_table))
        downloads.item_changed.connect(self._download_changed)
        # Progress alone is shown at most PROGRESS_MS apart: the queue reports every chunk (dozens a
        # second), more repaints than anyone reads, each one GUI-thread time during an answer.
        self._progress: dict[int, QueueItem] = {}
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        w.downloads_table.selectionModel().currentChanged.connect(lambda *_: self._update_download_buttons())
        self.download_rows.set_rows(downloads.queue.items())
        self.refresh_installed()
        self.refresh_catalog()
        self.embedding_catalog = EmbeddingCatalog(w, paths, settings, self.machine, self.start_download, self)
        self._load_network()
        self.apply_policy(policy.current())

    def apply_policy(self, admin: policy.Policy) -> None:
        """Hide what the administrator turned off, and say so (the core refuses it anyway)."""
        w = self.window
        for button in (w.catalog_download_button, w.search_download_button):
            button.setVisible(admin.downloads)
        w.tabs.setTabVisible(w.tabs.indexOf(w.search_button.parentWidget()), admin.hub_search and admin.downloads)
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
        used = self.last_used()
        rows = []
        for entry in self.library.installed(include_embedding=True):
            row = {"name": entry.name, "path": str(entry.path), "size": entry.size, "builtin": entry.builtin,
                   "quant": cat.parse_quant(entry.path.name), "family": "", "context": None,
                   "last_used": used.get(str(entry.path)), "entry": entry, "problem": ""}
            try:
                info = read_gguf(entry.path)
                row["family"] = (self.tr("Embedding (notes)") if entry.embedding else
                                 cat.family_of(info.basename, info.architecture, self.choices))
                row["context"] = info.context_length
            except CoveError as exc:
                row["problem"] = str(exc)
            rows.append(row)
        self.installed.set_rows(rows)

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
        item = self.downloads.queue.add(repo_id, filename)
        self.window.tabs.setCurrentIndex(3)
        self.download_rows.update_item(item)
        self.window.downloads_table.selectRow(self.download_rows.rows.index(
            next(r for r in self.download_rows.rows if r.id == item.id)))
        return item

    def _on_selected_download(self, action) -> None:
        item = self._selected(self.window.downloads_table, self.download_rows)
        if item is not None:
            action(item.id)

    def _update_download_buttons(self) -> None:
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
            self.embedding_catalog.refresh()
            self.models_changed.emit()

    def _show_progress(self) -> None:
        pending, self._progress = self._progress, {}
        for item in pending.values():
            self.download_rows.update_item(item)

    # Network -----------------------------------------------------------------

    def _load_network(self) -> None:
        options = self.settings.value.hub
        self.window.endpoint_edit.setText(options.endpoint)
        self.window.offline_check.setChecked(options.offline)
        has_token = hub_mod.load_token(self.paths.data_dir) is not None
        self.window.token_edit.setPlaceholderText(
            self.tr("saved (type a new one to replace it)") if has_token else self.tr("none"))
        self.window.network_status.setText(self.tr("Models come from {}.").format(
            hub_mod.resolve_endpoint(options.endpoint) if not options.offline else self.tr("nowhere: Cove is offline")))

    def save_network(self) -> None:
        endpoint = self.window.endpoint_edit.text().strip().rstrip("/")
        if endpoint and not hub_mod.valid_endpoint(endpoint):
            self.window.network_status.setText(self.tr(
                "“{}” is not a web address. It should look like https://mirror.example.org").format(endpoint))
            return
        token = self.window.token_edit.text().strip()
        if token:
            hub_mod.save_token(self.paths.data_dir, token)
            self.window.token_edit.clear()
        settings = self.settings.value
        self.settings.update(replace(settings, hub=replace(settings.hub, endpoint=endpoint,
                                                        offline=self.window.offline_check.isChecked())))
        self._load_network()
