"""What an OpenAI-style request may ask for, checked before any model is touched, and the answers' shapes.

Everything a client sends is checked here, without a model, so that a mistake gets a
400 naming the field (OpenAI's error shape, which its clients show as is) instead of a
failure half-way through an answer. Fields Cove cannot honour (n > 1, tools, images)
are refused plainly rather than silently ignored; fields that change nothing here
(user, metadata, store…) are accepted and ignored, as other local servers do.
"""

from __future__ import annotations

import base64
import struct
import time
import uuid
from dataclasses import dataclass, field

from app.core.settings import Sampling

MAX_STOP = 4            # stop strings per request, as OpenAI allows
MAX_STOP_CHARS = 200    # each one
MAX_MESSAGES = 4096
MAX_EMBED_INPUTS = 2048
ROLES = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}


class ApiError(Exception):
    """An answer in OpenAI's error shape: {"error": {"message", "type", "param", "code"}}."""

    TYPES = {400: "invalid_request_error", 401: "invalid_request_error", 403: "permission_error",
             404: "invalid_request_error", 405: "invalid_request_error", 413: "invalid_request_error",
             429: "rate_limit_error", 500: "server_error", 503: "server_error"}

    def __init__(self, status: int, message: str, param: str | None = None, code: str | None = None):
        super().__init__(message)
        self.status, self.message, self.param, self.code = status, message, param, code

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.TYPES.get(self.status, "server_error"),
                          "param": self.param, "code": self.code}}


@dataclass(frozen=True)
class GenerationRequest:
    """A chat or completion request, checked: what the engine is asked to do."""

    model: str
    messages: list[dict] = field(default_factory=list)  # chat
    prompt: str | None = None                           # completion (plain text, no chat template)
    sampling: dict = field(default_factory=dict)        # only what the client set; the model's defaults fill in
    stream: bool = False
    include_usage: bool = False


@dataclass(frozen=True)
class EmbeddingRequest:
    model: str
    texts: list[str]
    dimensions: int | None = None
    base64: bool = False  # vectors as base64 of little-endian float32 (what the openai client asks for)


def _bad(message: str, param: str) -> ApiError:
    return ApiError(400, message, param, "invalid_value")


def _model(body: dict) -> str:
    model = body.get("model")
    if not isinstance(model, str) or not model.strip():
        raise _bad("'model' is required: one of the names GET /v1/models lists.", "model")
    return model.strip()


def _number(body: dict, name: str, low: float, high: float, whole: bool = False):
    value = body.get(name)
    if value is None:
        return None
    kind_ok = isinstance(value, int) if whole else isinstance(value, (int, float))
    if isinstance(value, bool) or not kind_ok or not low <= value <= high:
        kind = "a whole number" if whole else "a number"
        raise _bad(f"'{name}' must be {kind} from {low:g} to {high:g} (got {str(value)[:40]}).", name)
    return value


# Fields Cove cannot honour, with the values that ask for nothing (clients often send those).
_UNSUPPORTED = {"tools": (None, []), "functions": (None, []), "logprobs": (None, False),
                "response_format": (None, {"type": "text"}), "echo": (None, False), "suffix": (None, ""),
                "best_of": (None, 1)}


def _sampling(body: dict) -> dict:
    limits = Sampling.LIMITS
    sampling: dict = {}
    for name in ("temperature", "top_p"):
        low, high = limits[name]
        if (value := _number(body, name, low, 2.0 if name == "temperature" else high)) is not None:
            sampling[name] = float(value)
    # llama.cpp's own knobs, as llama-server and llama_cpp.server accept them beside OpenAI's
    for name in ("top_k", "min_p", "repeat_penalty"):
        low, high = limits[name]
        if (value := _number(body, name, low, high, whole=name == "top_k")) is not None:
            sampling[name] = value
    low, high = limits["max_tokens"]
    for name in ("max_tokens", "max_completion_tokens"):  # the newer name wins when both are set
        if (value := _number(body, name, low, high, whole=True)) is not None:
            sampling["max_tokens"] = value
    if (seed := _number(body, "seed", -(2**63), 2**64 - 1, whole=True)) is not None:
        sampling["seed"] = seed % 2**31  # the engine's seeds are 31-bit; any integer maps to one
    stop = body.get("stop")
    if stop is not None:
        stops = [stop] if isinstance(stop, str) else stop
        if (not isinstance(stops, list) or len(stops) > MAX_STOP
                or not all(isinstance(s, str) and 0 < len(s) <= MAX_STOP_CHARS for s in stops)):
            raise _bad(f"'stop' must be a string or a list of up to {MAX_STOP} non-empty strings "
                       f"of at most {MAX_STOP_CHARS} characters.", "stop")
        sampling["stop"] = stops
    if body.get("n", 1) != 1:
        raise _bad("'n' must be 1: Cove writes one answer per request.", "n")
    for name, harmless in _UNSUPPORTED.items():
        if body.get(name) not in harmless:
            raise _bad(f"'{name}' is not supported by Cove's server; leave it out.", name)
    return sampling


def _stream(body: dict) -> tuple[bool, bool]:
    stream = body.get("stream", False)
    if not isinstance(stream, bool) and stream is not None:
        raise _bad("'stream' must be true or false.", "stream")
    options = body.get("stream_options") or {}
    if not isinstance(options, dict):
        raise _bad("'stream_options' must be an object such as {\"include_usage\": true}.", "stream_options")
    return bool(stream), bool(options.get("include_usage"))


