"""`cove serve`'s parallel slots (app/engine/slots.py): several answers decoded in one batch.

Against the real SmolLM2: the engine itself (its stats say how many sequences shared a step), and
`cove serve` with the official `openai` client (streams that really overlap, a client that leaves,
repeatable greedy answers, each conversation finding its own slot's tokens again).
"""

import http.client
import json
import threading
import time
from urllib.parse import urlsplit

from app.engine import protocol as p
from app.engine.client import EngineClient
from app.engine.slots import Slot, choose_slot
from tests.server.conftest import MODEL

COUNTING = "1, 2, 3, 4, 5, 6, 7,"
PLAIN = {"repeat_penalty": 1.0}
OPTIONS = p.LoadOptions(n_ctx=2048, n_threads=1, n_threads_batch=1)


def slot(seq_id: int, cache: list[int], last_used: float) -> Slot:
    made = Slot(seq_id)
    made.cache, made.last_used = cache, last_used
    return made


def test_a_prompt_goes_to_the_slot_it_continues_else_to_the_least_recently_used():
    chat_a, chat_b = slot(0, [1, 2, 3, 4, 5, 6], 5.0), slot(1, [1, 2, 9, 9, 9], 1.0)
    empty = slot(2, [], 0.0)
    assert choose_slot([chat_a, chat_b, empty], [1, 2, 3, 4, 5, 6, 7, 8]) is chat_a  # continues A
    assert choose_slot([chat_a, chat_b, empty], [1, 2, 9, 9, 9, 7]) is chat_b
    # Only the template's first tokens in common: A and B keep theirs; the unused slot takes it.
    assert choose_slot([chat_a, chat_b, empty], [1, 2, 7, 7, 7, 7]) is empty
    assert choose_slot([chat_a, chat_b], [1, 2, 7, 7, 7, 7]) is chat_b  # the least recently used gives way
    assert choose_slot([chat_a, chat_b], [1, 2, 3, 4, 7]) is chat_a  # shares 4 of its 6: half or more


class Events:
    def __init__(self):
        self.by_id: dict[int, list] = {}
        self.lock = threading.Lock()

    def __call__(self, event):
        with self.lock:
            self.by_id.setdefault(getattr(event, "request_id", None), []).append(event)

    def end(self, rid: int, timeout: float = 300):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                ends = [e for e in self.by_id.get(rid, []) if isinstance(e, (p.Finished, p.Failed, p.EngineDied))]
            if ends:
                return ends[0]
            time.sleep(0.02)
        raise AssertionError(f"request {rid} did not end: {self.by_id.get(rid)}")

    def text(self, rid: int) -> str:
        return "".join(e.text for e in self.by_id.get(rid, []) if isinstance(e, p.Token))


def test_the_engine_decodes_four_answers_in_shared_steps_and_stops_only_the_one_asked(smollm2):
    events = Events()
    client = EngineClient(events, slots=4)
    try:
        ids = [client.generate(smollm2, OPTIONS, [], {"max_tokens": 40, "temperature": 0, **PLAIN},
                               prompt_text=COUNTING) for _ in range(4)]
        time.sleep(0.5)
        client.stop(ids[1])
        ends = {rid: events.end(rid) for rid in ids}
        stopped = ends[ids[1]]
        assert stopped.status == p.STOPPED and stopped.stats["completion_tokens"] < 40
        for rid in (ids[0], ids[2], ids[3]):
            assert ends[rid].status == p.COMPLETE and ends[rid].finish_reason == "length"
            assert ends[rid].stats["completion_tokens"] == 40 and " 9" in events.text(rid)
            assert ends[rid].stats["batched_sequences"] >= 2  # its tokens shared steps with the others
        # The same greedy prompt gives the same text in every slot, decoded together.
        assert events.text(ids[0]) == events.text(ids[2]) == events.text(ids[3])
    finally:
        client.shutdown()


def stream_chat(server, prompt: str, max_tokens: int, out: dict, key, **extra) -> None:
    try:
        stream = server.client().chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": prompt}], max_tokens=max_tokens, stream=True,
            stream_options={"include_usage": True}, **extra)
        times, text, usage = [], [], None
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                times.append(time.monotonic())
                text.append(chunk.choices[0].delta.content)
            if chunk.usage is not None:
                usage = chunk.usage
        out[key] = (times, "".join(text), usage)
    except Exception as exc:  # reported by the test
        out[key] = exc


