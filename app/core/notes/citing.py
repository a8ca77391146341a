"""Answering from the notes, with citations: which passages go into the prompt, how, and
which ones the answer cites.

Passages are chosen in retrieval order (best first) until the context budget is
spent. The budget is an estimate, not a tokenizer count (the tokenizer lives in the
engine process, and core never imports it): about CHARS_PER_TOKEN characters a
token, which over-counts for English prose, so an estimate that fits really fits.
It is at most NOTES_SHARE of the context, and never more than what is left once
the conversation so far and the room for the answer (the same rule the engine
uses when it fits a conversation, app/engine/context.py) are taken out, so the
passages never push the question out of the context.

The passages go into the last user message, as a numbered block before the
question, not into the system prompt. The system prompt is the start of the
prompt: changing it on every question would make the engine process the whole
conversation again instead of reusing its cache. A block right before the
question is also what small models follow best. Only the prompt carries the
block: the stored message stays what the user typed, and the passages are
stored beside the answer (sources.py). Earlier questions' passages are not sent
again: their numbers would clash with this turn's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

from app.core.notes.index import NotesIndex
from app.core.notes.retrieval import Hit, search
from app.core.sources import Source

CHARS_PER_TOKEN = 4
NOTES_SHARE = 0.5  # of the context, at most, for the passages
ANSWER_ROOM = 512  # as app/engine/context.py: tokens kept free for the answer, at least
RETRIEVED = 6  # passages asked of the index (fewer when a small context fills up): the retrieval set
# finds 99% of answers in the first five (tests/data/notes_recall), and every passage more is more for a small
# model to wade through, and more lines under the answer that have nothing to do with it
DEFAULT_N_CTX = 4096  # when the context size is not known
INSTRUCTION = ("Answer the question using the numbered passages from the user's notes below. "
               "After each fact taken from a passage, cite it as [n]. If the passages do not hold "
               "the answer, say so.")
_CITATION = re.compile(r"\[(\d{1,4}(?:\s*[,;]\s*\d{1,4})*)\]")


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def answer_room(n_ctx: int, max_tokens: int) -> int:
    return min(max_tokens, max(ANSWER_ROOM, n_ctx // 8), n_ctx // 2)


def budget(n_ctx: int, max_tokens: int, history: list[dict]) -> int:
    """Tokens the passages may use: a share of the context, less what the conversation and answer need."""
    n_ctx = n_ctx or DEFAULT_N_CTX
    used = sum(estimate_tokens(m.get("content") or "") + 8 for m in history)  # + the template's markers
    left = n_ctx - answer_room(n_ctx, max_tokens) - used - estimate_tokens(INSTRUCTION) - 16
    return max(0, min(int(n_ctx * NOTES_SHARE), left))


def _source(number: int, hit: Hit, sha256: str) -> Source:
    return Source(number, str(hit.folder), hit.path, hit.heading, hit.line_start, hit.line_end, hit.page,
                  sha256, hit.text)


def passage_cost(text: str) -> int:
    """The tokens a passage takes in the block: its text and its numbered header line."""
    return estimate_tokens(text) + 24


def choose(hits: list[Hit], tokens: int, hashes: dict[int, str] | None = None) -> list[Source]:
    """The hits that fit in `tokens`, best first, numbered from 1. A hit too large for what is
    left is passed over for smaller ones after it."""
    hashes = hashes or {}
    chosen: list[Source] = []
    for hit in hits:
        cost = passage_cost(hit.text)
        if cost > tokens:
            continue
        tokens -= cost
        chosen.append(_source(len(chosen) + 1, hit, hashes.get(hit.passage_id, "")))
    return chosen


def passage_hashes(index: NotesIndex, hits: list[Hit]) -> dict[int, str]:
    """{passage id: the sha256 the index holds for its text}."""
    ids = [h.passage_id for h in hits]
    if not ids:
        return {}
    rows = index.db.execute(f"SELECT id, sha256 FROM passages WHERE id IN ({','.join('?' * len(ids))})", ids)
    return {row[0]: row[1] for row in rows}


def retrieve(index: NotesIndex, question: str, tokens: int, folders: list[Path], meaning=None,
             on_meaning_error: Callable[[str], None] | None = None) -> list[Source]:
    """The passages for this question that fit the budget, numbered [1], [2]… `meaning`: (VectorStore,
    Embedder) for hybrid retrieval (see retrieval.search), or None for keyword search alone."""
    if tokens <= 0:
        return []
    hits = search(index, question, RETRIEVED, folders=folders, meaning=meaning, on_meaning_error=on_meaning_error)
    return choose(hits, tokens, passage_hashes(index, hits))


def passage_block(sources: list[Source]) -> str:
    """The numbered passages, each with where it comes from."""
    parts = []
    for source in sources:
        heading = f" › {source.heading}" if source.heading else ""
        parts.append(f"[{source.number}] {source.path}{heading}\n{source.text.strip()}")
    return "\n\n".join(parts)


def question_with_passages(question: str, sources: list[Source]) -> str:
    """What the model is sent instead of the bare question."""
    if not sources:
        return question
    return f"{INSTRUCTION}\n\n{passage_block(sources)}\n\nQuestion: {question}"


def with_passages(prompt_messages: list[dict], sources: list[Source]) -> list[dict]:
    """The prompt with the passages before the last user message (a copy; the others are unchanged)."""
    result = [dict(m) for m in prompt_messages]
    for message in reversed(result):
        if message["role"] == "user":
            message["content"] = question_with_passages(message["content"], sources)
            break
    return result


def cited_numbers(answer: str, count: int) -> list[int]:
    """The [n] the answer cites, in order of first citation: [2], [1, 3] and [1][2] count; numbers
    that name no passage (a model inventing [7] of 3, or a year in brackets) do not."""
    found: list[int] = []
    for match in _CITATION.finditer(answer):
        for part in re.split(r"\s*[,;]\s*", match.group(1)):
            number = int(part)
            if 1 <= number <= count and number not in found:
                found.append(number)
    return found


def cite(sources: list[Source], answer: str) -> list[Source]:
    """The sources with `cited` set from the answer."""
    numbers = set(cited_numbers(answer, len(sources)))
    return [Source(**{**s.__dict__, "cited": s.number in numbers}) for s in sources]
