"""Find the notes in a folder and read each into text, without ever failing the whole folder.

A notes folder is the user's own (an Obsidian vault, a documents folder), so
anything can be in it: a `.git` with thousands of objects, a 2 GB video, a FIFO
that would block a reader forever, a file the user may not read. The walk skips
hidden folders and looks at each entry with lstat *before* opening it, so only
regular files of a known kind and a sane size are ever opened; what cannot be
read is reported with the reason, never raised. Symlinks are not followed: the
index covers what is inside the folder, and a link loop cannot trap the walk.

Nothing here writes anywhere; files are opened read-only.
"""

from __future__ import annotations

import io
import os
import re
import stat
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from app.core.i18n import _

MAX_FILE_BYTES = 20 * 1024 * 1024  # larger files are skipped: no note is this big, and reading one stalls indexing
MARKDOWN = {".md", ".markdown", ".mdown", ".mkd"}
TEXT = {".txt", ".text"}
HTML = {".html", ".htm", ".xhtml"}
PDF = {".pdf"}
DOCX = {".docx"}
SUPPORTED = MARKDOWN | TEXT | HTML | PDF | DOCX
_BINARY_PROBE = 8192  # a NUL byte in the first 8 KB: not text, whatever the name says


class Unreadable(Exception):
    """A file that cannot be indexed; the message is the reason shown to the user."""


@dataclass(frozen=True)
class Found:
    """A file the walk found: its path relative to the root (for the index) and its stat."""
    rel: str
    path: Path
    size: int
    mtime_ns: int
    problem: str | None = None  # set when the file is skipped before opening (too big, not a file)


@dataclass
class Document:
    """What a reader made of a file: Markdown-ish text with line numbers, or pages (PDF)."""
    kind: str  # "markdown", "text" or "pages"
    text: str = ""
    pages: list[str] = field(default_factory=list)


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def supported(name: str) -> bool:
    return Path(name).suffix.lower() in SUPPORTED and not is_hidden(name)


def walk(root: Path) -> list[Found]:
    """Every note file under `root`, sorted; hidden folders and files, symlinks and unknown kinds left out.

    Files that exist but will not be read (too big, not a regular file) come back with `problem` set,
    so they can be listed as unreadable.
    """
    found: list[Found] = []
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as entries:
                entries = list(entries)
        except OSError:
            continue  # a folder we may not list: its files are simply not there for us
        for entry in entries:
            if is_hidden(entry.name):
                continue
            rel = prefix + entry.name
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                stack.append((Path(entry.path), rel + "/"))
            elif stat.S_ISLNK(info.st_mode) or not supported(entry.name):
                continue
            else:
                found.append(Found(rel, Path(entry.path), info.st_size, info.st_mtime_ns, check_stat(info)))
    found.sort(key=lambda f: f.rel)
    return found


def check_stat(info: os.stat_result) -> str | None:
    """Why a file with this stat is not opened, or None when it may be."""
    if not stat.S_ISREG(info.st_mode):
        return _("not a regular file (a pipe, socket or device); skipped")
    if info.st_size > MAX_FILE_BYTES:
        return _("larger than {megabytes} MB; skipped").format(megabytes=MAX_FILE_BYTES >> 20)
    return None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, opened without following a symlink and without blocking on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Unreadable(_("cannot be opened ({reason})").format(reason=exc.strerror or exc)) from None
    try:
        info = os.fstat(fd)
        problem = check_stat(info)  # it may have changed since the walk looked
        if problem:
            raise Unreadable(problem)
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise Unreadable(_("cannot be read ({reason})").format(reason=exc.strerror or exc)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable(_("larger than {megabytes} MB; skipped").format(megabytes=MAX_FILE_BYTES >> 20))
    return data


def parse(name: str, data: bytes) -> Document:
    """Turn a file's bytes into a Document by its kind (from the name's extension)."""
    suffix = Path(name).suffix.lower()
    if suffix in PDF:
        return Document("pages", pages=read_pdf(data))
    if suffix in DOCX:
        return Document("markdown", text=read_docx(data))
    text = decode_text(data)
    if suffix in HTML:
        return Document("markdown", text=html_to_text(text))
    return Document("markdown" if suffix in MARKDOWN else "text", text=text)


def decode_text(data: bytes) -> str:
    if b"\0" in data[:_BINARY_PROBE]:
        raise Unreadable(_("looks like a binary file, not text; skipped"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Old notes are often Windows-1252/Latin-1: keep their words rather than refuse the file.
        return data.decode("cp1252", "replace")


def read_pdf(data: bytes) -> list[str]:
    """The text of each page (pypdf). Scanned pages give empty text: there is nothing to index on them."""
    from pypdf import PdfReader  # loaded only when a PDF is met: it is large
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure here means "needs a password"
                raise Unreadable(_("the PDF is protected by a password")) from None
        return [(page.extract_text() or "") for page in reader.pages]
    except Unreadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            NotImplementedError, OSError) as exc:
        raise Unreadable(_("not a readable PDF ({error}: {exc})").format(error=type(exc).__name__, exc=str(exc)[:120])) from None


def read_docx(data: bytes) -> str:
    """A Word document's paragraphs as Markdown: "Heading N" styles become headings, tables become lines."""
    import docx  # python-docx, loaded only when a .docx is met

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a broken zip or XML raises any of a dozen types
        raise Unreadable(_("not a readable Word document ({error})").format(error=type(exc).__name__)) from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = style[len("Heading "):] if style.startswith("Heading ") else ""
        if level.isdigit() and 1 <= int(level) <= 6:
            text = "#" * int(level) + " " + text.replace("\n", " ")
        elif style == "Title":
            text = "# " + text.replace("\n", " ")
        lines += [text, ""]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
        lines.append("")
    return "\n".join(lines)


_BLOCK = {"p", "div", "br", "li", "tr", "table", "section", "article", "header", "footer", "pre", "blockquote",
          "ul", "ol", "dl", "dt", "dd", "hr", "main", "aside", "nav", "figure", "figcaption", "title"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_DROPPED = {"script", "style", "noscript", "template", "svg", "head"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED:
            self.dropping += 1
        elif tag in _HEADINGS:
            self.parts.append("\n\n" + "#" * _HEADINGS[tag] + " ")
        elif tag in _BLOCK:
            self.parts.append("\n\n" if tag in ("p", "div", "table", "pre", "blockquote") else "\n")

    def handle_endtag(self, tag):
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _HEADINGS or tag in ("p", "div", "pre", "blockquote"):
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.dropping:
            self.parts.append(data if data.strip() else " ")


def html_to_text(html: str) -> str:
    """Readable text of an HTML page: scripts and styles dropped, headings kept as Markdown headings."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError) as exc:  # very broken markup
        raise Unreadable(_("not readable HTML ({exc})").format(exc=exc)) from None
    lines = []
    for line in "".join(parts for parts in parser.parts).split("\n"):
        stripped = " ".join(line.split())
        if stripped.startswith("#"):
            head, _sep, rest = stripped.partition(" ")
            stripped = f"{head} {rest}" if rest else ""  # an empty heading says nothing
        lines.append(stripped)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