def test_four_streaming_clients_are_answered_at_the_same_time(serve):
    server = serve()
    server.client().completions.create(model=MODEL, prompt="Hi", max_tokens=1)  # loaded: the clients start even
    out: dict = {}
    topics = ["the sea", "a forest", "the moon", "a city"]
    threads = [threading.Thread(target=stream_chat, args=(server, f"Write a long story about {t}.", 48, out, t),
                                kwargs={"temperature": 0.5, "seed": n}) for n, t in enumerate(topics)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not [r for r in out.values() if isinstance(r, Exception)] and sorted(out) == sorted(topics)
    for _times, text, usage in out.values():
        assert len(text.split()) >= 5 and sum(c.isalpha() for c in text) > len(text) / 2, text
        assert 0 < usage.completion_tokens <= 48
    # Decoded together: every stream had begun before any of them ended (a queue would run them in turn).
    assert max(times[0] for times, _t, _u in out.values()) < min(times[-1] for times, _t, _u in out.values())


def test_a_client_that_leaves_stops_its_slot_while_the_others_finish(serve):
    server = serve()
    server.client().completions.create(model=MODEL, prompt="Hi", max_tokens=1)
    out: dict = {}
    others = [threading.Thread(target=lambda n=n: out.__setitem__(n, server.client().completions.create(
        model=MODEL, prompt=COUNTING, max_tokens=120, temperature=0, extra_body=PLAIN))) for n in range(3)]
    for t in others:
        t.start()
    address = urlsplit(server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    connection.request("POST", "/v1/completions", json.dumps(
        {"model": MODEL, "prompt": COUNTING, "max_tokens": 300, "temperature": 0, "stream": True, **PLAIN}),
        {"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 200 and response.readline().decode().startswith("data: ")
    connection.sock.close()  # this client goes away mid-answer
    connection.close()
    for t in others:
        t.join(300)
    assert sorted(out) == [0, 1, 2]
    assert all(a.usage.completion_tokens == 120 and a.choices[0].finish_reason == "length" for a in out.values())
    from tests.server.test_serve_openai import served_lines

    deadline = time.monotonic() + 30
    while not [r for r in served_lines() if r.outcome.startswith("cancelled")] and time.monotonic() < deadline:
        time.sleep(0.1)
    cancelled = [r for r in served_lines() if r.outcome == "cancelled: the client left"]
    assert len(cancelled) == 1, served_lines()
    assert int(cancelled[0].purpose.split(" prompt + ")[1].split()[0]) < 150, cancelled[0].purpose


def test_a_greedy_answer_alone_is_the_same_after_a_batch_ran(serve):
    server = serve()
    client = server.client()
    messages = [{"role": "user", "content": "Describe a lighthouse in two sentences."}]

    def alone():
        return client.chat.completions.create(model=MODEL, messages=messages, max_tokens=32,
                                              temperature=0).choices[0].message.content

    first = alone()
    # Three others at once, in the three free slots: the batch runs beside the first answer's kept tokens.
    # (Had a fourth taken that slot, the prompt would be read again in other chunks, and llama.cpp's
    # results differ in their low bits with the batch's size: a near tie could go the other way.)
    out: dict = {}
    threads = [threading.Thread(target=stream_chat, args=(server, f"Name {n + 2} fruits.", 24, out, n),
                                kwargs={"temperature": 0}) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert sorted(out) == [0, 1, 2] and all(not isinstance(r, Exception) for r in out.values())
    assert alone() == first and first


def test_two_conversations_taking_turns_each_find_their_own_tokens_again(serve):
    client = serve().client()
    chats = {
        "bread": [{"role": "system", "content": "You are a baker who answers in detail. " * 8},
                  {"role": "user", "content": "What is bread made of?"}],
        "boats": [{"role": "system", "content": "You are a sailor. Keep answers short. " * 8},
                  {"role": "user", "content": "What is a keel?"}],
    }
    firsts = {}
    for name, messages in chats.items():  # bread, then boats: both kept, in two slots
        firsts[name] = client.chat.completions.create(model=MODEL, messages=messages, max_tokens=12, temperature=0)
    for name, messages in chats.items():
        messages += [{"role": "assistant", "content": firsts[name].choices[0].message.content},
                     {"role": "user", "content": "Tell me more."}]
        follow_up = client.chat.completions.create(model=MODEL, messages=messages, max_tokens=4, temperature=0)
        cached = follow_up.usage.prompt_tokens_details.cached_tokens
        assert cached >= firsts[name].usage.prompt_tokens - 1, (name, cached, firsts[name].usage)


def test_the_number_of_slots_is_a_checked_setting():
    from app.core import settings as settings_mod

    assert settings_mod.ServerOptions().parallel == 4
    values, problems = settings_mod.parse({"server": {"parallel": 8}})
    assert problems == [] and values.server.parallel == 8
    for bad in (0, 17, "4"):
        values, problems = settings_mod.parse({"server": {"parallel": bad}})
        assert values.server.parallel == 4 and len(problems) == 1 and "server.parallel" in problems[0]


def test_an_engine_that_dies_ends_every_answer_it_was_writing(smollm2):
    import asyncio
    import os
    import signal
    from pathlib import Path

    from app.core.models import ModelEntry
    from app.server.engines import ServedModel

    served = ServedModel(ModelEntry(Path(smollm2), 1), OPTIONS, max_waiting=8, parallel=4)
    seen: dict[int, list] = {0: [], 1: []}

    async def one(n):
        async for event in served.generate([], COUNTING, {"max_tokens": 1000, "temperature": 0, **PLAIN}):
            seen[n].append(event)

    async def main():
        tasks = [asyncio.create_task(one(n)) for n in seen]
        while not all(any(isinstance(e, p.Token) for e in events) for events in seen.values()):
            await asyncio.sleep(0.05)
        os.kill(served.client.pid, signal.SIGKILL)  # both answers are being written
        await asyncio.wait_for(asyncio.gather(*tasks), 60)

    try:
        asyncio.run(main())
    finally:
        served.shutdown()
    assert [type(events[-1]) for events in seen.values()] == [p.EngineDied, p.EngineDied]
    assert all("engine" in events[-1].message for events in seen.values())
    assert served.waiting == 0 and served._jobs == {}


class _Cells:
    """llama.cpp's memory calls as a recurrent model answers them: no cut at a position, only whole."""

    def __init__(self, cuts: bool):
        self.cuts, self.calls = cuts, []

    def kv_cache_seq_rm(self, seq_id, p0, p1):
        self.calls.append(("rm", seq_id, p0, p1))
        return self.cuts or (p0 <= 0 and p1 < 0)

    def kv_cache_seq_cp(self, src, dst, p0, p1):
        self.calls.append(("cp", src, dst, p0, p1))


def _started(cuts: bool, prefix_reuse: bool, monkeypatch):
    from types import SimpleNamespace

    from app.engine import slots

    monkeypatch.setattr(slots, "make_sampler", lambda *args: None)
    engine = slots.SlotEngine(lambda event: None, 2)
    engine.llm = SimpleNamespace(_ctx=_Cells(cuts))
    engine._prefix_reuse = prefix_reuse
    engine.slots[0].cache = [1, 2, 3, 4, 5, 6]
    request = p.Generate(request_id=7, model_path="m", options=OPTIONS, messages=[], sampling={})
    job = slots.Job(request, SimpleNamespace(tokens=[1, 2, 3, 4, 9, 9], dropped=0), 8, {}, 1, None)
    engine._start(engine.slots[0], job)
    return engine, job


def test_a_cache_llama_cpp_will_not_cut_is_cleared_and_the_prompt_read_whole(monkeypatch):
    # Recurrent and hybrid models (Mamba, LFM2…): llama.cpp refuses to remove part of a sequence.
    engine, job = _started(cuts=False, prefix_reuse=True, monkeypatch=monkeypatch)
    assert (job.reused, engine.slots[0].cache) == (0, [])
    assert engine.llm._ctx.calls[-1] == ("rm", 0, 0, -1)
    engine, job = _started(cuts=True, prefix_reuse=False, monkeypatch=monkeypatch)  # known at load
    assert (job.reused, engine.slots[0].cache) == (0, [])
    engine, job = _started(cuts=True, prefix_reuse=True, monkeypatch=monkeypatch)  # a transformer keeps 4
    assert (job.reused, engine.slots[0].cache) == (4, [1, 2, 3, 4])
