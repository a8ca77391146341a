"""Embeddings for meaning search: the protocol the notes code depends on.

A placeholder holding only the Embedder protocol (see /work/briefs/interfaces.md); the
full module (model specs, the installed embedding model) replaces it.
"""

from __future__ import annotations

from typing import Protocol


class Embedder(Protocol):
    model_id: str   # identifies the vectors: the model file's name + size (vectors of another model are dropped)
    dimensions: int

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...  # passage prefix applied inside, L2-normalised

    def embed_query(self, text: str) -> list[float]: ...                     # query prefix applied inside, L2-normalised
