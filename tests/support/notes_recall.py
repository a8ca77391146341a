"""The retrieval-quality set (tests/data/notes_recall) and how it is measured: shared by tests and benchmark.

The corpus is a fixed folder of notes a person might keep; each question's answer
sits in exactly one passage, named by its file and a short phrase that occurs once in
the whole corpus. A question counts as found at rank r when the r-th hit is a passage
of that file containing that phrase: the check holds whatever the chunker's exact
boundaries, as long as the phrase stays inside one passage (validate() says when
it no longer does, so a chunking change cannot silently make the set easier or harder).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.core.notes.chunking import chunk_text
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.retrieval import search

DATA = Path(__file__).resolve().parent.parent / "data" / "notes_recall"
NOTES = DATA / "notes"
QUESTIONS = DATA / "questions.json"
K = 5  # recall@K: the passages a chat prompt would typically carry
MRR_DEPTH = 10  # reciprocal rank counts a hit up to this rank, 0 beyond


@dataclass(frozen=True)
class Question:
    id: int
    question: str
    file: str
    phrase: str
    paraphrased: bool


def questions() -> list[Question]:
    return [Question(**q) for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]]


def corpus() -> dict[str, str]:
    """Every note's text by its path relative to the notes folder (POSIX separators)."""
    return {p.relative_to(NOTES).as_posix(): p.read_text(encoding="utf-8") for p in sorted(NOTES.rglob("*.md"))}


def validate(qs: list[Question], notes: dict[str, str]) -> list[str]:
    """What is wrong with the set, one line per problem (empty when it is sound)."""
    problems = []
    passages = {name: chunk_text(text) for name, text in notes.items()}
    seen = set()
    for q in qs:
        if q.question in seen:
            problems.append(f"#{q.id}: duplicate question")
        seen.add(q.question)
        if q.file not in notes:
            problems.append(f"#{q.id}: no note {q.file}")
            continue
        everywhere = sum(text.count(q.phrase) for text in notes.values())
        inside = [p.ordinal for p in passages[q.file] if q.phrase in p.text]
        if everywhere != 1 or len(inside) != 1:
            problems.append(f"#{q.id}: {q.phrase!r} occurs {everywhere}x in the corpus, in passages {inside}")
    return problems


def build_index(index: NotesIndex) -> int:
    """Index the corpus with the real Indexer; the number of passages."""
    root = index.add_root(NOTES)
    result = Indexer(index).sync(root)
    if result.unreadable or result.read != len(corpus()):
        raise AssertionError(f"corpus not fully indexed: {result}")
    return index.db.execute("SELECT count(*) FROM passages").fetchone()[0]


def rank_of(q: Question, hits) -> int | None:
    """1-based rank of the first hit that is the answer's passage, None if absent."""
    for rank, hit in enumerate(hits, start=1):
        if Path(hit.path).as_posix() == q.file and q.phrase in hit.text:
            return rank
    return None


@dataclass
class Measurement:
    recall_at_k: float
    mrr: float
    missed: list[Question]  # not in the top K
    ranks: dict[int, int | None]  # question id -> rank (None beyond MRR_DEPTH)

    def summary(self) -> str:
        return f"recall@{K}={self.recall_at_k:.3f} mrr={self.mrr:.3f} missed={[q.id for q in self.missed]}"


def measure(index: NotesIndex, qs: list[Question], meaning=None) -> Measurement:
    """recall@K and MRR of retrieval.search over the questions (hybrid when `meaning` is given)."""
    ranks: dict[int, int | None] = {}
    for q in qs:
        kwargs = {"meaning": meaning} if meaning is not None else {}
        ranks[q.id] = rank_of(q, search(index, q.question, limit=MRR_DEPTH, **kwargs))
    found = [q for q in qs if ranks[q.id] is not None and ranks[q.id] <= K]
    return Measurement(
        recall_at_k=len(found) / len(qs),
        mrr=sum(1.0 / r for r in ranks.values() if r is not None) / len(qs),
        missed=[q for q in qs if q not in found],
        ranks=ranks,
    )
