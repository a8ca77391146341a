"""The model box above the conversation: which models there are, which one is picked, and loading it.

Picking a model checks its file, remembers it as the last model, and asks the engine
to load it; the engine's loading, loaded, failed and died events come back here and
are shown in the status bar. Nothing changes the model under an answer being written
(`busy`, from the answer session).

Remote servers' models (RemoteModels, listed in the background) follow the local ones,
marked with their host ("llama3 — on gpu.example.org"); the administrator's
`remote_only` leaves only them. Picking one loads nothing: the status bar says where
the messages will go.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt

from app.core import chat, policy
from app.core import remote_servers as rs
from app.core.draft_pairs import chosen_draft
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.model_names import display_name
from app.core.models import ModelEntry, ModelLibrary
from app.core.settings import DRAFT_OFF
from app.engine.protocol import LoadOptions
from app.ui.chat.status_presenter import LOADING, NO_MODEL, READY, StatusPresenter
from app.ui.i18n import decimal
from app.ui.settings_model import SettingsModel

READY_PROBE = "COVE_READY_PROBE"  # set: "cove: ready" goes to stderr when a model has loaded


class ModelPicker(QObject):
    def __init__(self, combo, library: ModelLibrary, settings: SettingsModel, bridge, status: StatusPresenter,
                 data_dir: Path, busy: Callable[[], bool], parent: QObject | None = None, remote=None,
                 tasks=None):
        """`remote`: the remote servers' models (app/ui/chat/remote_models.py), or None. `tasks`: the pool
        (app/ui/tasks.py) a model's draft model is looked up on (without it, on the calling thread)."""
        super().__init__(parent)
        self.tasks = tasks
        # Each local model's draft model (draft_pairs.chosen_draft: it lists the models folders and reads
        # vocabularies, so it runs on the pool, never on each pick or answer): name -> (its setting, the
        # listing it was found in, the file or ""). A new listing or another setting looks it up again.
        self._drafts: dict[str, tuple[str, int, str]] = {}
        self._draft_asked: set[tuple[str, str, int]] = set()
        self.remote = remote
        self.combo = combo
        self.library = library
        self.settings = settings
        self.bridge = bridge
        self.status = status
        self.data_dir = data_dir
        self.busy = busy
        self.loaded_model: str | None = None
        self._requested = ""  # the model the engine was last asked to load (it may still be loading)
        self.backend_info: dict = {}  # what the engine chose for the loaded model (context, backend…)
        # The local models as last listed, by path: current_model() is asked each time a conversation is
        # shown and each answer starts, and looking through the models folder each time read the disk
        # on the window's thread. A file gone since is looked for again (one stat).
        self._entries: dict[str, ModelEntry] = {}
        self._listing = 0  # the latest refresh_later(); an older listing is dropped
        combo.currentIndexChanged.connect(self.on_picked)
        if remote is not None:
            remote.changed.connect(lambda: self.refresh(self.picked_path() or None))
        bridge.model_loading.connect(self._on_loading)
        bridge.model_loaded.connect(self._on_loaded)
        bridge.model_load_failed.connect(self._on_load_failed)
        bridge.engine_died.connect(self._on_engine_died)
        settings.changed.connect(self._settings_changed)

    def refresh(self, select: str | None = None) -> None:
        """List the installed models again, keeping (or selecting) the one to use."""
        self._listing += 1  # a listing still on the pool is older than this one
        self._show(self._local_models(), select)

    def refresh_later(self, tasks, select: str | None = None) -> None:
        """As refresh(), with the models folder listed on the pool (`tasks`, app/ui/tasks.py): listing it
        reads each model file's header, a new download's first (a long freeze on a busy machine when a
        download completed). The list is shown back on the window's thread; an older listing that comes
        late is dropped."""
        self._listing += 1
        request = self._listing

        def show(local: list[ModelEntry]) -> None:
            if request == self._listing:
                self._show(local, select)
        tasks.run(self._local_models, show)

    def _local_models(self) -> list[ModelEntry]:
        return [] if policy.current().remote_only else self.library.installed()

    def _show(self, local: list[ModelEntry], select: str | None) -> None:
        combo = self.combo
        self._entries = {str(entry.path): entry for entry in local}
        wanted = select or self.settings.value.last_model
        remote = self._remote_models(wanted)
        models = local + remote
        default = next((m for m in remote if m.path == wanted), None) or next(
            (m for m in local if str(m.path) == wanted), local[0] if local else None)
        combo.blockSignals(True)
        combo.clear()
        for entry in models:
            combo.addItem(entry.label, str(entry.path))
            combo.setItemData(combo.count() - 1, entry.label, Qt.ToolTipRole)  # whole, where the box cuts it
        combo.setEnabled(bool(models))
        if not models:
            combo.addItem(self.tr("No model yet"), "")
        elif default is not None and combo.findData(str(default.path)) >= 0:
            combo.setCurrentIndex(combo.findData(str(default.path)))
        combo.blockSignals(False)
        combo.setToolTip(combo.currentText())
        if not models:
            self.status.set_state(NO_MODEL, self.tr(
                "No model yet: open “Models…” to download one, or click “Add model file…” to use a .gguf "
                "file you have.") if policy.current().downloads else self.tr(
                "No model yet: click “Add model file…” to use a .gguf file from your "
                "administrator (downloads are turned off on this computer)."))
            self.status.set_model_text("")
        else:
            self.on_picked()

    def _remote_models(self, wanted: str) -> list:
        if self.remote is None:
            return []
        found = self.remote.models()
        if rs.is_remote_ref(wanted) and not any(m.path == wanted for m in found):
            picked = self.remote.find(wanted)  # picked before: usable before its server's list arrives
            found = ([picked] if picked is not None else []) + found
        return found

    def select(self, path: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(path))

    def picked_path(self) -> str:
        """The picked model's path ("" for none), without looking through the models folder."""
        return self.combo.currentData() or ""

    def current_model(self) -> ModelEntry | None:
        path = self.picked_path()
        if not path:
            return None
        if rs.is_remote_ref(path):
            return self.remote.find(path) if self.remote is not None else None
        if policy.current().remote_only:
            return None
        known = self._entries.get(path)
        if known is not None and known.path.is_file():
            return known
        return next((m for m in self.library.installed() if str(m.path) == path), None)

    def engine_options(self, model: ModelEntry) -> LoadOptions:
        settings = self.settings.value
        return chat.load_options(settings, model.name, self.data_dir, draft=self._draft_for(settings, model))

    def _draft_for(self, settings, model: ModelEntry) -> str:
        """The model's draft model as last looked up (a new lookup started on the pool when that is stale)."""
        setting = settings.draft_model(model.name)
        if setting == DRAFT_OFF:
            return ""
        known = self._drafts.get(model.name)
        if known is not None and known[:2] == (setting, self._listing):
            return known[2]
        key = (model.name, setting, self._listing)
        if self.tasks is None:
            self._drafts[model.name] = (setting, self._listing, chosen_draft(settings, model.name, self.data_dir))
            return self._drafts[model.name][2]
        if key not in self._draft_asked:
            self._draft_asked.add(key)
            data_dir = self.data_dir

            def found(draft: str) -> None:
                self._draft_asked.discard(key)
                before = self._drafts.get(model.name)
                self._drafts[model.name] = (setting, key[2], draft)
                # What the load was sent with (see below): "" until a lookup has found one that is there.
                used = before[2] if before is not None and before[2] and Path(before[2]).is_file() else ""
                # Loaded without it (or with another): the engine loads the draft beside the model, which stays.
                # None found, as when it was loaded: nothing to load again (an answer may have started since).
                path = str(model.path)
                if used != draft and path in (self.loaded_model, self._requested) \
                        and not self.busy() and self.settings.value.draft_model(model.name) == setting:
                    self.bridge.load(str(model.path), self.engine_options(model))
            self.tasks.run(lambda: chosen_draft(settings, model.name, data_dir), found,
                           lambda _error: self._draft_asked.discard(key))
        # Meanwhile the one found before, while it is there (one stat), so that an answer does not unload it.
        if known is not None and known[0] == setting and known[2] and Path(known[2]).is_file():
            return known[2]
        return ""

    def _settings_changed(self, new, old) -> None:
        """The draft model setting changed (Models › Installed): look the draft up for the loaded model."""
        model = self._entries.get(self.loaded_model or self._requested)
        if model is not None and not self.busy() and new.draft_model(model.name) != old.draft_model(model.name):
            draft = self._draft_for(new, model)
            if new.draft_model(model.name) == DRAFT_OFF or draft:
                self.bridge.load(str(model.path), self.engine_options(model))

    def on_picked(self, *_args) -> None:
        self.combo.setToolTip(self.combo.currentText())
        model = self.current_model()
        if model is None or self.busy():
            return
        settings = self.settings.value
        if getattr(model, "remote", False):  # nothing to load: the server has it
            if model.path != settings.last_model:
                self.settings.update(replace(settings, last_model=model.path))
            self.loaded_model, self.backend_info = model.path, {}
            self.status.set_model_text(model.label)
            self.status.set_state(READY, self.tr("Ready. Answers come from {}: your messages are sent to it, "
                                                 "and the conversation is kept here.").format(model.server.host))
            return
        try:
            read_gguf(model.path)
        except CoveError as exc:  # a bad file is never kept (or restored) as the last model
            if str(model.path) == settings.last_model:
                self.settings.update(replace(settings, last_model=""))
            self.status.show_error(str(exc))
            return
        if str(model.path) != settings.last_model:
            self.settings.update(replace(settings, last_model=str(model.path)))
        if self.loaded_model != str(model.path):
            self._requested = str(model.path)
            self.bridge.load(str(model.path), self.engine_options(model))

    def reload(self) -> None:
        """Settings that change how a model runs take effect with a fresh load."""
        self.loaded_model = None
        self.on_picked()

    def forget_loaded(self) -> None:
        """The engine was ended (its files may be deleted): the next request loads the model again."""
        self.loaded_model, self._requested = None, ""

    def _on_loading(self, path: str) -> None:
        self.loaded_model = None
        if not self.busy():
            self.status.set_state(LOADING, self.tr("Loading {}…").format(display_name(path)))
        self.status.set_model_text(self.tr("Loading {}…").format(display_name(path)))

    def _on_loaded(self, path: str, seconds: float, info: dict) -> None:
        self.loaded_model = path
        self.backend_info = info
        self.status.set_model_text(display_name(path))
        if not self.busy():
            self.status.set_state(READY, self.tr("Ready. Loaded {} in {} s.").format(display_name(path), decimal(seconds, 1)))
            if os.environ.get(READY_PROBE):  # benchmarks/coldstart.py times the start up to here
                print("cove: ready", file=sys.stderr, flush=True)

    def _on_load_failed(self, _path: str, message: str, _request_id) -> None:
        self.loaded_model, self._requested = None, ""
        self.status.set_model_text("")
        self.status.show_error(message)

    def _on_engine_died(self, message: str, _request_id) -> None:
        self.loaded_model, self._requested = None, ""
        self.status.set_model_text("")
        self.status.show_error(message)
