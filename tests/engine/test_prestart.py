"""The engine started early (app/engine/prestart.py) is the one the app then uses."""

import queue
import time
from pathlib import Path

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


def test_the_window_model_loads_early_with_the_options_the_window_uses(smollm2, cove_home, no_starter):
    from app.core import chat, paths
    from app.core import settings as settings_mod
    from app.core.model_names import display_name

    cove_paths = paths.current().ensure()
    (cove_paths.models_dir / smollm2.name).symlink_to(smollm2)
    prestart.start()
    prestart.load_default()
    events: queue.Queue = queue.Queue()
    client = prestart.take(events.put, hold=True)
    try:
        time.sleep(0.2)
        assert events.empty()  # held until the window has connected its slots
        prestart.release()
        loaded = events.get(timeout=120)
        while isinstance(loaded, p.ModelLoading):
            loaded = events.get(timeout=120)
        assert isinstance(loaded, p.ModelLoaded) and loaded.model_path == str(cove_paths.models_dir / smollm2.name)
        # The window's own request (model_picker.py) is then for the same model and options: nothing to do.
        options = chat.load_options(settings_mod.Settings(), display_name(Path(loaded.model_path)), cove_paths.data_dir)
        client.load(loaded.model_path, options)
        request = client.count_tokens(loaded.model_path, options, "hello")
        answer = events.get(timeout=60)
        assert isinstance(answer, p.TokenCount) and answer.request_id == request  # no second ModelLoading
    finally:
        client.shutdown()


def test_the_windows_early_engine_speaks_the_language_chosen_in_settings(tmp_path, cove_home):
    # Started before the window reads its settings: it reads the language itself (here German, while the
    # tests' environment is English), so a model that fails to load is explained in the window's language.
    import json

    from app.core import i18n, paths

    bad = tmp_path / "notes.gguf"
    bad.write_text("hello, not a model")
    settings_file = paths.current().ensure().settings_file
    settings_file.write_text(json.dumps({"appearance": {"language": "de"}}))
    prestart.start(window=True)
    events: queue.Queue = queue.Queue()
    client = prestart.take(events.put)
    try:
        client.load(str(bad), p.LoadOptions(n_ctx=512))
        while not isinstance(event := events.get(timeout=120), p.LoadFailed | p.EngineDied):
            pass
    finally:
        client.shutdown()
        i18n.setup("en")
    assert isinstance(event, p.LoadFailed) and "ist keine GGUF-Modelldatei" in event.message


def test_the_early_engine_is_forked_only_from_a_process_with_no_other_threads(monkeypatch):
    import sys
    import threading

    from app.engine import client

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(client, "NATIVE_THREADS", ("a_module_nothing_imports",))
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert client._start_method(fork=True) == "fork"
    assert client._start_method(fork=False) == "spawn"  # a later engine (after a crash): afresh
    monkeypatch.setattr(client, "NATIVE_THREADS", ("sys",))  # a library with threads of its own is loaded
    assert client._start_method(fork=True) == "spawn"
    monkeypatch.setattr(client, "NATIVE_THREADS", ("a_module_nothing_imports",))
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert client._start_method(fork=True) == "spawn"
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    for system in ("darwin", "win32"):
        monkeypatch.setattr(sys, "platform", system)
        assert client._start_method(fork=True) == "spawn"


FORKED_ENGINE = """
import os, queue, sys
from app.engine import prestart, protocol as p
prestart.start()
client, relay = prestart._early
events = queue.Queue()
relay.attach(events.put)
client.load(sys.argv[1], p.LoadOptions(n_ctx=512))
client.generate(sys.argv[1], p.LoadOptions(n_ctx=512),
                [{"role": "user", "content": "What is the capital of France? Answer in one word."}],
                {"temperature": 0, "max_tokens": 16})
answer = ""
while not isinstance(event := events.get(timeout=120), (p.Finished, p.Failed, p.LoadFailed, p.EngineDied)):
    answer += getattr(event, "text", "")
print(type(client._process._popen).__module__, client.pid, type(event).__name__, repr(answer), flush=True)
os._exit(0)  # the app gone without a word to its engine (killed, crashed)
"""


def test_a_forked_early_engine_answers_and_ends_when_the_app_is_gone(smollm2):
    import subprocess
    import sys

    import psutil

    app = subprocess.Popen([sys.executable, "-c", FORKED_ENGINE, str(smollm2)], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        said = app.stdout.readline()  # not to the end: an engine left behind would hold the pipe open
        assert app.wait(timeout=180) == 0, said
    finally:
        app.kill()
    popen, pid, event, answer = said.split(maxsplit=3)
    assert popen == "multiprocessing.popen_fork"  # a fresh process: forked, not spawned
    assert event == "Finished" and "Paris" in answer
    deadline = time.monotonic() + 30
    try:  # it sees its pipe close (the app's end is not held open in the copy) and ends
        engine = psutil.Process(int(pid))
        while engine.status() != psutil.STATUS_ZOMBIE and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = engine.status() != psutil.STATUS_ZOMBIE
        if alive:
            engine.kill()
    except psutil.NoSuchProcess:
        alive = False
    app.stdout.close()
    assert not alive, "the forked engine outlived the app"


def test_the_engine_process_collects_again_ignores_ctrl_c_and_keeps_openblas_to_one_thread(monkeypatch):
    # An engine forked from a starting app is a copy made with the collector asleep (app/core/startup_gc.py).
    import gc
    import os
    import signal
    import sys
    import types

    from app.core import i18n, startup_gc
    from app.engine import client

    seen = []
    stub = types.ModuleType("app.engine.stub_engine")
    stub.main = lambda *args: seen.append((args, gc.isenabled(), os.environ.get("OPENBLAS_NUM_THREADS"),
                                           signal.getsignal(signal.SIGINT)))
    monkeypatch.setitem(sys.modules, "app.engine.stub_engine", stub)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "")
    ctrl_c, collecting = signal.getsignal(signal.SIGINT), gc.isenabled()
    try:
        for users_own in (None, "4"):
            if users_own is None:
                os.environ.pop("OPENBLAS_NUM_THREADS")
            else:
                os.environ["OPENBLAS_NUM_THREADS"] = users_own
            gc.enable()
            startup_gc.pause()
            client._engine_main("en", "stub_engine", "the pipe")
            signal.signal(signal.SIGINT, ctrl_c)
    finally:
        gc.unfreeze()
        (gc.enable if collecting else gc.disable)()
        i18n.setup("en")
    assert seen == [(("the pipe",), True, "1", signal.SIG_IGN), (("the pipe",), True, "4", signal.SIG_IGN)]
