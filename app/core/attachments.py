"""Text files attached to a message: read safely, stored with it, given to the model.

An attachment is a text file's content (a note, a Markdown page, a CSV, some code)
that goes into the prompt together with the message. Whether a file is text is
decided by its bytes, not its name: a BOM says UTF-8 / UTF-16 / UTF-32, otherwise
it must be UTF-8, and NUL bytes (or mostly control characters) mean a binary file.
Every refusal is a CoveError whose message says what to do instead.

What the user typed is stored as the message's content, unchanged; the files are
stored beside it (the `attachments` table) and joined to it only when the prompt is
built (prompt_content), so the transcript, search, editing and export keep the
user's own words. Qt-free: the window, the command line and the export share it.
"""

from __future__ import annotations

import codecs
import math
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import CoveError
from app.core.i18n import _
from app.core.units import human_size

MAX_BYTES = 2_000_000  # per file: far more than a small model's context holds anyway
# Offered first in the file dialog; any text file is accepted, whatever its name.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".csv", ".tsv", ".json", ".jsonl", ".yaml", ".yml", ".toml",
                 ".ini", ".xml", ".html", ".py", ".js", ".ts", ".c", ".h", ".cpp", ".java", ".go", ".rs",
                 ".sh", ".sql", ".log", ".rst", ".tex", ".org")
_BOMS = (  # longest first: UTF-32 LE's BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = set("\t\n\r\f\v\x1b")  # control characters that text files do contain


@dataclass(frozen=True)
class Attachment:
    name: str       # the file's name, without its folder
    text: str       # its content ("" when only the names were read: Store.attachments_for(text=False))
    size: int       # bytes on disk
    tokens: int | None = None  # the exact count with the model it was sent to, when known


def file_filter() -> str:
    """For a file dialog: the usual text files first, then anything."""
    patterns = " ".join("*" + suffix for suffix in TEXT_SUFFIXES)
    return f"Text and Markdown files ({patterns});;All files (*)"


def read_attachment(path: Path | str) -> Attachment:
    """A text file as an attachment; CoveError (saying what to do) for anything else."""
    path = Path(path)
    name = path.name or str(path)
    try:
        # What the name is, first, and only then open it: opening a FIFO (or a device) would wait
        # for a writer for ever. O_NONBLOCK and the second look (fstat) cover a name swapped between.
        info = path.stat()
        _check_kind(name, info.st_mode)
        if info.st_size > MAX_BYTES:
            raise CoveError(_too_large(name, info.st_size))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as f:
            _check_kind(name, os.fstat(f.fileno()).st_mode)
            data = f.read(MAX_BYTES + 1)  # a file that grew meanwhile is still capped
    except FileNotFoundError:
        raise CoveError(_("“{name}” is no longer there ({path}). It may have been "
                          "moved or deleted; attach it again from where it is now.").format(name=name, path=path)) from None
    except PermissionError:
        raise CoveError(_("Cove is not allowed to read “{name}” ({path}). Check its "
                          "permissions, or copy it somewhere you can open it and attach the copy.").format(name=name, path=path)) from None
    except OSError as exc:
        raise CoveError(_("Cove cannot read “{name}” ({reason}). Check that the "
                          "file is complete and reachable, then attach it again.").format(name=name, reason=exc.strerror or exc)) from None
    if len(data) > MAX_BYTES:
        raise CoveError(_too_large(name, len(data)))
    text = decode(data, name)
    if not text.strip():
        raise CoveError(_("“{name}” is empty: there is nothing in it to attach.").format(name=name))
    return Attachment(name=name, text=text, size=len(data))


def _check_kind(name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise CoveError(_("“{name}” is a folder. Attach the text files inside it instead.").format(name=name))
    if not stat.S_ISREG(mode):
        raise CoveError(_("“{name}” is not a regular file (it is a pipe, a device or a socket), so it "
                          "cannot be attached. Save its content to a text file and attach that.").format(name=name))


def _too_large(name: str, size: int) -> str:
    return (_("“{name}” is too large to attach ({size}; the limit is {max_bytes_size}). "
              "Attach the part you need: copy it into a smaller file, or split the file.").format(name=name, size=human_size(size), max_bytes_size=human_size(MAX_BYTES)))


def decode(data: bytes, name: str = "The file") -> str:
    """A file's bytes as text, with Unix line ends; CoveError for binary or non-UTF-8 files."""
    binary = CoveError(
        _("“{name}” is not a text file (it looks like a binary file, such as a picture, a "
          "PDF or a program), so it cannot be attached. Attach text or Markdown files; for "
          "a PDF or a word-processor document, save or export it as plain text first.").format(name=name))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise CoveError(_("“{name}” says it is {encoding} text but is "
                                  "not valid {encoding}. Open it in a text "
                                  "editor and save it as UTF-8, then attach it again.").format(name=name, encoding=encoding.upper())) from None
            break
    else:
        if b"\x00" in data:
            raise binary
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise CoveError(_("“{name}” is not UTF-8 text (it may use an older encoding "
                              "such as Windows-1252 or Latin-1). Open it in a text "
                              "editor, save it with the UTF-8 encoding, then attach it again.").format(name=name)) from None
    if "\x00" in text:
        raise binary
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _TEXT_CONTROLS)
    if sample and controls > len(sample) * 0.05:
        raise binary
    return text.replace("\r\n", "\n").replace("\r", "\n")


# In the prompt ---------------------------------------------------------------------

def file_block(attachment: Attachment) -> str:
    """One file as the model reads it: its text between two marker lines that name it."""
    return f"--- file: {attachment.name} ---\n{attachment.text.rstrip()}\n--- end of {attachment.name} ---"


def prompt_content(text: str, attachments: list[Attachment] | tuple[Attachment, ...] = ()) -> str:
    """A user message as the model sees it: what the user wrote, then each attached file.

    (Tried both ways with the small starter model: with the question first it answers
    from the file; with the files first it often loses track of the question.)
    """
    if not attachments:
        return text
    return "\n\n".join([text] + [file_block(a) for a in attachments])


def estimate_tokens(text: str) -> int:
    """A quick guess (about 4 characters a token in English), until the model counts exactly."""
    return math.ceil(len(text) / 4)
