"""Help › Privacy…: opens the privacy page (app/ui/settings/privacy_dialog.py) with the settings in use."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.paths import CovePaths
from app.ui.settings.privacy_dialog import PrivacyDialog
from app.ui.settings_model import SettingsModel


class PrivacyActions(QObject):
    def __init__(self, window, settings: SettingsModel, paths: CovePaths, parent=None):
        super().__init__(parent)
        self.window, self.settings, self.paths = window, settings, paths
        self.dialog: PrivacyDialog | None = None
        action = getattr(window, "privacy_action", None)
        if action is not None:
            action.triggered.connect(self.show)

    def show(self) -> PrivacyDialog:
        self.dialog = PrivacyDialog(self.window, self.settings.value, self.paths)
        self.dialog.open()
        return self.dialog
