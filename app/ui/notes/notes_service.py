"""Keeps the notes index current while the window is open, on one thread of its own.

Why one thread with its own connection: indexing a vault of thousands of notes
takes minutes, and SQLite writes, PDF parsing and hashing must never run on the
GUI thread. Every touch of the index (adding and removing folders, passes, the
meaning pass that follows them) happens on this service's worker thread through
ONE NotesIndex connection, so passes are naturally queued one after another and
no two writers of this process ever wait on each other. The GUI thread only
queues jobs and receives signals (queued across threads by Qt).

The watcher (app/core/notes/watcher.py) runs its debounce thread as usual, but
is handed a stand-in for the indexer that queues a pass here instead of running
it on the watcher's thread: the same single writer, in order.

When Cove starts, every allowed folder gets one pass, to pick up what changed
while Cove was closed. Quitting while indexing cancels the pass (it stops within
one file; each file is its own transaction, so the index stays whole) and waits
a few seconds at most: the worker is a daemon thread, so a file that takes long
to parse cannot keep Cove from exiting.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.core import policy as policy_mod
from app.core.errors import CoveError
from app.core.notes import folders
from app.core.notes.index import NotesIndex, Root
from app.core.notes.indexer import Indexer, Progress, SyncResult, plural
from app.core.text import clean_text
from app.ui.notes.notes_job_queue import NotesJobQueue, QueueingIndexer

if TYPE_CHECKING:
    from app.core.notes.watcher import Watcher

log = logging.getLogger("cove.notes")
PROGRESS_EVERY = 0.1  # seconds between progress signals: a fast pass does hundreds of files a second

MeaningPass = Callable[[NotesIndex, Callable[[], bool]], None]


def missing_message(path: Path) -> str:
    return (f"The notes folder {clean_text(str(path))} is not there (moved, or on a drive that is not connected). "
            "Its index is kept; connect it, or remove it.")


class NotesService(QObject):
    progressed = Signal(Progress)            # during a pass, at most every PROGRESS_EVERY seconds, and at its end
    folder_synced = Signal(str, SyncResult)  # a pass over that folder ended (cancelled says so)
    folder_added = Signal(str)
    folder_removed = Signal(str, str)        # the folder, and the sentence saying what was forgotten
    failed = Signal(str)                     # one line for the user
    busy_changed = Signal(bool)              # passes running or queued
    paused_changed = Signal(bool)

    def __init__(self, index_path: Path, data_dir: Path, policy: Callable[[], policy_mod.Policy] = policy_mod.current,
                 parent: QObject | None = None, debounce: float | None = None):
        super().__init__(parent)
        self.index_path, self.data_dir, self.policy = Path(index_path), Path(data_dir), policy
        self.debounce = debounce
        self.meaning_pass: MeaningPass | None = None  # meaning search plugs in here: runs after each pass
        self._jobs = NotesJobQueue()
        self._stopping = self._jobs.stopping
        self._cancelled = threading.Event()
        self._thread: threading.Thread | None = None
        self._index: NotesIndex | None = None
        self._indexer: Indexer | None = None
        self._watcher: Watcher | None = None
        self._current: Path | None = None  # the folder of the pass running now
        self._busy = False
        self._paused = False
        self._last_progress = 0.0

    # What the window asks ----------------------------------------------------------

    def off_reason(self) -> str | None:
        """Why the service does nothing (the administrator turned Notes off), or None."""
        rules = self.policy()
        return None if rules.notes else rules.reason("Reading notes folders")

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        """Start the worker: a pass over every allowed folder, then watch them. False when Notes is off."""
        reason = self.off_reason()
        if reason is not None:
            log.info("notes: not indexing: %s", reason)
            return False
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="cove-notes-index", daemon=True)
            self._thread.start()
            self._jobs.put("start")
        return True

    def add_folder(self, text: str | Path) -> None:
        """Add a folder (or re-read one already added) and index it; refusals come back through `failed`."""
        reason = self.off_reason()
        if reason is not None:
            self.failed.emit(reason)
            return
        self.start()
        self._set_busy(True)
        self._jobs.put("add", str(text))

    def remove_folder(self, path: str | Path) -> None:
        """Forget a folder: its pass stops, its passages leave the index; the files are not touched."""
        reason = self.off_reason()
        if reason is not None:
            self.failed.emit(reason)
            return
        path = Path(path)
        self._jobs.drop_syncs(path)
        if self._current == path and self._indexer is not None:
            self._indexer.cancel()
        self.start()
        self._jobs.put("remove", path)

    def refresh(self) -> None:
        """A pass over every allowed folder (what `cove notes refresh` does)."""
        if self.start():
            self._jobs.put("refresh")

    def pause(self) -> None:
        if self._indexer is not None:
            self._indexer.pause()
        self._set_paused(True)

    def resume(self) -> None:
        if self._indexer is not None:
            self._indexer.resume()
        self._set_paused(False)

    def cancel(self) -> None:
        """Stop the pass running now and drop the ones waiting (a later change on disk queues a new one)."""
        self._jobs.drop_syncs()
        self._cancelled.set()
        if self._indexer is not None:
            self._indexer.cancel()  # also lets a paused pass go, to its end
        self._set_paused(False)

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Stop indexing and watching, close the index. True when the worker ended within `timeout` seconds."""
        if self._thread is None:
            return True
        self._jobs.stop()
        self.cancel()
        self._thread.join(timeout)
        ended = not self._thread.is_alive()
        if not ended:
            log.warning("notes: indexing did not stop within %.0f s; leaving it to end with the process", timeout)
            return False
        # Stopped for good or only for a while ("Delete all my data"): start() begins afresh.
        self._thread, self._indexer = None, None
        self._jobs.reset()
        self._set_busy(False)
        self._set_paused(False)
        return True

    # The queue ----------------------------------------------------------------------

    def _queue_sync(self, path: Path) -> None:
        if self._jobs.put_sync(path):
            self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _set_paused(self, paused: bool) -> None:
        if paused != self._paused:
            self._paused = paused
            self.paused_changed.emit(paused)

    # The worker thread ----------------------------------------------------------------

    def _run(self) -> None:
        try:
            while (job := self._jobs.next()) is not None:
                kind, value = job
                self._cancelled.clear()
                try:
                    getattr(self, f"_job_{kind}")(value)
                except CoveError as exc:
                    self.failed.emit(str(exc))
                except Exception as exc:  # noqa: BLE001 - the window stays up; the next change retries
                    log.error("notes: %s failed", kind, exc_info=exc)
                    self.failed.emit(f"Indexing notes failed ({type(exc).__name__}: {exc}). "
                                     "Details are in Cove's log.")
                finally:
                    self._current = None
                if not self._jobs.indexing_waits():
                    self._set_busy(False)
        finally:
            self._close()

    def _close(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        if self._index is not None:
            self._index.close()
            self._index = None

    def _open(self, create: bool) -> NotesIndex | None:
        if self._index is None:
            if not create and not self.index_path.exists():
                return None  # no folder was ever added: nothing to read, and no empty index to leave behind
            self._index = NotesIndex(self.index_path)
            self._indexer = Indexer(self._index, self._on_progress)
            if self._paused:
                self._indexer.pause()
        return self._index

    def _allowed_roots(self) -> list[Root]:
        rules = self.policy()
        return [r for r in self._index.roots() if folders.allowed(r.path, rules)]

    def _job_start(self, _value) -> None:
        if self._open(create=False) is None:
            return
        self._watch()
        self._job_refresh(None)

    def _job_refresh(self, _value) -> None:
        if self._open(create=False) is None:
            return
        for root in self._allowed_roots():
            self._queue_sync(root.path)

    def _job_add(self, text: str) -> None:
        index = self._open(create=True)
        path = folders.check_new_root(text, [r.path for r in index.roots()], self.policy(), self.data_dir)
        index.add_root(path)
        self.folder_added.emit(str(path))
        self._watch()
        self._job_sync(path)

    def _job_remove(self, path: Path) -> None:
        index = self._open(create=False)
        root = index.root(path) if index is not None else None
        if root is None:
            raise CoveError(f"{clean_text(str(path))} is not a notes folder.")
        index.remove_root(root)
        self._watch()
        self.folder_removed.emit(str(path), f"Removed {clean_text(str(root.path))} from your notes "
                                 f"({plural(root.files, 'file')} forgotten; the files themselves are untouched).")

    def _job_sync(self, path: Path) -> None:
        root = self._index.root(path) if self._index is not None else None
        if root is None or not folders.allowed(root.path, self.policy()) or self._cancelled.is_set():
            return  # removed meanwhile, no longer allowed by the policy, or cancelled before it began
        self._current = root.path
        self._last_progress = 0.0
        self._set_busy(True)
        result = self._indexer.sync(root)
        if result.missing:
            self.failed.emit(missing_message(root.path))
        self.folder_synced.emit(str(root.path), result)
        if self.meaning_pass is not None and not result.cancelled and not result.missing:
            self.meaning_pass(self._index, self._should_stop)

    def _should_stop(self) -> bool:
        """For the meaning pass: waits while paused; True once cancelled or closing, or when other work
        waits (adding, removing or re-reading a folder never waits for embedding, which can take minutes:
        the pass after that work goes on where this one stopped)."""
        while self._paused and not (self._cancelled.is_set() or self._stopping.is_set()):
            time.sleep(0.1)
        return self._cancelled.is_set() or self._stopping.is_set() or self._jobs.waiting()

    def _on_progress(self, progress: Progress) -> None:
        now = time.monotonic()
        if progress.files_done < progress.files_total and now - self._last_progress < PROGRESS_EVERY:
            return
        self._last_progress = now
        self.progressed.emit(progress)

    def _watch(self) -> None:
        """(Re)start watching the allowed folders that exist; the watcher's folder list is fixed when it starts."""
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        roots = [r for r in self._allowed_roots() if r.path.is_dir()]
        if roots and not self._stopping.is_set():
            # watchdog is imported here, not with the window: most starts watch no folder (0.02 s of every start)
            from app.core.notes.watcher import Watcher

            extra = {} if self.debounce is None else {"debounce": self.debounce}
            self._watcher = Watcher(QueueingIndexer(self._queue_sync), roots, **extra)
            self._watcher.start()
