"""Embeddings computed by the engine: beside the chat model, truncated not refused, failures as messages."""

from __future__ import annotations

import math
import threading
import time
from ctypes import c_longlong

import pytest

from app.core.errors import CoveError
from app.engine import protocol as p
from app.engine.client import EngineClient
from app.engine.worker import Engine
from tests.engine.test_engine import Events
from tests.support.embedding_models import tiny_bert_tokens, write_tiny_bert
from tests.support.settings import GREEDY
from tests.support.starter_model import PARIS_QUESTION
from tests.support.tiny_models import write_tiny_model

OPTIONS = p.LoadOptions(n_ctx=512)


@pytest.fixture
def tiny_bert(tmp_path):
    return write_tiny_bert(tmp_path / "tiny-bert.gguf")


class Recorded(Events):
    """Events, plus every event ever received (Events.next drops the kinds it is not after)."""

    def __init__(self):
        super().__init__()
        self.seen = []

    def __call__(self, event):
        self.seen.append(event)
        super().__call__(event)


@pytest.fixture
def client():
    events = Recorded()
    engine_client = EngineClient(events)
    yield engine_client, events
    engine_client.shutdown()


def _norm(vector):
    return math.sqrt(sum(x * x for x in vector))


def test_engine_embeds_with_the_models_own_context(tiny_bert):
    events = []
    engine = Engine(events.append, c_longlong(0))
    long_text = " ".join(["the cat plays music"] * 400)  # ~1600 tokens: more than the 512 of the context
    engine.embed(p.Embed(1, str(tiny_bert), ["the cat", "", long_text]))
    [answer] = events
    assert isinstance(answer, p.Embedded) and answer.request_id == 1
    assert len(answer.vectors) == 3 and all(len(v) == 64 for v in answer.vectors)
    assert all(abs(_norm(v) - 1) < 1e-4 for v in answer.vectors)
    llm = engine.embedding.llm
    assert llm.n_ctx() == 512 and llm.n_batch == 512 and llm.context_params.n_ubatch == 512
    engine.embedding.unload()


def test_odd_text_embeds_without_complaint(tiny_bert):
    events = []
    engine = Engine(events.append, c_longlong(0))
    odd = ["\x00\x01", "lone \ud800 surrogate", "[CLS] [SEP] [MASK]", "東京 🙂 naïve", " " * 5000, "\n\t"]
    engine.embed(p.Embed(5, str(tiny_bert), odd))
    [answer] = events
    assert isinstance(answer, p.Embedded) and len(answer.vectors) == len(odd)
    assert all(len(v) == 64 and all(math.isfinite(x) for x in v) for v in answer.vectors)
    engine.embedding.unload()


def test_loading_the_embedding_model_keeps_the_chat_model_and_back(tmp_path, tiny_bert):
    events = []
    engine = Engine(events.append, c_longlong(0))
    chat = write_tiny_model(tmp_path / "chat.gguf", "qwen2.5")
    assert engine.ensure_loaded(str(chat), OPTIONS)
    chat_llm = engine.llm
    engine.embed(p.Embed(1, str(tiny_bert), ["the cat"]))
    embedding_llm = engine.embedding.llm
    assert isinstance(events[-1], p.Embedded)
    assert engine.llm is chat_llm and engine.model_path == str(chat)
    engine.generate(p.Generate(2, str(chat), OPTIONS, [{"role": "user", "content": "Hi"}],
                               {"temperature": 0.0, "max_tokens": 4, "seed": 1}))
    assert isinstance(events[-1], p.Finished), events[-1]
    assert not [e for e in events if isinstance(e, p.ModelLoading) and e.model_path == str(chat)][1:]
    assert engine.embedding.llm is embedding_llm  # answering did not unload it either
    engine.unload()
    engine.embedding.unload()


def test_a_chat_model_is_refused_for_embeddings(tmp_path):
    events = []
    engine = Engine(events.append, c_longlong(0))
    chat = write_tiny_model(tmp_path / "chat.gguf", "smollm2")
    engine.embed(p.Embed(7, str(chat), ["text"]))
    [failed] = events
    assert isinstance(failed, p.Failed) and failed.request_id == 7
    assert "chat.gguf is not an embedding model" in failed.message and "nomic-embed-text" in failed.message
    assert engine.embedding.llm is None


