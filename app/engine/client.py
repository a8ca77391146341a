"""The app's side of the engine process.

`EngineClient` starts the engine process on first use, sends it requests and hands
every event it sends back to one callback, from a reader thread. That thread also
watches the process itself: if the engine ends without being asked (a crash in
native code, a kill, the system running out of memory), the callback receives
`EngineDied` naming the request that was in flight, and the next request starts a
fresh engine. The caller never blocks on the engine.
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import wait

from app.engine import protocol as p
from app.engine import worker

_SIGNAL_WORDS = {
    signal.SIGKILL: "was stopped by the system (this usually means it ran out of memory)",
    signal.SIGSEGV: "crashed",
    signal.SIGABRT: "crashed",
    signal.SIGBUS: "crashed",
}
if hasattr(signal, "SIGILL"):
    _SIGNAL_WORDS[signal.SIGILL] = "crashed (this build of llama.cpp may not suit this processor)"


def describe_exit(exit_code: int | None) -> str:
    if exit_code is not None and exit_code < 0:
        try:
            how = _SIGNAL_WORDS.get(signal.Signals(-exit_code), "was stopped")
        except ValueError:
            how = "was stopped"
    else:
        how = "stopped unexpectedly"
    return (f"The model engine {how}. What was already written is saved. "
            "Send your message again to restart the engine, or choose a smaller model.")


class EngineClient:
    def __init__(self, on_event: Callable[[object], None]):
        self._on_event = on_event
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

    # Process lifecycle ---------------------------------------------------

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None else None

    def is_running(self) -> bool:
        process = self._process
        # Looking at the sentinel does not reap the child (the reader thread does).
        return process is not None and not wait([process.sentinel], 0)

    def _ensure_process(self):
        if self.is_running():
            return self._conn
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=worker.main, args=(child_conn, self._stop_counter),
            name="cove-engine", daemon=True,
        )
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
            active = None
            if current:
                self._process, self._conn = None, None
                active, self._active = self._active, None
            closing = self._closing
        conn.close()
        # An engine already replaced (it died between requests) needs no report.
        if current and not closing:
            self._on_event(p.EngineDied(describe_exit(process.exitcode), active, process.exitcode))

    def _send(self, request) -> None:
        conn = self._ensure_process()
        try:
            conn.send(request)
        except (BrokenPipeError, OSError):
            # Died between requests: start over once.
            self._process = None
            self._ensure_process().send(request)

    # Requests --------------------------------------------------------------

    def load(self, model_path: str, options: p.LoadOptions) -> None:
        self._send(p.Load(str(model_path), options))

    def generate(self, model_path: str, options: p.LoadOptions, messages: list[dict], sampling: dict,
                 overflow: str = "drop_oldest", continue_text: str = "") -> int:
        if self._prefill is not None:
            self.stop(self._prefill)  # a draft still being processed gives way at once
            self._prefill = None
        request_id = next(self._ids)
        with self._lock:
            self._active = request_id
        self._send(p.Generate(request_id, str(model_path), options, messages, sampling, overflow, continue_text))
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

    def stop(self, request_id: int | None = None) -> None:
        """Stop the given request (default: the one in flight). Returns at once."""
        with self._lock:
            target = request_id if request_id is not None else self._active
        if target is not None and self._stop_counter.value < target:
            self._stop_counter.value = target

    @property
    def active_request(self) -> int | None:
        return self._active

    def shutdown(self, timeout: float = 3.0) -> None:
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
        reader.join(timeout)
        if reader.is_alive():  # the engine did not exit in time
            process.kill()
            reader.join(timeout)
