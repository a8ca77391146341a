"""Conversations and messages, kept in one SQLite database.

This is the only module that talks to SQLite. Nothing the user typed or a model
answered is ever held only in memory: the user's message is committed before the
model starts, and an answer is written while it streams (see chat.AnswerRecorder)
and finished with a status that says how it ended.

The schema grows through append-only migrations (never edit one that shipped; add a
new function). The database runs in WAL mode so a crash at any moment leaves the
last committed state intact, and readers (the window) never wait for a writer.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database, Migrations

from app.core import backups
from app.core.errors import CoveError
from app.core.paths import make_private_file

MIGRATION_SET = "cove"
migrations = Migrations(MIGRATION_SET)

# Message statuses.
COMPLETE = "complete"
STREAMING = "streaming"
STOPPED = "stopped"
ERROR = "error"

TITLE_LENGTH = 60


@migrations()
def m001_conversations_and_messages(db: Database) -> None:
    db["conversations"].create(
        {"id": int, "title": str, "created": str, "updated": str, "model": str},
        pk="id",
        not_null={"title", "created", "updated"},
        defaults={"title": "New chat", "model": ""},
    )
    db["conversations"].create_index(["updated"])
    db["messages"].create(
        {
            "id": int,
            "conversation_id": int,
            "role": str,
            "content": str,
            "status": str,
            "created": str,
            "updated": str,
            "error": str,
            # What produced an assistant message.
            "model_file": str,
            "generation_settings": str,  # JSON
            "prompt_tokens": int,
            "processed_tokens": int,
            "completion_tokens": int,
            "tokens_per_second": float,
            "time_to_first_token": float,  # seconds
        },
        pk="id",
        foreign_keys=[("conversation_id", "conversations", "id")],
        not_null={"conversation_id", "role", "content", "status", "created", "updated"},
        defaults={"content": "", "status": COMPLETE},
    )
    db["messages"].create_index(["conversation_id", "id"])


@migrations()
def m002_conversation_settings_and_context(db: Database) -> None:
    # The generation settings a conversation overrides (JSON), and how many earlier
    # messages an answer had to leave out to fit the model's context.
    db["conversations"].add_column("settings", str)
    db["messages"].add_column("dropped_messages", int)


@migrations()
def m003_message_search(db: Database) -> None:
    # Full-text search over every message, kept in sync by triggers (also while an
    # answer streams), filled from the messages already there.
    db["messages"].enable_fts(["content"], create_triggers=True, tokenize="porter")
    db["messages"].populate_fts(["content"])


@dataclass(frozen=True)
class SearchHit:
    message_id: int
    conversation_id: int
    conversation_title: str
    role: str
    created: str
    snippet: str  # the match between [ and ]


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: all of them, the last one as a prefix."""
    words = [w for w in text.replace('"', " ").split() if w]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class Conversation:
    id: int
    title: str
    created: str
    updated: str
    model: str
    settings: str | None = None  # JSON: sampling values this conversation overrides

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

    @classmethod
    def from_row(cls, row: dict) -> "Message":
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
        )


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def title_from(text: str) -> str:
    """A short title from the first message: its first line, cut at a word."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if not line:
        return "New chat"
    if len(line) <= TITLE_LENGTH:
        return line
    cut = line[:TITLE_LENGTH].rsplit(" ", 1)[0] or line[:TITLE_LENGTH]
    return cut.rstrip(" ,.;:") + "…"


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.db = Database(self.path)
            self.db.execute("PRAGMA busy_timeout = 5000")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.enable_wal()
            # WAL + NORMAL: a crash of Cove (or a kill) loses nothing committed;
            # only a power cut can lose the last moments.
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._check()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise CoveError(_explain_database_error(self.path, exc)) from None
        make_private_file(self.path)

    def _check(self) -> None:
        """A quick integrity check at start: a damaged database is reported, never written to."""
        result = self.db.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError("malformed: " + str(result))

    def _migrate(self) -> None:
        known = {m.name for m in migrations._migrations}
        applied = {m.name for m in migrations.applied(self.db)}
        unknown = applied - known
        if unknown:
            raise CoveError(
                f"The conversation database {self.path} was created by a newer version of Cove. "
                "Update Cove to open it; it has not been changed."
            )
        if applied and migrations.pending(self.db):
            backups.make_backup(self.path, backups.MIGRATION)  # the old schema, kept before changing it
        migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    # Conversations -------------------------------------------------------

    def create_conversation(self, model: str = "", title: str = "New chat") -> Conversation:
        stamp = now()
        with self.db.atomic():
            conversation_id = self.db["conversations"].insert(
                {"title": title, "created": stamp, "updated": stamp, "model": model}).last_pk
        return self.conversation(conversation_id)

    def conversation(self, conversation_id: int) -> Conversation:
        rows = list(self.db["conversations"].rows_where("id = ?", [conversation_id]))
        if not rows:
            raise CoveError(f"There is no conversation {conversation_id}. "
                            "Run `cove chat` without --conversation to start a new one.")
        return Conversation(**rows[0])

    def conversations(self, limit: int | None = None) -> list[Conversation]:
        """Most recent activity first."""
        rows = self.db["conversations"].rows_where(order_by="updated desc, id desc", limit=limit)
        return [Conversation(**row) for row in rows]

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        title = title.strip() or "New chat"
        with self.db.atomic():
            self.db["conversations"].update(conversation_id, {"title": title})

    def set_conversation_sampling(self, conversation_id: int, overrides: dict) -> None:
        with self.db.atomic():
            self.db["conversations"].update(
                conversation_id, {"settings": json.dumps(overrides) if overrides else None})

    def delete_conversation(self, conversation_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM messages WHERE conversation_id = ?", [conversation_id])
            self.db.execute("DELETE FROM conversations WHERE id = ?", [conversation_id])

    # Messages ------------------------------------------------------------

    def messages(self, conversation_id: int) -> list[Message]:
        rows = self.db["messages"].rows_where("conversation_id = ?", [conversation_id], order_by="id")
        return [Message.from_row(row) for row in rows]

    def message(self, message_id: int) -> Message:
        return Message.from_row(self.db["messages"].get(message_id))

    def add_user_message(self, conversation_id: int, text: str) -> Message:
        """Commit what the user wrote; the first message also names the conversation."""
        stamp = now()
        with self.db.atomic():
            first = self.db.execute(
                "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", [conversation_id]
            ).fetchone()[0] == 0
            message_id = self.db["messages"].insert({
                "conversation_id": conversation_id, "role": "user", "content": text,
                "status": COMPLETE, "created": stamp, "updated": stamp,
            }).last_pk
            changes = {"updated": stamp}
            if first:
                changes["title"] = title_from(text)
            self.db["conversations"].update(conversation_id, changes)
        return self.message(message_id)

    def begin_answer(self, conversation_id: int, model_file: str, settings: dict) -> Message:
        stamp = now()
        with self.db.atomic():
            message_id = self.db["messages"].insert({
                "conversation_id": conversation_id, "role": "assistant", "content": "",
                "status": STREAMING, "created": stamp, "updated": stamp,
                "model_file": model_file, "generation_settings": json.dumps(settings),
            }).last_pk
            self.db["conversations"].update(conversation_id, {"updated": stamp, "model": model_file})
        return self.message(message_id)

    def save_partial_answer(self, message_id: int, content: str) -> None:
        with self.db.atomic():
            self.db["messages"].update(message_id, {"content": content, "updated": now()})

    def finish_answer(self, message_id: int, content: str, status: str,
                      stats: dict | None = None, error: str | None = None) -> Message:
        assert status in (COMPLETE, STOPPED, ERROR), status
        changes = {"content": content, "status": status, "updated": now(), "error": error}
        for key in ("prompt_tokens", "processed_tokens", "completion_tokens",
                    "tokens_per_second", "time_to_first_token", "dropped_messages"):
            if stats and stats.get(key) is not None:
                changes[key] = stats[key]
        with self.db.atomic():
            if stats and ("seed" in stats or "n_ctx" in stats):
                # Record what was really used: a random seed (-1) becomes the drawn one.
                row = self.db["messages"].get(message_id)
                used = json.loads(row["generation_settings"] or "{}")
                used.update({k: stats[k] for k in ("seed", "n_ctx") if k in stats})
                changes["generation_settings"] = json.dumps(used)
            self.db["messages"].update(message_id, changes)
        return self.message(message_id)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Messages matching the words, best matches first, with a highlighted snippet."""
        query = fts_query(text)
        if not query:
            return []
        rows = self.db.execute(
            "SELECT m.id, m.conversation_id, c.title, m.role, m.created, "
            "snippet(messages_fts, 0, '[', ']', '…', 12) "
            "FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid "
            "JOIN conversations c ON c.id = m.conversation_id "
            "WHERE messages_fts MATCH ? ORDER BY rank LIMIT ?", [query, limit]).fetchall()
        return [SearchHit(*row) for row in rows]

    def model_last_used(self) -> dict[str, str]:
        """When each model file last answered: {path: timestamp}."""
        rows = self.db.execute(
            "SELECT model_file, MAX(created) FROM messages WHERE role = 'assistant' AND model_file IS NOT NULL "
            "GROUP BY model_file").fetchall()
        return {path: stamp for path, stamp in rows}

    def recover_interrupted_answers(self) -> int:
        """Answers left 'streaming' by a Cove that died: keep their text, mark them."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE messages SET status = ?, error = ? WHERE status = ?",
                [ERROR, "Cove closed before this answer was finished.", STREAMING],
            )
        return cursor.rowcount


def _explain_database_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (f"The conversation database {path} is locked by another program. "
                "Close other copies of Cove (or the program using it) and try again.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        found = backups.backups(path)
        where = (f"The newest backup is {found[0]}: close Cove and copy it over {path.name} to restore it."
                 if found else "No backup was found; move the file away to start fresh.")
        return f"The conversation database {path} is damaged and cannot be opened. It has not been changed. {where}"
    if "readonly" in text or "unable to open" in text:
        return (f"Cove cannot write to {path}. Check that the folder exists and that you have "
                "permission to write there.")
    return f"The conversation database {path} cannot be used ({exc})."
