"""The queue of model downloads: one at a time, in order, kept across restarts.

The queue is saved to downloads.json in the data folder whenever its states change.
After a restart, unfinished downloads come back paused (Cove never uses the network at
start-up on its own); resuming one continues from its part file.

The file is written by a thread of its own, not by whoever changed the queue: a write
ends with an fsync (tens of ms on a busy disk), and a change made on the GUI thread
(adding a download as a question is sent) froze the window for it. Writes coalesce
(each writes the queue as it is then, so the last state wins), and close() writes
whatever is still pending before it returns, so no state is lost on exit.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from app.core import downloads
from app.core.errors import CoveError
from app.core.hub import MAX_FILE_SIZE, Hub
from app.core.i18n import _
from app.core.model_names import repo_path_problem, valid_repo_id
from app.core.private_files import write_private

QUEUED, DOWNLOADING, PAUSED, FAILED, DONE, CANCELLED = (
    "queued", "downloading", "paused", "failed", "done", "cancelled")
_KEPT_STATES = (QUEUED, DOWNLOADING, PAUSED, FAILED)


@dataclass(frozen=True)
class QueueItem:
    id: int
    repo_id: str
    filename: str
    state: str = QUEUED
    done: int = 0
    total: int = 0
    speed: float = 0.0
    eta: float | None = None
    message: str = ""
    path: str = ""
    # True from the moment a download starts until the Hub's first answer about its file: the window
    # says "connecting…" then, instead of a "downloading" row with nothing in it.
    connecting: bool = False


class DownloadQueue:
    def __init__(self, hub_factory: Callable[[], Hub], models_dir: Path, state_file: Path,
                 on_change: Callable[[QueueItem], None] = lambda item: None):
        self.hub_factory = hub_factory
        self.models_dir = models_dir
        self.state_file = state_file
        self.on_change = on_change
        self._lock = threading.Lock()
        self._save_lock = threading.Lock()
        self._items: dict[int, QueueItem] = {}
        self._stop: dict[int, str] = {}
        self._wake = threading.Condition(self._lock)
        self._ids = itertools.count(1)
        self._closed = False
        self._restore()
        # The saver: _dirty says a write is wanted; the saver clears it, then writes the queue as it is.
        self._save_wake = threading.Condition(threading.Lock())
        self._dirty = self._saver_stop = False
        self._saver = threading.Thread(target=self._save_loop, name="cove-downloads-save", daemon=True)
        self._saver.start()
        self._worker = threading.Thread(target=self._run, name="cove-downloads", daemon=True)
        self._worker.start()

    # Public -------------------------------------------------------------------

    def items(self) -> list[QueueItem]:
        with self._lock:
            return list(self._items.values())

    def add(self, repo_id: str, filename: str) -> QueueItem:
        with self._lock:
            for item in self._items.values():
                if ((item.repo_id, item.filename) == (repo_id, filename) and item.state in (QUEUED, DOWNLOADING)
                        and item.id not in self._stop):  # one being stopped does not count
                    return item
            item = QueueItem(next(self._ids), repo_id, filename)
            self._items[item.id] = item
            self._wake.notify_all()
        self._changed(item)
        return item

    def pause(self, item_id: int) -> None:
        self._request_stop(item_id, downloads.PAUSE, PAUSED)

    def cancel(self, item_id: int) -> None:
        """Stop and leave the queue; the part file stays, so adding it again resumes."""
        self._request_stop(item_id, downloads.CANCEL, CANCELLED)

    def resume(self, item_id: int) -> None:
        with self._lock:
            item = self._items.get(item_id)
            if item is not None and item.state == DOWNLOADING and self._stop.get(item_id) == downloads.PAUSE:
                del self._stop[item_id]  # paused and resumed before the transfer noticed: carry on
                return
            if item is None or item.state not in (PAUSED, FAILED):
                return
            item = self._items[item_id] = replace(item, state=QUEUED, message="")
            self._wake.notify_all()
        self._changed(item)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for item in self._items.values():
                if item.state == DOWNLOADING:
                    self._stop[item.id] = downloads.PAUSE
            self._wake.notify_all()
        self._worker.join(10)
        self.flush()

    def flush(self, timeout: float = 10.0) -> None:
        """Return once the queue's latest state is on disk (the saver stops: call it when closing)."""
        with self._save_wake:
            self._saver_stop = True
            self._save_wake.notify_all()
        self._saver.join(timeout)
        with self._save_wake:
            pending, self._dirty = self._dirty, False
        if pending:  # the saver did not finish in time (or a change came after it stopped): write here
            self._save()

    # Inside -------------------------------------------------------------------

    def _request_stop(self, item_id: int, reason: str, state: str) -> None:
        with self._lock:
            item = self._items.get(item_id)
            if item is None or item.state in (DONE, CANCELLED):
                return
            if item.state == DOWNLOADING:
                self._stop[item_id] = reason  # the worker ends the transfer and sets the state
                return
            item = self._items[item_id] = replace(item, state=state, speed=0.0, eta=None)
        self._changed(item)

    def _update(self, item_id: int, **changes) -> QueueItem:
        with self._lock:
            before = self._items[item_id]
            item = self._items[item_id] = replace(before, **changes)
        self._changed(item, save=item.state != before.state)
        return item

    def _changed(self, item: QueueItem, save: bool = True) -> None:
        if save:  # progress alone is not worth a write: the part file on disk is the truth
            self._save_soon()
        self.on_change(item)

    def _save_soon(self) -> None:
        """Ask the saver thread for a write (see the module docstring); once it has stopped, write here."""
        with self._save_wake:
            if not self._saver_stop:
                self._dirty = True
                self._save_wake.notify_all()
                return
        self._save()

    def _save_loop(self) -> None:
        while True:
            with self._save_wake:
                while not self._dirty and not self._saver_stop:
                    self._save_wake.wait()
                if not self._dirty:
                    return  # stopped, nothing pending
                self._dirty = False
            self._save()

    def _next(self) -> QueueItem | None:
        with self._lock:
            while not self._closed:
                for item in self._items.values():
                    if item.state == QUEUED:
                        self._items[item.id] = item = replace(item, state=DOWNLOADING, connecting=True, message="")
                        self._stop.pop(item.id, None)
                        return item
                self._wake.wait()
        return None

    def _run(self) -> None:
        while (item := self._next()) is not None:
            self._changed(item)
            self._download(item)

    def _download(self, item: QueueItem) -> None:
        def progress(p: downloads.Progress) -> None:
            self._update(item.id, done=p.done, total=p.total, speed=p.speed, eta=p.eta, connecting=False)

        try:
            hub = self.hub_factory()
            plan = downloads.plan_download(hub, item.repo_id, item.filename, self.models_dir)
            self._update(item.id, total=plan.total, done=plan.bytes_on_disk())
            path = downloads.download(hub, plan, progress, lambda: self._stop.get(item.id))
        except CoveError as exc:
            self._update(item.id, state=FAILED, message=str(exc), speed=0.0, eta=None, connecting=False)
            return
        except Exception as exc:  # a bug must not kill the queue
            self._update(item.id, state=FAILED, message=_("Unexpected error: {error}: {exc}").format(error=type(exc).__name__, exc=exc),
                         connecting=False)
            return
        if path is None:
            reason = self._stop.pop(item.id, downloads.PAUSE)
            self._update(item.id, state=CANCELLED if reason == downloads.CANCEL else PAUSED, speed=0.0, eta=None,
                         connecting=False)
        else:
            self._update(item.id, state=DONE, done=plan.total, speed=0.0, eta=0.0, path=str(path), connecting=False)

    def _save(self) -> None:
        """Write the queue now, on the calling thread (the saver's and close()'s way)."""
        with self._save_lock:  # the saver and a closing queue may both write
            with self._lock:
                kept = [asdict(i) for i in self._items.values() if i.state in _KEPT_STATES]
            try:
                write_private(self.state_file, json.dumps(kept))
            except OSError:
                pass  # the queue still works; it just will not survive a restart

    def _restore(self) -> None:
        try:
            saved = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        for raw in saved if isinstance(saved, list) else []:
            # The file is ours, but anything could have edited it: only names a download could
            # use and sizes a file could have come back (the rest is dropped, never raised).
            if not isinstance(raw, dict) or not valid_repo_id(raw.get("repo_id")) \
                    or repo_path_problem(raw.get("filename")):
                continue
            message = raw.get("message", "")
            item = QueueItem(id=next(self._ids), repo_id=raw["repo_id"], filename=raw["filename"], state=PAUSED,
                             done=_size(raw.get("done")), total=_size(raw.get("total")),
                             message=message[:500] if isinstance(message, str) and raw.get("state") == FAILED else "")
            self._items[item.id] = item


def _size(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_FILE_SIZE else 0