def test_client_embeds_and_the_chat_model_still_answers(client, smollm2, minilm):
    engine_client, events = client
    question = [{"role": "user", "content": PARIS_QUESTION}]
    rid = engine_client.generate(str(smollm2), p.LoadOptions(n_ctx=2048), question, GREEDY)
    text, done = events.answer(rid)
    assert isinstance(done, p.Finished) and "Paris" in text
    guitar, plays, stocks = engine_client.embed(str(minilm), ["A man is playing a guitar.",
                                                              "Someone plays the guitar.",
                                                              "The stock market fell today."])
    assert len(guitar) == 384 and abs(_norm(guitar) - 1) < 1e-4
    dot = lambda a, b: sum(x * y for x, y in zip(a, b))  # noqa: E731
    assert dot(guitar, plays) > dot(guitar, stocks) + 0.2
    rid = engine_client.generate(str(smollm2), p.LoadOptions(n_ctx=2048), question, GREEDY)
    text, done = events.answer(rid)
    assert isinstance(done, p.Finished) and "Paris" in text
    assert done.stats["processed_tokens"] <= 1  # the chat model and its cache stayed loaded
    assert [type(e) for e in events.seen if isinstance(e, (p.ModelLoading, p.Embedded, p.EngineDied))] \
        == [p.ModelLoading]  # loaded once, before the first answer; embed() answers went to its caller


def test_bad_files_become_messages(client, tmp_path):
    engine_client, events = client
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model at all" * 100)
    with pytest.raises(CoveError) as bad:
        engine_client.embed(str(junk), ["text"])
    assert "junk.gguf" in str(bad.value) and "Traceback" not in str(bad.value)
    with pytest.raises(CoveError) as missing:
        engine_client.embed(str(tmp_path / "gone.gguf"), ["text"])
    assert "gone.gguf" in str(missing.value)
    assert events.seen == []  # answers to embed() go to its caller, not to the window's events


def test_a_crash_while_embedding_is_a_message_and_the_engine_comes_back(client, tmp_path, tiny_bert):
    engine_client, events = client
    vocab = tiny_bert_tokens()
    broken = write_tiny_bert(tmp_path / "broken.gguf", vocab=vocab + [vocab[-1]])  # llama.cpp aborts on it
    engine_client.embed(str(tiny_bert), ["warm up"])
    first_pid = engine_client.pid
    with pytest.raises(CoveError) as crashed:
        engine_client.embed(str(broken), ["text"])
    assert "crashed while computing embeddings with broken.gguf" in str(crashed.value)
    assert "download it again" in str(crashed.value)
    [vector] = engine_client.embed(str(tiny_bert), ["the cat"])
    assert len(vector) == 64 and engine_client.pid != first_pid
    assert events.seen == []  # no EngineDied: no answer was being written, nothing to end


def test_an_answer_being_written_goes_first(client, tiny_bert):
    engine_client, events = client
    engine_client._active = 99  # as while an answer is written (generate() sets it)
    with pytest.raises(CoveError, match="within 0.2 seconds"):
        engine_client.embed(str(tiny_bert), ["the cat"], timeout=0.2)
    assert engine_client.pid is None  # nothing was sent: the engine was not even started
    finished_at = []

    def finish():
        time.sleep(0.3)
        finished_at.append(time.monotonic())
        engine_client._active = None

    threading.Thread(target=finish).start()
    [vector] = engine_client.embed(str(tiny_bert), ["the cat"], timeout=30)
    assert len(vector) == 64 and finished_at and engine_client.pid is not None
    assert events.seen == []


def test_no_answer_in_time_is_a_message_and_the_late_answer_is_dropped(client, tiny_bert):
    engine_client, events = client
    with pytest.raises(CoveError) as late:
        engine_client.embed(str(tiny_bert), ["the cat"], timeout=0.001)  # the engine is not even started
    assert "within 0.001 seconds" in str(late.value)
    [vector] = engine_client.embed(str(tiny_bert), ["the dog"])
    assert len(vector) == 64
    assert events.seen == []
    assert engine_client.embed(str(tiny_bert), []) == []


def test_the_engine_refuses_to_chat_with_an_embedding_model(tmp_path):
    bert = write_tiny_bert(tmp_path / "bert.gguf")
    events = []
    engine = Engine(events.append, c_longlong(0))
    engine.generate(p.Generate(3, str(bert), p.LoadOptions(n_ctx=512), [{"role": "user", "content": "Hi"}], {}))
    failed = [e for e in events if isinstance(e, p.LoadFailed)]
    assert len(failed) == 1 and failed[0].request_id == 3 and "is an embedding model" in failed[0].message
    assert engine.llm is None and not [e for e in events if isinstance(e, (p.Token, p.Finished))]


def test_a_question_runs_on_one_thread_and_passages_on_the_automatic_count(minilm):
    from app.engine.embedding_model import EmbeddingModel

    def cosine(a, b):
        return sum(x * y for x, y in zip(a, b))  # unit vectors

    model = EmbeddingModel()
    model.threads = 2  # as on a two-core machine
    try:
        question = "cost of mending our water heater"
        alone = model.embed(str(minilm), [question])
        assert model._threads_now == 1
        with_passage = model.embed(str(minilm), [question, "The boiler invoice was paid in March. " * 12])
        assert model._threads_now == 2
        again = model.embed(str(minilm), [question])
        assert model._threads_now == 1
        # The thread count changes the speed only, never the vectors.
        assert cosine(alone[0], with_passage[0]) > 0.9999 and cosine(alone[0], again[0]) > 0.9999
    finally:
        model.unload()
