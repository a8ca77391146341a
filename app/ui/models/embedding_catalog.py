"""The Models window's section for embedding models: what the user gains, which one is in use.

Embedding models are not for chatting, so they are not in the chat catalog's table
(where the "best choice for this computer" would wrongly compare them with chat
models) but in their own section under it, which says plainly what downloading one
changes: notes are found by meaning, not only by their words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from app.core import catalog as cat
from app.core.notes.embedding import installed_embedding_model
from app.core.paths import CovePaths
from app.ui.models.models_dialog import ModelsDialog, fit_columns
from app.ui.settings_model import SettingsModel
from app.ui.widgets.model_tables import CatalogModel, RowRole

LOOK = object()  # the embedding model in use is not known yet: look among the files


class EmbeddingCatalog(QObject):
    def __init__(self, window: ModelsDialog, paths: CovePaths, settings: SettingsModel, machine,
                 start_download: Callable[[str, str], object], parent=None, choices: list | None = None,
                 in_use: Path | None | object = LOOK):
        """choices and in_use (None: no embedding model), when given, were read already (off the GUI
        thread: models_actions.py)."""
        super().__init__(parent)
        self.window, self.paths, self.settings, self.machine = window, paths, settings, machine
        self.start_download = start_download
        self.choices = choices if choices is not None else cat.load_catalog(kind=cat.EMBEDDING)
        self.model = CatalogModel(self)
        window.embedding_table.setModel(self.model)
        fit_columns(window.embedding_table)
        window.embedding_note.setText(self.tr(
            "Find notes by meaning, not only by their words: ask “when is the dentist?” and Cove also finds "
            "the note that says “appointment with Dr. Reyes on Tuesday”. An embedding model does this on this "
            "computer, beside the chat model, in little memory; your notes never leave it. It cannot chat, "
            "so the model picker does not offer it."))
        window.embedding_download_button.clicked.connect(self.download_selected)
        self.refresh(in_use)

    def refresh(self, in_use: Path | None | object = LOOK) -> None:
        """Show the section again; the model in use is looked for among the files unless given."""
        fits = {(c.model_id, c.quant): cat.fit_label(c.size, c.context, self.machine, c.context)
                for c in self.choices}
        self.model.set_catalog(self.choices, fits, set())
        if in_use is LOOK:
            in_use = installed_embedding_model(self.paths, self.settings.value)
        self.window.embedding_status.setText(
            self.tr("In use for your notes: {}.").format(in_use.name) if in_use is not None else
            self.tr("None installed: notes are found by their words only. Download one to find them by "
                    "meaning too."))

    def download_selected(self) -> None:
        index = self.window.embedding_table.currentIndex()
        choice = self.model.data(self.model.index(index.row(), 0), RowRole) if index.isValid() else None
        if choice is not None:
            self.start_download(choice.repo, choice.first_file)
