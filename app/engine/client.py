"""The app's side of the engine process.

`EngineClient` starts the engine process on first use, sends it requests and hands
every event it sends back to one callback, from a reader thread. That thread also
watches the process itself: if the engine ends without being asked (a crash in
native code, a kill, the system running out of memory), the callback receives
`EngineDied` naming the request that was in flight, and the next request starts a
fresh engine. The caller never blocks on the engine.
"""

from __future__ import annotations

import importlib
import itertools
import multiprocessing
import multiprocessing.util
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import wait
from pathlib import Path

from app.core import i18n, startup_gc
from app.core.errors import CoveError
from app.core.i18n import N_, _
from app.engine import protocol as p

_SIGNAL_WORDS = {
    signal.SIGKILL: N_("was stopped by the system (this usually means it ran out of memory)"),
    signal.SIGSEGV: N_("crashed"),
    signal.SIGABRT: N_("crashed"),
    signal.SIGBUS: N_("crashed"),
}
if hasattr(signal, "SIGILL"):
    _SIGNAL_WORDS[signal.SIGILL] = N_("crashed (this build of llama.cpp may not suit this processor)")


# How long embed() waits by default: the engine answers one request at a time, so an
# answer being written comes first; an embedding batch itself takes seconds at most.
EMBED_TIMEOUT = 120.0
IDLE_POLL = 0.05  # seconds between looks at whether the answer being written is done




def _how(exit_code: int | None) -> str:
    if exit_code is not None and exit_code < 0:
        try:
            return _(_SIGNAL_WORDS.get(signal.Signals(-exit_code), N_("was stopped")))
        except ValueError:
            return _("was stopped")
    return _("stopped unexpectedly")


def describe_exit(exit_code: int | None) -> str:
    return (_("The model engine {how}. What was already written is saved. Send your "
              "message again to restart the engine, or choose a smaller model.").format(how=_how(exit_code)))


def describe_embedding_exit(exit_code: int | None, model_path: str) -> str:
    return (_("The model engine {how} while computing embeddings with "
              "{name}. The file may be damaged or not supported by this "
              "llama.cpp: download it again or choose another embedding model.").format(how=_how(exit_code), name=Path(model_path).name))


def _engine_main(language: str | None, module: str, *args) -> None:
    """The engine process's entry point (module: "worker", or "slots" for `cove serve`).

    The engine's modules (llama.cpp's, the chat templates') are imported here only: the app starts
    faster without them. It speaks the app's language: a spawned child starts afresh and would
    otherwise follow the system's, not the one chosen in Settings › Appearance (its Failed and
    LoadFailed messages are shown)."""
    # Ctrl+C in a terminal reaches the whole process group; the app decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # llama-cpp-python imports numpy, whose OpenBLAS starts a thread per core that spins waiting for
    # work: 0.1 CPU-s taken from llama.cpp and, at start, from the window on a 2-core machine. The
    # engine's numpy work is one vector at a time; llama.cpp has threads of its own.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    i18n.setup(language)
    engine = importlib.import_module(f"app.engine.{module}")
    try:  # now, while the app is still starting (prestart.py); a failure is the first load's to report
        import llama_cpp  # noqa: F401
    except Exception:  # noqa: BLE001
        pass
    startup_gc.resume()  # an engine copied from a starting app was copied with the collector asleep
    engine.main(*args)


# Libraries that start threads of their own, which threading.active_count() does not see: a copy
# made after them could hang (llama.cpp's OpenMP pool, for one, does not survive a fork).
NATIVE_THREADS = ("llama_cpp", "numpy", "PySide6")


def _start_method(fork: bool) -> str:
    """"fork" for an engine started while this process is still single-threaded, on Linux; else "spawn".

    A spawned engine is a fresh interpreter that imports its parent's main module and the client
    again before it starts on llama.cpp: about 0.1 s of `cove chat`'s time to the first word
    (benchmarks/coldstart.py). A forked one starts from a copy of this process, which at
    prestart has imported next to nothing. Forking is unsafe once other threads exist (a lock
    one of them holds stays held in the copy) and on macOS (its system libraries), and absent
    on Windows; the tests, which run llama.cpp in their own process too, get spawned engines."""
    if fork and sys.platform.startswith("linux") and threading.active_count() == 1 \
            and not any(name in sys.modules for name in NATIVE_THREADS):
        return "fork"
    return "spawn"


class _Waiter:
    """A blocking embed() call waiting for its answer from the reader thread."""

    def __init__(self, model_path: str):
        self.model_path = model_path
        self.done = threading.Event()
        self.vectors: list[list[float]] | None = None
        self.tokens = 0
        self.error: str | None = None


