"""Full-text search over every message (SQLite FTS5, kept in sync by triggers; see schema.py).

Usable on any connection, so that the window can search on a thread of its own with
its own read-only connection while the GUI thread keeps the main one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SearchHit:
    message_id: int
    conversation_id: int
    conversation_title: str
    role: str
    created: str
    snippet: str  # the match between [ and ]


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: all of them, the last one as a prefix."""
    words = [w for w in text.replace('"', " ").split() if w]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_connection(connection: sqlite3.Connection, text: str, limit: int = 50,
                      marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    """Store.search on any connection: the window searches on a thread of its own, with its own."""
    query = fts_query(text)
    if not query:
        return []
    rows = connection.execute(
        "SELECT m.id, m.conversation_id, c.title, m.role, m.created, "
        "snippet(messages_fts, 0, ?, ?, '…', 12) "
        "FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid "
        "JOIN conversations c ON c.id = m.conversation_id "
        "WHERE messages_fts MATCH ? AND c.deleted IS NULL ORDER BY rank LIMIT ?",
        [marks[0], marks[1], query, limit]).fetchall()
    return [SearchHit(*row) for row in rows]


def search_file(database: Path, text: str, limit: int = 50, marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    """Search with a read-only connection of its own (safe from any thread)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
    try:
        return search_connection(connection, text, limit, marks)
    finally:
        connection.close()
