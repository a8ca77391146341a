"""What the note viewer shows for a cited passage: the note as it is now, or the passage as it was.

A citation stores a copy of its passage with the hash of its text (sources.py). When
the note still holds a passage with that hash, the viewer shows the whole note (a
PDF: the page's text) with the passage's lines marked. When the note no longer
holds it (edited since) or is gone (deleted, moved, unreadable), the viewer shows
the stored copy instead, so an old answer still shows what it was based on, and
says why in one line. The file is read as the indexer reads it (readers.py), so
the line numbers of the citation mean the same lines here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.notes import readers
from app.core.notes.indexer import passages_of
from app.core.sources import Source

CURRENT, CHANGED, GONE = "current", "changed", "gone"


@dataclass(frozen=True)
class NoteView:
    path: Path
    state: str  # CURRENT: the note as it is now; CHANGED or GONE: the stored passage
    text: str
    start: int  # the passage's characters in `text`: text[start:end]
    end: int
    problem: str = ""  # why a GONE note could not be read (empty when it is simply not there)

    @property
    def passage(self) -> str:
        return self.text[self.start:self.end]


def _line_span(text: str, first: int, last: int) -> tuple[int, int]:
    """Character offsets of lines first..last (1-based, inclusive) in `text`."""
    lines = text.splitlines(keepends=True)
    first = max(1, min(first, len(lines)))
    last = max(first, min(last, len(lines)))
    start = sum(len(line) for line in lines[:first - 1])
    end = start + sum(len(line) for line in lines[first - 1:last])
    return start, len(text[:end].rstrip("\n")) if end > start else end


def _stored(source: Source, path: Path, state: str, problem: str = "") -> NoteView:
    return NoteView(path, state, source.text, 0, len(source.text), problem)


def view(source: Source) -> NoteView:
    """The note of `source` as the viewer shows it (reads the file: call it off the GUI thread for big files)."""
    path = Path(source.folder) / source.path
    if not path.exists():
        return _stored(source, path, GONE)
    try:
        data = readers.read_bytes(path)
        document = readers.parse(path.name, data)
        passages = passages_of(path.name, data)
    except readers.Unreadable as exc:
        return _stored(source, path, GONE, str(exc))
    match = next((p for p in passages if p.sha256 == source.sha256), None) if source.sha256 else None
    if match is None and not source.sha256:  # an imported source without a hash: look for its text
        match = next((p for p in passages if p.text == source.text), None)
    if match is None:
        return _stored(source, path, CHANGED)
    if document.kind == "pages":
        text = document.pages[match.page - 1] if match.page and match.page <= len(document.pages) else ""
    else:
        text = document.text
    found = text.find(match.text)
    if found >= 0:  # exactly the passage's characters
        return NoteView(path, CURRENT, text, found, found + len(match.text))
    if match.line_start is not None:
        start, end = _line_span(text, match.line_start, match.line_end or match.line_start)
        return NoteView(path, CURRENT, text, start, end)
    return NoteView(path, CURRENT, text, 0, len(text))
