"""The engine process with the real SmolLM2 model."""

import os
import queue
import signal
import time

import pytest

from conftest import GREEDY, PARIS_QUESTION
from app.engine import protocol as p
from app.engine.client import EngineClient

OPTIONS = p.LoadOptions(n_ctx=2048)


class Events:
    def __init__(self):
        self.queue = queue.Queue()

    def __call__(self, event):
        self.queue.put((time.monotonic(), event))

    def next(self, kinds, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            at, event = self.queue.get(timeout=max(0.01, deadline - time.monotonic()))
            if isinstance(event, kinds):
                return at, event

    def answer(self, request_id, timeout=60):
        """Collect tokens until the request ends; returns (text, final event)."""
        text = []
        while True:
            _, event = self.next((p.Token, p.Finished, p.Failed, p.LoadFailed, p.EngineDied), timeout)
            if isinstance(event, p.Token):
                assert event.request_id == request_id
                text.append(event.text)
            else:
                return "".join(text), event


@pytest.fixture
def engine():
    events = Events()
    client = EngineClient(events)
    yield client, events
    client.shutdown()


def ask(client, model, messages, **sampling):
    return client.generate(str(model), OPTIONS, messages, {**GREEDY, **sampling})


def test_answers_and_reuses_the_prompt_prefix(engine, smollm2):
    client, events = engine
    history = [{"role": "user", "content": PARIS_QUESTION}]
    rid = ask(client, smollm2, history)
    text, done = events.answer(rid)
    assert isinstance(done, p.Finished), done
    assert "Paris" in text
    assert done.status == p.COMPLETE and done.finish_reason == "stop"
    first = done.stats
    assert first["processed_tokens"] == first["prompt_tokens"]
    assert first["completion_tokens"] >= 3 and first["tokens_per_second"] > 0
    assert 0 < first["time_to_first_token"] < 10

    history += [{"role": "assistant", "content": text}, {"role": "user", "content": "And of Italy? Answer in one word."}]
    rid = ask(client, smollm2, history)
    text2, done2 = events.answer(rid)
    assert isinstance(done2, p.Finished) and text2
    second = done2.stats
    assert second["prompt_tokens"] > first["prompt_tokens"]
    # Only the new turn is processed: the earlier conversation stays in the KV cache.
    assert second["processed_tokens"] <= second["prompt_tokens"] - first["prompt_tokens"] + 2


def test_stop_is_seen_within_half_a_second(engine, smollm2):
    client, events = engine
    rid = ask(client, smollm2, [{"role": "user", "content": "Write a very long story about a dragon."}],
              max_tokens=2000)
    for _ in range(5):
        events.next((p.Token,))
    asked = time.monotonic()
    client.stop()
    text, done = events.answer(rid)
    ended = time.monotonic()
    assert isinstance(done, p.Finished) and done.status == p.STOPPED
    assert ended - asked < 0.5
    assert done.stats["completion_tokens"] < 1000


def test_bad_file_is_refused_before_llama_cpp(engine, tmp_path):
    client, events = engine
    fake = tmp_path / "fake.gguf"
    fake.write_text("not a model")
    rid = ask(client, fake, [{"role": "user", "content": "hi"}])
    _, failed = events.next((p.LoadFailed,))
    assert failed.request_id == rid and "not a GGUF model file" in failed.message
    assert client.is_running()  # the engine survives bad input


def test_killed_engine_is_reported_and_replaced(engine, smollm2):
    client, events = engine
    rid = ask(client, smollm2, [{"role": "user", "content": "Write a very long story about a dragon."}],
              max_tokens=2000)
    events.next((p.Token,))
    os.kill(client.pid, signal.SIGKILL)
    _, died = events.next((p.EngineDied,))
    assert died.request_id == rid and died.exit_code == -signal.SIGKILL
    assert "ran out of memory" in died.message and "saved" in died.message
    rid = ask(client, smollm2, [{"role": "user", "content": PARIS_QUESTION}])
    text, done = events.answer(rid)
    assert isinstance(done, p.Finished) and "Paris" in text
