"""From a conversation to the exact prompt text a model expects.

The template comes from the GGUF file (tokenizer.chat_template), rendered in
llama-cpp-python's sandboxed Jinja environment, or from the user's override for
that model. Templates differ in what they accept, and Cove adapts the messages
rather than failing:

- Several templates (Gemma 2's among them) reject a system message: the system
  prompt is then folded into the first user message.
- Templates that insist on alternating user/assistant turns fail on two user
  messages in a row (left by an answer that failed before writing anything):
  consecutive messages of the same role are joined.
- Qwen2.5 adds its own default system prompt when there is none; Llama 3.2 and
  Phi-4-mini use their own header tokens. Those are the templates' own doing and
  are kept as they are.

A file without a template gets DEFAULT_TEMPLATE (ChatML), which most small
instruction-tuned models understand.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
DEFAULT_STOP = ("<|im_end|>",)


@dataclass(frozen=True)
class Rendered:
    text: str
    stop: tuple[str, ...]
    add_bos: bool           # whether the tokenizer should add BOS (the template did not)
    system_folded: bool     # the system prompt was moved into the first user message


def merge_same_roles(messages: list[dict]) -> list[dict]:
    merged: list[dict] = []
    for message in messages:
        if merged and merged[-1]["role"] == message["role"]:
            merged[-1] = {"role": message["role"],
                          "content": merged[-1]["content"] + "\n\n" + message["content"]}
        else:
            merged.append({"role": message["role"], "content": message["content"]})
    return merged


def fold_system(messages: list[dict]) -> list[dict]:
    """Move a leading system message into the first user message."""
    if not messages or messages[0]["role"] != "system":
        return messages
    system, rest = messages[0]["content"], messages[1:]
    if rest and rest[0]["role"] == "user":
        return [{"role": "user", "content": f"{system}\n\n{rest[0]['content']}"}] + rest[1:]
    return [{"role": "user", "content": system}] + rest


class PromptRenderer:
    def __init__(self, template: str | None, bos_token: str, eos_token: str, source: str = "gguf"):
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        self.source = source if template else "default"
        self.template = template or DEFAULT_TEMPLATE
        self._formatter = Jinja2ChatFormatter(template=self.template, eos_token=eos_token, bos_token=bos_token)
        self.stop = DEFAULT_STOP if self.source == "default" else tuple(t for t in (eos_token,) if t)

    def render(self, messages: list[dict]) -> Rendered:
        """The prompt for these messages; raises ValueError with the template's complaint."""
        messages = merge_same_roles(messages)
        folded = False
        try:
            result = self._formatter(messages=messages)
        except Exception as first:  # Jinja errors and the template's own raise_exception
            if not messages or messages[0]["role"] != "system":
                raise ValueError(str(first)) from None
            folded = True
            try:
                result = self._formatter(messages=merge_same_roles(fold_system(messages)))
            except Exception as second:
                raise ValueError(str(second)) from None
        return Rendered(result.prompt, self.stop, not result.added_special, folded)


TURN_END_MARKERS = ("<|im_end|>", "<|eot_id|>", "<end_of_turn>", "<|end|>")


class IncrementalTokenizer:
    """Tokenizes a conversation's prompt, reusing the tokens of the part that did not change.

    llama.cpp tokenizes the text between special tokens independently, so the
    tokens of a prompt split after a special token are the tokens of each side.
    Each turn's prompt extends the previous one up to a turn-end marker; only the
    text after the last shared marker is tokenized again, however long the
    conversation is.
    """

    def __init__(self, tokenize):
        self._tokenize = tokenize  # (text, add_bos) -> list[int]
        self.markers: dict[str, int] = {}
        for marker in TURN_END_MARKERS:
            ids = tokenize(marker, False)
            if len(ids) == 1:
                self.markers[marker] = ids[0]
        self._text = ""
        self._tokens: list[int] = []

    def _cuts(self, text: str, tokens: list[int]) -> list[tuple[int, int]]:
        """(text offset, token index) just after each marker, or [] if they do not line up."""
        import numpy as np

        ids = np.asarray(tokens)
        text_cuts, token_cuts = [], []
        for marker, token in self.markers.items():
            start = text.find(marker)
            while start != -1:
                text_cuts.append((start + len(marker), token))
                start = text.find(marker, start + 1)
            token_cuts += [(int(i) + 1, token) for i in np.flatnonzero(ids == token)]
        text_cuts.sort()
        token_cuts.sort()
        if [t for _, t in text_cuts] != [t for _, t in token_cuts]:
            return []
        return [(offset, index) for (offset, _), (index, _) in zip(text_cuts, token_cuts)]

    def __call__(self, text: str, add_bos: bool) -> list[int]:
        head: list[int] = []
        start = 0
        if self.markers and self._text and not add_bos:
            cuts = self._cuts(self._text, self._tokens)
            low, high = 0, len(cuts) - 1
            while low <= high:  # the last cut up to which both texts agree (C-speed comparisons)
                mid = (low + high) // 2
                offset, index = cuts[mid]
                if text.startswith(self._text[:offset]):
                    start, head = offset, self._tokens[:index]
                    low = mid + 1
                else:
                    high = mid - 1
        tokens = head + self._tokenize(text[start:], add_bos and start == 0)
        self._text, self._tokens = text, tokens
        return tokens
