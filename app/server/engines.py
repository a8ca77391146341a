"""The engines behind `cove serve`: one engine process per loaded model, a queue in front of each.

A chat model's engine answers up to `parallel` requests at once (Cove's setting
server.parallel): its slots engine (app/engine/slots.py) decodes the next token of every
answer in one batch, which on a CPU costs little more than one answer's token. Requests
beyond that wait their turn, first come first served (a fair asyncio.Semaphore); with
`parallel` 1 the engine is the window's, one answer at a time. Events come back from the
engine's reader thread tagged with their request's id and go to that request's queue.
The engine keeps each slot's tokens between requests: a follow-up that repeats a
conversation's earlier messages goes to the slot that holds them and only processes what
is new.

A request whose client goes away stops its generation at once (a Stop message for its id,
read by the engine between decoding steps; the single-answer engine checks a shared
counter once per token). A model is loaded by its first request, unloaded after being idle
for the configured time, and when the limit of loaded models is reached the least recently
used idle one makes way; when all of them are busy the request is refused with 503.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from app.core.errors import CoveError
from app.core.models import ModelEntry
from app.engine import protocol as p
from app.engine.client import EngineClient, describe_exit
from app.server.api import ApiError

ENDS = (p.Finished, p.Failed, p.LoadFailed, p.EngineDied)  # the events that end a request


class _Job:
    """The events of one request in flight, handed from the engine's reader thread to the event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.queue: asyncio.Queue = asyncio.Queue()
        # Set under the job lock: the id once the request is sent (by a worker thread), and whether its
        # client left before the id reached the event loop (whichever comes second stops the request).
        self.sent_id: int | None = None
        self.abandoned = False


class ServedModel:
    """One model's engine process and the queue of requests for it."""

    def __init__(self, entry: ModelEntry, options: p.LoadOptions, max_waiting: int, parallel: int = 1):
        self.entry, self.options, self.max_waiting = entry, options, max_waiting
        self.parallel = 1 if entry.embedding else max(1, parallel)  # embeddings: one batch of texts at a time
        self.client = EngineClient(self._on_event, slots=self.parallel if self.parallel > 1 else 0)
        self.lock = asyncio.Semaphore(self.parallel)  # fair: the longest waiting request goes next
        self.waiting = 0  # requests queued or running
        self.last_used = time.monotonic()
        self._jobs: dict[int, _Job] = {}  # requests in flight, by id
        self._early: dict[int, list] = {}  # events that came before their request's id was known here
        self._deaths = 0  # engine processes that died: a request sent as one died is told so
        self._job_lock = threading.Lock()
        self._embedder = None
        self._stopped: dict[int, Callable[[dict], None]] = {}  # stopped requests: told their stats at the end

    @property
    def path(self) -> str:
        return str(self.entry.path)

    def _on_event(self, event) -> None:  # the engine client's reader thread
        rid = getattr(event, "request_id", None)
        told: list[tuple[Callable[[dict], None], dict]] = []
        with self._job_lock:
            if isinstance(event, p.EngineDied):  # every answer in that engine ends with it
                jobs = list(self._jobs.values())
                told = [(callback, {}) for callback in self._stopped.values()]
                self._stopped.clear()
                self._early.clear()
                self._deaths += 1
            elif rid is None:
                return  # loading news
            elif rid in self._stopped:  # how far a request got before its client left: for the request log
                if isinstance(event, ENDS):
                    told = [(self._stopped.pop(rid), getattr(event, "stats", {}) or {})]
                jobs = []
            elif rid in self._jobs:
                jobs = [self._jobs[rid]]
            else:
                self._early.setdefault(rid, []).append(event)
                jobs = []
        for callback, stats in told:
            callback(stats)
        for job in jobs:
            job.loop.call_soon_threadsafe(job.queue.put_nowait, event)

    def _enter(self) -> None:
        if self.waiting >= self.max_waiting:
            raise ApiError(429, f"{self.waiting} requests are already waiting for {self.entry.name}. "
                                "Try again in a moment.", None, "rate_limit_exceeded")
        self.waiting += 1
        self.last_used = time.monotonic()

    def _leave(self) -> None:
        self.waiting -= 1
        self.last_used = time.monotonic()

    async def generate(self, messages: list[dict], prompt_text: str | None, sampling: dict,
                       on_stopped: Callable[[dict], None] | None = None) -> AsyncIterator:
        """The engine's events for this request (Token…, then one of ENDS). Closing the iterator early
        (the client left) stops the generation; `on_stopped` then gets its stats once the engine has
        stopped (from the engine's reader thread)."""
        self._enter()
        try:
            async with self.lock:
                job = _Job(asyncio.get_running_loop())
                request_id, ended = None, False
                deaths = self._deaths
                try:
                    # Sending may start the engine process (a second or two): off the event loop.
                    request_id = await asyncio.to_thread(self._send, job, messages, sampling, prompt_text)
                    with self._job_lock:
                        self._jobs[request_id] = job
                        for event in self._early.pop(request_id, ()):
                            job.queue.put_nowait(event)
                        if self._deaths != deaths:  # it died while this was sent: its EngineDied went by
                            job.queue.put_nowait(p.EngineDied(describe_exit(None), None, None))
                    while True:
                        event = await job.queue.get()
                        if not isinstance(event, p.EngineDied) and not isinstance(event, (p.Token, *ENDS)):
                            continue  # prompt progress
                        ended = isinstance(event, ENDS)
                        yield event
                        if ended:
                            return
                finally:
                    with self._job_lock:
                        self._jobs.pop(request_id, None)
                        if request_id is not None and not ended and on_stopped is not None:
                            self._stopped[request_id] = on_stopped
                    if request_id is not None and not ended:
                        self.client.stop(request_id)
                    elif request_id is None:  # gone before the id came back: the request may be on its way
                        with self._job_lock:
                            job.abandoned = True
                            sent = job.sent_id
                            if sent is not None:
                                self._forget(sent)
                        if sent is not None:
                            self.client.stop(sent)
                        if on_stopped is not None:
                            on_stopped({})
        finally:
            self._leave()

    def _send(self, job: _Job, messages: list[dict], sampling: dict, prompt_text: str | None) -> int:
        """Send the request (a worker thread); stop it at once if its client has left meanwhile."""
        request_id = self.client.generate(self.path, self.options, messages, sampling, "stop", "", prompt_text)
        with self._job_lock:
            job.sent_id = request_id
            abandoned = job.abandoned
            if abandoned:
                self._forget(request_id)
        if abandoned:
            self.client.stop(request_id)
        return request_id

    def _forget(self, request_id: int) -> None:
        """A request nobody waits for (under the job lock): what it sends from now on is dropped."""
        self._early.pop(request_id, None)
        self._stopped[request_id] = lambda stats: None  # dropped at its end (_on_event)

    async def embed(self, texts: list[str]) -> tuple[list[list[float]], int]:
        """(vectors, the tokens read) for texts."""
        from app.engine.embedder import EngineEmbedder

        self._enter()
        try:
            async with self.lock:
                if self._embedder is None:  # checks the file and the administrator's allowed models
                    self._embedder = EngineEmbedder(self.client, self.entry.path)
                try:  # the texts as given: an API client adds its own prefixes if its model wants them
                    return await asyncio.to_thread(self.client.embed, self.path, texts, counted=True)
                except CoveError as exc:
                    raise ApiError(500, str(exc), None, "engine_error") from None
        except CoveError as exc:
            raise ApiError(400, str(exc), "model", "model_not_usable") from None
        finally:
            self._leave()

    def shutdown(self) -> None:
        self.client.shutdown()


