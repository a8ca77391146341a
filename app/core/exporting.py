"""Conversations out of Cove and back in: Markdown to read, JSON to keep.

Cove keeps everything in its own SQLite database; this module is how a user takes
it elsewhere. Markdown is for people: the branch on screen, one file per
conversation, with front matter that notes apps (Obsidian and the like) read.
JSON is for Cove: every message of every branch with its stable uuid, so an
export imports back into any Cove without losing anything or adding duplicates
(a conversation already here only gains the messages it lacks; importing.py).

Files are written readable by the user only, like the database, and atomically
(private_files.write_private): a full disk never destroys the previous export of
the same name, and a symlink at the name is replaced, never followed. Qt-free, so
the window and `cove export` / `cove import` share it.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

from app.core import policy
from app.core import store as st
from app.core.attachments import Attachment
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.importing import (  # noqa: F401 (re-exported: the format and its reader)
    FORMAT,
    INTERRUPTED,
    STATS,
    VERSION,
    ImportResult,
    import_json,
)
from app.core.model_names import display_name
from app.core.paths import make_private_dir
from app.core.private_files import disk_full_message, is_disk_full, write_private

TITLE_BYTES = 100  # of a file name's title part: far below every file system's 255


# Choosing and writing ------------------------------------------------------

def selected_ids(store: st.Store, conversation_ids: list[int] | None = None) -> list[int]:
    """The conversations to export: those given (which must exist), or all not in the trash."""
    admin = policy.current()
    admin.require(admin.export, _("Exporting conversations"))
    if conversation_ids is None:
        return store.conversation_ids()
    for conversation_id in conversation_ids:
        if not store.has_conversation(conversation_id):
            raise CoveError(_("There is no conversation {conversation_id}. `cove search` shows conversation ids.").format(conversation_id=conversation_id))
    return list(dict.fromkeys(conversation_ids))


def _write_private(path: Path, text: str) -> None:
    try:
        write_private(path, text)
    except OSError as exc:
        if is_disk_full(exc):
            raise CoveError(disk_full_message(path) + _(" A previous file of that name is unchanged.")) from None
        raise CoveError(_("Cove cannot write {path} ({reason}). Choose another folder.").format(path=path, reason=exc.strerror or exc)) from None


def _out_dir(folder: Path) -> Path:
    folder = Path(folder).expanduser()
    try:
        if not folder.exists():
            make_private_dir(folder)
    except OSError as exc:
        raise CoveError(_("Cove cannot create the folder {folder} ({reason}).").format(folder=folder, reason=exc.strerror or exc)) from None
    if not folder.is_dir():
        raise CoveError(_("{folder} is not a folder.").format(folder=folder))
    return folder


# Markdown ----------------------------------------------------------------------

def model_name(model_file: str | None) -> str:
    """'/models/SmolLM2-135M-Instruct.Q4_1.gguf' -> 'SmolLM2-135M-Instruct.Q4_1' (the one rule, in model_names)."""
    return display_name(model_file)


def _local(stamp: str) -> datetime:
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return datetime.fromtimestamp(0, timezone.utc)
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone()


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, plus those of characters YAML won't take raw."""
    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub(r"[\x7f-\x84\x86-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]",
                  lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _other_branches(store: st.Store, conversation_id: int) -> int:
    """How many leaves besides the one on screen: the versions only the JSON export keeps."""
    return max(0, store.leaf_count(conversation_id) - 1)


def conversation_markdown(store: st.Store, conversation_id: int) -> str:
    """The branch on screen as Markdown, with YAML front matter."""
    conversation = store.conversation(conversation_id)
    branch = store.branch(conversation_id)
    used = [m.model_file for m in branch if m.role == "assistant" and m.model_file]
    front = {"title": conversation.title, "created": conversation.created, "updated": conversation.updated,
             "model": model_name(used[-1] if used else conversation.model), "id": conversation.id,
             "uuid": conversation.uuid or ""}
    if conversation.system_prompt:
        front["system_prompt"] = conversation.system_prompt
    front["branches"] = _other_branches(store, conversation_id)
    lines = ["---"]
    lines += [f"{key}: {yaml_string(value) if isinstance(value, str) else value}" for key, value in front.items()]
    lines += ["---", "", "# " + " ".join(conversation.title.split()), ""]
    files = store.attachments_for(m.id for m in branch if m.role == "user")
    used_notes = store.sources_for(m.id for m in branch if m.role == "assistant")
    for message in branch:
        who = _("You") if message.role == "user" else (model_name(message.model_file) or _("Assistant"))
        lines += [f"## {who}", "", _local(message.created).strftime("%Y-%m-%d %H:%M"), "", message.content, ""]
        for attachment in files.get(message.id, []):
            lines += _attachment_markdown(attachment)
        if message.status == st.STOPPED:
            lines += ["*" + _("Stopped before the end.") + "*", ""]
        elif message.status == st.ERROR:
            reason = " ".join((message.error or _("an error stopped it")).split())
            lines += ["*" + _("Not finished: {reason}").format(reason=reason) + "*", ""]
        elif message.status == st.STREAMING:
            lines += ["*" + _("Still being written when exported.") + "*", ""]
        lines += _sources_markdown(used_notes.get(message.id, []))
    return "\n".join(lines).rstrip("\n") + "\n"


def _attachment_markdown(attachment: Attachment) -> list[str]:
    """An attached file, folded away (<details>, which notes apps and GitHub show as a toggle),
    its text in a fence longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", attachment.text)), default=0)
    fence = "`" * max(3, longest + 1)
    name = attachment.name.replace("<", "&lt;").replace(">", "&gt;")
    return ["<details><summary>" + _("Attached: {name}").format(name=name) + "</summary>", "", fence, attachment.text.rstrip("\n"), fence, "",
            "</details>", ""]


def _sources_markdown(sources: list[st.Source]) -> list[str]:
    """The note passages an answer was given, as a "Sources" list under it ([n] as the answer cites them)."""
    if not sources:
        return []
    lines = ["**" + _("Sources") + "**", ""]
    for source in sources:
        label = " ".join(source.label().split()).replace("<", "&lt;").replace(">", "&gt;")
        lines.append(f"- {label}" + ("" if source.cited else " *(" + _("not cited") + ")*"))
    return lines + [""]


def markdown_file_name(conversation: st.Conversation) -> str:
    """'2024-05-01 Trip to Lisbon.md': no characters any common file system refuses. No id in the
    name: "(12)" read as a duplicate's suffix; a clash is settled when writing (_free_name)."""
    title = re.sub(r'[<>:"/\\|?*\x00-\x1f\x7f]', " ", conversation.title)
    title = " ".join(title.split())
    cut = title.encode("utf-8")[:TITLE_BYTES].decode("utf-8", "ignore")
    if cut != title:
        cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    cut = cut.strip(" .") or "Untitled"  # Windows drops a trailing dot or space
    return f"{_local(conversation.created):%Y-%m-%d} {cut}.md"


def _is_export_of(path: Path, conversation: st.Conversation) -> bool:
    """Whether the file at `path` is an earlier Markdown export of this conversation (its front matter
    names it): exporting again replaces it instead of adding a copy."""
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            head = file.read(4096)
    except OSError:
        return False
    return (f"\nid: {conversation.id}\n" in head
            and f"\nuuid: {yaml_string(conversation.uuid or '')}\n" in head)


def _free_name(folder: Path, name: str, conversation: st.Conversation, taken: set[str]) -> Path:
    """`name` in `folder`, or "name (2).md", "name (3).md"… when another file already has it: a
    suffix only on a real clash. Replaced rather than avoided: this conversation's earlier export,
    and a symlink (write_private replaces a link, never follows it)."""
    stem, number = name[:-len(".md")], 1
    while True:
        path = folder / (name if number == 1 else f"{stem} ({number}).md")
        if path.name.casefold() not in taken and (path.is_symlink() or not path.exists() or _is_export_of(path, conversation)):
            return path
        number += 1


def export_markdown(store: st.Store, out_dir: Path, conversation_ids: list[int] | None = None) -> list[Path]:
    """One Markdown file per conversation in out_dir; the paths written."""
    ids = selected_ids(store, conversation_ids)
    folder = _out_dir(out_dir)
    written = []
    for conversation_id in ids:
        conversation = store.conversation(conversation_id)
        path = _free_name(folder, markdown_file_name(conversation), conversation,
                          {p.name.casefold() for p in written})
        _write_private(path, conversation_markdown(store, conversation_id))
        written.append(path)
    return written


# JSON ------------------------------------------------------------------------------

def _tree_order(messages: list[st.Message]) -> list[st.Message]:
    """Parents before children (roots and siblings oldest first)."""
    by_id = {m.id: m for m in messages}
    children: dict[int | None, list[st.Message]] = {}
    for message in messages:
        parent = message.parent_id if message.parent_id in by_id else None
        children.setdefault(parent, []).append(message)
    ordered, stack = [], list(reversed(children.get(None, [])))
    while stack:
        message = stack.pop()
        ordered.append(message)
        stack.extend(reversed(children.get(message.id, [])))
    return ordered


def _loads(text: str | None):
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def conversation_data(store: st.Store, conversation_id: int) -> dict:
    """One conversation as the JSON export holds it: every message of every branch."""
    conversation = store.conversation(conversation_id)
    messages = _tree_order(store.messages(conversation_id))
    uuids = {m.id: m.uuid for m in messages}
    files = store.attachments_for(m.id for m in messages if m.role == "user")
    used_notes = store.sources_for(m.id for m in messages if m.role == "assistant")
    return {
        "uuid": conversation.uuid, "title": conversation.title, "created": conversation.created,
        "updated": conversation.updated, "model": conversation.model, "settings": _loads(conversation.settings),
        "system_prompt": conversation.system_prompt, "pinned": bool(conversation.pinned),
        "archived": bool(conversation.archived), "use_notes": bool(conversation.use_notes), "current_message_uuid": uuids.get(conversation.current_message_id),
        "messages": [{
            "uuid": m.uuid, "parent_uuid": uuids.get(m.parent_id), "role": m.role, "content": m.content,
            "status": m.status, "created": m.created, "updated": m.updated, "error": m.error,
            "model_file": m.model_file, "generation_settings": m.generation_settings,
            **{key: getattr(m, key) for key in STATS},
            **({"attachments": [{"name": a.name, "content": a.text, "size": a.size, "tokens": a.tokens}
                                for a in files[m.id]]} if m.id in files else {}),
            **({"sources": [s.as_json() for s in used_notes[m.id]]} if m.id in used_notes else {})}
            for m in messages],
    }


def export_json(store: st.Store, out_path_or_dir: Path, conversation_ids: list[int] | None = None) -> Path:
    """Every chosen conversation, losslessly, in one JSON file (a folder gets a dated file name)."""
    ids = selected_ids(store, conversation_ids)
    moment = datetime.now(timezone.utc)
    target = Path(out_path_or_dir).expanduser()
    if target.is_dir() or not target.suffix:
        target = _out_dir(target) / f"cove-export-{moment.astimezone():%Y%m%d-%H%M%S}.json"
    else:
        _out_dir(target.parent)
    data = {"format": FORMAT, "version": VERSION, "exported": moment.isoformat(timespec="seconds"),
            "conversations": [conversation_data(store, cid) for cid in ids]}
    _write_private(target, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return target
