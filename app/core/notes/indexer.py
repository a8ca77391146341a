"""Bring the index in line with the notes folders, re-reading only what changed.

For each file the cheap test comes first: the same size and modification time
as last time means unchanged, and the file is not opened. Otherwise it is read
once: its SHA-256 tells a real change from a touch (only the stat is updated), and
a new name whose content matches a file that disappeared is a rename, whose
passages are kept as they are. Only then is a file parsed and chunked again.
Files that vanished leave the index at the end of a complete pass (never after a
cancelled one, and never when the whole folder is missing: an unplugged drive is
not a deletion).

Each file is its own write transaction, so a cancel, a crash or a full disk
leaves every file either as before or fully updated. Pause, resume and cancel are
flags checked between files, so the window can run this on a background thread
and a click takes effect within one file. Progress (files done/total, passages,
time left) goes to a callback after every file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.core.i18n import _
from app.core.locale_format import count_of, format_number
from app.core.notes import readers
from app.core.notes.chunking import Passage, chunk_pages, chunk_text
from app.core.notes.index import OK, NotesIndex, Root

log = logging.getLogger("cove.notes")


@dataclass(frozen=True)
class Progress:
    folder: str
    files_done: int
    files_total: int
    passages: int  # passages written in this pass so far
    elapsed: float
    eta: float | None  # seconds left, once there is something to estimate from


@dataclass
class SyncResult:
    files: int = 0  # note files found in the folder
    read: int = 0  # files parsed and chunked again
    unchanged: int = 0
    renamed: int = 0
    removed: int = 0
    unreadable: int = 0
    passages: int = 0  # passages written
    cancelled: bool = False
    missing: bool = False  # the folder itself was not there: nothing was changed
    seconds: float = 0.0


def plural(count: int, word: str) -> str:
    return count_of(count, word)


def summary(result: SyncResult, folder: str) -> str:
    """One line about a finished pass, the same from `cove notes add` and the Notes dialog:
    "201 files in ~/Notes; 201 read; 0 unchanged; 601 new passages in 0.2 s." """
    parts = [_("{files} in {folder}").format(files=plural(result.files, "file"), folder=folder),
             _("{count} read").format(count=format_number(result.read)),
             _("{count} unchanged").format(count=format_number(result.unchanged))]
    if result.renamed:
        parts.append(_("{count} renamed").format(count=format_number(result.renamed)))
    if result.removed:
        parts.append(_("{count} removed").format(count=format_number(result.removed)))
    parts.append(_("{passages} in {seconds} s").format(passages=plural(result.passages, "new passage"),
                                                      seconds=format_number(result.seconds, 1)))
    return "; ".join(parts) + "."


def passages_of(name: str, data: bytes) -> list[Passage]:
    """Read and chunk one file's bytes (raises readers.Unreadable)."""
    document = readers.parse(name, data)
    if document.kind == "pages":
        return chunk_pages(document.pages)
    return chunk_text(document.text, markdown=document.kind == "markdown")


class Indexer:
    """Runs passes over notes folders; one pass at a time (a lock), controllable from another thread."""

    def __init__(self, index: NotesIndex, progress: Callable[[Progress], None] | None = None):
        self.index = index
        self.progress = progress
        self._lock = threading.Lock()
        self._go = threading.Event()
        self._go.set()
        self._cancel = threading.Event()

    # Control, from any thread

    def pause(self) -> None:
        self._go.clear()

    def resume(self) -> None:
        self._go.set()

    def cancel(self) -> None:
        self._cancel.set()
        self._go.set()

    @property
    def paused(self) -> bool:
        return not self._go.is_set()

    def _should_stop(self) -> bool:
        while not self._go.wait(0.1):
            if self._cancel.is_set():
                break
        return self._cancel.is_set()

    # Passes

    def sync(self, root: Root) -> SyncResult:
        """One incremental pass over one folder."""
        with self._lock:
            self._cancel.clear()
            return self._sync(root)

    def _sync(self, root: Root) -> SyncResult:
        started = time.monotonic()
        result = SyncResult()
        if not root.path.is_dir():
            result.missing = True
            return result
        found = readers.walk(root.path)
        result.files = len(found)
        existing = self.index.files(root)
        keys = {os.fsencode(f.rel) for f in found}
        gone = {key: row for key, row in existing.items() if key not in keys}
        gone_by_sha = {row.sha256: row for row in gone.values() if row.status == OK and row.sha256}
        for done, entry in enumerate(found):
            if self._should_stop():
                result.cancelled = True
                break
            key = os.fsencode(entry.rel)
            self._one(root, entry, key, existing.get(key), gone, gone_by_sha, result)
            if self.progress is not None:
                elapsed = time.monotonic() - started
                left = len(found) - done - 1
                eta = elapsed / (done + 1) * left if done or left == 0 else None
                self.progress(Progress(str(root.path), done + 1, len(found), result.passages, elapsed, eta))
        if not result.cancelled:
            self.index.delete_files([row.id for row in gone.values()])
            result.removed = len(gone)
            self.index.mark_indexed(root)
        result.seconds = time.monotonic() - started
        return result

    def _one(self, root: Root, entry: readers.Found, key: bytes, row, gone: dict, gone_by_sha: dict,
             result: SyncResult) -> None:
        if row is not None and row.status == OK and row.size == entry.size and row.mtime_ns == entry.mtime_ns:
            result.unchanged += 1
            return
        if entry.problem is not None:
            self._unreadable(root, key, entry, None, entry.problem, row, result)
            return
        try:
            data = readers.read_bytes(entry.path)
        except readers.Unreadable as exc:
            self._unreadable(root, key, entry, None, str(exc), row, result)
            return
        sha = hashlib.sha256(data).hexdigest()
        if row is not None and row.status == OK and row.sha256 == sha:  # touched, not changed
            self.index.save_file(root, key, len(data), entry.mtime_ns, sha, None, existing=row)
            result.unchanged += 1
            return
        if row is None and sha in gone_by_sha:  # renamed or moved: keep its passages
            moved = gone_by_sha.pop(sha)
            gone.pop(bytes(moved.path_key), None)
            self.index.save_file(root, key, len(data), entry.mtime_ns, sha, None, existing=moved)
            result.renamed += 1
            return
        try:
            passages = passages_of(entry.rel, data)
        except readers.Unreadable as exc:
            self._unreadable(root, key, entry, sha, str(exc), row, result)
            return
        except Exception as exc:  # noqa: BLE001 - one odd file must not stop the folder
            log.warning("could not index %r", entry.rel, exc_info=exc)
            self._unreadable(root, key, entry, sha, _("could not be read ({error}: {exc})").format(error=type(exc).__name__, exc=exc)[:300],
                             row, result)
            return
        self.index.save_file(root, key, len(data), entry.mtime_ns, sha, passages, existing=row)
        result.read += 1
        result.passages += len(passages)

    def _unreadable(self, root, key, entry, sha, reason, row, result) -> None:
        self.index.save_file(root, key, entry.size, entry.mtime_ns, sha, None, error=reason, existing=row)
        result.unreadable += 1