class EnginePool:
    """The loaded models: loaded on first use, unloaded when idle, at most `max_loaded` at once."""

    def __init__(self, options_for, max_loaded: int, idle_seconds: float, max_waiting: int = 32,
                 parallel: int = 1):
        self._options_for = options_for  # ModelEntry -> LoadOptions (the user's settings for that model)
        self.max_loaded, self.idle_seconds, self.max_waiting = max_loaded, idle_seconds, max_waiting
        self.parallel = parallel  # answers decoded together per chat model
        self.models: dict[Path, ServedModel] = {}

    def get(self, entry: ModelEntry) -> ServedModel:
        served = self.models.get(entry.path)
        if served is not None:
            return served
        if len(self.models) >= self.max_loaded:
            idle = [m for m in self.models.values() if m.waiting == 0]
            if not idle:
                raise ApiError(503, f"{len(self.models)} models are loaded and all are busy, the most this server "
                                    "loads at once (max loaded models in Cove's settings). Try again shortly.",
                               "model", "server_busy")
            self.unload(min(idle, key=lambda m: m.last_used))
        served = ServedModel(entry, self._options_for(entry), self.max_waiting, self.parallel)
        self.models[entry.path] = served
        return served

    def unload(self, served: ServedModel) -> None:
        """Free a model's memory: its engine process ends (off the event loop: it may take a second)."""
        self.models.pop(served.entry.path, None)
        threading.Thread(target=served.shutdown, name="cove-serve-unload", daemon=True).start()

    def unload_idle(self, now: float | None = None) -> list[str]:
        now = time.monotonic() if now is None else now
        idle = [m for m in self.models.values() if m.waiting == 0 and now - m.last_used >= self.idle_seconds]
        for served in idle:
            self.unload(served)
        return [m.entry.name for m in idle]

    async def watch_idle(self) -> None:
        """Unload idle models, looking a few times per idle period (at least every minute)."""
        while True:
            await asyncio.sleep(max(1.0, min(60.0, self.idle_seconds / 4)))
            self.unload_idle()

    def close(self) -> None:
        for served in list(self.models.values()):
            self.models.pop(served.entry.path, None)
            served.shutdown()
