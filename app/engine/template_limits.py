"""Rendering a chat template under a time and a size limit.

A chat template is a program that comes with a model file (or from the user).
Sandboxed Jinja keeps it away from files and private attributes, but not from
looping for ever (nested loops) or building a gigantic prompt, and either one used
to hang `cove chat` past any Ctrl+C. So every render here:

- runs against a deadline: a watchdog thread raises an exception in the rendering
  thread when time is up (delivered between two Python bytecodes, which is where a
  template's loops run); it works on every platform and in any thread;
- counts the prompt's characters as the template writes them, and stops past a limit
  that follows from the conversation's own size;
- refuses `*` and `**` whose result would be enormous before computing it (one
  `'x' * 10**9` would otherwise allocate a gigabyte between two checks).

Whatever still slips through (a single C-level call that takes long) is ended by the
app: the CLI ends the engine process on Ctrl+C, the window on its stop timeout.
"""

from __future__ import annotations

import ctypes
import json
import threading
import time
from contextlib import contextmanager
from datetime import datetime

import jinja2
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.core.i18n import _
from app.core.units import human_size

RENDER_SECONDS = 5.0        # real templates render a long conversation in milliseconds
MIN_PROMPT_CHARS = 1 << 20  # any template's own text and default system prompt fit in this
PROMPT_CHARS_PER_CONTENT_CHAR = 8
MAX_EXPONENT = 4096


class TemplateLimit(ValueError):
    """The template ran past a limit; the message says which and what to do."""


class _Timeout(BaseException):
    """Raised inside the rendering thread by the watchdog (BaseException: nothing in Jinja catches it)."""


class IgnoreGenerationTags(Extension):
    """Pass-through for Hugging Face's ``{% generation %}`` tag (as llama-cpp-python does)."""

    tags = {"generation"}

    def parse(self, parser):
        parser.stream.skip(1)
        return parser.parse_statements(("name:endgeneration",), drop_needle=True)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False) -> str:
    """As transformers renders JSON in chat templates."""
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(f: str) -> str:
    return datetime.now().strftime(f)


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """llama-cpp-python's chat-template environment, with the size checks above."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self):
        super().__init__(loader=jinja2.BaseLoader(), trim_blocks=True, lstrip_blocks=True,
                         extensions=[IgnoreGenerationTags, loopcontrols])
        self.filters["tojson"] = tojson
        self.max_chars = MIN_PROMPT_CHARS

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int) and right > MAX_EXPONENT and isinstance(left, int):
            raise TemplateLimit(_("the chat template computes an enormous number"))
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and not isinstance(times, bool) \
                        and len(seq) * times > self.max_chars:
                    raise TemplateLimit(too_long(self.max_chars))
        return super().call_binop(context, operator, left, right)


def too_long(limit: int) -> str:
    return (_("the chat template produced a prompt longer than {limit_size}, far more than this "
              "conversation holds; fix or remove the custom chat template in Settings, or choose another model").format(limit_size=human_size(limit)))


def _set_async_exc(thread_id: int, exc) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


class _Watchdog:
    """One thread that raises _Timeout in threads whose render ran out of time (a thread per render
    would cost more to start than most renders take)."""

    def __init__(self):
        self.cond = threading.Condition()
        self.armed: dict[int, tuple[int, float, dict]] = {}
        self._thread: threading.Thread | None = None

    def arm(self, key: int, thread_id: int, due: float, state: dict) -> None:
        with self.cond:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="cove-template-watchdog", daemon=True)
                self._thread.start()
            self.armed[key] = (thread_id, due, state)
            self.cond.notify()

    def _run(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                for key, (thread_id, due, state) in list(self.armed.items()):
                    if due <= now:
                        del self.armed[key]
                        state["fired"] = True
                        _set_async_exc(thread_id, _Timeout)
                soonest = min((due for _key, due, _rest in self.armed.values()), default=None)
                self.cond.wait(None if soonest is None else max(0.0, soonest - time.monotonic()))


_watchdog = _Watchdog()


@contextmanager
def deadline(seconds: float):
    """Raise TemplateLimit in this thread if the block runs longer than `seconds`."""
    state = {"fired": False}
    thread_id, key = threading.get_ident(), id(state)
    try:
        _watchdog.arm(key, thread_id, time.monotonic() + seconds, state)
        try:
            yield
        finally:
            with _watchdog.cond:
                _watchdog.armed.pop(key, None)
                if state["fired"]:
                    _set_async_exc(thread_id, None)  # one raised but not delivered yet never escapes
    except _Timeout:
        raise TemplateLimit(too_slow(seconds)) from None


def too_slow(seconds: float) -> str:
    return (_("the chat template took longer than {seconds:g} s to format this conversation; "
              "fix or remove the custom chat template in Settings, or choose another model").format(seconds=seconds))


def render(environment: LimitedEnvironment, template: jinja2.Template, context: dict, max_chars: int,
           seconds: float = RENDER_SECONDS) -> str:
    """The template's text for this context, within `seconds` and `max_chars`."""
    environment.max_chars = max_chars
    parts, size = [], 0
    try:
        with deadline(seconds):
            for chunk in template.generate(**context):
                size += len(chunk)
                if size > max_chars:
                    raise TemplateLimit(too_long(max_chars))
                parts.append(chunk)
    except _Timeout:  # delivered in the few bytecodes between the block and the watchdog's cancel
        raise TemplateLimit(too_slow(seconds)) from None
    return "".join(parts)


def prompt_limit(messages: list[dict]) -> int:
    """How long a prompt may be for these messages: generous for any real template, finite for all."""
    return MIN_PROMPT_CHARS + PROMPT_CHARS_PER_CONTENT_CHAR * sum(len(m.get("content") or "") for m in messages)
