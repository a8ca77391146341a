"""Full-text search over every message (SQLite FTS5, kept in sync by triggers; see schema.py).

Usable on any connection, so that the window can search on a thread of its own with
its own read-only connection while the GUI thread keeps the main one.

Finding the messages is the index's job and costs the same whatever their length.
The snippet shown for each hit is not: FTS5's snippet() re-reads and scores the
whole message for every place a word occurs, so a 2 MB message took 15 s and a
10 MB one two minutes. So snippet() never sees more than SNIPPET_SOURCE_CHARS of
text: a short message whole (the snippet is exactly what FTS5 gives), a long one as
a window around the first place one of the words appears, given to snippet() in a
small in-memory FTS5 table with the same tokenizer.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.core.db_access import connect, set_up
from app.core.text import clean_text

SNIPPET_SOURCE_CHARS = 2048  # the most text snippet() works on for one hit (its cost grows as its square)
_SNIPPET_TOKENS = 12
_TOKENIZER = "porter"  # as the index (schema.m003): the window's words match the same way


@dataclass(frozen=True)
class SearchHit:
    message_id: int
    conversation_id: int
    conversation_title: str
    role: str
    created: str
    snippet: str  # the match between [ and ]


def _words(text: str) -> list[str]:
    return [w for w in clean_text(text).replace('"', " ").split() if w]


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: all of them, the last one as a prefix."""
    quoted = [f'"{w}"' for w in _words(text)]
    if not quoted:
        return ""
    quoted[-1] += "*"
    return " ".join(quoted)


def search_connection(connection: sqlite3.Connection, text: str, limit: int = 50,
                      marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    """Store.search on any connection: the window searches on a thread of its own, with its own."""
    query = fts_query(text)
    if not query:
        return []
    # No snippet() here: only the ids, in rank order; the text of short hits comes along.
    rows = connection.execute(
        "SELECT m.id, m.conversation_id, c.title, m.role, m.created, "
        "CASE WHEN length(m.content) <= ? THEN m.content END "
        "FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid "
        "JOIN conversations c ON c.id = m.conversation_id "
        "WHERE messages_fts MATCH ? AND c.deleted IS NULL ORDER BY rank LIMIT ?",
        [SNIPPET_SOURCE_CHARS, query, max(0, min(limit, 1 << 31))]).fetchall()
    if not rows:
        return []
    snippets = _Snippets(_words(text), query, marks)
    try:
        hits = []
        for *fields, content in rows:
            if content is None:  # a long message: a window of it
                content = _window(connection, fields[0], snippets.words)
            hits.append(SearchHit(*fields, snippets.of(content)))
        return hits
    finally:
        snippets.close()


def _window(connection: sqlite3.Connection, message_id: int, words: list[str]) -> str:
    """At most SNIPPET_SOURCE_CHARS of a long message, around the first place one of the words
    starts a word (or its beginning, when the index matched a form the words do not spell,
    such as another ending of the same stem)."""
    content = connection.execute("SELECT content FROM messages WHERE id = ?", [message_id]).fetchone()[0]
    pattern = re.compile("|".join(r"(?<!\w)" + re.escape(w) for w in sorted(words, key=len, reverse=True)),
                         re.IGNORECASE)
    found = pattern.search(content)
    at = found.start() if found else 0
    start = max(0, at - SNIPPET_SOURCE_CHARS // 2)
    end = min(len(content), start + SNIPPET_SOURCE_CHARS)
    start = max(0, end - SNIPPET_SOURCE_CHARS)
    window = content[start:end]
    # Cut at spaces so the window holds no half words (a half word could match by itself).
    if start > 0 and " " in window[:200]:
        window = window[window.index(" ") + 1:]
    if end < len(content) and " " in window[-200:]:
        window = window[:window.rindex(" ")]
    return window


class _Snippets:
    """snippet() over one bounded text at a time, in a private in-memory FTS5 table."""

    def __init__(self, words: list[str], query: str, marks: tuple[str, str]):
        self.words = words
        self.query = query
        # A window may hold only some of the words: then any of them is marked.
        self.any_query = " OR ".join(f'"{w}"' for w in words) + "*"
        self.marks = marks
        self.connection = sqlite3.connect(":memory:")
        self.connection.execute(f"CREATE VIRTUAL TABLE piece USING fts5(content, tokenize='{_TOKENIZER}')")

    def of(self, text: str) -> str:
        assert len(text) <= SNIPPET_SOURCE_CHARS, len(text)  # the bound that keeps search fast
        self.connection.execute("DELETE FROM piece")
        self.connection.execute("INSERT INTO piece (rowid, content) VALUES (1, ?)", [text])
        for query in (self.query, self.any_query):
            row = self.connection.execute(
                f"SELECT snippet(piece, 0, ?, ?, '…', {_SNIPPET_TOKENS}) FROM piece WHERE piece MATCH ?",
                [self.marks[0], self.marks[1], query]).fetchone()
            if row is not None:
                return row[0]
        words = text.split()  # none of the words spelled as typed: the window's start
        return " ".join(words[:_SNIPPET_TOKENS]) + ("…" if len(words) > _SNIPPET_TOKENS else "")

    def close(self) -> None:
        self.connection.close()


def search_file(database: Path, text: str, limit: int = 50, marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    """Search with a read-only connection of its own (safe from any thread)."""
    connection = connect(database, readonly=True)
    try:
        set_up(connection)
        return search_connection(connection, text, limit, marks)
    finally:
        connection.close()
