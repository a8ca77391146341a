"""Embedding models in the catalog and the library: listed apart, never offered for chat."""

from __future__ import annotations

import pytest

from app.core import catalog as cat
from app.core import paths
from app.core.errors import ModelNotFound
from app.core.gguf_file import read_gguf
from app.core.model_kinds import chat_refusal
from app.core.models import ModelLibrary
from app.core.notes import embedding as emb
from app.core.system import Machine
from tests.support.embedding_models import write_tiny_bert
from tests.support.tiny_models import write_tiny_model

GB = 1 << 30


def test_the_catalog_holds_three_embedding_models_with_their_facts():
    choices = cat.load_catalog(kind=cat.EMBEDDING)
    assert {c.model_id for c in choices} == {"nomic-embed-text-v1.5", "bge-small-en-v1.5", "multilingual-e5-small"}
    for c in choices:
        assert c.kind == cat.EMBEDDING and c.dimensions in (384, 768) and c.context in (512, 2048)
        assert c.size > 0 and c.license and c.description and c.languages and c.repo.count("/") == 1
        assert cat.parse_quant(c.first_file) == c.quant and c.first_file.endswith(".gguf")
        # Nothing here was checked against the Hub: the sizes say so, and so does every unchecked fact.
        assert not c.size_confirmed and c.unconfirmed and all(isinstance(f, str) and f for f in c.unconfirmed)
    by_id = {c.model_id: c for c in choices}
    assert "Spanish" in by_id["multilingual-e5-small"].languages
    # Each file gets the prefixes its family was trained with.
    assert emb.spec_for(by_id["nomic-embed-text-v1.5"].first_file) == emb.NOMIC
    assert emb.spec_for(by_id["bge-small-en-v1.5"].first_file) == emb.BGE
    assert emb.spec_for(by_id["multilingual-e5-small"].first_file) == emb.E5


def test_embedding_models_stay_out_of_the_chat_catalog_and_its_recommendations():
    assert all(c.kind == cat.CHAT for c in cat.load_catalog())
    everything = cat.load_catalog(kind=None)
    assert len(everything) == len(cat.load_catalog()) + len(cat.load_catalog(kind=cat.EMBEDDING))
    big = Machine(free_ram=64 * GB, total_ram=64 * GB, gpu_backend="")
    picks = cat.recommend(everything, big)
    assert picks and all(p.kind == cat.CHAT for p in picks.values())


def test_the_library_lists_embedding_models_only_when_asked(tmp_path):
    models = paths.current().ensure().models_dir
    chat = write_tiny_model(models / "chat.gguf", "smollm2")
    bert = write_tiny_bert(models / "nomic-embed-text-v1.5.Q8_0.gguf")
    library = ModelLibrary(models, include_starter=False)
    assert [e.path for e in library.installed()] == [chat]  # what pickers and `cove chat` choose from
    assert library.default_model(last_used=str(bert)).path == chat
    both = library.installed(include_embedding=True)
    assert {(e.path, e.embedding) for e in both} == {(chat, False), (bert, True)}
    assert library.resolve("nomic-embed-text-v1.5.Q8_0").embedding  # `cove models remove` finds it
    assert library.resolve(str(bert)).embedding and not library.resolve(str(chat)).embedding
    with pytest.raises(ModelNotFound):
        library.resolve("missing-model")


def test_chatting_with_an_embedding_model_is_refused_with_a_message(tmp_path):
    bert = write_tiny_bert(tmp_path / "bge-small-en-v1.5.Q8_0.gguf")
    chat = write_tiny_model(tmp_path / "chat.gguf", "smollm2")
    message = chat_refusal(read_gguf(bert), bert.name)
    assert message.startswith("bge-small-en-v1.5.Q8_0.gguf is an embedding model: it finds notes by meaning "
                              "but cannot chat.") and "Choose a chat model" in message
    assert chat_refusal(read_gguf(chat), chat.name) is None


def test_a_chosen_embedding_model_that_is_not_one_is_never_used(tmp_path):
    from app.core.settings import Settings

    models = paths.current().ensure().models_dir
    write_tiny_model(models / "chat.gguf", "smollm2")
    chosen = Settings(notes_embedding_model=str(models / "chat.gguf"))
    assert emb.installed_embedding_model(paths.current(), chosen) is None
