"""The HTTP side of `cove serve`: a Starlette application speaking OpenAI's API.

Every request passes the same gate: the API key (when one is set), a size limit on the
body (413), JSON that api.py checks field by field (400), a model by the name `cove
models list` shows (404). Every request is then written to Cove's request log: when,
from which address, which model, how many tokens; never what was asked or answered.
Errors always come in OpenAI's shape, so clients show their message as they would
OpenAI's own.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from app.core import chat, network_log
from app.core.models import ModelEntry
from app.core.paths import CovePaths
from app.core.settings import Settings
from app.engine import protocol as p
from app.server import api
from app.server.access import key_matches
from app.server.api import ApiError
from app.server.engines import ENDS, EnginePool

log = logging.getLogger("cove.serve")
MAX_BODY_BYTES = 8 << 20  # a chat's whole history fits many times over; more is a mistake or an attack
SERVED = "served"         # how the request log's lines for this server start (network_log.REQUEST_KINDS)


@dataclass
class ServeConfig:
    paths: CovePaths
    settings: Settings
    models: Callable[[], list[ModelEntry]]  # the models served, by name (a fresh look each time)
    api_key: str | None = None              # None: no key asked (loopback only)
    max_body_bytes: int = MAX_BODY_BYTES
    max_waiting: int = 32                   # requests queued per model before 429


class ClientGone(Exception):
    """The client closed the connection before its answer was complete."""


def _error(exc: ApiError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status)


async def _read_json(request: Request, limit: int) -> object:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"The request is larger than {limit >> 20} MB, the most this server accepts.",
                       None, "request_too_large")
    body = bytearray()
    async for chunk in request.stream():  # also for a body sent without a length
        body += chunk
        if len(body) > limit:
            raise ApiError(413, f"The request is larger than {limit >> 20} MB, the most this server accepts.",
                           None, "request_too_large")
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise ApiError(400, "The request body is not valid JSON.", None, "invalid_json") from None


async def _gone(request: Request) -> None:
    """Returns when the client disconnects (call only once the body has been read)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def _unless_gone(request: Request, awaitable):
    """The awaitable's result, or ClientGone (the awaitable cancelled) if the client leaves first."""
    work, gone = asyncio.ensure_future(awaitable), asyncio.ensure_future(_gone(request))
    try:
        done, _ = await asyncio.wait({work, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        gone.cancel()
    if work in done:
        return work.result()
    work.cancel()
    raise ClientGone


def _sse(data: dict | str) -> str:
    return f"data: {data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)}\n\n"


def _failure(event, started: bool) -> ApiError:
    """An engine's failure as an HTTP error: a request it cannot take is 400, anything else 500."""
    message = getattr(event, "message", "The model engine failed.")
    if isinstance(event, p.Failed) and not started and not message.startswith(("llama.cpp", "The engine hit")):
        return ApiError(400, message, "messages", "context_length_exceeded" if "context" in message else None)
    return ApiError(500, message, None, "engine_error")


def build(config: ServeConfig) -> Starlette:
    pool = EnginePool(lambda entry: chat.load_options(config.settings, entry.name, config.paths.data_dir),
                      config.settings.server.max_loaded_models, config.settings.server.idle_unload_minutes * 60,
                      config.max_waiting, config.settings.server.parallel)

    def record(request: Request, what: str, model: str, stats: dict | None, outcome: str) -> None:
        tokens = api.usage(stats or {})
        address = request.client.host if request.client else "unknown"
        request_id = network_log.record(
            address, f"{SERVED} {what} {model} ({tokens['prompt_tokens']} prompt + "
                     f"{tokens['completion_tokens']} completion tokens)", config.paths)
        network_log.settle(request_id, outcome, config.paths)

    def find(name: str) -> ModelEntry:
        models = config.models()
        wanted = name.lower().removesuffix(".gguf")
        for entry in models:
            if entry.name.lower() == wanted:
                return entry
        names = ", ".join(m.name for m in models) or "none"
        raise ApiError(404, f"The model '{name[:100]}' does not exist here. Models served: {names}.",
                       "model", "model_not_found")

    def sampling_for(entry: ModelEntry, asked: dict) -> dict:
        return {**asdict(config.settings.model_sampling(entry.name)), **asked}

    async def list_models(request: Request) -> Response:
        data, seen = [], set()
        for m in config.models():
            if m.name.lower() not in seen and m.path.exists():  # one name, one model: the one find() picks
                seen.add(m.name.lower())
                data.append({"id": m.name, "object": "model", "created": int(m.path.stat().st_mtime),
                             "owned_by": "cove"})
        record(request, "models", "-", None, "HTTP 200")
        return JSONResponse({"object": "list", "data": data})

    async def one_model(request: Request) -> Response:
        entry = find(request.path_params["name"])
        record(request, "models", entry.name, None, "HTTP 200")
        return JSONResponse({"id": entry.name, "object": "model", "created": int(entry.path.stat().st_mtime),
                             "owned_by": "cove"})

    async def generate(request: Request, parsed: api.GenerationRequest, what: str) -> Response:
        entry = find(parsed.model)
        if entry.embedding:
            raise ApiError(400, f"{entry.name} is an embedding model: it cannot write text. Use it with "
                                "/v1/embeddings, or choose a chat model.", "model", "model_not_usable")
        served = pool.get(entry)

        def stopped(stats: dict) -> None:  # the client left: logged once the engine says how far it got
            record(request, what, entry.name, stats, "cancelled: the client left")

        events = served.generate(parsed.messages, parsed.prompt, sampling_for(entry, parsed.sampling), stopped)
        answer_id = api.new_id("chatcmpl" if what == "chat" else "cmpl")
        first = await _unless_gone(request, events.__anext__())
        if isinstance(first, ENDS) and not isinstance(first, p.Finished):
            await events.aclose()
            raise _failure(first, started=False)
        if parsed.stream:
            return StreamingResponse(_stream(request, events, first, parsed, entry.name, answer_id, what),
                                     media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

        async def rest() -> tuple[list[str], object]:
            texts, event = [], first
            while not isinstance(event, ENDS):
                texts.append(event.text)
                event = await events.__anext__()
            return texts, event

        texts, end = await _unless_gone(request, rest())
        if not isinstance(end, p.Finished):
            raise _failure(end, started=True)
        record(request, what, entry.name, end.stats, "HTTP 200")
        text = "".join(texts)
        if what == "chat":
            return JSONResponse(api.chat_answer(answer_id, entry.name, text, end.finish_reason, end.stats))
        return JSONResponse(api.completion_answer(answer_id, entry.name, text, end.finish_reason, end.stats))

    async def _stream(request, events, first, parsed, model, answer_id, what):
        def piece(text: str | None, reason: str | None = None, stats: dict | None = None) -> str:
            if what == "chat":
                delta = None if text is None else ({"content": text} if reason is None else {})
                return _sse(api.chat_chunk(answer_id, model, delta, reason, stats))
            return _sse(api.completion_answer(answer_id, model, text, reason, stats))

        event, end = first, None
        try:
            if what == "chat":
                yield _sse(api.chat_chunk(answer_id, model, {"role": "assistant", "content": ""}))
            while not isinstance(event, ENDS):
                yield piece(event.text)
                event = await events.__anext__()
            end = event
            if isinstance(end, p.Finished):
                yield piece("", end.finish_reason)
                if parsed.include_usage:
                    yield piece(None, stats=end.stats)
                outcome = "HTTP 200"
            else:  # the headers are sent: the error goes in the stream, as OpenAI's does
                yield _sse(_failure(end, started=True).body())
                outcome = "failed: engine"
            record(request, what, model, getattr(end, "stats", None), outcome)  # logged before the client is done
            yield _sse("[DONE]")
        finally:
            await events.aclose()  # a client that left stops the generation here (and is logged then)

    async def chat_completions(request: Request) -> Response:
        return await generate(request, api.parse_chat(await _read_json(request, config.max_body_bytes)), "chat")

    async def completions(request: Request) -> Response:
        return await generate(request, api.parse_completion(await _read_json(request, config.max_body_bytes)),
                              "completion")

    async def embeddings(request: Request) -> Response:
        parsed = api.parse_embeddings(await _read_json(request, config.max_body_bytes))
        entry = find(parsed.model)
        if not entry.embedding:
            raise ApiError(400, f"{entry.name} is a chat model, not an embedding model. Choose one that "
                                "GET /v1/models lists and `cove models list` marks as embedding.",
                           "model", "model_not_usable")
        vectors, tokens = await _unless_gone(request, pool.get(entry).embed(parsed.texts))
        if parsed.dimensions is not None and vectors and parsed.dimensions != len(vectors[0]):
            raise ApiError(400, f"{entry.name} makes vectors of {len(vectors[0])} dimensions; leave out "
                                "'dimensions' or set it to that.", "dimensions", "invalid_value")
        record(request, "embeddings", entry.name, {"prompt_tokens": tokens}, "HTTP 200")
        return JSONResponse(api.embeddings_answer(entry.name, vectors, tokens, parsed.base64))

    def guarded(handler, what: str):
        async def endpoint(request: Request) -> Response:
            if config.api_key is not None and not key_matches(request.headers.get("authorization"), config.api_key):
                record(request, what, "-", None, "HTTP 401")
                return _error(ApiError(401, "Incorrect or missing API key. Send it as 'Authorization: Bearer KEY' "
                                            "(the key `cove serve` showed when it was made).",
                                       None, "invalid_api_key"))
            try:
                return await handler(request)
            except ApiError as exc:
                record(request, what, "-", None, f"HTTP {exc.status}")
                return _error(exc)
            except ClientGone:
                return Response(status_code=499)  # nobody reads it: the connection is closed
        return endpoint

    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code)
        return _error(ApiError(exc.status_code, f"{request.method} {request.url.path[:100]} is not part of "
                                                 "this API: see GET /v1/models.", None, code))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.error("unexpected error serving %s", request.url.path, exc_info=exc)
        return _error(ApiError(500, f"The server hit an unexpected error ({type(exc).__name__}); details are in "
                                    "Cove's log.", None, "internal_error"))

    @asynccontextmanager
    async def lifespan(app):
        watcher = asyncio.create_task(pool.watch_idle())
        try:
            yield
        finally:
            watcher.cancel()
            await asyncio.to_thread(pool.close)

    middleware = []
    if config.settings.server.cors_origins:  # off unless the user listed the web pages allowed to call
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(config.settings.server.cors_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"]))
    routes = [
        Route("/v1/models", guarded(list_models, "models"), methods=["GET"]),
        Route("/v1/models/{name:path}", guarded(one_model, "models"), methods=["GET"]),
        Route("/v1/chat/completions", guarded(chat_completions, "chat"), methods=["POST"]),
        Route("/v1/completions", guarded(completions, "completion"), methods=["POST"]),
        Route("/v1/embeddings", guarded(embeddings, "embeddings"), methods=["POST"]),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={HTTPException: http_error, Exception: server_error})
    app.state.pool = pool
    return app
