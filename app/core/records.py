"""What the store hands out: conversations, messages and where a message stands among its versions."""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone

TITLE_LENGTH = 60


@dataclass(frozen=True)
class Conversation:
    id: int
    title: str
    created: str
    updated: str
    model: str
    settings: str | None = None  # JSON: sampling values this conversation overrides
    current_message_id: int | None = None  # the leaf of the branch on screen
    uuid: str | None = None
    pinned: int = 0
    archived: int = 0
    deleted: str | None = None  # when it went to the trash
    system_prompt: str | None = None
    use_notes: int = 0  # answers draw on the notes folders (notes/citing.py)

    @property
    def sampling_overrides(self) -> dict:
        try:
            value = json.loads(self.settings) if self.settings else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    role: str
    content: str
    status: str
    created: str
    error: str | None = None
    model_file: str | None = None
    generation_settings: dict | None = None
    prompt_tokens: int | None = None
    processed_tokens: int | None = None
    completion_tokens: int | None = None
    tokens_per_second: float | None = None
    time_to_first_token: float | None = None
    dropped_messages: int | None = None
    parent_id: int | None = None
    uuid: str | None = None
    updated: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> Message:
        settings = row.get("generation_settings")
        return cls(
            id=row["id"], conversation_id=row["conversation_id"], role=row["role"],
            content=row["content"], status=row["status"], created=row["created"],
            error=row.get("error"), model_file=row.get("model_file"),
            generation_settings=json.loads(settings) if settings else None,
            prompt_tokens=row.get("prompt_tokens"), processed_tokens=row.get("processed_tokens"),
            completion_tokens=row.get("completion_tokens"),
            tokens_per_second=row.get("tokens_per_second"),
            time_to_first_token=row.get("time_to_first_token"),
            dropped_messages=row.get("dropped_messages"),
            parent_id=row.get("parent_id"), uuid=row.get("uuid"), updated=row.get("updated"),
        )


@dataclass(frozen=True)
class Versions:
    """Where a message stands among its versions (siblings of the same role): "2/3"."""
    index: int   # 1-based
    count: int
    previous_id: int | None
    next_id: int | None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


_uuid_lock = threading.Lock()
_last_uuid = 0


def new_uuid() -> str:
    """A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits,
    rising within this process even within one millisecond.

    Messages' uuids are indexed (unique); random ones (version 4) put each new message at a random
    place in that index, so a commit rewrote (and, when encrypted, re-encrypted) a leaf read from
    anywhere in the file, and split one every few messages. Time-ordered ones go next to the last."""
    global _last_uuid
    value = (int(time.time() * 1000) & (1 << 48) - 1) << 80 | secrets.randbits(80)
    value = value & ~(0xF << 76) | 0x7 << 76  # version 7
    value = value & ~(0x3 << 62) | 0x2 << 62  # RFC 9562 variant
    with _uuid_lock:
        if value <= _last_uuid:  # the same millisecond (or the clock went back): one more than the last
            value = _last_uuid + 1
        _last_uuid = value
    return f"{value:032x}"


def title_from(text: str) -> str:
    """A short title from the first message: its first line, cut at a word."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if not line:
        return "New chat"
    if len(line) <= TITLE_LENGTH:
        return line
    cut = line[:TITLE_LENGTH].rsplit(" ", 1)[0] or line[:TITLE_LENGTH]
    return cut.rstrip(" ,.;:") + "…"
