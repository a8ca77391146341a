"""The engine changes `cove serve` relies on, without a model: repeatable prompts, plain-text prompts."""

from app.engine import protocol as p
from app.engine.prompt_progress import read_prompt


class FakeLlama:
    n_batch = 4

    def __init__(self):
        self.evaluated, self.n_tokens, self._requires_eval = [], 0, False

    def eval(self, tokens):
        self.evaluated.append(list(tokens))


def test_a_fixed_seed_evaluates_the_last_prompt_token_on_its_own_as_a_repeat_would():
    sent = []
    llm = FakeLlama()
    read_prompt(llm, 1, [1, 2, 3], 0, sent.append)  # fits a batch: left whole to llama.cpp
    assert llm.evaluated == [] and sent == []
    read_prompt(llm, 1, [1, 2, 3], 0, sent.append, last_alone=True)
    assert llm.evaluated == [[1, 2]] and sent == []  # no progress for a short prompt
    llm = FakeLlama()
    read_prompt(llm, 2, list(range(10)), 1, sent.append, last_alone=True)
    assert llm.evaluated == [[1, 2, 3, 4], [5, 6, 7, 8]]  # all but the last, a batch at a time
    assert [(e.done, e.total) for e in sent] == [(0, 9), (4, 9), (8, 9)]
    llm = FakeLlama()
    read_prompt(llm, 3, [1, 2, 3], 2, sent.append, last_alone=True)  # only the last is new: nothing here
    assert llm.evaluated == []


def test_a_generate_request_can_carry_plain_text_instead_of_a_conversation():
    request = p.Generate(1, "m.gguf", p.LoadOptions(), [], {"stop": ["END"]}, "stop", "", "Once upon")
    assert request.prompt_text == "Once upon" and request.messages == []
    assert p.Generate(1, "m.gguf", p.LoadOptions(), [{"role": "user", "content": "Hi"}], {}).prompt_text is None


def test_a_plain_text_prompt_is_used_whole_or_refused_when_it_leaves_no_room():
    from app.engine.context import ContextFull, fit_text

    assert fit_text([1, 2, 3], 2048, 16).tokens == [1, 2, 3]
    for tokens in ([], list(range(2000))):
        try:
            fit_text(tokens, 2048, 512)
        except ContextFull as exc:
            assert "too long" in str(exc) and "max_tokens" in str(exc)
        else:
            raise AssertionError("not refused")


class _SlowSendingClient:
    """An engine client whose generate() takes a while (the engine process starting)."""

    def __init__(self):
        import threading

        self.release, self.stopped = threading.Event(), []

    def generate(self, *args):
        self.release.wait(10)
        return 41

    def stop(self, request_id):
        self.stopped.append(request_id)


def test_a_client_that_leaves_while_its_request_is_being_sent_stops_it_and_keeps_nothing(tmp_path):
    import asyncio
    from pathlib import Path

    from app.core.models import ModelEntry
    from app.server.engines import ServedModel

    async def scenario():
        served = ServedModel(ModelEntry(Path(tmp_path / "m.gguf"), 1), p.LoadOptions(n_ctx=512), max_waiting=4)
        served.client = _SlowSendingClient()
        told = []
        stream = served.generate([{"role": "user", "content": "hi"}], None, {}, on_stopped=told.append)
        waiting = asyncio.ensure_future(stream.__anext__())
        await asyncio.sleep(0.2)  # the request is being sent
        waiting.cancel()  # the HTTP client went away
        try:
            await waiting
        except asyncio.CancelledError:
            pass
        served.client.release.set()  # now the engine has it
        for _ in range(100):
            if served.client.stopped:
                break
            await asyncio.sleep(0.02)
        served._on_event(p.Token(41, "text nobody reads"))
        served._on_event(p.Finished(41, p.COMPLETE, "stop", {}))
        return served, told

    served, told = asyncio.run(scenario())
    assert served.client.stopped == [41]  # stopped as soon as its id was known
    assert served._early == {} and served._stopped == {} and served._jobs == {}
    assert told == [{}] and served.waiting == 0
