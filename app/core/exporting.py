"""Conversations out of Cove and back in: Markdown to read, JSON to keep.

Cove keeps everything in its own SQLite database; this module is how a user takes
it elsewhere. Markdown is for people: the branch on screen, one file per
conversation, with front matter that notes apps (Obsidian and the like) read.
JSON is for Cove: every message of every branch with its stable uuid, so an
export imports back into any Cove without losing anything or adding duplicates
(a conversation already here only gains the messages it lacks).

Files are written readable by the user only, like the database. Qt-free, so the
window and `cove export` / `cove import` share it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.core import policy
from app.core import store as st
from app.core.attachments import Attachment
from app.core.errors import CoveError
from app.core.model_names import display_name
from app.core.paths import make_private_dir

FORMAT = "cove-conversations"
VERSION = 1
TITLE_BYTES = 100  # of a file name's title part: far below every file system's 255
STATS = ("prompt_tokens", "processed_tokens", "completion_tokens", "tokens_per_second",
         "time_to_first_token", "dropped_messages")
ROLES = ("user", "assistant")
STATUSES = (st.COMPLETE, st.STREAMING, st.STOPPED, st.ERROR)
INTERRUPTED = "This answer was still being written when it was exported."


@dataclass(frozen=True)
class ImportResult:
    conversations_added: int
    messages_added: int
    skipped: int  # messages that were already here


# Choosing and writing ------------------------------------------------------

def selected_ids(store: st.Store, conversation_ids: list[int] | None = None) -> list[int]:
    """The conversations to export: those given (which must exist), or all not in the trash."""
    admin = policy.current()
    admin.require(admin.export, "Exporting conversations")
    if conversation_ids is None:
        rows = store.db.execute("SELECT id FROM conversations WHERE deleted IS NULL ORDER BY id")
        return [row[0] for row in rows]
    for conversation_id in conversation_ids:
        if not store.db.execute("SELECT 1 FROM conversations WHERE id = ?", [conversation_id]).fetchone():
            raise CoveError(f"There is no conversation {conversation_id}. `cove search` shows conversation ids.")
    return list(dict.fromkeys(conversation_ids))


def _write_private(path: Path, text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            if os.name == "posix":
                os.fchmod(f.fileno(), 0o600)  # a file that was already there keeps no wider permissions
            f.write(text.encode("utf-8"))
    except OSError as exc:
        raise CoveError(f"Cove cannot write {path} ({exc.strerror or exc}). Choose another folder.") from None


def _out_dir(folder: Path) -> Path:
    folder = Path(folder).expanduser()
    try:
        if not folder.exists():
            make_private_dir(folder)
    except OSError as exc:
        raise CoveError(f"Cove cannot create the folder {folder} ({exc.strerror or exc}).") from None
    if not folder.is_dir():
        raise CoveError(f"{folder} is not a folder.")
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
    leaves = store.db.execute(
        "SELECT COUNT(*) FROM messages m WHERE m.conversation_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM messages c WHERE c.parent_id = m.id)", [conversation_id]).fetchone()[0]
    return max(0, leaves - 1)


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
    for message in branch:
        who = "You" if message.role == "user" else (model_name(message.model_file) or "Assistant")
        lines += [f"## {who}", "", _local(message.created).strftime("%Y-%m-%d %H:%M"), "", message.content, ""]
        for attachment in files.get(message.id, []):
            lines += _attachment_markdown(attachment)
        if message.status == st.STOPPED:
            lines += ["*Stopped before the end.*", ""]
        elif message.status == st.ERROR:
            lines += [f"*Not finished: {' '.join((message.error or 'an error stopped it').split())}*", ""]
        elif message.status == st.STREAMING:
            lines += ["*Still being written when exported.*", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _attachment_markdown(attachment: Attachment) -> list[str]:
    """An attached file, folded away (<details>, which notes apps and GitHub show as a toggle),
    its text in a fence longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", attachment.text)), default=0)
    fence = "`" * max(3, longest + 1)
    name = attachment.name.replace("<", "&lt;").replace(">", "&gt;")
    return [f"<details><summary>Attached: {name}</summary>", "", fence, attachment.text.rstrip("\n"), fence, "",
            "</details>", ""]


def markdown_file_name(conversation: st.Conversation) -> str:
    """'2024-05-01 Trip to Lisbon (12).md': no characters any common file system refuses."""
    title = re.sub(r'[<>:"/\\|?*\x00-\x1f\x7f]', " ", conversation.title)
    title = " ".join(title.split())
    cut = title.encode("utf-8")[:TITLE_BYTES].decode("utf-8", "ignore")
    if cut != title:
        cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    cut = cut.strip(" .") or "Untitled"  # Windows drops a trailing dot or space
    return f"{_local(conversation.created):%Y-%m-%d} {cut} ({conversation.id}).md"


