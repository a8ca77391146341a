"""Embedding models for meaning search over notes: what they are and how each is asked.

Meaning search turns each passage and each question into a vector with an embedding
model (a GGUF that llama.cpp runs in the engine process, beside the chat model). This
module holds what the rest of Cove needs to know about such models without importing
the engine or Qt:

- `Embedder`: what the notes code calls (the engine implements it in app/engine/embedder.py,
  tests can implement it in a few lines);
- `EmbeddingSpec` / `spec_for`: the text each model family expects before a query or a
  passage. Models are trained with these prefixes; leaving them out costs a few points of
  recall, using another family's costs more, so they are looked up per family;
- `is_embedding_model`: whether a GGUF is an embedding model (the chat model picker must
  never offer one: it cannot write text);
- `installed_embedding_model`: the model notes should use, if the user has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from app.core import policy
from app.core.model_kinds import (  # noqa: F401 (part of this module's API)
    EMBEDDING_ARCHITECTURES,
    is_embedding_file,
    is_embedding_model,
)
from app.core.models import ModelLibrary

BATCH_SIZE = 32  # texts per engine request: big enough to keep llama.cpp busy, small enough to stop soon


@runtime_checkable
class Embedder(Protocol):
    """Turns text into unit vectors; raises CoveError with a message the user can act on."""

    model_id: str   # identifies the vectors: the model file's name + size (vectors of another model are dropped)
    dimensions: int

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passages: the model's passage prefix is applied inside; L2-normalised."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """A question: the model's query prefix is applied inside; L2-normalised."""
        ...


@dataclass(frozen=True)
class EmbeddingSpec:
    """How one family of embedding models wants its input."""

    family: str
    query_prefix: str = ""
    document_prefix: str = ""

    def query(self, text: str) -> str:
        return self.query_prefix + text

    def document(self, text: str) -> str:
        return self.document_prefix + text


MINILM = EmbeddingSpec("all-MiniLM")
NOMIC = EmbeddingSpec("nomic-embed-text", "search_query: ", "search_document: ")
# BGE v1.5 English models: the instruction on short queries only; passages as they are.
BGE = EmbeddingSpec("bge-en", "Represent this sentence for searching relevant passages: ", "")
E5 = EmbeddingSpec("e5", "query: ", "passage: ")
PLAIN = EmbeddingSpec("plain")

# (pattern over the squashed lower-case name, spec); the first match wins.
_FAMILIES = (
    (re.compile(r"nomicembed"), NOMIC),
    (re.compile(r"bge(small|base|large)(en|zh)?"), BGE),   # not bge-m3: it takes no instruction
    (re.compile(r"(^|[^a-z])e5(small|base|large)|multilinguale5"), E5),
    (re.compile(r"minilm"), MINILM),
)


def _squashed(name: str) -> str:
    """'Nomic-Embed-Text v1.5.Q8_0.gguf' -> 'nomicembedtextv15q80gguf' (separators differ by publisher)."""
    return re.sub(r"[\s_.\-]+", "", name.lower())


def spec_for(name: str, architecture: str = "") -> EmbeddingSpec:
    """The spec for a model from its file name or GGUF name(s); no prefixes when unknown."""
    squashed = _squashed(name)
    for pattern, spec in _FAMILIES:
        if pattern.search(squashed):
            return spec
    if architecture.startswith("nomic-bert"):
        return NOMIC
    return PLAIN


def installed_embedding_model(paths, settings) -> Path | None:
    """The embedding model notes use: the user's choice (settings "notes_embedding_model", when
    it is still an installed embedding model), else the first installed one; None when none is."""
    library = ModelLibrary(paths.models_dir, include_starter=False,
                           shared_dir=policy.current().shared_models_folder)
    found = [entry.path for entry in library.installed(include_embedding=True) if is_embedding_file(entry.path)]
    chosen = getattr(settings, "notes_embedding_model", "") or ""
    if chosen:
        for path in found:
            if str(path) == chosen or path.name == chosen:
                return path
    return found[0] if found else None
