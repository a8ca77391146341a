"""The download queue (app/core/download_queue.py) seen from the window.

The queue runs its downloads on its own thread and reports each change through a
callback; emitting a signal of this object, which lives in the GUI thread, from
there queues the change into the GUI thread, where the Models dialog shows it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.core import hub as hub_mod
from app.core.download_queue import DownloadQueue
from app.core.paths import CovePaths


class DownloadsBridge(QObject):
    """Queue events (from the download thread) as a Qt signal in the GUI thread."""

    item_changed = Signal(object)

    def __init__(self, paths: CovePaths, hub_factory: Callable[[], hub_mod.Hub], parent=None):
        super().__init__(parent)
        self.queue = DownloadQueue(hub_factory, paths.models_dir, paths.downloads_file,
                                   self.item_changed.emit)
