"""What of a streaming answer to render, so that nothing shown changes meaning when more arrives.

A prefix of Markdown can mean something else than the whole: "Open the file.\\n2" is a line
break and a "2" in item 1 until ". Edit" makes it item 2; "**bol" shows two asterisks until
the bold closes; "| City |" is a paragraph until the delimiter row makes it a table. While an
answer streams, its text goes through `shown_text` before markdown_html renders it:

- the last line is held back while it holds only markers ("2", "2.", "-", "##", "```", "|"):
  what it starts is not known yet, and it shows as soon as a word follows;
- a trailing run of `*`, `_`, `~` or backticks is held back (the start or end of emphasis);
- pipe lines that may become a table are held back until the delimiter row is complete;
- emphasis and code spans left open are closed at the end, so "**bol" already shows bold,
  but only where markdown-it agrees that the closers close them (never a stray asterisk);
- inside an open code fence nothing is changed: markdown-it runs it to the end as code.

Qt-free, and linear in the text: only the last block is looked at closely.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MARKERS_ONLY = re.compile(r"^\s*(?:[-*+=_#>|~`:]+|\d{1,9}[.)]?)?\s*$")
_TRAILING_MARKS = re.compile(r"[*_~`]+$")
_PIPE_LINE = re.compile(r"^\s*\|")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_PUNCTUATION = set(string.punctuation)
_EMPHASIS = ("strong_open", "em_open", "s_open", "code_inline")


@lru_cache(maxsize=1)
def _inline_parser():
    from markdown_it import MarkdownIt  # with the first answer, not the window (markdown_html.py)

    return MarkdownIt("commonmark").enable(["strikethrough"])


def _open_fence(lines: list[str]) -> str | None:
    """The fence still open after these lines (its marker), or None."""
    fence = None
    for line in lines:
        match = _FENCE.match(line)
        if not match:
            continue
        marker = match.group(1)
        if fence is None:
            fence = marker
        elif marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip()[len(marker):].strip():
            fence = None
    return fence


def _table_start(lines: list[str]) -> int | None:
    """Where a trailing run of pipe lines begins if it is not a table yet (header, delimiter still coming)."""
    start = len(lines)
    while start > 0 and _PIPE_LINE.match(lines[start - 1]):
        start -= 1
    run = lines[start:]
    if not run:
        return None
    # A table once its delimiter row is complete, that is followed by another line.
    if len(run) >= 3 and _DELIMITER_ROW.match(run[1]):
        return None
    return start


def _closers(block: str) -> str:
    """Closers for the emphasis and code spans left open at the end of a paragraph ("" if none)."""
    stack: list[str] = []
    i, size = 0, len(block)
    while i < size:
        ch = block[i]
        if ch == "\\":
            i += 2
            continue
        run = 1
        while i + run < size and block[i + run] == ch:
            run += 1
        if ch == "`":
            close = block.find("`" * run, i + run)
            if close == -1:
                return "`" * run + "".join(reversed(stack))
            i = close + run
            continue
        if ch in "*_~":
            before = block[i - 1] if i else " "
            after = block[i + run] if i + run < size else " "
            left = not after.isspace() and (after not in _PUNCTUATION or before.isspace() or before in _PUNCTUATION)
            right = not before.isspace() and (before not in _PUNCTUATION or after.isspace() or after in _PUNCTUATION)
            if ch == "_":
                left, right = left and not before.isalnum(), right and not after.isalnum()
            marker = ch * run
            if right and marker in stack:
                del stack[len(stack) - 1 - stack[::-1].index(marker):]
            elif left:
                stack.append(marker)
        i += run
    return "".join(reversed(stack))


def _emphasis_count(block: str) -> int:
    return sum(1 for token in _inline_parser().parseInline(block) for child in token.children or []
               if child.type in _EMPHASIS)


def _close_inline(text: str) -> str:
    """Close what the last paragraph left open, if markdown-it reads the closers as closing it."""
    start = text.rfind("\n\n") + 2 if "\n\n" in text else 0
    block = text[start:]
    closers = _closers(block)
    if not closers:
        return text
    trimmed = block.rstrip()
    candidate = trimmed + closers
    if _emphasis_count(candidate) <= _emphasis_count(trimmed):
        return text  # the closers would only show as characters
    return text[:start] + candidate


def shown_text(text: str) -> str:
    """The part of a streaming answer to render (see the module's docstring)."""
    lines = text.split("\n")
    fence = _open_fence(lines[:-1])
    if fence is not None:  # in a code block: all of it is code, but a closing fence being typed
        if _FENCE.match(lines[-1]) or re.fullmatch(r"\s*[`~]{1,2}\s*", lines[-1]):
            lines.pop()
        return "\n".join(lines)
    last = _TRAILING_MARKS.sub("", lines[-1])
    if _FENCE.match(lines[-1]) and not _MARKERS_ONLY.match(lines[-1]):
        return text  # a fence opened with its language: code from here on
    lines[-1] = last
    if _MARKERS_ONLY.match(last):
        lines.pop()
    table = _table_start(lines)
    if table is not None:
        del lines[table:]
    shown = "\n".join(lines).rstrip("\n")
    return _close_inline(shown) if shown else ""


def warm_up() -> None:
    """Build the inline parser ahead of the first answer (markdown_html.warm_up)."""
    _inline_parser()
