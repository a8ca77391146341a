"""Start the engine process before the rest of Cove is imported.

The engine is a spawned Python process that imports llama.cpp before it can load a
model: a few tenths of a second, about as long as the app's own imports (the window's
Qt, the command line's database code). `python -m app` and the `cove` command start it
first (app/__main__.py), so the two overlap instead of adding up; the code that needs
the engine then takes this client over with take(). Nothing is sent to the engine
until then, so a command that ends up not needing it only shuts down an idle process.
"""

from __future__ import annotations

import threading

_early = None  # the started client and the relay its events go through


class _Relay:
    """The early client's callback: holds events until the real callback is attached."""

    def __init__(self):
        self._lock = threading.Lock()
        self._target = None
        self._waiting: list = []

    def __call__(self, event) -> None:
        with self._lock:
            target = self._target
            if target is None:
                self._waiting.append(event)
                return
        target(event)

    def attach(self, target) -> None:
        with self._lock:  # events held so far go first, in order
            for event in self._waiting:
                target(event)
            self._waiting.clear()
            self._target = target


def start() -> None:
    """Start an engine process now, for the next take() (once per process)."""
    global _early
    if _early is not None:
        return
    from app.engine.client import EngineClient

    relay = _Relay()
    client = EngineClient(relay)
    client.start()
    _early = (client, relay)


def take(on_event):
    """The client that start() started, now calling on_event; None if none was started (or it was taken)."""
    global _early
    if _early is None:
        return None
    (client, relay), _early = _early, None
    relay.attach(on_event)
    return client


def discard() -> None:
    """End an early engine nobody took (a command that failed before needing it)."""
    global _early
    if _early is not None:
        client, _ = _early
        _early = None
        client.shutdown(timeout=0.1)
