"""The window's settings: one object holding them, saving them, and saying when they change.

Every part of the window reads `settings.value` (app.core.settings.Settings, immutable)
and changes it with `update()`; whoever cares about a change (the theme, the
Models dialog's network page) listens to `changed` instead of being handed a
getter. Saving goes through app.core.settings, the same code as the CLI's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core import settings as settings_mod


class SettingsModel(QObject):
    changed = Signal(object, object)   # new Settings, previous Settings
    save_failed = Signal(str)          # one line for the user: what could not be saved and why

    def __init__(self, value: settings_mod.Settings, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.value = value
        self.path = path

    def update(self, value: settings_mod.Settings) -> bool:
        """Take new settings, tell the listeners, and save them; False (and save_failed) if saving failed."""
        previous, self.value = self.value, value
        if value != previous:
            self.changed.emit(value, previous)
        if self.path is None:
            return True
        try:
            settings_mod.save(self.path, value)
        except OSError as exc:
            self.save_failed.emit(self.tr("Could not save settings to {} ({}).").format(
                self.path, exc.strerror or exc))
            return False
        return True
