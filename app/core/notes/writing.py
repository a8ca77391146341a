"""Write a new note into one of the user's notes folders, then index it at once.

This is the one place Cove writes into a notes folder, and only when the user
asks (save an answer, a selection or a conversation; `cove notes new`). So:

- the folder must be an added notes folder or a sub-folder of one, and allowed
  by the administrator's policy (compared resolved, so a link cannot sneak out);
- the file name comes from the title, made safe for every common file system
  (no separators, control characters or Windows' reserved names, at most
  TITLE_BYTES of title) and unique: "Title (2).md" when "Title.md" exists.
  An existing file is never overwritten, and a symlink at the name is never
  followed: the finished file is hard-linked to the name, which fails if
  anything at all (a dangling link included) is there, and the next name is tried;
- the content is written to a hidden temporary file first and flushed, so a
  crash or a full disk leaves no half note (the indexer skips hidden files);
- unlike Cove's private files (0600), a note belongs to the user's own folder
  and is opened by their editor, sync tool or a second account they share the
  vault with: it gets the permissions a file made by their editor would get
  there, the folder's mode without execute bits (0755 -> 0644, 0700 -> 0600),
  because Cove's own umask (077) says nothing about how the user keeps notes.

Notes are Markdown with a simple YAML front matter (title, date, tags, source
conversation), written with quoted strings so any YAML reader parses it back.
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.errors import CoveError
from app.core.exporting import conversation_markdown, yaml_string
from app.core.i18n import _
from app.core.notes import folders, readers
from app.core.notes.index import NotesIndex, Root
from app.core.notes.indexer import Indexer
from app.core.policy import Policy
from app.core.private_files import disk_full_message, is_disk_full
from app.core.text import clean_text

TITLE_BYTES = 100
MAX_COPIES = 1000  # "Title (1000).md" and still taken: something is wrong, say so
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u2028\u2029]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
_PLACEHOLDER = re.compile(r"\{(date|title|text)\}")


@dataclass(frozen=True)
class Source:
    """The conversation a note came from (front matter), when it came from one."""

    conversation_id: int
    uuid: str | None = None
    message_id: int | None = None


@dataclass(frozen=True)
class Draft:
    title: str
    body: str
    tags: tuple[str, ...] = ()
    source: Source | None = None


# File names ---------------------------------------------------------------------

def safe_title(title: str) -> str:
    """The title part of a file name: nothing a common file system refuses or a shell trips on."""
    text = " ".join(_UNSAFE.sub(" ", clean_text(title)).split())
    cut = text.encode("utf-8")[:TITLE_BYTES].decode("utf-8", "ignore")
    if cut != text and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    cut = cut.strip(" .")  # Windows drops a trailing dot or space; a leading dot would hide the note
    if not cut or set(cut) <= {"."}:
        cut = "Untitled note"
    if cut.split(".")[0].strip().upper() in _RESERVED:  # "CON.md" and "nul.txt.md" are devices on Windows
        cut = f"{cut} note"
    return cut


def candidate_names(title: str):
    stem = safe_title(title)
    yield f"{stem}.md"
    for n in range(2, MAX_COPIES + 1):
        yield f"{stem} ({n}).md"


# Choosing the folder ------------------------------------------------------------------

def choose_folder(text: str, roots: list[Root], policy: Policy) -> Path:
    """The folder to save into: a notes folder given by path or by its name, or a sub-folder of one."""
    folders.require_notes(policy)
    if not roots:
        raise CoveError(_("There are no notes folders yet. Add one first: cove notes add PATH"))
    named = [r.path for r in roots if r.path.name == text]
    if len(named) > 1:
        raise CoveError(_("Several notes folders are called '{text}'; give the full path instead.").format(text=clean_text(text)))
    path = named[0] if named else folders.resolve(text)
    shown = clean_text(str(path))
    if not any(folders.inside(path, r.path) for r in roots):
        listed = ", ".join(clean_text(str(r.path)) for r in roots)
        raise CoveError(_("{shown} is not one of your notes folders ({listed}). Save "
                          "into one of them, or add it first with `cove notes add`.").format(shown=shown, listed=listed))
    if not folders.allowed(path, policy):
        raise CoveError(policy.reason(_("Saving notes into {shown}").format(shown=shown)))
    root = max((r.path for r in roots if folders.inside(path, r.path)), key=lambda p: len(p.parts))
    if any(readers.is_hidden(part) for part in path.relative_to(root).parts):
        raise CoveError(_("{shown} is a hidden folder, which Cove does not index; choose a visible folder.").format(shown=shown))
    if not path.is_dir():
        raise CoveError(_("The folder {shown} does not exist. Create it, or choose another notes folder.").format(shown=shown))
    return path


# Content ----------------------------------------------------------------------------

def fill_template(template: str, title: str, text: str, date: str) -> str:
    """{date}, {title} and {text} replaced; any other braces (code, LaTeX) left as they are."""
    values = {"date": date, "title": title, "text": text}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def note_markdown(draft: Draft, date: str) -> str:
    lines = ["---", f"title: {yaml_string(draft.title)}", f"date: {yaml_string(date)}"]
    tags = [clean_text(t).strip() for t in draft.tags if clean_text(t).strip()]
    lines.append("tags: [" + ", ".join(yaml_string(t) for t in dict.fromkeys(tags)) + "]")
    if draft.source is not None:
        lines.append(f"source_conversation: {draft.source.conversation_id}")
        if draft.source.uuid:
            lines.append(f"source_uuid: {yaml_string(draft.source.uuid)}")
        if draft.source.message_id is not None:
            lines.append(f"source_message: {draft.source.message_id}")
    lines += ["---", "", clean_text(draft.body).strip("\n"), ""]
    return "\n".join(lines)


def title_from(text: str, fallback: str = "Untitled note") -> str:
    """A title from the first line with words in it (a Markdown heading's marks removed)."""
    for line in clean_text(text).splitlines():
        words = " ".join(line.lstrip("#>-* ").split())
        if words:
            return words[:80]
    return fallback


def from_selection(text: str, title: str | None = None, tags=(), source: Source | None = None) -> Draft:
    if not clean_text(text).strip():
        raise CoveError(_("There is no text to save: give the note some words."))
    title = " ".join(clean_text(title).split()) if title else ""  # one line: it goes into the front matter
    return Draft(title or title_from(text), clean_text(text), tuple(clean_text(t) for t in tags), source)


def from_answer(store, message_id: int, title: str | None = None, tags=()) -> Draft:
    """An answer (a message of the assistant), titled by the question before it unless given."""
    message = store.message(message_id)
    if message.role != "assistant":
        raise CoveError(_("Message {message_id} is not an answer; give the id of one of the assistant's messages.").format(message_id=message_id))
    conversation = store.conversation(message.conversation_id)
    question = store.message(message.parent_id).content if message.parent_id else ""
    source = Source(conversation.id, conversation.uuid, message.id)
    return from_selection(message.content, title or title_from(question, conversation.title), tags, source)


def from_conversation(store, conversation_id: int, title: str | None = None, tags=()) -> Draft:
    """The branch on screen, rendered as the Markdown export renders it (its front matter replaced by the note's)."""
    conversation = store.conversation(conversation_id)
    rendered = conversation_markdown(store, conversation_id)
    body = rendered.split("\n---\n", 1)[1].lstrip("\n") if rendered.startswith("---\n") else rendered
    return from_selection(body, title or conversation.title, tags, Source(conversation.id, conversation.uuid))


def parse_front_matter(text: str) -> dict:
    """The front matter this module writes, read back (quoted strings, integers, lists of strings)."""
    if not text.startswith("---\n"):
        return {}
    head = text[4:].split("\n---\n", 1)[0]
    values = {}
    for line in head.splitlines():
        key, _sep, raw = line.partition(": ")
        raw = raw.strip()
        if raw.startswith("[") and raw.endswith("]") or raw.startswith('"'):
            values[key] = json.loads(raw)
        else:
            values[key] = int(raw) if raw.lstrip("-").isdigit() else raw
    return values


# Writing ---------------------------------------------------------------------------

def _file_mode(folder: Path) -> int:
    return stat.S_IMODE(folder.stat().st_mode) & 0o666


def write_new(folder: Path, title: str, content: str) -> Path:
    """Write `content` under a new, unique name in `folder`; never overwrites, never follows a link."""
    payload = content.encode("utf-8")
    mode = _file_mode(folder)
    tmp = folder / f".cove-note-{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # explicit: Cove's own umask (077) must not decide a note's mode
        finally:
            os.close(fd)
        for name in candidate_names(title):
            target = folder / name
            try:
                os.link(tmp, target, follow_symlinks=False)
                return target
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                    raise
                if _create_exclusive(target, payload, mode):  # no hard links here (FAT, some shares)
                    return target
        raise CoveError(_("There are already {max_copies} notes called "
                          "'{title}' in {folder}; give this one another title.").format(max_copies=MAX_COPIES, title=safe_title(title), folder=clean_text(str(folder))))
    except OSError as exc:
        if is_disk_full(exc):
            raise CoveError(disk_full_message(folder) + _(" No note was written.")) from None
        raise CoveError(_("Cove cannot write a note in {folder} "
                          "({reason}). Choose another notes folder.").format(folder=clean_text(str(folder)), reason=exc.strerror or exc)) from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _create_exclusive(target: Path, payload: bytes, mode: int) -> bool:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, mode)
    except FileExistsError:
        return False
    try:
        os.write(fd, payload)
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def save(index: NotesIndex, folder_text: str, draft: Draft, policy: Policy, template: str | None = None,
         now: datetime | None = None) -> Path:
    """Write the note into the chosen notes folder and index that folder at once; the path written.

    With a template (settings.note_templates), the note's body is the template filled in."""
    roots = index.roots()
    folder = choose_folder(folder_text, roots, policy)
    moment = now or datetime.now().astimezone()
    date = moment.isoformat(timespec="seconds")
    if template is not None:
        draft = Draft(draft.title, fill_template(template, draft.title, draft.body, f"{moment:%Y-%m-%d}"),
                      draft.tags, draft.source)
    path = write_new(folder, draft.title, note_markdown(draft, date))
    root = max((r for r in roots if folders.inside(folder, r.path)), key=lambda r: len(r.path.parts))
    Indexer(index).sync(root)  # incremental: only the new file is read
    return path
