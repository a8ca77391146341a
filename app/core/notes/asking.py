"""Asking the notes: the steps `cove chat --notes` and the window's "Use my notes" share.

Split in two on purpose: `find` only reads the notes index (it opens its own
connection), so the window can run it on a worker thread while the GUI thread
keeps the conversation database; storing the passages with the answer and
recording which ones it cited happen where the store lives. Why nothing is used
("no notes folders", "nothing found") comes back as a reason, not an error: the
answer still comes, without sources, and each front end says so in its own way.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.core import policy
from app.core.notes import citing, folders
from app.core.notes.index import NotesIndex
from app.core.sources import Source

NO_FOLDERS = "no-folders"
NOTHING_FOUND = "nothing-found"


@dataclass
class Found:
    sources: list[Source] = field(default_factory=list)
    reason: str = ""  # NO_FOLDERS or NOTHING_FOUND when `sources` is empty


def allowed_roots(index: NotesIndex, rules: policy.Policy | None = None) -> list[Path]:
    """The notes folders the policy lets Cove read now."""
    rules = rules or policy.current()
    return [r.path for r in index.roots() if folders.allowed(r.path, rules)]


def has_folders(index_path: Path) -> bool:
    """Whether any notes folder is added and allowed (no index file yet: none)."""
    if not Path(index_path).exists():
        return False
    with NotesIndex(index_path) as index:
        return bool(allowed_roots(index))


def last_question(prompt: list[dict]) -> str:
    """The text of the last user message of a prompt (what retrieval looks for)."""
    for message in reversed(prompt):
        if message.get("role") == "user":
            content = message.get("content")
            return content if isinstance(content, str) else ""
    return ""


def find(index_path: Path, question: str, prompt: list[dict], n_ctx: int, max_tokens: int,
         meaning=None, on_meaning_error=None) -> Found:
    """The passages for this question within the context budget. Reads the index only: any thread.

    `meaning`: (VectorStore, Embedder) for hybrid search, or None for keyword search; when meaning
    search fails, `on_meaning_error` hears why and the keyword results are used."""
    with NotesIndex(index_path) as index:
        allowed = allowed_roots(index)
        if not allowed:
            return Found(reason=NO_FOLDERS)
        tokens = citing.budget(n_ctx, max_tokens, prompt)
        sources = citing.retrieve(index, question, tokens, allowed, meaning=meaning,
                                  on_meaning_error=on_meaning_error)
    return Found(sources, "" if sources else NOTHING_FOUND)


def record_citations(store, answer_id: int, answer: str, sources: list[Source]) -> list[Source]:
    """Mark which of the stored sources the answer cites; the sources with `cited` set."""
    if not sources:
        return []
    sources = citing.cite(sources, answer)
    try:
        store.mark_cited(answer_id, [s.number for s in sources if s.cited])
    except sqlite3.Error:
        pass  # the sources themselves are stored; only the "cited" marks are missing
    return sources
