"""From a conversation to the exact prompt a model expects, as markup and content kept apart.

The template comes from the GGUF file (tokenizer.chat_template) or from the user's
override for that model, rendered in a sandboxed Jinja environment under a time and
size limit (template_limits.py). Templates differ in what they accept, and Cove
adapts the messages only when a template refuses them:

- Templates that insist on alternating user/assistant turns fail on two user
  messages in a row (left by an answer that failed before writing anything): then,
  and only then, consecutive messages of the same role are joined. A template that
  accepts them gets them as they are, as Hugging Face's rendering would.
- Several templates (Gemma 2's among them) reject a system message: the system
  prompt is then folded into the first user message, joined with a blank line.
  llama.cpp and Ollama join with one newline; Cove keeps the blank line on purpose:
  it is the paragraph break that separates instructions from the question, the same
  separator used for joined messages, and changing it would change every saved
  conversation's prompt (and so invalidate its saved KV states).
- Qwen2.5 adds its own default system prompt when there is none; Llama 3.2 and
  Phi-4-mini use their own header tokens. Those are the templates' own doing and
  are kept as they are.

What the user typed must stay text: `<|im_end|>` in a message is five characters,
not the end of a turn. So each prompt is rendered twice: once as is, and once with
every message's content replaced by a sentinel. The sentinels cut the prompt into
the template's markup (tokenized with special tokens) and the messages' contents
(tokenized as plain text); see IncrementalTokenizer.

BOS: a template that writes `bos_token` itself gets none added; one that does not
(many user templates) gets the model's BOS when the file says the model wants one
(tokenizer.ggml.add_bos_token).

A file without a template gets DEFAULT_TEMPLATE (ChatML), which most small
instruction-tuned models understand.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from app.core.i18n import _
from app.engine import template_limits as limits

DEFAULT_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
DEFAULT_STOP = ("<|im_end|>",)
FOLD_SEPARATOR = MERGE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Rendered:
    text: str
    stop: tuple[str, ...]
    add_bos: bool           # whether the tokenizer should add BOS (the template did not, the model wants it)
    system_folded: bool     # the system prompt was moved into the first user message
    # The text in order, as (piece, is_content): content pieces are what messages said, tokenized as text.
    segments: tuple[tuple[str, bool], ...] = field(default=(), compare=False)
    merged: bool = False    # consecutive same-role messages were joined (the template refused them)


def merge_same_roles(messages: list[dict]) -> list[dict]:
    merged: list[dict] = []
    for message in messages:
        if merged and merged[-1]["role"] == message["role"]:
            merged[-1] = {"role": message["role"],
                          "content": merged[-1]["content"] + MERGE_SEPARATOR + message["content"]}
        else:
            merged.append({"role": message["role"], "content": message["content"]})
    return merged


def fold_system(messages: list[dict]) -> list[dict]:
    """Move a leading system message into the first user message."""
    if not messages or messages[0]["role"] != "system":
        return messages
    system, rest = messages[0]["content"], messages[1:]
    if rest and rest[0]["role"] == "user":
        return [{"role": "user", "content": f"{system}{FOLD_SEPARATOR}{rest[0]['content']}"}] + rest[1:]
    return [{"role": "user", "content": system}] + rest


def _has_same_roles(messages: list[dict]) -> bool:
    return any(a["role"] == b["role"] for a, b in zip(messages, messages[1:]))


class PromptRenderer:
    def __init__(self, template: str | None, bos_token: str, eos_token: str, source: str = "gguf",
                 model_adds_bos: bool = False):
        self.source = source if template else "default"
        self.template = template or DEFAULT_TEMPLATE
        self.bos_token, self.eos_token = bos_token, eos_token
        self.model_adds_bos = model_adds_bos
        self.time_limit = limits.RENDER_SECONDS
        self._env = limits.LimitedEnvironment()
        try:
            self._compiled = self._env.from_string(self.template)
        except Exception as exc:  # a syntax error: the template cannot be used at all
            raise ValueError(_("the chat template cannot be read ({exc})").format(exc=exc)) from None
        self.stop = DEFAULT_STOP if self.source == "default" else tuple(t for t in (eos_token,) if t)

    def _render(self, messages: list[dict], max_chars: int) -> str:
        def raise_exception(message: str):
            raise ValueError(message)

        context = {"messages": messages, "eos_token": self.eos_token, "bos_token": self.bos_token,
                   "raise_exception": raise_exception, "add_generation_prompt": True, "functions": None,
                   "function_call": None, "tools": None, "tool_choice": None,
                   "strftime_now": limits.strftime_now}
        return limits.render(self._env, self._compiled, context, max_chars, self.time_limit)

    def render(self, messages: list[dict]) -> Rendered:
        """The prompt for these messages; raises ValueError with the template's complaint or a limit."""
        max_chars = limits.prompt_limit(messages)
        attempts = [(messages, False, False)]
        if _has_same_roles(messages):
            attempts.append((merge_same_roles(messages), False, True))
        if messages and messages[0]["role"] == "system":
            attempts.append((merge_same_roles(fold_system(messages)), True, True))
        for adapted, folded, merged in attempts:  # noqa: B007 - the attempt that rendered is used below
            try:
                text = self._render(adapted, max_chars)
                break
            except limits.TemplateLimit:
                raise  # adapting the messages would only run into it again
            except Exception as exc:  # Jinja errors and the template's own raise_exception
                complaint = exc
        else:
            raise ValueError(str(complaint)) from None
        segments = self._segments(adapted, text, max_chars)
        text = "".join(piece for piece, _kind in segments)
        add_bos = self.model_adds_bos and not (self.bos_token and text.startswith(self.bos_token))
        return Rendered(text, self.stop, add_bos, folded, tuple(segments), merged)

    def _segments(self, messages: list[dict], text: str, max_chars: int) -> list[tuple[str, bool]]:
        """Cut the prompt into markup and contents, by rendering sentinels in place of the contents."""
        nonce = secrets.token_hex(4)
        sentinel = "\ue000" + nonce + "{}\ue001"
        skeleton_messages = [{**m, "content": sentinel.format(i)} for i, m in enumerate(messages)]
        try:
            skeleton = self._render(skeleton_messages, max_chars)
        except limits.TemplateLimit:
            raise
        except Exception:
            skeleton = None  # the template treats contents in a way sentinels break: guard the contents in text
        if skeleton is None:
            return _guarded(text, messages)
        pieces = re.split("\ue000" + nonce + r"(\d+)\ue001", skeleton)
        aligned = _align(pieces, messages, text)
        if aligned is not None:
            return aligned
        # The template changes contents in a way we cannot follow: use them as given.
        segments = [(pieces[0], False)]
        for k in range(1, len(pieces), 2):
            segments += [(messages[int(pieces[k])]["content"], True), (pieces[k + 1], False)]
        return [s for s in segments if s[0]]


