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
matching it would make SQLite score nearly every passage, ten times the work.

Meaning search (`meaning=(VectorStore, Embedder)`) adds the passages whose vectors are
nearest the question's, so "what did I pay the plumber?" finds "invoice from the
heating engineer". The two lists are fused by reciprocal rank fusion (each passage
scores the sum of 1/(RRF_K + rank) over the lists it is in, RRF_K = 60 as in the
original paper): it needs no calibration between BM25 scores and cosine distances,
which are on unrelated scales, and a passage both lists agree on comes first. Each
list is taken DEPTH_FACTOR times deeper than the results asked for (at least
MIN_DEPTH), so a passage ranked modestly by both still surfaces, but no deeper:
every passage in both lists outscores the first of one list alone, so long lists
let weak matches of both crowd out a passage only meaning search finds (on the
test set in tests/data/notes_recall, 50-deep lists gave recall@5 0.973, 20-deep 0.991). The folders filter applies to both lists
(the vector store knows only content hashes, so its list is mapped to passages and
filtered, and asked again deeper when the filter left too few). A question with no
words to match ("¿…?", emoji) still gets the meaning list. Without `meaning`, the
keyword search is exactly what it always was. `Hit` is what both return.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.core.errors import CoveError
from app.core.notes.index import NotesIndex
from app.core.notes.vectors import MAX_K

MAX_TERMS = 32
MAX_TERM_CHARS = 64
MAX_LIMIT = 1000
_WORD = re.compile(r"\w+", re.UNICODE)
HEADING_WEIGHT, TEXT_WEIGHT = 2.0, 1.0
RRF_K = 60
DEPTH_FACTOR, MIN_DEPTH = 2, 20
SNIPPET_WORDS = 24


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


def search(index: NotesIndex, query: str, limit: int = 10, folders: list[Path] | None = None,
           meaning=None, on_meaning_error: Callable[[str], None] | None = None) -> list[Hit]:
    """The best `limit` passages for `query`, best first. `folders`: only passages from these folders.

    `meaning`: (VectorStore, Embedder) for hybrid search, or None for keyword search alone. When meaning
    search fails (embedding model gone, damaged vectors file) its CoveError is raised, or, given
    `on_meaning_error`, passed to it as a message while the keyword results are returned."""
    if meaning is None:
        return _keyword(index, query, limit, folders)
    limit = max(1, min(int(limit), MAX_LIMIT))
    if folders is not None and not folders:
        return []
    depth = min(MAX_LIMIT, max(limit * DEPTH_FACTOR, MIN_DEPTH))
    keyword = _keyword(index, query, depth, folders)
    try:
        near = _nearest(index, meaning, query, depth, folders)
    except CoveError as exc:
        if on_meaning_error is None:
            raise
        on_meaning_error(str(exc))
        return keyword[:limit]
    if not near:  # nothing embedded yet: the keyword results as they are, with their BM25 scores
        return keyword[:limit]
    return fuse([keyword, near], limit)


def fuse(lists: list[list[Hit]], limit: int) -> list[Hit]:
    """Reciprocal rank fusion: each passage scores sum(1 / (RRF_K + rank)); ties keep the first list's order."""
    scores: dict[int, float] = {}
    first: dict[int, Hit] = {}
    for hits in lists:
        for rank, hit in enumerate(hits, start=1):
            scores[hit.passage_id] = scores.get(hit.passage_id, 0.0) + 1.0 / (RRF_K + rank)
            first.setdefault(hit.passage_id, hit)  # the keyword hit, with its highlighted snippet
    order = sorted(first, key=lambda pid: -scores[pid])  # stable: equal scores keep their first-seen order
    return [replace(first[pid], score=scores[pid]) for pid in order[:limit]]


def _snippet(text: str) -> str:
    words = text.split()
    return " ".join(words[:SNIPPET_WORDS]) + ("…" if len(words) > SNIPPET_WORDS else "")


def _nearest(index: NotesIndex, meaning, query: str, depth: int, folders: list[Path] | None) -> list[Hit]:
    """The passages whose vectors are nearest the question's, nearest first, at most `depth`."""
    store, embedder = meaning
    if not query.strip():
        return []
    store.use_model(embedder.model_id)  # vectors of another model are dropped (embedded again later)
    if store.model_id is None:
        return []  # nothing embedded yet: no need to embed the question
    vector = embedder.embed_query(query)
    k = depth
    while True:
        pairs = store.nearest(vector, k)
        hits = _passages_for(index, pairs, folders)
        # Several passages can share a text (a copied note), and the filter can drop many: ask deeper.
        if len(hits) >= depth or len(pairs) < k or k >= MAX_K:
            return hits[:depth]
        k = min(MAX_K, k * 4)


def _passages_for(index: NotesIndex, pairs: list[tuple[str, float]], folders: list[Path] | None) -> list[Hit]:
    """The passages holding these texts (in `folders`, if given), in the order of `pairs`."""
    order = {sha: position for position, (sha, _) in enumerate(pairs)}
    shas = list(order)
    where, extra = "", []
    if folders is not None:
        where = f"AND r.path IN ({','.join('?' * len(folders))})"
        extra = [str(f) for f in folders]
    rows = []
    for start in range(0, len(shas), 900):
        chunk = shas[start:start + 900]
        rows += index.db.execute(f"""
            SELECT p.id, r.path AS root, f.path, p.heading, p.line_start, p.line_end, p.page, p.text, p.sha256
            FROM passages p
            JOIN files f ON f.id = p.file_id
            JOIN roots r ON r.id = f.root_id
            WHERE p.sha256 IN ({','.join('?' * len(chunk))}) {where}""", (*chunk, *extra)).fetchall()
    rows.sort(key=lambda r: (order[r["sha256"]], r["id"]))
    distance = dict(pairs)
    return [Hit(r["id"], Path(r["root"]), r["path"], r["heading"], r["line_start"], r["line_end"], r["page"],
                1.0 - distance[r["sha256"]], r["text"], _snippet(r["text"])) for r in rows]


def _keyword(index: NotesIndex, query: str, limit: int = 10, folders: list[Path] | None = None) -> list[Hit]:
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
