"""Meaning search for the command line: `cove notes add/refresh/search/status` and `cove chat --notes`.

Meaning search is on when an embedding model is installed (app.core.notes.embedding decides
which); the vectors live in their own file (app/core/notes/vectors.py) and the model runs in
the engine process. Everything here degrades to keyword search with one line on stderr:
no embedding model, a damaged or busy vectors file, an engine that cannot embed. The
notes folders and the keyword index never depend on it.

Embedding the passages runs after the keyword index is current, with its own progress
line, and can be interrupted (Ctrl+C) at no cost: what was embedded is kept, and the next
`cove notes refresh` embeds the rest.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from app.core import settings as settings_mod
from app.core.errors import CoveError
from app.core.i18n import N_, _
from app.core.locale_format import count_of, format_number
from app.core.notes import meaning
from app.core.notes.index import NotesIndex
from app.core.notes.vectors import VectorStore
from app.core.paths import CovePaths

GAINS = N_("With an embedding model installed, `cove notes search` and `cove chat --notes` also find passages "
         "that say the same thing in other words (\"what did I pay the plumber?\" finds \"invoice: boiler "
         "repair\"), in any language the model knows.")
HOW = N_("To turn it on, download one of the catalog's embedding models: `cove models catalog` lists them, "
       "then `cove models download REPO_ID FILENAME`.")


def warn(message: str) -> None:
    print(_("cove: meaning search is off for now: {message}").format(message=message), file=sys.stderr)


def meaning_for(paths: CovePaths, settings, client=None):
    """(VectorStore, Embedder) when an embedding model is installed, else None. `client`: the engine
    client to embed with (the chat's own, so one engine holds both models; `session` passes one and
    shuts it down). Raises CoveError when the vectors file cannot be used; the caller then goes on
    with keyword search."""
    from app.engine.embedder import meaning_search

    return meaning_search(paths, settings, client if client is not None else _new_client())


def _new_client():
    from app.engine.client import EngineClient

    return EngineClient(lambda event: None)  # embed() answers its caller; other events are not ours


@contextmanager
def session(paths: CovePaths, settings, client=None,
            on_error: Callable[[str], None] = warn) -> Iterator[tuple | None]:
    """meaning_for, with everything it opened closed afterwards (an engine started here is shut down).
    Yields None (after passing why to `on_error`) when meaning search cannot be used."""
    if settings is None:
        settings = settings_mod.load(paths.settings_file)[0]
    own = _new_client() if client is None else None
    pair = None
    try:
        try:
            pair = meaning_for(paths, settings, client if client is not None else own)
        except CoveError as exc:
            on_error(str(exc))
        yield pair
    finally:
        if pair is not None:
            pair[0].close()
        if own is not None:
            own.shutdown()


def embed_passages(index: NotesIndex, pair) -> int:
    """Embed the passages without a vector, with a progress line on stderr. A failure is one line on
    stderr (the keyword index is already saved), not an error: the command still succeeded."""
    store, embedder = pair
    last = [0.0]
    started = time.monotonic()

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if total and (now - last[0] >= 0.2 or done == total):
            last[0] = now
            print("\r  " + _("Meaning search: {done}/{total} passages").format(done=done, total=total) + "   ", end="",
                  file=sys.stderr, flush=True)

    done = 0
    try:
        done = meaning.embed_missing(index, store, embedder, progress=show)
    except CoveError as exc:
        print(file=sys.stderr)
        print(_("cove: meaning search: {exc} Keyword search works; `cove notes refresh` tries again.").format(exc=exc),
              file=sys.stderr)
        return 0
    if done:
        print("\n  " + _("Meaning search: {passages} embedded in {seconds} s.").format(
            passages=count_of(done, "passage"), seconds=format_number(time.monotonic() - started, 1)), file=sys.stderr)
    return done


def prune_vectors(index: NotesIndex, paths: CovePaths) -> None:
    """Drop the vectors of passages no longer in the index (a folder removed), model installed or not:
    they are derived from the user's notes and should go with them."""
    if not paths.notes_vectors.exists() or not VectorStore.available():
        return
    try:
        with VectorStore(paths.notes_vectors) as store:
            store.prune(index)
    except CoveError as exc:
        warn(str(exc))


def status_line(index: NotesIndex, pair, problem: str | None = None) -> str:
    """Whether meaning search is on, how far the embedding got, or what the user gains and how."""
    if problem is not None:
        return _("Meaning search: unavailable: {problem}").format(problem=problem)
    if pair is None:
        return _("Meaning search: off (no embedding model installed). {gains} {how}").format(gains=_(GAINS), how=_(HOW))
    store, embedder = pair
    wanted = {row[0] for row in index.db.execute("SELECT DISTINCT sha256 FROM passages")}
    done = len(wanted & store.hashes()) if store.model_id == embedder.model_id else 0
    line = _("Meaning search: on ({model_id}), {done} of {count} passages embedded").format(model_id=embedder.model_id, done=done, count=len(wanted))
    return line + ("." if done == len(wanted) else _("; `cove notes refresh` embeds the rest."))