def _align(pieces: list[str], messages: list[dict], text: str) -> list[tuple[str, bool]] | None:
    """Markup from the skeleton, contents as the template wrote them (trimmed, say) in the real text."""
    segments, pos = [], 0
    for k in range(0, len(pieces) - 1, 2):
        markup, content = pieces[k], messages[int(pieces[k + 1])]["content"]
        if not text.startswith(markup, pos):
            return None
        pos += len(markup)
        following = pieces[k + 2]
        for candidate in (content, content.strip(), content.rstrip(), content.lstrip()):
            end = pos + len(candidate)
            if text.startswith(candidate, pos) and text.startswith(following, end):
                break
        else:
            return None
        segments += [(markup, False), (candidate, True)]
        pos = end
    if text[pos:] != pieces[-1]:
        return None
    segments.append((pieces[-1], False))
    return [s for s in segments if s[0]]


def _guarded(text: str, messages: list[dict]) -> list[tuple[str, bool]]:
    """Every occurrence of a message's content is content; the rest is markup."""
    spans = []
    for message in messages:
        content = message["content"]
        if content:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(content), text)]
    segments, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        segments += [(text[pos:start], False), (text[start:end], True)]
        pos = end
    segments.append((text[pos:], False))
    return [s for s in segments if s[0]]
