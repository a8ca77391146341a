"""The engine started early (app/engine/prestart.py) is the one the app then uses."""

import queue
import time

from app.engine import prestart
from app.engine import protocol as p


def test_take_without_start_gives_nothing():
    assert prestart.take(lambda event: None) is None


def test_the_early_engine_is_taken_once_and_passes_on_what_it_held(smollm2):
    prestart.start()
    events: queue.Queue = queue.Queue()
    client = prestart.take(events.put)
    try:
        assert client is not None and client.is_running()
        assert prestart.take(events.put) is None  # taken: a second caller starts its own
        client.load(str(smollm2), p.LoadOptions(n_ctx=512))
        kinds = []
        while not kinds or kinds[-1] not in (p.ModelLoaded, p.LoadFailed):
            kinds.append(type(events.get(timeout=120)))
        assert kinds == [p.ModelLoading, p.ModelLoaded]
    finally:
        client.shutdown()
    assert not client.is_running()


def test_events_before_take_are_held_in_order():
    relay = prestart._Relay()
    relay("first")
    relay("second")
    seen = []
    relay.attach(seen.append)
    relay("third")
    assert seen == ["first", "second", "third"]


def test_an_engine_left_to_end_on_its_own_ends():
    from app.engine.client import EngineClient

    client = EngineClient(lambda event: None)
    client.start()
    process = client._process
    client.shutdown(wait=False)  # returns at once; the engine reads the request and exits
    deadline = time.monotonic() + 30
    while client._process is not None and time.monotonic() < deadline:  # the reader thread reaps it
        time.sleep(0.05)
    assert process.exitcode == 0


def test_discard_ends_an_engine_nobody_took():
    prestart.start()
    client, _ = prestart._early
    prestart.discard()
    assert prestart.take(lambda event: None) is None
    assert not client.is_running()
