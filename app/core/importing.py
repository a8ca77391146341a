"""Conversations back into Cove from a JSON export, checked before anything is written.

An import file comes from anywhere: another Cove, a hand edit, an attacker. So the
file is refused before it is read if it is not a regular file (a FIFO or /dev/zero
would never end) or larger than MAX_BYTES; JSON nested too deeply to parse is
refused; every field is checked for its type and range, dates for being dates (the
window sorts and shows them). The whole import runs in
one transaction: a refusal anywhere leaves the database exactly as it was.

The format is defined here (the reader decides what it accepts); exporting.py
writes it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core import store as st
from app.core.attachments import Attachment
from app.core.errors import CoveError
from app.core.i18n import N_, _
from app.core.private_files import disk_full_message, is_disk_full
from app.core.units import human_size

FORMAT = "cove-conversations"
VERSION = 1
STATS = ("prompt_tokens", "processed_tokens", "completion_tokens", "tokens_per_second",
         "time_to_first_token", "dropped_messages")
ROLES = ("user", "assistant")
STATUSES = (st.COMPLETE, st.STREAMING, st.STOPPED, st.ERROR)
INTERRUPTED = N_("This answer was still being written when it was exported.")
# Far above any real export (a year of daily chats with files is tens of MB), and low
# enough that parsing one stays within a few GB of memory and well under a minute.
MAX_BYTES = 512 << 20
NOTHING = N_("Nothing was imported.")  # translated where shown: _(NOTHING)


@dataclass(frozen=True)
class ImportResult:
    conversations_added: int
    messages_added: int
    skipped: int  # messages that were already here


class _Check:
    """Reads fields from the file, refusing a wrong one with where it is and what is wrong."""

    def __init__(self, item: dict, where: str):
        if not isinstance(item, dict):
            raise CoveError(_("{where}: not an object.").format(where=where))
        self.item, self.where = item, where

    def get(self, key: str, kinds: tuple, required: bool = False, default=None):
        if key not in self.item or self.item[key] is None:
            if required:
                raise CoveError(_("{where}: '{key}' is missing.").format(where=self.where, key=key))
            return default
        value = self.item[key]
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise CoveError(_("{where}: '{key}' has the wrong type.").format(where=self.where, key=key))
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise CoveError(_("{where}: '{key}' is not valid text.").format(where=self.where, key=key)) from None
            if key.endswith("uuid") and not value:
                raise CoveError(_("{where}: '{key}' is empty.").format(where=self.where, key=key))
        if isinstance(value, int) and not -2**63 <= value < 2**63:
            raise CoveError(_("{where}: '{key}' is out of range.").format(where=self.where, key=key))
        if isinstance(value, dict) and not all(
                isinstance(k, str) and (v is None or isinstance(v, (str, int, float, bool))) for k, v in value.items()):
            # settings are flat name -> value groups; anything nested is not from Cove
            raise CoveError(_("{where}: '{key}' should hold plain values only.").format(where=self.where, key=key))
        return value

    def date(self, key: str, required: bool = False, default: str | None = None) -> str | None:
        """A moment as Cove writes it (ISO 8601): anything else would break sorting and display later."""
        value = self.get(key, (str,), required, default)
        if value is not None:
            try:
                datetime.fromisoformat(value)
            except ValueError:
                raise CoveError(_("{where}: '{key}' is not a date.").format(where=self.where, key=key)) from None
        return value

    def json_text(self, key: str) -> str | None:
        """A settings group, as the JSON text the database keeps."""
        value = self.get(key, (dict,))
        return json.dumps(value) if value is not None else None


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refused before reading if it is not a regular file or too large."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise CoveError(_("{path} is not a regular file (it is a folder, device or "
                              "pipe). Choose a .json file exported by Cove. {nothing}").format(path=path, nothing=_(NOTHING)))
        if info.st_size > MAX_BYTES:
            raise CoveError(_("{path} is too large to be a Cove export "
                              "({st_size}; the limit is {max_bytes_size}). {nothing}").format(path=path, st_size=human_size(info.st_size), max_bytes_size=human_size(MAX_BYTES), nothing=_(NOTHING)))
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # a file that grows while read is still capped
    except OSError as exc:
        raise CoveError(_("Cove cannot read {path} ({reason}).").format(path=path, reason=exc.strerror or exc)) from None
    if len(data) > MAX_BYTES:
        raise CoveError(_("{path} is too large to be a Cove export. {nothing}").format(path=path, nothing=_(NOTHING)))
    return data


def _read(path: Path) -> list:
    path = Path(path).expanduser()
    data = _read_bytes(path)
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        cause = f"line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else "not UTF-8 text"
        raise CoveError(_("{path} is not a Cove export: it is not valid "
                          "JSON ({cause}; is the file complete?). {nothing}").format(path=path, cause=cause, nothing=_(NOTHING))) from None
    except RecursionError:
        raise CoveError(_("{path} is not a Cove export: its JSON is "
                          "nested far deeper than an export's. {nothing}").format(path=path, nothing=_(NOTHING))) from None
    except MemoryError:
        raise CoveError(_("{path} is too large to import on this computer. {nothing}").format(path=path, nothing=_(NOTHING))) from None
    if not isinstance(parsed, dict) or parsed.get("format") != FORMAT:
        raise CoveError(_("{path} is not a Cove export (its format is not '{format}'). {nothing}").format(path=path, format=FORMAT, nothing=_(NOTHING)))
    version = parsed.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CoveError(_("{path} has no valid format version. {nothing}").format(path=path, nothing=_(NOTHING)))
    if version > VERSION:
        raise CoveError(_("{path} was exported by a newer version of Cove (format "
                          "version {version}). Update Cove to import it. {nothing}").format(path=path, version=version, nothing=_(NOTHING)))
    conversations = parsed.get("conversations")
    if not isinstance(conversations, list):
        raise CoveError(_("{path} has no list of conversations. {nothing}").format(path=path, nothing=_(NOTHING)))
    return conversations


def _message_row(check: _Check) -> dict:
    row = {"uuid": check.get("uuid", (str,), True), "role": check.get("role", (str,), True),
           "content": check.get("content", (str,), True, ""), "status": check.get("status", (str,), True),
           "created": check.date("created", True), "error": check.get("error", (str,)),
           "model_file": check.get("model_file", (str,))}
    row["updated"] = check.date("updated", default=row["created"])
    row["generation_settings"] = check.json_text("generation_settings")
    for key in STATS:
        row[key] = check.get(key, (int, float) if key in ("tokens_per_second", "time_to_first_token") else (int,))
    if row["role"] not in ROLES:
        raise CoveError(_("{where}: unknown role '{role}'.").format(where=check.where, role=row['role']))
    if row["status"] not in STATUSES:
        raise CoveError(_("{where}: unknown status '{status}'.").format(where=check.where, status=row['status']))
    if row["status"] == st.STREAMING:  # never leave an answer that looks like it is still coming
        row["status"], row["error"] = st.ERROR, row["error"] or _(INTERRUPTED)
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


def _sources(check: _Check) -> list[st.Source]:
    """The note passages an answer was given (absent in exports from before notes)."""
    result = []
    for n, item in enumerate(check.get("sources", (list,), default=[]), 1):
        source = _Check(item, f"{check.where}, source {n}")
        values = {"number": source.get("number", (int,), True),
                  "folder": source.get("folder", (str,), default=""), "path": source.get("path", (str,), True),
                  "heading": source.get("heading", (str,), default=""),
                  **{key: source.get(key, (int,)) for key in ("line_start", "line_end", "page")},
                  "sha256": source.get("sha256", (str,), default=""), "text": source.get("text", (str,), True),
                  "cited": source.get("cited", (bool,), default=False)}
        if values["number"] < 1:
            raise CoveError(_("{where}: 'number' must be 1 or more.").format(where=source.where))
        result.append(st.Source(**values))
    return result


def import_json(store: st.Store, path: Path) -> ImportResult:
    """Add what the export holds and this database lacks, all or nothing."""
    items = _read(path)
    counts = [0, 0, 0]  # conversations added, messages added, messages already here
    seen: set[str] = set()
    try:
        with store.write():
            for n, item in enumerate(items, 1):
                _import_conversation(store, _Check(item, f"Conversation {n} in {Path(path).name}"), seen, counts)
    except CoveError as exc:
        raise CoveError(f"{exc} {_(NOTHING)}") from None
    except sqlite3.DatabaseError as exc:

        cause = disk_full_message(store.path) if is_disk_full(exc) else _("The import into {path} failed ({exc}).").format(path=store.path, exc=exc)
        raise CoveError(f"{cause} {_(NOTHING)}") from None
    return ImportResult(*counts)


def _import_conversation(store: st.Store, check: _Check, seen: set[str], counts: list[int]) -> None:
    cuuid = check.get("uuid", (str,), True)
    messages = check.get("messages", (list,), True)
    if cuuid in seen:
        raise CoveError(_("{where}: its uuid appears twice in the file.").format(where=check.where))
    seen.add(cuuid)
    fields = {"uuid": cuuid, "title": check.get("title", (str,), True),
              "created": check.date("created", True), "updated": check.date("updated", True),
              "model": check.get("model", (str,), default=""),
              "settings": check.json_text("settings"),
              "system_prompt": check.get("system_prompt", (str,)) or None,
              "pinned": int(check.get("pinned", (bool, int), default=0) != 0),
              "archived": int(check.get("archived", (bool, int), default=0) != 0),
              "use_notes": int(check.get("use_notes", (bool, int), default=0) != 0)}
    current_uuid = check.get("current_message_uuid", (str,))
    found = store.conversation_by_uuid(cuuid)
    if found is None:
        conversation_id, current_id = store.insert_conversation_row(fields), None
        counts[0] += 1
    else:
        conversation_id, current_id = found
    ids: dict[str, int] = {}  # uuid -> id here, for parents and the current leaf
    for m, item in enumerate(messages, 1):
        mcheck = _Check(item, f"{check.where}, message {m}")
        values = _message_row(mcheck)
        files = _attachments(mcheck)
        used_notes = _sources(mcheck)
        parent_uuid = mcheck.get("parent_uuid", (str,))
        if values["uuid"] in ids:
            raise CoveError(_("{where}: its uuid appears twice in the file.").format(where=mcheck.where))
        for wanted in (values["uuid"], parent_uuid):
            if wanted is not None and wanted not in ids:  # already here (an earlier import, or this Cove's own)
                here = store.message_by_uuid(wanted)
                if here is not None and here[1] != conversation_id:
                    raise CoveError(_("{where}: a message it names belongs to another conversation here.").format(where=mcheck.where))
                if here is not None:
                    ids[wanted] = here[0]
        if values["uuid"] in ids:
            counts[2] += 1
            if files and not store.has_attachments(ids[values["uuid"]]):
                store.add_attachments(ids[values["uuid"]], files)  # here, but imported by a Cove without them
            if used_notes and not store.has_sources(ids[values["uuid"]]):
                store.add_sources(ids[values["uuid"]], used_notes)
            continue
        if parent_uuid is not None and parent_uuid not in ids:
            raise CoveError(_("{where}: the message it follows is missing.").format(where=mcheck.where))
        values.update(conversation_id=conversation_id, parent_id=ids.get(parent_uuid))
        ids[values["uuid"]] = store.insert_message_row(values)
        store.add_attachments(ids[values["uuid"]], files)
        store.add_sources(ids[values["uuid"]], used_notes)
        counts[1] += 1
    if current_uuid is not None and current_uuid not in ids:
        raise CoveError(_("{where}: its current message is not among its messages.").format(where=check.where))
    if current_id is None and ids:
        leaf = ids[current_uuid] if current_uuid else store.latest_leaf(max(ids.values()))
        store.set_current_message(conversation_id, leaf)
