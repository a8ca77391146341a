"""The notes' Embedder, computed by the engine process (app/core/notes/embedding.py says why).

Texts go to the engine in batches of BATCH_SIZE, each with the prefix its model family
was trained with (a query and a passage are prefixed differently by some families), and
come back as unit vectors, so that a dot product is their cosine similarity.
"""

from __future__ import annotations

import math
from pathlib import Path

from app.core import model_check, paths, policy
from app.core.errors import CoveError, NotAModelFile
from app.core.gguf_file import read_gguf
from app.core.i18n import _
from app.core.notes.embedding import BATCH_SIZE, EmbeddingSpec, installed_embedding_model, is_embedding_model, spec_for
from app.core.notes.vectors import VectorStore


def normalised(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector))
    return [x / norm for x in vector] if norm > 0 else list(vector)


class EngineEmbedder:
    """Implements app.core.notes.embedding.Embedder with an EngineClient (any object with embed())."""

    def __init__(self, client, model_path: str | Path, timeout: float | None = None,
                 batch_size: int = BATCH_SIZE):
        path = Path(model_path)
        if not path.is_file():
            raise CoveError(_("The embedding model {name} is missing. Download "
                              "it again from Models, or choose another one.").format(name=path.name))
        try:
            info = read_gguf(path)
            size = path.stat().st_size
        except NotAModelFile as exc:
            raise CoveError(str(exc)) from None
        except OSError as exc:
            raise CoveError(_("Cove cannot read the embedding model {name} "
                              "({reason}). Check its permissions, or choose another one.").format(name=path.name, reason=exc.strerror or exc)) from None
        if not is_embedding_model(info):
            raise CoveError(_("{name} is not an embedding model. Choose an embedding "
                              "model such as nomic-embed-text for meaning search.").format(name=path.name))
        admin = policy.current()
        if admin.allowed_models is not None:  # the administrator's allowed models cover these too
            refusal = model_check.refusal(admin.allowed_models, admin.message, path, paths.current().models_dir,
                                          builtin=False)
            if refusal:
                raise CoveError(refusal)
        self.client = client
        self.model_path = path
        self.model_id = f"{path.name}:{size}"
        self.dimensions = int(info.arch_value("embedding_length") or 0)
        self.spec: EmbeddingSpec = spec_for(" ".join((path.name, info.name, info.basename)), info.architecture)
        self.timeout = timeout
        self.batch_size = max(1, batch_size)

    def _embed(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start:start + self.batch_size]
            kwargs = {} if self.timeout is None else {"timeout": self.timeout}
            got = self.client.embed(str(self.model_path), batch, **kwargs)
            if len(got) != len(batch):
                raise CoveError(_("The model engine returned {count} embeddings "
                                  "for {count2} texts; restart Cove and try again.").format(count=len(got), count2=len(batch)))
            vectors.extend(normalised(list(vector)) for vector in got)
        return vectors

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embed([self.spec.document(text) for text in texts])

    def embed_query(self, text: str) -> list[float]:
        return self._embed([self.spec.query(text)])[0]


def meaning_search(app_paths, settings, client) -> tuple[VectorStore, EngineEmbedder] | None:
    """What hybrid retrieval needs, (the vectors file, an embedder on `client`'s engine), when an
    embedding model is installed; None when none is (keyword search). The caller closes the store.
    Raises CoveError when the model or the vectors file cannot be used."""
    model = installed_embedding_model(app_paths, settings)
    if model is None:
        return None
    embedder = EngineEmbedder(client, model)  # checks the model file before anything is opened
    return VectorStore(app_paths.notes_vectors), embedder
