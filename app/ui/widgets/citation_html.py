"""Citations in an answer drawn from the notes: "[1]" as a link, and the "Sources" list under it.

Only numbers that name one of the answer's stored passages become links: a model
inventing "[7]" of three passages, or a year in brackets, stays plain text (the same
rule as citing.cited_numbers). Code is left as it is: "[1]" in a code block is an
index, not a citation. The rendered answer is walked as tags and text, so a link
is only ever put into text, never into a tag's attributes.

A link is `cove:source/<message id>-<number>`, read back by transcript.parse_action.
"""

from __future__ import annotations

import html
import re

from app.core.sources import Source
from app.ui.widgets.model_guard import text as capped

SOURCE = "source"  # the link action of a citation and of a line of the Sources list
_TAG = re.compile(r"<[^>]*>")
_CITATION = re.compile(r"\[(\d{1,4}(?:\s*[,;]\s*\d{1,4})*)\]")
_SKIP = {"pre", "code", "a"}  # inside these, text stays text


def source_url(message_id: int, number: int) -> str:
    return f"cove:{SOURCE}/{message_id}-{number}"


def _link_text(text: str, message_id: int, numbers: set[int]) -> str:
    def one(match: re.Match) -> str:
        parts = re.split(r"(\s*[,;]\s*)", match.group(1))
        if not all(int(p) in numbers for p in parts[::2]):
            return match.group(0)
        linked = [f"<a href='{source_url(message_id, int(p))}'>{p}</a>" if i % 2 == 0 else p
                  for i, p in enumerate(parts)]
        return "[" + "".join(linked) + "]"
    return _CITATION.sub(one, text)


def link_citations(page: str, message_id: int, numbers: set[int]) -> str:
    """The rendered answer with its citations of `numbers` as links."""
    if not numbers or "[" not in page:
        return page
    out, depth, position = [], 0, 0
    for tag in _TAG.finditer(page):
        text = page[position:tag.start()]
        out.append(_link_text(text, message_id, numbers) if depth == 0 and text else text)
        name = tag.group(0)[1:].lstrip("/").split(None, 1)[0].rstrip(">/").lower() if len(tag.group(0)) > 2 else ""
        if name in _SKIP and not tag.group(0).endswith("/>"):
            depth = max(0, depth - 1) if tag.group(0).startswith("</") else depth + 1
        out.append(tag.group(0))
        position = tag.end()
    rest = page[position:]
    out.append(_link_text(rest, message_id, numbers) if depth == 0 else rest)
    return "".join(out)


def source_line(source: Source) -> str:
    """"trips/lisbon.md › Ferry · lines 4-9" (without the number)."""
    heading = f" › {source.heading}" if source.heading else ""
    where = f" · {source.where()}" if source.where() else ""
    return capped(f"{source.path}{heading}", 300) + where  # a hostile name cannot fill the page


def sources_html(sources: list[Source], message_id: int, title: str, cited_label: str) -> str:
    """The "Sources" list: one link per passage; the ones the answer cites marked."""
    if not sources:
        return ""
    lines = []
    for source in sources:
        mark = f" <span class='cited'>· {html.escape(cited_label)}</span>" if source.cited else ""
        lines.append(f"[{source.number}] <a href='{source_url(message_id, source.number)}'>"
                     f"{html.escape(source_line(source))}</a>{mark}")
    return (f"<p class='sources'><b>{html.escape(title)}</b><br>" + "<br>".join(lines) + "</p>")
