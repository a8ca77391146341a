"""Follow changes in the notes folders while Cove runs, and keep the index current.

watchdog (native file events: inotify, FSEvents, ReadDirectoryChangesW) reports
every change; an editor saving one note can send a dozen events, and a `git pull`
thousands. So events only mark their folder as changed, and a debounce thread
runs one incremental pass (indexer.py) per changed folder once the folder has
been quiet for `debounce` seconds. A pass costs a stat per file plus reading the
files that really changed, so this stays correct for renames, moves and whole
folders appearing, without tracking each event's meaning. Events inside hidden
folders (`.git`, `.obsidian`, `.trash`) are ignored: nothing there is indexed.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from app.core.notes.index import Root
from app.core.notes.indexer import Indexer, SyncResult

log = logging.getLogger("cove.notes")
DEBOUNCE = 0.5


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher, root: Root):
        self.watcher, self.root = watcher, root

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # reading a file changes nothing (and the indexer's own reads must not loop)
        if event.is_directory and event.event_type == "modified":
            return  # a folder "changes" when a child does; the child's own event says whether it matters
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if all(not p or self.watcher.hidden(self.root, os.fsdecode(p)) for p in paths):
            return
        self.watcher.changed(self.root)


class Watcher:
    """Watches folders; changed folders are re-synced after a quiet spell, on the watcher's own thread."""

    def __init__(self, indexer: Indexer, roots: list[Root], debounce: float = DEBOUNCE,
                 on_synced: Callable[[Root, SyncResult], None] | None = None):
        self.indexer, self.roots, self.debounce, self.on_synced = indexer, list(roots), debounce, on_synced
        self._pending: dict[int, tuple[Root, float]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._observer = None
        self._thread: threading.Thread | None = None

    @staticmethod
    def hidden(root: Root, path: str) -> bool:
        try:
            parts = Path(path).relative_to(root.path).parts
        except ValueError:
            return False
        return any(part.startswith(".") for part in parts)

    def changed(self, root: Root) -> None:
        with self._lock:
            self._pending[root.id] = (root, time.monotonic())

    def start(self) -> None:
        self._observer = Observer()
        for root in self.roots:
            if root.path.is_dir():
                self._observer.schedule(_Handler(self, root), str(root.path), recursive=True)
        self._observer.daemon = True
        self._observer.start()
        self._thread = threading.Thread(target=self._run, name="cove-notes-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.indexer.cancel()  # a pass in progress ends at the next file
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _due(self) -> list[Root]:
        now = time.monotonic()
        with self._lock:
            ready = [root for root, at in self._pending.values() if now - at >= self.debounce]
            for root in ready:
                del self._pending[root.id]
        return ready

    def _run(self) -> None:
        while not self._stop.wait(min(0.1, self.debounce)):
            for root in self._due():
                try:
                    result = self.indexer.sync(root)
                except Exception as exc:  # noqa: BLE001 - a failed pass is retried at the next change
                    log.warning("notes: could not update the index for %s", root.path, exc_info=exc)
                    continue
                if self.on_synced is not None:
                    self.on_synced(root, result)
