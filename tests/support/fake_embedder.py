"""A deterministic stand-in for an embedding model, for tests of the meaning-search plumbing.

Each word is hashed into one of DIMENSIONS buckets (a bag of words), except that the
words of a synonym group share one bucket: "car" and "automobile" land together, so
a question worded differently from the note still comes out close to it, which is
the one thing keyword search cannot do. Vectors are L2-normalised, as the real
Embedder's are.
"""

from __future__ import annotations

import hashlib
import math
import re

DIMENSIONS = 256
SYNONYMS = [
    {"car", "automobile", "vehicle", "motorcar"},
    {"physician", "doctor", "gp", "clinician"},
    {"boiler", "furnace", "heating"},
    {"invoice", "bill", "payment", "paid", "pay"},
    {"holiday", "vacation", "trip", "journey"},
    {"money", "cash", "funds"},
    {"puppy", "dog", "hound"},
]
_WORD = re.compile(r"\w+", re.UNICODE)


def _bucket(word: str) -> int:
    for number, group in enumerate(SYNONYMS):
        if word in group:
            word = f"synonym-group-{number}"
            break
    return int.from_bytes(hashlib.sha256(word.encode()).digest()[:4], "big") % DIMENSIONS


def vector(text: str, dimensions: int = DIMENSIONS) -> list[float]:
    values = [0.0] * dimensions
    for word in _WORD.findall(text.lower()):
        values[_bucket(word) % dimensions] += 1.0
    norm = math.sqrt(sum(v * v for v in values))
    if not norm:
        values[0], norm = 1.0, 1.0  # no words: a fixed direction, still unit length
    return [v / norm for v in values]


class FakeEmbedder:
    """Implements app.core.notes.embedding.Embedder; counts what it embeds, and can be made to fail."""

    def __init__(self, model_id: str = "fake-embedder.gguf:256", dimensions: int = DIMENSIONS):
        self.model_id = model_id
        self.dimensions = dimensions
        self.documents: list[str] = []
        self.queries: list[str] = []
        self.fail_with: Exception | None = None

    def _check(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self._check()
        self.documents += texts
        return [vector(t, self.dimensions) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self._check()
        self.queries.append(text)
        return vector(text, self.dimensions)
