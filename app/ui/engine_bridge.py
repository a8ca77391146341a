"""Engine events as Qt signals.

EngineClient calls back from its reader thread; emitting a signal of this object
(which lives in the GUI thread) from there queues the call into the GUI thread, so
slots run where the widgets and the database connection live.

A remote model (app/core/remote_servers.py's "remote:" references) is answered by a
RemoteEngine with the same calls and events, so the window's answer session drives a
local and a remote answer alike; the local engine process never sees a remote model.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.engine import prestart
from app.engine import protocol as p
from app.engine.client import EngineClient
from app.engine.remote_engine import RemoteEngine


class EngineBridge(QObject):
    model_loading = Signal(str)                  # path
    model_loaded = Signal(str, float, dict)      # path, seconds, what the engine chose (context, backend…)
    model_load_failed = Signal(str, str, object)  # path, message, request id or None
    token_received = Signal(int, str)            # request id, text
    prompt_progress = Signal(int, int, int)      # request id, prompt tokens read, of how many
    generation_finished = Signal(int, str, str, dict)  # request id, status, finish reason, stats
    generation_failed = Signal(int, str)         # request id, message
    engine_died = Signal(str, object)            # message, request id or None
    token_count_ready = Signal(int, int, int)    # request id, tokens, the model's context (n_ctx)
    draft_prefilled = Signal(int, int)           # request id, tokens processed ahead of sending

    def __init__(self, parent=None):
        super().__init__(parent)
        # Started before Qt was imported, when there is one (app/__main__.py): the two starts overlap. What it
        # has sent (the model it may have loaded already) comes once the event loop runs: the slots are connected.
        self.client = prestart.take(self._dispatch, hold=True) or EngineClient(self._dispatch)
        QTimer.singleShot(0, prestart.release)
        self.remote_servers = list  # set by the window: the remote servers in use now, with their keys
        self.remote = RemoteEngine(self._dispatch, lambda: self.remote_servers())

    def _dispatch(self, event) -> None:
        try:
            self._emit(event)
        except RuntimeError:
            if shiboken6.isValid(self):
                raise
            # The window was closed while the engine's reader thread still brought news: nobody is left to tell.

    def _emit(self, event) -> None:
        if isinstance(event, p.Token):
            self.token_received.emit(event.request_id, event.text)
        elif isinstance(event, p.PromptProgress):
            self.prompt_progress.emit(event.request_id, event.done, event.total)
        elif isinstance(event, p.Finished):
            self.generation_finished.emit(event.request_id, event.status, event.finish_reason, dict(event.stats))
        elif isinstance(event, p.ModelLoading):
            self.model_loading.emit(event.model_path)
        elif isinstance(event, p.ModelLoaded):
            self.model_loaded.emit(event.model_path, event.load_seconds, dict(event.info, n_ctx=event.n_ctx,
                                   template_source=event.template_source))
        elif isinstance(event, p.LoadFailed):
            self.model_load_failed.emit(event.model_path, event.message, event.request_id)
        elif isinstance(event, p.Failed):
            self.generation_failed.emit(event.request_id, event.message)
        elif isinstance(event, p.EngineDied):
            self.engine_died.emit(event.message, event.request_id)
        elif isinstance(event, p.Prefilled):
            self.draft_prefilled.emit(event.request_id, event.processed_tokens)
        elif isinstance(event, p.TokenCount):
            self.token_count_ready.emit(event.request_id, event.count, event.n_ctx)

    def load(self, model_path: str, options: p.LoadOptions) -> None:
        if not RemoteEngine.handles(model_path):  # a remote model has nothing to load here
            self.client.load(model_path, options)

    def generate(self, model_path: str, options: p.LoadOptions, messages: list[dict], sampling: dict,
                 overflow: str = "drop_oldest", continue_text: str = "") -> int:
        engine = self.remote if RemoteEngine.handles(model_path) else self.client
        return engine.generate(model_path, options, messages, sampling, overflow, continue_text)

    def prefill(self, model_path: str, options: p.LoadOptions, messages: list[dict], overflow: str) -> None:
        if not RemoteEngine.handles(model_path):  # a remote server is sent nothing until the message is
            self.client.prefill(model_path, options, messages, overflow)

    def count_tokens(self, model_path: str, options: p.LoadOptions, text: str) -> int:
        if RemoteEngine.handles(model_path):
            return 0  # no count from a remote server: the estimate stays (it is never sent the file early)
        return self.client.count_tokens(model_path, options, text)

    def stop(self) -> None:
        self.client.stop()
        self.remote.stop()

    def restart(self) -> None:
        """End the engine process (and whatever it holds in memory); the next request starts a fresh one."""
        self.client.shutdown()
        self.client = EngineClient(self._dispatch)

    def shutdown(self) -> None:
        self.remote.shutdown()
        self.client.shutdown()
