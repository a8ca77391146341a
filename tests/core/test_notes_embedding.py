"""What Cove knows about embedding models without the engine: families, prefixes, which file to use."""

from __future__ import annotations

import pytest

from app.core import paths, settings
from app.core.gguf_file import GGUFInfo, read_gguf
from app.core.notes import embedding as emb
from tests.support.embedding_models import write_tiny_bert
from tests.support.tiny_models import write_tiny_model


@pytest.mark.parametrize("name, spec, query, document", [
    ("nomic-embed-text-v1.5.Q8_0.gguf", emb.NOMIC, "search_query: q", "search_document: d"),
    ("Nomic Embed Text V1.5", emb.NOMIC, "search_query: q", "search_document: d"),
    ("bge-small-en-v1.5-q8_0.gguf", emb.BGE, "Represent this sentence for searching relevant passages: q", "d"),
    ("BGE_Base_EN_v1.5.f16.gguf", emb.BGE, "Represent this sentence for searching relevant passages: q", "d"),
    ("multilingual-e5-small-Q8_0.gguf", emb.E5, "query: q", "passage: d"),
    ("e5-base-v2.Q4_K_M.gguf", emb.E5, "query: q", "passage: d"),
    ("all-MiniLM-L6-v2.f16.v1.gguf", emb.MINILM, "q", "d"),
    ("bge-m3-Q8_0.gguf", emb.PLAIN, "q", "d"),       # bge-m3 takes no instruction
    ("some-encoder.gguf", emb.PLAIN, "q", "d"),
])
def test_each_family_gets_its_prefixes(name, spec, query, document):
    found = emb.spec_for(name)
    assert found == spec
    assert (found.query("q"), found.document("d")) == (query, document)


def test_an_unnamed_nomic_model_is_known_by_its_architecture():
    assert emb.spec_for("model.gguf", "nomic-bert") == emb.NOMIC
    assert emb.spec_for("model.gguf", "bert") == emb.PLAIN


def test_embedding_models_are_told_from_chat_models(tmp_path):
    bert = read_gguf(write_tiny_bert(tmp_path / "bert.gguf"))
    chat = read_gguf(write_tiny_model(tmp_path / "chat.gguf", "smollm2"))
    assert bert.metadata["bert.pooling_type"] == 1  # kept by the header reader for this
    assert emb.is_embedding_model(bert) and not emb.is_embedding_model(chat)
    assert emb.is_embedding_file(tmp_path / "bert.gguf") and not emb.is_embedding_file(tmp_path / "chat.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"junk")
    assert not emb.is_embedding_file(junk) and not emb.is_embedding_file(tmp_path / "missing.gguf")


def test_a_decoder_converted_for_embeddings_is_known_by_its_pooling():
    def info(metadata):
        return GGUFInfo(path=None, version=3, tensor_count=0, metadata=metadata)

    assert emb.is_embedding_model(info({"general.architecture": "qwen3", "qwen3.pooling_type": 3}))
    assert not emb.is_embedding_model(info({"general.architecture": "qwen3", "qwen3.pooling_type": 0}))
    assert not emb.is_embedding_model(info({"general.architecture": "qwen3"}))
    assert emb.is_embedding_model(info({"general.architecture": "nomic-bert"}))


def test_the_installed_embedding_model_is_the_chosen_one_else_the_first(tmp_path):
    cove = paths.current().ensure()
    chosen_none = settings.Settings()
    assert emb.installed_embedding_model(cove, chosen_none) is None
    write_tiny_model(cove.models_dir / "chat.gguf", "smollm2")
    assert emb.installed_embedding_model(cove, chosen_none) is None  # a chat model is no embedding model
    (cove.models_dir / "owner" / "repo").mkdir(parents=True)
    second = write_tiny_bert(cove.models_dir / "owner" / "repo" / "b-embed.gguf")
    first = write_tiny_bert(cove.models_dir / "a-embed.gguf")
    assert emb.installed_embedding_model(cove, chosen_none) == first
    assert emb.installed_embedding_model(cove, settings.Settings(notes_embedding_model=str(second))) == second
    assert emb.installed_embedding_model(cove, settings.Settings(notes_embedding_model="b-embed.gguf")) == second
    # A choice that is gone (deleted, or not an embedding model) falls back to what is installed.
    gone = settings.Settings(notes_embedding_model=str(tmp_path / "deleted.gguf"))
    assert emb.installed_embedding_model(cove, gone) == first
    chat = settings.Settings(notes_embedding_model=str(cove.models_dir / "chat.gguf"))
    assert emb.installed_embedding_model(cove, chat) == first


def test_the_chosen_embedding_model_setting_is_checked():
    kept, problems = settings.parse({"notes_embedding_model": "/models/nomic.gguf"})
    assert kept.notes_embedding_model == "/models/nomic.gguf" and problems == []
    bad, problems = settings.parse({"notes_embedding_model": 5})
    assert bad.notes_embedding_model == "" and problems == ["notes_embedding_model should be a file path; ignoring it"]
    assert settings.Settings().to_json()["notes_embedding_model"] == ""


def test_an_embedder_is_anything_with_the_four_names():
    class Fake:
        model_id, dimensions = "fake:1", 2

        def embed_documents(self, texts):
            return [[1.0, 0.0] for _ in texts]

        def embed_query(self, text):
            return [0.0, 1.0]

    assert isinstance(Fake(), emb.Embedder)
    assert not isinstance(object(), emb.Embedder)