def _text_content(content, index: int) -> str:
    """A message's text: a string, or a list of text parts (images are refused: no vision here)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = []
        for part in content:
            if not isinstance(part, dict) or part.get("type") != "text" or not isinstance(part.get("text"), str):
                raise _bad(f"messages[{index}].content: only text parts are supported "
                           "(no images or audio).", f"messages[{index}].content")
            texts.append(part["text"])
        return "".join(texts)
    if content is None:
        return ""
    raise _bad(f"messages[{index}].content must be a string or a list of text parts.", f"messages[{index}].content")


def parse_chat(body: object) -> GenerationRequest:
    body = _object(body)
    model = _model(body)
    raw = body.get("messages")
    if not isinstance(raw, list) or not raw:
        raise _bad("'messages' must be a non-empty list of {role, content}.", "messages")
    if len(raw) > MAX_MESSAGES:
        raise _bad(f"'messages' holds more than {MAX_MESSAGES} messages.", "messages")
    messages = []
    for i, message in enumerate(raw):
        if not isinstance(message, dict):
            raise _bad(f"messages[{i}] must be an object with 'role' and 'content'.", f"messages[{i}]")
        role = ROLES.get(message.get("role"))
        if role is None:
            raise _bad(f"messages[{i}].role must be system, user or assistant (got "
                       f"{str(message.get('role'))[:40]!r}); tools are not supported.", f"messages[{i}].role")
        messages.append({"role": role, "content": _text_content(message.get("content"), i)})
    stream, include_usage = _stream(body)
    return GenerationRequest(model, messages=messages, sampling=_sampling(body), stream=stream,
                             include_usage=include_usage)


def parse_completion(body: object) -> GenerationRequest:
    body = _object(body)
    model = _model(body)
    prompt = body.get("prompt")
    if isinstance(prompt, list) and len(prompt) == 1 and isinstance(prompt[0], str):
        prompt = prompt[0]
    if not isinstance(prompt, str) or not prompt:
        raise _bad("'prompt' must be one non-empty string.", "prompt")
    stream, include_usage = _stream(body)
    return GenerationRequest(model, prompt=prompt, sampling=_sampling(body), stream=stream,
                             include_usage=include_usage)


def parse_embeddings(body: object) -> EmbeddingRequest:
    body = _object(body)
    model = _model(body)
    texts = body.get("input")
    if isinstance(texts, str):
        texts = [texts]
    if (not isinstance(texts, list) or not texts or len(texts) > MAX_EMBED_INPUTS
            or not all(isinstance(t, str) for t in texts)):
        raise _bad(f"'input' must be a string or a list of 1 to {MAX_EMBED_INPUTS} strings "
                   "(token arrays are not supported).", "input")
    encoding = body.get("encoding_format") or "float"
    if encoding not in ("float", "base64"):
        raise _bad("'encoding_format' must be \"float\" or \"base64\".", "encoding_format")
    dimensions = _number(body, "dimensions", 1, 65536, whole=True)
    return EmbeddingRequest(model, texts, dimensions, encoding == "base64")


def _object(body: object) -> dict:
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object.", None, "invalid_json")
    return body


# Answers ---------------------------------------------------------------------

def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:24]}"


def usage(stats: dict) -> dict:
    """OpenAI's usage; `cached_tokens`: the prompt's tokens the engine found already read (its KV cache)."""
    prompt, completion = int(stats.get("prompt_tokens") or 0), int(stats.get("completion_tokens") or 0)
    counts = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
    if stats.get("processed_tokens") is not None:
        counts["prompt_tokens_details"] = {"cached_tokens": max(0, prompt - int(stats["processed_tokens"]))}
    return counts


def finish_reason(engine_reason: str) -> str:
    return "length" if engine_reason == "length" else "stop"


def chat_answer(answer_id: str, model: str, text: str, reason: str, stats: dict) -> dict:
    return {"id": answer_id, "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": finish_reason(reason), "logprobs": None}],
            "usage": usage(stats), "system_fingerprint": None}


def chat_chunk(answer_id: str, model: str, delta: dict | None, reason: str | None = None,
               stats: dict | None = None) -> dict:
    """One server-sent event of a streamed chat answer; with stats and no delta, the usage chunk."""
    choices = [] if delta is None else [{"index": 0, "delta": delta, "logprobs": None,
                                         "finish_reason": finish_reason(reason) if reason else None}]
    chunk = {"id": answer_id, "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
             "choices": choices, "system_fingerprint": None}
    if stats is not None:
        chunk["usage"] = usage(stats)
    return chunk


def completion_answer(answer_id: str, model: str, text: str | None, reason: str | None,
                      stats: dict | None) -> dict:
    """A completion, or (with reason None) one streamed piece of it; text None: the usage chunk."""
    choices = [] if text is None else [{"index": 0, "text": text, "logprobs": None,
                                        "finish_reason": finish_reason(reason) if reason else None}]
    answer = {"id": answer_id, "object": "text_completion", "created": int(time.time()), "model": model,
              "choices": choices, "system_fingerprint": None}
    if stats is not None:
        answer["usage"] = usage(stats)
    return answer


def embeddings_answer(model: str, vectors: list[list[float]], prompt_tokens: int, as_base64: bool = False) -> dict:
    def shown(vector: list[float]):
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode() if as_base64 else vector

    return {"object": "list", "model": model,
            "data": [{"object": "embedding", "index": i, "embedding": shown(v)} for i, v in enumerate(vectors)],
            "usage": {"prompt_tokens": prompt_tokens, "total_tokens": prompt_tokens}}
