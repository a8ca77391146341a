"""Fitting a conversation into the model's context window.

When a conversation outgrows the context, the chosen policy applies:
- "drop_oldest": keep the system prompt and the newest messages, and leave out
  the oldest turns. Turns are dropped in a generous chunk (down to
  REFILL_FRACTION of the context) so the prompt's beginning stays the same for
  the next several turns and the KV cache keeps being reused, instead of
  shifting, and being re-processed, on every turn.
- "stop": refuse, and say so.
Either way the caller learns how many messages were left out: never silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.engine_options import DROP_OLDEST, STOP  # noqa: F401
from app.core.engine_options import OVERFLOW_POLICIES as POLICIES  # noqa: F401 (the old name)
from app.core.i18n import _
from app.core.locale_format import format_number

REFILL_FRACTION = 0.6
ANSWER_ROOM = 512  # tokens kept free for the answer, at least


class ContextFull(Exception):
    """The conversation cannot be fitted; the message says what to do."""


@dataclass(frozen=True)
class Fitted:
    messages: list[dict]
    tokens: list[int]
    dropped: int


def answer_room(n_ctx: int, max_tokens: int) -> int:
    return min(max_tokens, max(ANSWER_ROOM, n_ctx // 8), n_ctx // 2)


def fit(messages: list[dict], n_ctx: int, max_tokens: int, policy: str,
        tokenize: Callable[[list[dict]], list[int]]) -> Fitted:
    """The messages (and their tokens) that go to the model this turn."""
    tokens = tokenize(messages)
    room = answer_room(n_ctx, max_tokens)
    if len(tokens) + room <= n_ctx:
        return Fitted(messages, tokens, 0)
    if policy == STOP:
        raise ContextFull(
            _("This conversation ({count} tokens) no longer fits the "
              "model's context ({n_ctx} tokens). Start a new chat, or "
              "choose “leave out the oldest messages” in Settings to continue here.").format(count=format_number(len(tokens)), n_ctx=format_number(n_ctx)))
    head = [m for m in messages[:1] if m["role"] == "system"]
    body = messages[len(head):]
    target = int(n_ctx * REFILL_FRACTION)
    # Drop whole turns from the front, so the remaining conversation starts with the user.
    starts = [i for i, m in enumerate(body) if m["role"] == "user" and i > 0] + [len(body) - 1]
    best = None
    low, high = 0, len(starts) - 1
    while low <= high:  # the fewest dropped turns that bring the prompt under target
        mid = (low + high) // 2
        kept = head + body[starts[mid]:]
        candidate = tokenize(kept)
        if len(candidate) <= target:
            best = (kept, candidate, starts[mid])
            high = mid - 1
        else:
            low = mid + 1
    if best is None:
        kept = head + body[-1:]
        candidate = tokenize(kept)
        if len(candidate) + room > n_ctx:
            raise ContextFull(
                _("Your message is too long for this model's context ({count} "
                  "tokens with the system prompt, and the model holds {n_ctx}). "
                  "Shorten it, or use a model or setting with a larger context.").format(count=format_number(len(candidate)), n_ctx=format_number(n_ctx)))
        best = (kept, candidate, len(body) - 1)
    kept, candidate, dropped = best
    return Fitted(kept, candidate, dropped)


def fit_text(tokens: list[int], n_ctx: int, max_tokens: int) -> Fitted:
    """A plain-text prompt (`cove serve`'s completions): used whole, or refused when it leaves no room."""
    if not tokens or len(tokens) + answer_room(n_ctx, max_tokens) > n_ctx:
        raise ContextFull(_("The prompt ({count} tokens) is empty or too long for this "
                            "model's context ({n_ctx} tokens). Shorten it, or lower max_tokens.").format(count=format_number(len(tokens)), n_ctx=format_number(n_ctx)))
    return Fitted([], tokens, 0)
