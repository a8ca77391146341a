"""EngineEmbedder: the notes' Embedder over the engine (batches, prefixes, unit vectors)."""

from __future__ import annotations

import math

import pytest

from app.core.errors import CoveError
from app.core.notes.embedding import Embedder
from app.engine.client import EngineClient
from app.engine.embedder import EngineEmbedder
from tests.support.embedding_models import write_tiny_bert
from tests.support.tiny_models import write_tiny_model


class FakeClient:
    """Answers like EngineClient.embed, with vectors that are not unit length."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def embed(self, model_path, texts, timeout=None):
        self.calls.append(list(texts))
        return [[3.0, 4.0] + [0.0] * 62 for _ in texts]


def test_documents_go_in_batches_of_32_with_the_families_prefix(tmp_path):
    model = write_tiny_bert(tmp_path / "nomic-embed-text-v1.5.Q8_0.gguf")
    client = FakeClient()
    embedder = EngineEmbedder(client, model)
    assert isinstance(embedder, Embedder)
    assert embedder.model_id == f"nomic-embed-text-v1.5.Q8_0.gguf:{model.stat().st_size}"
    assert embedder.dimensions == 64
    vectors = embedder.embed_documents([f"note {i}" for i in range(70)])
    assert [len(call) for call in client.calls] == [32, 32, 6]
    assert client.calls[0][0] == "search_document: note 0" and client.calls[2][-1] == "search_document: note 69"
    assert len(vectors) == 70 and vectors[0][:2] == pytest.approx([0.6, 0.8])
    query = embedder.embed_query("what did we decide?")
    assert client.calls[-1] == ["search_query: what did we decide?"]
    assert math.isclose(sum(x * x for x in query), 1.0)
    assert embedder.embed_documents([]) == [] and len(client.calls) == 4


def test_a_family_without_prefixes_sends_the_text_as_it_is(tmp_path):
    client = FakeClient()
    EngineEmbedder(client, write_tiny_bert(tmp_path / "all-MiniLM-L6-v2.gguf")).embed_query("guitar")
    assert client.calls == [["guitar"]]


def test_a_wrong_answer_from_the_engine_is_a_message(tmp_path):
    class Short(FakeClient):
        def embed(self, model_path, texts, timeout=None):
            return super().embed(model_path, texts)[:-1]

    embedder = EngineEmbedder(Short(), write_tiny_bert(tmp_path / "m.gguf"))
    with pytest.raises(CoveError, match="returned 1 embeddings for 2 texts"):
        embedder.embed_documents(["a", "b"])


def test_missing_or_unsuitable_models_are_refused_with_a_message(tmp_path):
    with pytest.raises(CoveError, match="The embedding model gone.gguf is missing"):
        EngineEmbedder(FakeClient(), tmp_path / "gone.gguf")
    chat = write_tiny_model(tmp_path / "chat.gguf", "smollm2")
    with pytest.raises(CoveError, match="chat.gguf is not an embedding model"):
        EngineEmbedder(FakeClient(), chat)
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"\0" * 64)
    with pytest.raises(CoveError, match="junk.gguf"):
        EngineEmbedder(FakeClient(), junk)


def test_minilm_through_the_engine_finds_by_meaning(minilm):
    client = EngineClient(lambda event: None)
    try:
        embedder = EngineEmbedder(client, minilm)
        assert embedder.dimensions == 384
        guitar, stocks = embedder.embed_documents(["Someone plays the guitar.", "The stock market fell today."])
        question = embedder.embed_query("Who is making music?")
        [long] = embedder.embed_documents(["The guitar plays on. " * 1000])  # ~6000 tokens: cut to 512
    finally:
        client.shutdown()

    def dot(a, b):
        return sum(x * y for x, y in zip(a, b))

    assert dot(question, guitar) > dot(question, stocks)
    assert all(math.isclose(dot(v, v), 1.0, rel_tol=1e-5) for v in (guitar, stocks, question, long))
    assert dot(long, guitar) > dot(long, stocks)


def test_the_administrators_allowed_models_cover_embedding_models(tmp_path, admin_policy):
    import hashlib

    model = write_tiny_bert(tmp_path / "bge-small-en-v1.5.Q8_0.gguf")
    admin_policy(f'allowed_models = ["sha256:{"0" * 64}"]\nmessage = "See the intranet."\n')
    with pytest.raises(CoveError, match="not among the models your administrator allows.*See the intranet"):
        EngineEmbedder(FakeClient(), model)
    admin_policy(f'allowed_models = ["sha256:{hashlib.sha256(model.read_bytes()).hexdigest()}"]\n')
    assert EngineEmbedder(FakeClient(), model).dimensions == 64
