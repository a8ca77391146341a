"""Meaning search in the window: the notes' lookups and the background indexer get an embedding
model through the window's own engine process.

The embedding model runs beside the chat model in the one engine the window already has
(app/engine/worker.py keeps both), so nothing else is started and nothing leaves the machine.
Everything here runs on worker threads (a question's lookup on the task runner, the meaning
pass on the notes service's thread), never on the window's: EngineClient.embed blocks its
caller. Each use opens its own connection to the vectors file and closes it after, because
the two threads use it at once (SQLite in WAL mode lets a lookup read while a pass writes).

Without an embedding model, or when the vectors file or the model cannot be used, search is
keyword search, as before, and the reason is one quiet line: notes never stop working
because meaning search does not.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from app.core.errors import CoveError
from app.core.notes import meaning
from app.core.notes.embedding import installed_embedding_model
from app.core.notes.index import NotesIndex
from app.core.paths import CovePaths
from app.engine.embedder import meaning_search


class MeaningSearch(QObject):
    progressed = Signal(int, int)  # a meaning pass: passages embedded so far, of how many
    failed = Signal(str)           # why meaning search is off for now (keyword search goes on)

    def __init__(self, paths: CovePaths, settings: Callable[[], object], client: Callable[[], object],
                 parent=None):
        super().__init__(parent)
        # `client` gives the window's engine client at each use: the engine is restarted with a new one
        # (after "Delete all my data"), and an old, shut-down client would start an engine nobody ends.
        self.paths, self.settings, self.client = paths, settings, client
        # The model the last use found (a file name), so that the end of a meaning pass can say which
        # model is on without looking through the models folder again on the window's thread.
        self.last_model_name: str | None = None

    def model_name(self) -> str | None:
        """The embedding model in use, or None when none is installed (cheap: reads the models folder)."""
        model = installed_embedding_model(self.paths, self.settings())
        return model.name if model is not None else None

    @contextmanager
    def opened(self) -> Iterator[tuple | None]:
        """(VectorStore, Embedder) for one use, or None (keyword search); closed afterwards."""
        pair = None
        try:
            try:
                pair = meaning_search(self.paths, self.settings(), self.client())
                self.last_model_name = pair[1].model_path.name if pair is not None else None
            except CoveError as exc:
                self.failed.emit(str(exc))
            yield pair
        finally:
            if pair is not None:
                pair[0].close()

    def run_pass(self, index: NotesIndex, should_stop: Callable[[], bool]) -> None:
        """Embed the passages that have no vector yet (the notes service calls this after each pass)."""
        with self.opened() as pair:
            if pair is None:
                return
            store, embedder = pair
            try:
                meaning.embed_missing(index, store, embedder, progress=self.progressed.emit,
                                      should_stop=should_stop)
            except (CoveError, sqlite3.Error) as exc:  # the keyword index is saved already
                self.failed.emit(f"{exc} Keyword search works meanwhile.")
