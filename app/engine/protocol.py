"""Messages between the app and the engine process (pickled over a pipe).

Requests go to the engine; events come back. Stopping is not a message: it is a
shared counter the engine reads once per token (see worker), so a stop is seen
within one token even while the engine is busy and not reading its pipe.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.engine_options import LoadOptions  # noqa: F401 (re-exported: the window and CLI use it here)

# Answer statuses reported in Finished.status (same words as the store's).
COMPLETE = "complete"
STOPPED = "stopped"


# Requests ------------------------------------------------------------------

@dataclass(frozen=True)
class Load:
    model_path: str
    options: LoadOptions
    header: tuple | None = None  # the file's header as the app read it (gguf_file.known_header)


@dataclass(frozen=True)
class Generate:
    request_id: int
    model_path: str
    options: LoadOptions
    messages: list[dict]  # [{"role": ..., "content": ...}]
    sampling: dict
    overflow: str = "drop_oldest"  # when the conversation outgrows the context: "drop_oldest" or "stop"
    continue_text: str = ""  # an answer to carry on: the prompt ends with it instead of a fresh turn
    # Plain text to continue, instead of a conversation (`cove serve`'s /v1/completions): no chat
    # template, only the model's BOS; `messages` is then ignored.
    prompt_text: str | None = None


@dataclass(frozen=True)
class Prefill:
    """Process a draft prompt ahead of time (while the user types); nothing is generated.

    When the message is sent, only what changed since the draft is left to process,
    so the time to the first token stays short however long the conversation is.
    """

    request_id: int
    model_path: str
    options: LoadOptions
    messages: list[dict]
    overflow: str = "drop_oldest"


@dataclass(frozen=True)
class CountTokens:
    """How many tokens a text takes with this model (an attached file, before it is sent)."""

    request_id: int
    model_path: str
    options: LoadOptions
    text: str


@dataclass(frozen=True)
class Embed:
    """Vectors for texts from an embedding model, loaded beside the chat model (never instead of it).

    Texts go as given: the caller adds the model's prefixes (app/core/notes/embedding.py).
    A text longer than the model's context is cut to fit, not refused."""

    request_id: int
    model_path: str
    texts: list[str]


@dataclass(frozen=True)
class Stop:
    """Stop one request (the slots engine of `cove serve`, slots.py, which reads its pipe between
    steps): the shared counter would stop every request up to that id, not only this one."""

    request_id: int


@dataclass(frozen=True)
class Shutdown:
    pass


# Events --------------------------------------------------------------------

@dataclass(frozen=True)
class ModelLoading:
    model_path: str


@dataclass(frozen=True)
class ModelLoaded:
    model_path: str
    n_ctx: int
    load_seconds: float
    template_source: str  # "gguf", "user" or "default"
    info: dict = field(default_factory=dict)  # backend, GPU layers, threads… as actually used


@dataclass(frozen=True)
class LoadFailed:
    model_path: str
    message: str
    request_id: int | None = None


@dataclass(frozen=True)
class PromptProgress:
    """How much of a long prompt the engine has read, before the answer's first token (once per batch)."""

    request_id: int
    done: int   # new prompt tokens read so far
    total: int  # new prompt tokens to read (those reused from the cache are not counted)


@dataclass(frozen=True)
class Token:
    request_id: int
    text: str


@dataclass(frozen=True)
class Finished:
    request_id: int
    status: str  # COMPLETE or STOPPED
    finish_reason: str  # "stop" (end of answer), "length" (max tokens), "user"
    stats: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Prefilled:
    request_id: int
    processed_tokens: int  # 0 when it was stopped or had nothing new to do


@dataclass(frozen=True)
class TokenCount:
    request_id: int
    count: int
    n_ctx: int  # the loaded model's context, in tokens


@dataclass(frozen=True)
class Failed:
    request_id: int
    message: str


@dataclass(frozen=True)
class Embedded:
    request_id: int
    vectors: list[list[float]]  # one per text, in order, L2-normalised
    tokens: int = 0             # the tokens read (after cutting to fit), for the API's usage


@dataclass(frozen=True)
class EngineDied:
    """Made on the app side when the engine process ends without being asked to."""

    message: str
    request_id: int | None
    exit_code: int | None
