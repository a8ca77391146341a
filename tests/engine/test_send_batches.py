"""The engine sends its text in batches: each message wakes the window's process, which takes a core
from llama.cpp's threads on a small machine (issue 17 item 5: the window cost 9% of the speed)."""

from ctypes import c_longlong
from types import SimpleNamespace

from app.engine import protocol as p
from app.engine import stream_text
from app.engine.worker import Engine

OPTIONS = p.LoadOptions(n_ctx=1024, n_threads=1, n_threads_batch=1)  # 1: a busy machine's cores
GREEDY = {"temperature": 0.0, "repeat_penalty": 1.0, "seed": 42, "max_tokens": 96}
TOKEN_S = 0.02  # the engine's clock moves this much per look: 50 tokens/s, as on a laptop's 2 cores


def test_tokens_coming_every_20_ms_go_out_at_most_once_per_80_ms_and_none_is_lost(smollm2, monkeypatch):
    events = []
    engine = Engine(events.append, c_longlong(0))
    assert engine.ensure_loaded(str(smollm2), OPTIONS), events
    messages = [{"role": "user", "content": "Write a very long story about a dragon."}]
    try:
        engine.generate(p.Generate(1, str(smollm2), OPTIONS, messages, dict(GREEDY)))
        plain = [e for e in events if isinstance(e, p.Token)]
        events.clear()
        # The same answer on a clock that moves TOKEN_S each time the engine reads it (about once a token).
        clock = iter(i * TOKEN_S for i in range(1, 10**6))
        monkeypatch.setattr(stream_text, "time", SimpleNamespace(perf_counter=lambda: next(clock)))
        engine.generate(p.Generate(2, str(smollm2), OPTIONS, messages, dict(GREEDY)))
    finally:
        engine.unload()
    tokens = [e for e in events if isinstance(e, p.Token)]
    [done] = [e for e in events if isinstance(e, p.Finished)]
    generated = done.stats["completion_tokens"]
    assert generated == GREEDY["max_tokens"]
    assert "".join(e.text for e in tokens) == "".join(e.text for e in plain) != ""  # every word, in order
    # The first piece at once (time to first token), then one message per 80 ms at most: with the
    # old 40 ms batches a token every 20 ms made a message every second token (~48 here).
    assert 2 <= len(tokens) <= generated * TOKEN_S / 0.08 + 2, len(tokens)
