"""The Models window's Network page: the Hub's address (or a mirror), the token for gated models, offline."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject

from app.core import hub as hub_mod
from app.core.paths import CovePaths
from app.ui.models.models_dialog import ModelsDialog
from app.ui.settings_model import SettingsModel


class NetworkPage(QObject):
    def __init__(self, window: ModelsDialog, paths: CovePaths, settings: SettingsModel, has_token: bool | None,
                 parent=None):
        """has_token: whether a token is saved, when read already (off the GUI thread); None: look."""
        super().__init__(parent)
        self.window, self.paths, self.settings = window, paths, settings
        window.network_save_button.clicked.connect(self.save)
        self.load(has_token)

    def load(self, has_token: bool | None = None) -> None:
        options = self.settings.value.hub
        self.window.endpoint_edit.setText(options.endpoint)
        self.window.offline_check.setChecked(options.offline)
        if has_token is None:
            has_token = hub_mod.load_token(self.paths.data_dir) is not None
        self.window.token_edit.setPlaceholderText(
            self.tr("saved (type a new one to replace it)") if has_token else self.tr("none"))
        self.window.network_status.setText(self.tr("Models come from {}.").format(
            hub_mod.resolve_endpoint(options.endpoint) if not options.offline else self.tr("nowhere: Cove is offline")))

    def save(self) -> None:
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
        self.load()
