"""Tokenizing a rendered prompt: the template's markup with special tokens, contents as plain text.

llama.cpp, asked to parse special tokens, first cuts the text at every special
token and then tokenizes each stretch of text between them on its own. Cove does
the same cut, but looks for special tokens only in the template's markup: a message
that says `<|im_end|>` stays the characters it is. Each stretch between two of the
markup's special tokens (markup text and the contents inside it) is tokenized with
special-token parsing off. For a prompt whose contents hold no special-token text,
the tokens are exactly those of tokenizing the whole prompt with parsing on.

The stretches repeat from turn to turn (a conversation's prompt grows at its end),
so their tokens are kept: each turn only tokenizes what is new, however long the
conversation is, and the result is the same as tokenizing everything again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_WHITESPACE = " \t\n\v\f\r"  # C isspace(), as llama.cpp strips around LSTRIP/RSTRIP tokens
CACHE_CHARS = 32 << 20


@dataclass(frozen=True)
class Special:
    """A special (control) token found in markup, as llama.cpp treats it."""

    id: int
    text: str
    lstrip: bool = False  # eats the whitespace before it
    rstrip: bool = False  # eats the whitespace after it


class IncrementalTokenizer:
    def __init__(self, tokenize: Callable[[str, bool], list[int]], special: Callable[[int], Special | None]):
        """tokenize(text, parse_special) -> ids without BOS; special(id) -> Special for a control token, else None."""
        self._tokenize = tokenize
        self._special = special
        self._markup: dict[str, list] = {}
        self._stretches: OrderedDict[str, list[int]] = OrderedDict()
        self._cached_chars = 0

    def _markup_parts(self, markup: str) -> list:
        """The markup as text pieces and Special tokens, in order."""
        parts = self._markup.get(markup)
        if parts is None:
            parts, pos = [], 0
            for token in self._tokenize(markup, True):
                found = self._special(token)
                at = markup.find(found.text, pos) if found is not None else -1
                if at == -1:
                    continue  # ordinary text (or a token whose text llama.cpp rewrote): stays in the text
                if at > pos:
                    parts.append(markup[pos:at])
                parts.append(found)
                pos = at + len(found.text)
            if pos < len(markup):
                parts.append(markup[pos:])
            if len(self._markup) > 4096:
                self._markup.clear()
            self._markup[markup] = parts
        return parts

    def stretches(self, segments: Iterable[tuple[str, bool]]) -> list:
        """The prompt as special tokens and the text stretches between them."""
        result: list = []
        pending: list[str] = []
        for piece, is_content in segments:
            for part in ([piece] if is_content else self._markup_parts(piece)):
                if isinstance(part, Special):
                    text = "".join(pending)
                    if part.lstrip:
                        text = text.rstrip(_WHITESPACE)
                    if text:
                        result.append(text)
                    result.append(part)
                    pending = []
                else:
                    if not pending and result and isinstance(result[-1], Special) and result[-1].rstrip:
                        part = part.lstrip(_WHITESPACE)
                    if part:
                        pending.append(part)
        if pending:
            result.append("".join(pending))
        return result

    def __call__(self, segments: Iterable[tuple[str, bool]], bos: int | None = None) -> list[int]:
        tokens = [bos] if bos is not None else []
        for stretch in self.stretches(segments):
            if isinstance(stretch, Special):
                tokens.append(stretch.id)
            else:
                tokens += self._text_tokens(stretch)
        return tokens

    def _text_tokens(self, text: str) -> list[int]:
        ids = self._stretches.get(text)
        if ids is not None:
            self._stretches.move_to_end(text)
            return ids
        ids = self._tokenize(text, False)
        self._stretches[text] = ids
        self._cached_chars += len(text)
        while self._cached_chars > CACHE_CHARS and len(self._stretches) > 1:
            old, _ = self._stretches.popitem(last=False)
            self._cached_chars -= len(old)
        return ids
