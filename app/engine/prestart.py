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
_held = None  # the relay of a client taken with hold=True, and where its events go on release()


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


def start(window: bool = False) -> None:
    """Start an engine process now, for the next take() (once per process).

    For the window, in the language chosen in Settings (the window sets the same one when it starts);
    the command line's follows the environment's."""
    global _early
    if _early is not None:
        return
    from app.core import i18n, paths
    from app.engine.client import EngineClient

    if window:
        i18n.setup(i18n.chosen_language(paths.current().settings_file))

    relay = _Relay()
    client = EngineClient(relay)
    client.start(fork=True)  # a copy of this process, which has imported next to nothing yet
    _early = (client, relay)


def load(model_path: str, options) -> None:
    """Have the early engine, if there is one, load this model now (`cove chat`: while the question is saved)."""
    if _early is not None:
        _early[0].load(model_path, options)


def load_default() -> None:
    """Have the early engine load the model the window is going to load, while Qt starts.

    The window loads its last model (else the first installed one) with the options from the
    settings (model_picker.py); the same request sent now makes the window's own request find
    the model loaded. Only where the window is sure to ask for exactly this: plain settings, a
    local model, no administrator's restrictions, conversations not encrypted (their key, which
    seals the saved states, is known only after unlocking)."""
    if _early is None:
        return
    from app.core import chat, encryption, paths, policy
    from app.core import settings as settings_mod
    from app.core.models import ModelLibrary
    from app.engine.remote_engine import RemoteEngine

    try:
        cove_paths = paths.current()
        admin = policy.current()
        config, problems = settings_mod.load(cove_paths.settings_file)
        if problems or admin.problems or admin.remote_only or admin.allowed_models is not None \
                or RemoteEngine.handles(config.last_model) or encryption.is_encrypted(cove_paths.database):
            return
        model = ModelLibrary(cove_paths.models_dir, shared_dir=admin.shared_models_folder).default_model(
            config.last_model)
        if model is None:
            return
        options = chat.load_options(config, model.name, cove_paths.data_dir)
    except Exception:  # noqa: BLE001 (the window reads all this again and says what is wrong)
        return
    _early[0].load(str(model.path), options)


def take(on_event, hold: bool = False):
    """The client that start() started, now calling on_event; None if none was started (or it was taken).

    With hold, what the engine sends stays held until release(): the window takes the client
    while it builds itself, before its slots are connected."""
    global _early, _held
    if _early is None:
        return None
    (client, relay), _early = _early, None
    if hold:
        _held = (relay, on_event)
    else:
        relay.attach(on_event)
    return client


def release() -> None:
    """Pass on the events held since take(hold=True), and every later one, as they come."""
    global _held
    if _held is not None:
        (relay, on_event), _held = _held, None
        relay.attach(on_event)


def discard() -> None:
    """End an early engine nobody took (a command that failed before needing it)."""
    global _early
    if _early is not None:
        client, _ = _early
        _early = None
        client.shutdown(timeout=0.1)
