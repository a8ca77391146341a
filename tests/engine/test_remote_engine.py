"""RemoteEngine: a remote answer told with the local engine's events (Token, Finished, Failed)."""

import queue

from app.core import remote_servers as rs
from app.engine import protocol as p
from app.engine.remote_engine import FIRST_ID, RemoteEngine


def _events_until_end(events: queue.Queue) -> list:
    seen = []
    while not seen or not isinstance(seen[-1], (p.Finished, p.Failed)):
        seen.append(events.get(timeout=10))
    return seen


def test_an_answer_streams_as_tokens_then_finished_with_stats(fake_openai):
    events: queue.Queue = queue.Queue()
    server = rs.RemoteServer(fake_openai.url_for("ok"))
    engine = RemoteEngine(events.put, lambda: [server])
    ref = rs.model_ref(server.url, "fake-model")
    request_id = engine.generate(ref, None, [{"role": "user", "content": "hi"}], {"max_tokens": 5})
    seen = _events_until_end(events)
    assert request_id >= FIRST_ID and all(e.request_id == request_id for e in seen)
    assert [e.text for e in seen if isinstance(e, p.Token)] == ["Hello", " world"]
    assert seen[-1].status == p.COMPLETE and seen[-1].stats["completion_tokens"] == 2
    assert engine.active_request is None and RemoteEngine.handles(ref) and not RemoteEngine.handles("/m.gguf")


def test_a_server_no_longer_set_up_or_a_continue_fails_in_words_without_a_request(fake_openai):
    events: queue.Queue = queue.Queue()
    server = rs.RemoteServer(fake_openai.url_for("ok"))
    engine = RemoteEngine(events.put, lambda: [])
    engine.generate(rs.model_ref(server.url, "fake-model"), None, [], {})
    [failed] = _events_until_end(events)
    assert isinstance(failed, p.Failed) and "no longer set up" in failed.message
    engine = RemoteEngine(events.put, lambda: [server])
    engine.generate(rs.model_ref(server.url, "fake-model"), None, [], {}, continue_text="Once upon")
    [failed] = _events_until_end(events)
    assert isinstance(failed, p.Failed) and "regenerate it instead" in failed.message
    assert fake_openai.requests == []


def test_stop_closes_the_stream_and_finishes_as_stopped(fake_openai):
    events: queue.Queue = queue.Queue()
    server = rs.RemoteServer(fake_openai.url_for("hang"))
    engine = RemoteEngine(events.put, lambda: [server])
    request_id = engine.generate(rs.model_ref(server.url, "fake-model"), None, [], {})
    assert events.get(timeout=10) == p.Token(request_id, "Hello")
    engine.stop(request_id + 1)  # another request's stop: not this one
    engine.stop(request_id)
    finished = _events_until_end(events)[-1]
    assert isinstance(finished, p.Finished) and (finished.status, finished.finish_reason) == (p.STOPPED, "user")
