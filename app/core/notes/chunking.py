"""Split a note into passages: the unit that is searched, cited and shown.

A passage must make sense alone (an answer cites it, a viewer highlights it) and
be small enough that several fit in a model's context. So passages follow the
note's structure: a Markdown heading starts a new passage and every passage
carries its heading path ("Project > Budget > 2024"); paragraphs and code blocks
are kept whole when they fit; a PDF passage never spans two pages. Each is about
TARGET_CHARS (a few hundred tokens, at ~4 characters a token) and repeats a little
of the passage before it (OVERLAP_CHARS), so a sentence cut at a boundary is still
found whole in one of the two. Every passage knows its lines (1-based, inclusive)
or its page, so a citation can open the exact place.

Cost is linear in the text: a 20 MB file with no line breaks is cut into windows,
never searched for structure it does not have.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

TARGET_CHARS = 1200  # ~300 tokens
OVERLAP_CHARS = 200  # ~50 tokens repeated from the previous passage
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
SEPARATOR = " > "


@dataclass(frozen=True)
class Passage:
    ordinal: int
    heading: str  # the heading path, "" before the first heading
    text: str
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None  # 1-based, for paged documents (PDF)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "replace")).hexdigest()


@dataclass
class _Piece:
    text: str
    first: int
    last: int


def _front_matter_end(lines: list[str]) -> int:
    """Lines taken by YAML front matter (---, …, ---) at the top: kept, but not read as headings."""
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 200)):
            if lines[i].strip() in ("---", "..."):
                return i + 1
    return 0


def _sections(text: str, markdown: bool) -> list[tuple[str, list[_Piece]]]:
    """The text as (heading path, blocks) pairs; a block is a paragraph or a whole code fence."""
    lines = text.splitlines()
    sections: list[tuple[str, list[_Piece]]] = [("", [])]
    path: list[tuple[int, str]] = []
    block: list[str] = []
    start = 0
    fence = None
    skip_until = _front_matter_end(lines) if markdown else 0

    def close(end: int) -> None:
        nonlocal block
        if block and any(line.strip() for line in block):
            sections[-1][1].append(_Piece("\n".join(block), start + 1, end))
        block = []

    for i, line in enumerate(lines):
        if markdown and i >= skip_until:
            match = _FENCE.match(line)
            if match and fence is None:
                fence = match.group(1)
            elif match and line.strip().startswith(fence or "\0"):
                fence = None
            elif fence is None:
                heading = _HEADING.match(line)
                if heading:
                    close(i)
                    level = len(heading.group(1))
                    path = [(lv, name) for lv, name in path if lv < level] + [(level, heading.group(2).strip())]
                    sections.append((SEPARATOR.join(name for _lv, name in path), []))
                    continue
        if not line.strip() and fence is None:
            close(i)
            continue
        if not block:
            start = i
        block.append(line)
    close(len(lines))
    return [(heading, pieces) for heading, pieces in sections if pieces]


def _split_long(piece: _Piece) -> list[_Piece]:
    """A block larger than a passage, cut into windows of whole lines (or characters, for a huge line)."""
    if len(piece.text) <= TARGET_CHARS:
        return [piece]
    out: list[_Piece] = []
    lines = piece.text.split("\n")
    current: list[str] = []
    size = 0
    first = piece.first
    for offset, line in enumerate(lines):
        number = piece.first + offset
        if len(line) > TARGET_CHARS:
            if current:
                out.append(_Piece("\n".join(current), first, number - 1))
                current, size = [], 0
            step = TARGET_CHARS - OVERLAP_CHARS
            for at in range(0, len(line), step):
                out.append(_Piece(line[at:at + TARGET_CHARS], number, number))
                if at + TARGET_CHARS >= len(line):
                    break
            first = number + 1
            continue
        if current and size + len(line) > TARGET_CHARS:
            out.append(_Piece("\n".join(current), first, number - 1))
            keep: list[str] = []  # overlap: the last few lines, up to OVERLAP_CHARS
            kept = 0
            for previous in reversed(current):
                if kept + len(previous) > OVERLAP_CHARS:
                    break
                keep.append(previous)
                kept += len(previous) + 1
            keep.reverse()
            current, first, size = keep, number - len(keep), kept
        if not current:
            first = number
        current.append(line)
        size += len(line) + 1  # the running size keeps this linear, however short the lines
    if current:
        out.append(_Piece("\n".join(current), first, piece.first + len(lines) - 1))
    return out


def _pack(pieces: list[_Piece]) -> list[_Piece]:
    """Blocks joined into passages of about TARGET_CHARS; a small last block is repeated as overlap."""
    out: list[_Piece] = []
    current: list[_Piece] = []
    size = 0
    for piece in (p for block in pieces for p in _split_long(block)):
        if current and size + len(piece.text) + 2 > TARGET_CHARS:
            out.append(_Piece("\n\n".join(p.text for p in current), current[0].first, current[-1].last))
            tail = current[-1]
            # Repeat the tail only when it is small and fits beside the next block: a passage made
            # of nothing but the repeat would say nothing new.
            keep = len(current) > 1 and len(tail.text) + len(piece.text) + 4 <= TARGET_CHARS \
                and len(tail.text) <= OVERLAP_CHARS
            current = [tail] if keep else []
            size = sum(len(p.text) + 2 for p in current)
        current.append(piece)
        size += len(piece.text) + 2
    if current:
        out.append(_Piece("\n\n".join(p.text for p in current), current[0].first, current[-1].last))
    return out


def chunk_text(text: str, markdown: bool = True) -> list[Passage]:
    """Passages of a Markdown (headings understood) or plain text note, with their line ranges."""
    passages: list[Passage] = []
    for heading, pieces in _sections(text, markdown):
        for piece in _pack(pieces):
            passages.append(Passage(len(passages), heading, piece.text, line_start=piece.first, line_end=piece.last))
    return passages


def chunk_pages(pages: list[str]) -> list[Passage]:
    """Passages of a paged document: never across a page; each knows its page (and lines within it)."""
    passages: list[Passage] = []
    for number, page in enumerate(pages, start=1):
        for _heading, pieces in _sections(page, markdown=False):
            for piece in _pack(pieces):
                passages.append(Passage(len(passages), "", piece.text, line_start=piece.first,
                                        line_end=piece.last, page=number))
    return passages
