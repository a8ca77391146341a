"""The notes service's work list: what its one worker thread does next, in order.

Jobs are (kind, value) pairs: "start", "refresh", "add" a folder, "sync" a folder,
"remove" a folder. A folder's pass is queued once however many changes arrive
before it starts (one pass sees them all); Cancel drops the passes waiting, and
removing a folder drops that folder's. Thread-safe: the GUI thread and the
watcher's thread put jobs in, the worker takes them out.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

from app.core.notes.index import Root
from app.core.notes.indexer import SyncResult

INDEXING = ("start", "refresh", "add", "sync")  # jobs that mean "indexing is going on"


class NotesJobQueue:
    def __init__(self):
        self._jobs: deque[tuple[str, object]] = deque()
        self._wake = threading.Condition()
        self.stopping = threading.Event()

    def put(self, kind: str, value=None) -> None:
        with self._wake:
            self._jobs.append((kind, value))
            self._wake.notify_all()

    def put_sync(self, path: Path) -> bool:
        """Queue a pass over `path` unless one is already waiting (or the worker is stopping); True if queued."""
        with self._wake:
            if ("sync", path) in self._jobs or self.stopping.is_set():
                return False
            self._jobs.append(("sync", path))
            self._wake.notify_all()
            return True

    def drop_syncs(self, path: Path | None = None) -> None:
        """Forget the waiting passes (over one folder, or all of them)."""
        with self._wake:
            self._jobs = deque(job for job in self._jobs
                               if not (job[0] == "sync" and (path is None or job[1] == path)))

    def next(self) -> tuple[str, object] | None:
        """The next job, waiting for one; None once stop() was called."""
        with self._wake:
            while not self._jobs and not self.stopping.is_set():
                self._wake.wait()
            return None if self.stopping.is_set() else self._jobs.popleft()

    def waiting(self) -> bool:
        """Whether any job waits (the meaning pass gives way to it, and resumes after)."""
        with self._wake:
            return bool(self._jobs)

    def indexing_waits(self) -> bool:
        with self._wake:
            return any(kind in INDEXING for kind, _ in self._jobs)

    def stop(self) -> None:
        with self._wake:
            self.stopping.set()
            self._wake.notify_all()

    def reset(self) -> None:
        """Empty, and ready for a new worker."""
        with self._wake:
            self._jobs.clear()
            self.stopping.clear()


class QueueingIndexer:
    """What the Watcher is given as its `indexer`: a changed folder becomes a pass queued for the worker.

    So the watcher's debounce thread never writes the index itself: the service's one
    worker thread, with its one connection, does every pass, in order."""

    def __init__(self, queue_sync: Callable[[Path], None]):
        self.queue_sync = queue_sync

    def sync(self, root: Root) -> SyncResult:
        self.queue_sync(root.path)
        return SyncResult()  # nothing done yet: the service reports the pass when it has run

    def cancel(self) -> None:
        """The watcher stopping (its folders changed) must not cancel the service's own pass."""