def export_markdown(store: st.Store, out_dir: Path, conversation_ids: list[int] | None = None) -> list[Path]:
    """One Markdown file per conversation in out_dir; the paths written."""
    ids = selected_ids(store, conversation_ids)
    folder = _out_dir(out_dir)
    written = []
    for conversation_id in ids:
        path = folder / markdown_file_name(store.conversation(conversation_id))
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
    return {
        "uuid": conversation.uuid, "title": conversation.title, "created": conversation.created,
        "updated": conversation.updated, "model": conversation.model, "settings": _loads(conversation.settings),
        "system_prompt": conversation.system_prompt, "pinned": bool(conversation.pinned),
        "archived": bool(conversation.archived), "current_message_uuid": uuids.get(conversation.current_message_id),
        "messages": [{
            "uuid": m.uuid, "parent_uuid": uuids.get(m.parent_id), "role": m.role, "content": m.content,
            "status": m.status, "created": m.created, "updated": m.updated, "error": m.error,
            "model_file": m.model_file, "generation_settings": m.generation_settings,
            **{key: getattr(m, key) for key in STATS},
            **({"attachments": [{"name": a.name, "content": a.text, "size": a.size, "tokens": a.tokens}
                                for a in files[m.id]]} if m.id in files else {})} for m in messages],
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


# Import ------------------------------------------------------------------------------

class _Check:
    """Reads fields from the file, refusing a wrong one with where it is and what is wrong."""

    def __init__(self, item: dict, where: str):
        if not isinstance(item, dict):
            raise CoveError(f"{where}: not an object.")
        self.item, self.where = item, where

    def get(self, key: str, kinds: tuple, required: bool = False, default=None):
        if key not in self.item or self.item[key] is None:
            if required:
                raise CoveError(f"{self.where}: '{key}' is missing.")
            return default
        value = self.item[key]
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise CoveError(f"{self.where}: '{key}' has the wrong type.")
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise CoveError(f"{self.where}: '{key}' is not valid text.") from None
            if key.endswith("uuid") and not value:
                raise CoveError(f"{self.where}: '{key}' is empty.")
        if isinstance(value, int) and not -2**63 <= value < 2**63:
            raise CoveError(f"{self.where}: '{key}' is out of range.")
        return value


def _read(path: Path) -> list:
    path = Path(path).expanduser()
    try:
        text = path.read_bytes().decode("utf-8-sig")
        data = json.loads(text)
    except OSError as exc:
        raise CoveError(f"Cove cannot read {path} ({exc.strerror or exc}).") from None
    except (UnicodeDecodeError, ValueError) as exc:
        cause = f"line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else "not UTF-8 text"
        raise CoveError(f"{path} is not a Cove export: it is not valid JSON ({cause}; "
                        "is the file complete?). Nothing was imported.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CoveError(f"{path} is not a Cove export (its format is not '{FORMAT}'). Nothing was imported.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CoveError(f"{path} has no valid format version. Nothing was imported.")
    if version > VERSION:
        raise CoveError(f"{path} was exported by a newer version of Cove (format version {version}). "
                        "Update Cove to import it. Nothing was imported.")
    conversations = data.get("conversations")
    if not isinstance(conversations, list):
        raise CoveError(f"{path} has no list of conversations. Nothing was imported.")
    return conversations


def _message_row(check: _Check) -> dict:
    row = {"uuid": check.get("uuid", (str,), True), "role": check.get("role", (str,), True),
           "content": check.get("content", (str,), True, ""), "status": check.get("status", (str,), True),
           "created": check.get("created", (str,), True), "error": check.get("error", (str,)),
           "model_file": check.get("model_file", (str,))}
    row["updated"] = check.get("updated", (str,), default=row["created"])
    settings = check.get("generation_settings", (dict,))
    row["generation_settings"] = json.dumps(settings) if settings is not None else None
    for key in STATS:
        row[key] = check.get(key, (int, float) if key in ("tokens_per_second", "time_to_first_token") else (int,))
    if row["role"] not in ROLES:
        raise CoveError(f"{check.where}: unknown role '{row['role']}'.")
    if row["status"] not in STATUSES:
        raise CoveError(f"{check.where}: unknown status '{row['status']}'.")
    if row["status"] == st.STREAMING:  # never leave an answer that looks like it is still coming
        row["status"], row["error"] = st.ERROR, row["error"] or INTERRUPTED
    return row


def _attachments(check: _Check) -> list[Attachment]:
    """A message's attached files (absent in exports from before attachments)."""
    result = []
    for n, item in enumerate(check.get("attachments", (list,), default=[]), 1):
        file = _Check(item, f"{check.where}, attachment {n}")
        text = file.get("content", (str,), True)
        result.append(Attachment(name=file.get("name", (str,), True), text=text,
                                 size=file.get("size", (int,), default=len(text.encode("utf-8"))),
                                 tokens=file.get("tokens", (int,))))
    return result


def import_json(store: st.Store, path: Path) -> ImportResult:
    """Add what the export holds and this database lacks, all or nothing."""
    items = _read(path)
    counts = [0, 0, 0]  # conversations added, messages added, messages already here
    seen: set[str] = set()
    try:
        with store.db.atomic():
            for n, item in enumerate(items, 1):
                _import_conversation(store, _Check(item, f"Conversation {n} in {Path(path).name}"), seen, counts)
    except CoveError as exc:
        raise CoveError(f"{exc} Nothing was imported.") from None
    except sqlite3.DatabaseError as exc:
        raise CoveError(f"The import into {store.path} failed ({exc}). Nothing was imported.") from None
    return ImportResult(*counts)


def _import_conversation(store: st.Store, check: _Check, seen: set[str], counts: list[int]) -> None:
    cuuid = check.get("uuid", (str,), True)
    messages = check.get("messages", (list,), True)
    if cuuid in seen:
        raise CoveError(f"{check.where}: its uuid appears twice in the file.")
    seen.add(cuuid)
    settings = check.get("settings", (dict,))
    fields = {"uuid": cuuid, "title": check.get("title", (str,), True),
              "created": check.get("created", (str,), True), "updated": check.get("updated", (str,), True),
              "model": check.get("model", (str,), default=""),
              "settings": json.dumps(settings) if settings is not None else None,
              "system_prompt": check.get("system_prompt", (str,)) or None,
              "pinned": int(check.get("pinned", (bool, int), default=0) != 0),
              "archived": int(check.get("archived", (bool, int), default=0) != 0)}
    current_uuid = check.get("current_message_uuid", (str,))
    row = store.db.execute("SELECT id, current_message_id FROM conversations WHERE uuid = ?", [cuuid]).fetchone()
    if row is None:
        conversation_id, current_id = store.db["conversations"].insert(fields).last_pk, None
        counts[0] += 1
    else:
        conversation_id, current_id = row
    ids: dict[str, int] = {}  # uuid -> id here, for parents and the current leaf
    for m, item in enumerate(messages, 1):
        mcheck = _Check(item, f"{check.where}, message {m}")
        values = _message_row(mcheck)
        files = _attachments(mcheck)
        parent_uuid = mcheck.get("parent_uuid", (str,))
        if values["uuid"] in ids:
            raise CoveError(f"{mcheck.where}: its uuid appears twice in the file.")
        for wanted in (values["uuid"], parent_uuid):
            if wanted is not None and wanted not in ids:  # already here (an earlier import, or this Cove's own)
                found = store.db.execute("SELECT id, conversation_id FROM messages WHERE uuid = ?",
                                         [wanted]).fetchone()
                if found is not None and found[1] != conversation_id:
                    raise CoveError(f"{mcheck.where}: a message it names belongs to another conversation here.")
                if found is not None:
                    ids[wanted] = found[0]
        if values["uuid"] in ids:
            counts[2] += 1
            if files and not store.db.execute("SELECT 1 FROM attachments WHERE message_id = ?",
                                              [ids[values["uuid"]]]).fetchone():
                store.add_attachments(ids[values["uuid"]], files)  # here, but imported by a Cove without them
            continue
        if parent_uuid is not None and parent_uuid not in ids:
            raise CoveError(f"{mcheck.where}: the message it follows is missing.")
        values.update(conversation_id=conversation_id, parent_id=ids.get(parent_uuid))
        ids[values["uuid"]] = store.db["messages"].insert(values).last_pk
        store.add_attachments(ids[values["uuid"]], files)
        counts[1] += 1
    if current_uuid is not None and current_uuid not in ids:
        raise CoveError(f"{check.where}: its current message is not among its messages.")
    if current_id is None and ids:
        leaf = ids[current_uuid] if current_uuid else store.latest_leaf(max(ids.values()))
        store.db["conversations"].update(conversation_id, {"current_message_id": leaf})