class EngineClient:
    def __init__(self, on_event: Callable[[object], None], slots: int = 0):
        self._on_event = on_event
        # slots > 0: the engine answers up to that many requests at once in one batch (slots.py,
        # for `cove serve`); each is stopped by its own Stop message, not the shared counter.
        self._slots = slots
        self._ctx = multiprocessing.get_context("spawn")
        self._stop_counter = self._ctx.RawValue("q", 0)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._process = None
        self._conn = None
        self._reader: threading.Thread | None = None
        self._active: int | None = None  # request in flight
        self._prefill: int | None = None  # latest draft sent for processing
        self._closing = False
        self._send_lock = threading.Lock()  # embed() sends from other threads than the window's
        self._waiters: dict[int, _Waiter] = {}  # embed() calls waiting, by request id
        self._abandoned: set[int] = set()  # embed() calls that timed out: their late answers are dropped

    # Process lifecycle ---------------------------------------------------

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None else None

    def is_running(self) -> bool:
        process = self._process
        # Looking at the sentinel does not reap the child (the reader thread does).
        return process is not None and not wait([process.sentinel], 0)

    def start(self, fork: bool = False) -> None:
        """Start the engine process now rather than with the first request (see prestart.py).

        fork: as a copy of this process where that is safe (see _start_method); later engines
        (after a crash, another model's) are spawned afresh."""
        with self._send_lock:
            self._ensure_process(fork)

    def _ensure_process(self, fork: bool = False):
        if self.is_running():
            return self._conn
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        module, args = ("slots", (child_conn, self._slots)) if self._slots > 0 \
            else ("worker", (child_conn, self._stop_counter))
        method = _start_method(fork)
        if method == "fork":  # the copy must not hold the app's end open: it would never see the app go
            multiprocessing.util.register_after_fork(parent_conn, type(parent_conn).close)
        ctx = multiprocessing.get_context(method)
        # The parent's language (None: it has not chosen one, the child follows the environment too)
        process = ctx.Process(target=_engine_main, args=(i18n.language(), module, *args),
                              name="cove-engine", daemon=True)
        process.start()
        child_conn.close()
        self._process, self._conn = process, parent_conn
        # The reader thread is the only one that waits on (reaps) the process:
        # two threads waiting on one child can each miss its exit status.
        self._reader = threading.Thread(target=self._read_events, args=(process, parent_conn),
                                        name="cove-engine-reader", daemon=True)
        self._reader.start()
        return parent_conn

    def _read_events(self, process, conn) -> None:
        while True:
            ready = wait([conn, process.sentinel])
            if conn in ready:
                try:
                    event = conn.recv()
                except (EOFError, OSError):
                    break
                if self._embed_answer(event):
                    continue
                if isinstance(event, (p.Finished, p.Failed)) or (
                        isinstance(event, p.LoadFailed) and event.request_id is not None):
                    with self._lock:
                        if self._active == getattr(event, "request_id", None):
                            self._active = None
                self._on_event(event)
            else:
                break
        process.join(timeout=5)
        with self._lock:
            current = self._process is process
            active, waiters = None, []
            if current:
                self._process, self._conn = None, None
                active, self._active = self._active, None
                waiters = list(self._waiters.values())  # sent to this engine: no answer will come
            closing = self._closing
        conn.close()
        for waiter in waiters:
            waiter.error = describe_embedding_exit(process.exitcode, waiter.model_path)
            waiter.done.set()
        # An engine already replaced (it died between requests) needs no report; nor does
        # one that died embedding, between answers: the embed() caller has the message, and
        # the next answer starts a fresh engine (a stale report would end that answer).
        if current and not closing and (active is not None or not waiters):
            self._on_event(p.EngineDied(describe_exit(process.exitcode), active, process.exitcode))

    def _embed_answer(self, event) -> bool:
        """Hand an answer to embed() to its waiting caller; True if the event was one."""
        if not isinstance(event, (p.Embedded, p.Failed)):
            return False
        with self._lock:
            waiter = self._waiters.get(event.request_id)
            if waiter is None:
                if event.request_id in self._abandoned:
                    self._abandoned.discard(event.request_id)
                    return True
                return False
        if isinstance(event, p.Embedded):
            waiter.vectors, waiter.tokens = event.vectors, event.tokens
        else:
            waiter.error = event.message
        waiter.done.set()
        return True

    def _send(self, request) -> None:
        with self._send_lock:
            conn = self._ensure_process()
            try:
                conn.send(request)
            except (BrokenPipeError, OSError):
                # Died between requests: start over once.
                self._process = None
                self._ensure_process().send(request)

    # Requests --------------------------------------------------------------

    def load(self, model_path: str, options: p.LoadOptions) -> None:
        from app.core import gguf_file  # not at the top: prestart imports this module before forking

        self._send(p.Load(str(model_path), options, gguf_file.known_header(model_path)))

    def generate(self, model_path: str, options: p.LoadOptions, messages: list[dict], sampling: dict,
                 overflow: str = "drop_oldest", continue_text: str = "", prompt_text: str | None = None) -> int:
        if self._prefill is not None:
            self.stop(self._prefill)  # a draft still being processed gives way at once
            self._prefill = None
        request_id = next(self._ids)
        with self._lock:
            self._active = request_id
        self._send(p.Generate(request_id, str(model_path), options, messages, sampling, overflow, continue_text,
                              prompt_text))
        return request_id

    def prefill(self, model_path: str, options: p.LoadOptions, messages: list[dict],
                overflow: str = "drop_oldest") -> int | None:
        """Let the engine process a draft while the user types; skipped while an answer runs."""
        with self._lock:
            if self._active is not None:
                return None
        request_id = next(self._ids)
        self._prefill = request_id
        self._send(p.Prefill(request_id, str(model_path), options, messages, overflow))
        return request_id

    def count_tokens(self, model_path: str, options: p.LoadOptions, text: str) -> int:
        """Ask how many tokens a text takes with this model; a TokenCount (or Failed) answers.

        Counted between other requests: while an answer is written, after it."""
        request_id = next(self._ids)
        self._send(p.CountTokens(request_id, str(model_path), options, text))
        return request_id

    def embed(self, model_path: str, texts: list[str], timeout: float = EMBED_TIMEOUT, counted: bool = False):
        """Vectors for texts from an embedding model (kept loaded beside the chat model);
        with `counted`, (vectors, the number of tokens read), for the API's usage.

        Blocks until the engine answers: call it from a worker thread, never the window's.
        Every failure (a bad file, a crash, no answer within `timeout` seconds) raises
        CoveError with a message the user can act on."""
        texts = [str(text) for text in texts]
        if not texts:
            return ([], 0) if counted else []
        deadline = time.monotonic() + timeout
        # An answer being written comes first. Sent only then, a large batch never waits in the
        # pipe for the engine to read it, which would hold up the window's next request behind it.
        while self._active is not None and time.monotonic() < deadline:
            time.sleep(IDLE_POLL)
        request_id = next(self._ids)
        waiter = _Waiter(str(model_path))
        with self._lock:
            self._waiters[request_id] = waiter
        try:
            answered = False
            if self._active is None:
                self._send(p.Embed(request_id, str(model_path), texts))
                answered = waiter.done.wait(max(0.0, deadline - time.monotonic()))
        finally:
            with self._lock:
                self._waiters.pop(request_id, None)
                if not waiter.done.is_set():
                    self._abandoned.add(request_id)
        if not answered:
            raise CoveError(_("The model engine did not compute embeddings within {timeout:g} "
                              "seconds (it may be busy with a long answer). Try again when it is done.").format(timeout=timeout))
        if waiter.error is not None:
            raise CoveError(waiter.error)
        return (waiter.vectors, waiter.tokens) if counted else waiter.vectors

    def stop(self, request_id: int | None = None) -> None:
        """Stop the given request (default: the one in flight). Returns at once."""
        with self._lock:
            target = request_id if request_id is not None else self._active
        if target is not None and self._slots > 0:
            if self.is_running():
                try:
                    self._send(p.Stop(target))
                except (BrokenPipeError, OSError):
                    pass  # the engine is gone: nothing is being written
            return
        if target is not None and self._stop_counter.value < target:
            self._stop_counter.value = target

    @property
    def active_request(self) -> int | None:
        return self._active

    def shutdown(self, timeout: float = 3.0, wait: bool = True) -> None:
        """End the engine: wait up to `timeout` for it to exit, then kill it.

        With wait=False the engine is asked to exit and left to do so on its own (it finishes
        what it was writing, such as the saved state of the last answer, and exits on the
        request or when it finds this process gone); the process is no longer this one's
        child for multiprocessing, so Python's exit neither waits for it nor kills it."""
        with self._lock:
            self._closing = True
            process, conn, reader = self._process, self._conn, self._reader
        if process is None:
            return
        self.stop()
        try:
            conn.send(p.Shutdown())
        except (BrokenPipeError, OSError):
            pass
        if not wait:
            multiprocessing.process._children.discard(process)  # what Python's exit joins or terminates
            return
        reader.join(timeout)
        if reader.is_alive():  # the engine did not exit in time
            process.kill()
            reader.join(timeout)
