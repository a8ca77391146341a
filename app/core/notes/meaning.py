"""Meaning search's share of indexing: embed the passages that have no vector yet.

Run after the keyword index is brought up to date (by `cove notes add/refresh`, and by
the window after each indexing pass). It is a separate step, not part of the indexer,
for two reasons: embedding is far slower than reading files (a model runs once per
passage), so the keyword index must never wait for it; and it is optional (no
embedding model installed: keyword search alone). Work is saved one batch at a time,
so stopping (should_stop, a crash, Ctrl+C) loses at most one batch, and the next run
carries on where this one stopped: only texts without a vector are embedded.
"""

from __future__ import annotations

from collections.abc import Callable

from app.core.errors import CoveError
from app.core.i18n import _
from app.core.notes.embedding import Embedder
from app.core.notes.index import NotesIndex
from app.core.notes.vectors import VectorStore

BATCH = 32  # passages per call to the model: large enough to keep it busy, small enough to stop quickly


def embed_missing(index: NotesIndex, store: VectorStore, embedder: Embedder,
                  progress: Callable[[int, int], None] | None = None,
                  should_stop: Callable[[], bool] | None = None) -> int:
    """Embed every passage text without a vector (dropping another model's vectors and those of texts
    gone from the index first); progress(done, total) after each batch. Returns how many were embedded."""
    store.use_model(embedder.model_id)
    store.prune(index)
    todo = store.missing(index)
    done = 0
    if progress is not None:
        progress(0, len(todo))
    for start in range(0, len(todo), BATCH):
        if should_stop is not None and should_stop():
            break
        batch = todo[start:start + BATCH]
        vectors = embedder.embed_documents([text for _sha, text in batch])
        if len(vectors) != len(batch):
            raise CoveError(_("The embedding model returned {count} vectors for "
                              "{count2} passages. Choose another embedding model.").format(count=len(vectors), count2=len(batch)))
        store.add(embedder.model_id, [(sha, vector) for (sha, _text), vector in zip(batch, vectors)])
        done += len(batch)
        if progress is not None:
            progress(done, len(todo))
    return done
