"""The model box above the conversation: which models there are, which one is picked, and loading it.

Picking a model checks its file, remembers it as the last model, and asks the engine
to load it; the engine's loading, loaded, failed and died events come back here and
are shown in the status bar. Nothing changes the model under an answer being written
(`busy`, from the answer session).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject

from app.core import chat, policy
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.model_names import display_name
from app.core.models import ModelEntry, ModelLibrary
from app.engine.protocol import LoadOptions
from app.ui.chat.status_presenter import LOADING, NO_MODEL, READY, StatusPresenter
from app.ui.settings_model import SettingsModel


class ModelPicker(QObject):
    def __init__(self, combo, library: ModelLibrary, settings: SettingsModel, bridge, status: StatusPresenter,
                 data_dir: Path, busy: Callable[[], bool], parent: QObject | None = None):
        super().__init__(parent)
        self.combo = combo
        self.library = library
        self.settings = settings
        self.bridge = bridge
        self.status = status
        self.data_dir = data_dir
        self.busy = busy
        self.loaded_model: str | None = None
        self.backend_info: dict = {}  # what the engine chose for the loaded model (context, backend…)
        combo.currentIndexChanged.connect(self.on_picked)
        bridge.model_loading.connect(self._on_loading)
        bridge.model_loaded.connect(self._on_loaded)
        bridge.model_load_failed.connect(self._on_load_failed)
        bridge.engine_died.connect(self._on_engine_died)

    def refresh(self, select: str | None = None) -> None:
        """List the installed models again, keeping (or selecting) the one to use."""
        combo = self.combo
        models = self.library.installed()
        default = self.library.default_model(select or self.settings.value.last_model)
        combo.blockSignals(True)
        combo.clear()
        for entry in models:
            combo.addItem(entry.label, str(entry.path))
        combo.setEnabled(bool(models))
        if not models:
            combo.addItem(self.tr("No model yet"), "")
        elif default is not None:
            combo.setCurrentIndex(max(0, combo.findData(str(default.path))))
        combo.blockSignals(False)
        if not models:
            self.status.set_state(NO_MODEL, self.tr(
                "No model yet: open “Models…” to download one, or click “Add model file…” to use a .gguf "
                "file you have.") if policy.current().downloads else self.tr(
                "No model yet: click “Add model file…” to use a .gguf file from your "
                "administrator (downloads are turned off on this computer)."))
            self.status.set_model_text("")
        else:
            self.on_picked()

    def select(self, path: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(path))

    def picked_path(self) -> str:
        """The picked model's path ("" for none), without looking through the models folder."""
        return self.combo.currentData() or ""

    def current_model(self) -> ModelEntry | None:
        path = self.picked_path()
        if not path:
            return None
        return next((m for m in self.library.installed() if str(m.path) == path), None)

    def engine_options(self, model: ModelEntry) -> LoadOptions:
        return chat.load_options(self.settings.value, model.name, self.data_dir)

    def on_picked(self, *_args) -> None:
        model = self.current_model()
        if model is None or self.busy():
            return
        settings = self.settings.value
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
            self.bridge.load(str(model.path), self.engine_options(model))

    def reload(self) -> None:
        """Settings that change how a model runs take effect with a fresh load."""
        self.loaded_model = None
        self.on_picked()

    def forget_loaded(self) -> None:
        """The engine was ended (its files may be deleted): the next request loads the model again."""
        self.loaded_model = None

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
            self.status.set_state(READY, self.tr("Ready. Loaded {} in {:.1f} s.").format(display_name(path), seconds))

    def _on_load_failed(self, _path: str, message: str, _request_id) -> None:
        self.loaded_model = None
        self.status.set_model_text("")
        self.status.show_error(message)

    def _on_engine_died(self, message: str, _request_id) -> None:
        self.loaded_model = None
        self.status.set_model_text("")
        self.status.show_error(message)
