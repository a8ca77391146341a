"""Keyword search over the notes: FTS5 with BM25 ranking, safe for anything the user types.

The user's words are never passed to FTS5 as query syntax: `AND`, `NEAR(`, a
stray quote or `col:` would be errors or, worse, change the meaning. Each word is
quoted as a phrase of one term and the terms are joined with OR, so a question
in plain language ("what did we decide about the budget?") finds the passages
with the most (and rarest) of its words first; BM25 does the weighing. A heading
match counts double: a passage under "Budget" is about the budget.

Cost is bounded whatever the input: at most MAX_TERMS words of at most
MAX_TERM_CHARS each are used, and results are limited in SQL. A word found in more
than half of all passages ("the", "and") is left out when the query has other
words: BM25 gives it no weight anyway (its IDF is floored at nearly zero), but
matching it would make SQLite score nearly every passage, ten times the work. Meaning search
(embeddings) will be fused with these results later; `Hit` is what both return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.core.notes.index import NotesIndex

MAX_TERMS = 32
MAX_TERM_CHARS = 64
MAX_LIMIT = 1000
_WORD = re.compile(r"\w+", re.UNICODE)
HEADING_WEIGHT, TEXT_WEIGHT = 2.0, 1.0


@dataclass(frozen=True)
class Hit:
    passage_id: int
    folder: Path
    path: str  # relative to the folder
    heading: str
    line_start: int | None
    line_end: int | None
    page: int | None
    score: float  # higher is better
    text: str
    snippet: str

    @property
    def file(self) -> Path:
        return self.folder / self.path

    def where(self) -> str:
        """Where the passage is, for people: "page 3" or "lines 10-24"."""
        if self.page is not None:
            return f"page {self.page}"
        if self.line_start is None:
            return ""
        return f"line {self.line_start}" if self.line_start == self.line_end else \
            f"lines {self.line_start}-{self.line_end}"

    def as_json(self) -> dict:
        lines = [self.line_start, self.line_end] if self.line_start is not None and self.page is None else None
        return {"path": self.path, "folder": str(self.folder), "heading": self.heading, "lines": lines,
                "page": self.page, "score": round(self.score, 4), "text": self.text}


def query_terms(query: str) -> list[str]:
    """The distinct words of what the user typed, lower-cased and bounded in number and length."""
    terms: list[str] = []
    for word in _WORD.findall(query):
        word = word[:MAX_TERM_CHARS].lower()
        if word not in terms:
            terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    return terms


def match_expression(query: str | list[str]) -> str | None:
    """The FTS5 query for what the user typed: each word quoted, joined with OR; None when no word."""
    terms = query_terms(query) if isinstance(query, str) else query
    if not terms:
        return None
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _without_common(index: NotesIndex, terms: list[str]) -> list[str]:
    """The terms minus those in over half the passages, unless that would leave none found anywhere."""
    if len(terms) < 2:
        return terms
    total = index.db.execute("SELECT count(*) FROM passages").fetchone()[0]
    marks = ",".join("?" * len(terms))
    counts = dict(index.db.execute(f"SELECT term, doc FROM passages_vocab WHERE term IN ({marks})", terms).fetchall())
    rare = [t for t in terms if counts.get(t, 0) * 2 <= total]
    # Rare words found nowhere ("when" in a one-note vault) would match nothing: then the common
    # ones are all there is to go on (a small folder is cheap to score in full anyway).
    return rare if any(counts.get(t, 0) for t in rare) else terms


def search(index: NotesIndex, query: str, limit: int = 10, folders: list[Path] | None = None) -> list[Hit]:
    """The best `limit` passages for `query`, best first. `folders`: only passages from these folders."""
    terms = query_terms(query)
    if not terms:
        return []
    expression = match_expression(_without_common(index, terms))
    limit = max(1, min(int(limit), MAX_LIMIT))
    where, params = "", [expression]
    if folders is not None:
        if not folders:
            return []
        where = f"AND r.path IN ({','.join('?' * len(folders))})"
        params += [str(f) for f in folders]
    rows = index.db.execute(f"""
        SELECT p.id, r.path AS root, f.path, p.heading, p.line_start, p.line_end, p.page, p.text,
               bm25(passages_fts, {HEADING_WEIGHT}, {TEXT_WEIGHT}) AS rank,
               snippet(passages_fts, 1, '[', ']', '…', 16) AS snippet
        FROM passages_fts
        JOIN passages p ON p.id = passages_fts.rowid
        JOIN files f ON f.id = p.file_id
        JOIN roots r ON r.id = f.root_id
        WHERE passages_fts MATCH ? {where}
        ORDER BY rank LIMIT ?""", (*params, limit)).fetchall()
    return [Hit(r["id"], Path(r["root"]), r["path"], r["heading"], r["line_start"], r["line_end"], r["page"],
                -r["rank"], r["text"], r["snippet"]) for r in rows]
