"""Conversations and messages, kept in one SQLite database.

Every write to the conversations goes through here (search.py only reads, backups.py
only copies, importing.py imports inside a Store transaction; store_rows.py holds the
queries for moving conversations in and out whole). Nothing the user typed or a model
answered is ever held only in memory: the user's message is committed before the
model starts, and an answer is written while it streams (see chat.AnswerRecorder)
and finished with a status that says how it ended.

A conversation is a tree of messages: editing a question or regenerating an
answer adds a sibling instead of overwriting, and the conversation points at the
leaf being shown; the branch on screen is the path from the root to that leaf.

The schema is built by the append-only migrations in schema.py. The database runs
in WAL mode so a crash at any moment leaves the last committed state intact, and
readers (the window) never wait for a writer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from app.core import backups, conversion, open_marks
from app.core.attachments import Attachment
from app.core.db_access import WRITE_WAIT, connect, explain_error, is_damage, set_up, use_wal, write_transaction
from app.core.errors import CoveError, DatabaseDamaged
from app.core.i18n import _
from app.core.paths import make_private_file
from app.core.records import (  # noqa: F401 (re-exported)
    TITLE_LENGTH,
    Conversation,
    Message,
    Versions,
    new_uuid,
    now,
    title_from,
)
from app.core.schema import COMPLETE, ERROR, STOPPED, STREAMING, migrations  # noqa: F401 (re-exported)
from app.core.search import SearchHit, fts_query, search_connection, search_file  # noqa: F401 (re-exported)
from app.core.sources import Source, SourceAccess  # noqa: F401 (Source re-exported)
from app.core.sqlite_lib import Database
from app.core.store_rows import RowAccess
from app.core.text import clean_text

# Which conversations a list shows.
CHATS, ARCHIVED, TRASH = "chats", "archived", "trash"
USER, ASSISTANT = "user", "assistant"
PARTIAL_SAVE_WAIT = 1.0  # seconds a save of a streaming answer waits for another writer

_PATH_SQL = """
WITH RECURSIVE path(id, depth) AS (
    SELECT ?, 0
    UNION ALL
    SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id
    WHERE m.parent_id IS NOT NULL
)
SELECT messages.* FROM path JOIN messages ON messages.id = path.id ORDER BY path.depth DESC
"""


class Store(RowAccess, SourceAccess):
    def __init__(self, path: Path, check: bool | None = None):
        """check: True reads the whole file with quick_check; False skips it (the window checks on a
        thread); None checks it only after a process ended without closing it (open_marks.py says why)."""
        self.path = Path(path)
        conversion.recover(self.path)  # an encryption change a crash interrupted: finished or undone first
        self._mark = None
        try:
            # No sqlite-utils plugins: one installed beside Cove would run inside its database connection,
            # and looking for them reads every installed package's metadata (13 ms of every start).
            self.db = Database(connect(self.path), execute_plugins=False)
            set_up(self.db.conn)  # waits for other processes' locks instead of failing (db_access.py)
            self.db.execute("PRAGMA foreign_keys = ON")
            use_wal(self.db.conn, self.path)  # waits for another Cove creating the file at the same moment
            # WAL + NORMAL: a crash of Cove (or a kill) loses nothing committed;
            # only a power cut can lose the last moments.
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._mark = open_marks.check_as_needed(self.path, check, self.check)
            self._migrate()  # reads the schema: a damaged header or schema page is found here in any case
        except sqlite3.DatabaseError as exc:
            open_marks.mark_closed(self._mark)
            message = explain_error(self.path, exc)
            if is_damage(exc):
                raise DatabaseDamaged(message, backups.newest_good_backup(self.path)) from None
            raise CoveError(message) from None
        make_private_file(self.path)

    def check(self) -> None:
        """A quick integrity check: a damaged database is reported, never written to."""
        result = self.db.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError("malformed: " + str(result))

    def _migrate(self) -> None:
        known = {m.name for m in migrations._migrations}
        applied = {m.name for m in migrations.applied(self.db)}
        unknown = applied - known
        if unknown:
            raise CoveError(
                _("The conversation database {path} was created by a newer "
                  "version of Cove. Update Cove to open it; it has not been changed.").format(path=self.path)
            )
        if not migrations.pending(self.db):
            return
        # Under the write lock, checked again: two Coves opening a new database at once
        # must not both create its tables.
        with self.write():
            if not migrations.pending(self.db):
                return
            if migrations.applied(self.db):
                backups.make_backup(self.path, backups.MIGRATION)  # the old schema, kept before changing it
            migrations.apply(self.db)

    @contextmanager
    def write(self, wait: float | None = None) -> Iterator[Database]:
        """The one way Cove writes: a transaction that waits its turn behind other processes
        (BEGIN IMMEDIATE, retried with backoff; see db_access.py) and commits all or nothing.
        Raises DatabaseBusy if the database stays locked for `wait` seconds."""
        with write_transaction(self.db.conn, self.path, WRITE_WAIT if wait is None else wait):
            yield self.db

    def close(self) -> None:
        self.db.close()
        open_marks.mark_closed(self._mark)

    def reopen(self) -> None:
        """Open the file again after close() (all data deleted): the same object, so its holders keep working."""
        self.__init__(self.path)

    # Conversations -------------------------------------------------------

    def create_conversation(self, model: str = "", title: str = "New chat",
                            system_prompt: str | None = None) -> Conversation:
        stamp = now()
        with self.write():
            conversation_id = self.db["conversations"].insert(_clean(
                {"title": title, "created": stamp, "updated": stamp, "model": model, "uuid": new_uuid(),
                 "system_prompt": system_prompt or None})).last_pk
        return self.conversation(conversation_id)

    def conversation(self, conversation_id: int) -> Conversation:
        rows = list(self.db["conversations"].rows_where("id = ?", [conversation_id]))
        if not rows:
            raise CoveError(_("There is no conversation {conversation_id}. Run "
                              "`cove chat` without --conversation to start a new one.").format(conversation_id=conversation_id))
        return Conversation(**rows[0])

    def conversations(self, limit: int | None = None, offset: int = 0, view: str = CHATS) -> list[Conversation]:
        """Pinned first, then most recent activity first (the trash: most recently deleted first)."""
        where, order = {
            CHATS: ("deleted IS NULL AND archived = 0", "pinned DESC, updated DESC, id DESC"),
            ARCHIVED: ("deleted IS NULL AND archived = 1", "pinned DESC, updated DESC, id DESC"),
            TRASH: ("deleted IS NOT NULL", "deleted DESC, id DESC"),
        }[view]
        rows = self.db["conversations"].rows_where(where, order_by=order, limit=limit, offset=offset or None)
        return [Conversation(**row) for row in rows]

    def count_conversations(self, view: str = CHATS) -> int:
        where = {CHATS: "deleted IS NULL AND archived = 0", ARCHIVED: "deleted IS NULL AND archived = 1",
                 TRASH: "deleted IS NOT NULL"}[view]
        return self.db.execute(f"SELECT COUNT(*) FROM conversations WHERE {where}").fetchone()[0]

    def _update_conversation(self, conversation_id: int, changes: dict) -> None:
        with self.write():
            self.db["conversations"].update(conversation_id, _clean(changes))

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        self._update_conversation(conversation_id, {"title": title.strip() or "New chat"})

    def set_conversation_sampling(self, conversation_id: int, overrides: dict) -> None:
        self._update_conversation(conversation_id, {"settings": json.dumps(overrides) if overrides else None})

    def set_system_prompt(self, conversation_id: int, text: str | None) -> None:
        self._update_conversation(conversation_id, {"system_prompt": (text or "").strip() or None})

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        self._update_conversation(conversation_id, {"pinned": int(pinned)})

    def set_archived(self, conversation_id: int, archived: bool) -> None:
        self._update_conversation(conversation_id, {"archived": int(archived)})

    def move_to_trash(self, conversation_id: int) -> None:
        self._update_conversation(conversation_id, {"deleted": now()})

    def restore_from_trash(self, conversation_id: int) -> None:
        self._update_conversation(conversation_id, {"deleted": None})

    def delete_conversation(self, conversation_id: int) -> None:
        """Gone for good: the conversation and every message of it."""
        with self.write():
            self.db.execute("DELETE FROM messages WHERE conversation_id = ?", [conversation_id])
            self.db.execute("DELETE FROM conversations WHERE id = ?", [conversation_id])

    def empty_trash(self, older_than_days: float | None = None) -> list[int]:
        """Delete conversations in the trash (those deleted more than N days ago); their ids."""
        if older_than_days is None:
            rows = self.db.execute("SELECT id FROM conversations WHERE deleted IS NOT NULL").fetchall()
        else:
            cutoff = datetime.now(timezone.utc).timestamp() - older_than_days * 86400
            stamp = datetime.fromtimestamp(cutoff, timezone.utc).isoformat(timespec="microseconds")
            rows = self.db.execute("SELECT id FROM conversations WHERE deleted IS NOT NULL AND deleted < ?",
                                   [stamp]).fetchall()
        ids = [row[0] for row in rows]
        with self.write():
            for conversation_id in ids:
                self.delete_conversation(conversation_id)
        return ids

    def apply_retention(self, days: int | None) -> list[int]:
        """Delete conversations with no activity for more than `days` (an administrator's retention rule)."""
        if not days:
            return []
        cutoff = datetime.fromtimestamp(datetime.now(timezone.utc).timestamp() - days * 86400, timezone.utc)
        rows = self.db.execute("SELECT id FROM conversations WHERE updated < ?",
                               [cutoff.isoformat(timespec="microseconds")]).fetchall()
        with self.write():
            for (conversation_id,) in rows:
                self.delete_conversation(conversation_id)
        return [row[0] for row in rows]

    # Messages ------------------------------------------------------------

    def messages(self, conversation_id: int) -> list[Message]:
        """Every message of the conversation, all branches, oldest first."""
        rows = self.db["messages"].rows_where("conversation_id = ?", [conversation_id], order_by="id")
        return [Message.from_row(row) for row in rows]

    def branch(self, conversation_id: int, leaf_id: int | None = None) -> list[Message]:
        """The messages on screen: from the first to the current leaf (or to leaf_id)."""
        if leaf_id is None:
            leaf_id = self.conversation(conversation_id).current_message_id
        if leaf_id is None:
            return []
        cursor = self.db.execute(_PATH_SQL, [leaf_id])
        columns = [d[0] for d in cursor.description]
        return [Message.from_row(dict(zip(columns, row))) for row in cursor.fetchall()]

    def message(self, message_id: int) -> Message:
        rows = list(self.db["messages"].rows_where("id = ?", [message_id]))
        if not rows:
            raise CoveError(_("Message {message_id} is no longer there (it was deleted).").format(message_id=message_id))
        return Message.from_row(rows[0])

    def _siblings(self, message: Message) -> list[int]:
        if message.parent_id is None:
            rows = self.db.execute(
                "SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS NULL AND role = ? ORDER BY id",
                [message.conversation_id, message.role])
        else:
            rows = self.db.execute("SELECT id FROM messages WHERE parent_id = ? AND role = ? ORDER BY id",
                                   [message.parent_id, message.role])
        return [row[0] for row in rows]

    def versions(self, messages: list[Message]) -> dict[int, Versions]:
        """For each message with other versions, where it stands among them."""
        result = {}
        for message in messages:
            ids = self._siblings(message)
            if len(ids) > 1:
                i = ids.index(message.id)
                result[message.id] = Versions(i + 1, len(ids), ids[i - 1] if i else None,
                                              ids[i + 1] if i + 1 < len(ids) else None)
        return result

    def latest_leaf(self, message_id: int) -> int:
        """The newest leaf under a message: a version shown again comes back as it was last continued."""
        while True:
            row = self.db.execute("SELECT MAX(id) FROM messages WHERE parent_id = ?", [message_id]).fetchone()
            if row[0] is None:
                return message_id
            message_id = row[0]

    def show_version(self, message_id: int) -> int:
        """Make the branch through this message the one on screen; returns the new leaf."""
        message = self.message(message_id)
        leaf = self.latest_leaf(message_id)
        self._update_conversation(message.conversation_id, {"current_message_id": leaf})
        return leaf

    def _insert_message(self, conversation_id: int, parent_id: int | None, values: dict) -> int:
        stamp = now()
        message_id = self.db["messages"].insert(_clean({
            "conversation_id": conversation_id, "parent_id": parent_id, "uuid": new_uuid(),
            "created": stamp, "updated": stamp, **values})).last_pk
        return message_id

    def add_user_message(self, conversation_id: int, text: str, parent_id: int | None | str = "current",
                         attachments: list[Attachment] | tuple[Attachment, ...] = ()) -> Message:
        """Commit what the user wrote after the current leaf (or as a new version: pass the parent),
        with the files attached to it, all in one transaction."""
        with self.write():
            conversation = self.conversation(conversation_id)
            if parent_id == "current":
                parent_id = conversation.current_message_id
            first = conversation.current_message_id is None and parent_id is None
            message_id = self._insert_message(conversation_id, parent_id,
                                              {"role": "user", "content": text, "status": COMPLETE})
            self.add_attachments(message_id, attachments)
            changes = {"updated": now(), "current_message_id": message_id}
            if first and conversation.title == "New chat":
                changes["title"] = clean_text(title_from(text))
            self.db["conversations"].update(conversation_id, changes)
        return self.message(message_id)

    def add_attachments(self, message_id: int, attachments: list[Attachment] | tuple[Attachment, ...]) -> None:
        if not attachments:
            return
        stamp = now()
        with self.write():
            self.db["attachments"].insert_all(
                [_clean({"message_id": message_id, "name": a.name, "content": a.text, "size": a.size,
                         "tokens": a.tokens, "created": stamp}) for a in attachments])

    def attachments_for(self, message_ids, text: bool = True) -> dict[int, list[Attachment]]:
        """{message id: its attachments, in the order attached} for those that have any.
        Without text, only names and sizes are read (what the transcript shows)."""
        ids = list(dict.fromkeys(message_ids))
        result: dict[int, list[Attachment]] = {}
        content = "content" if text else "''"
        for start in range(0, len(ids), 500):  # well under SQLite's limit on parameters
            chunk = ids[start:start + 500]
            rows = self.db.execute(
                f"SELECT message_id, name, {content}, size, tokens FROM attachments "
                f"WHERE message_id IN ({', '.join('?' * len(chunk))}) ORDER BY message_id, id", chunk)
            for message_id, name, body, size, tokens in rows:
                result.setdefault(message_id, []).append(Attachment(name, body, size or 0, tokens))
        return result

    def begin_answer(self, conversation_id: int, model_file: str, settings: dict,
                     parent_id: int | None | str = "current") -> Message:
        """An empty answer after the current leaf (or, to regenerate, under the question given)."""
        with self.write():
            if parent_id == "current":
                parent_id = self.conversation(conversation_id).current_message_id
            message_id = self._insert_message(conversation_id, parent_id, {
                "role": "assistant", "content": "", "status": STREAMING,
                "model_file": model_file, "generation_settings": json.dumps(settings)})
            self.db["conversations"].update(conversation_id, _clean({
                "updated": now(), "model": model_file, "current_message_id": message_id}))
        return self.message(message_id)

    def resume_answer(self, message_id: int) -> Message:
        """A stopped answer goes on streaming into the same message ("Continue")."""
        with self.write():
            self.db["messages"].update(message_id, {"status": STREAMING, "error": None, "updated": now()})
            message = self.message(message_id)
            self.db["conversations"].update(message.conversation_id, {"updated": now()})
        return message

    def save_partial_answer(self, message_id: int, content: str) -> None:
        # A short wait: the text stays in memory (chat.AnswerRecorder) and the next save retries.
        with self.write(wait=PARTIAL_SAVE_WAIT):
            self.db["messages"].update(message_id, {"content": clean_text(content), "updated": now()})

    def finish_answer(self, message_id: int, content: str, status: str,
                      stats: dict | None = None, error: str | None = None) -> Message:
        assert status in (COMPLETE, STOPPED, ERROR), status
        changes = {"content": content, "status": status, "updated": now(), "error": error}
        for key in ("prompt_tokens", "processed_tokens", "completion_tokens",
                    "tokens_per_second", "time_to_first_token", "dropped_messages"):
            if stats and stats.get(key) is not None:
                changes[key] = stats[key]
        with self.write():
            if stats and ("seed" in stats or "n_ctx" in stats):
                # Record what was really used: a random seed (-1) becomes the drawn one; drafts checked
                # in batches (prompt lookup) keep their acceptance rate for the answer's stats line.
                row = self.db["messages"].get(message_id)
                used = json.loads(row["generation_settings"] or "{}")
                # draft_problem: why the draft model the answer asked for was not used (one translated line).
                used.update({k: stats[k] for k in ("seed", "n_ctx", "draft_acceptance", "draft_problem")
                             if k in stats})
                changes["generation_settings"] = json.dumps(used)
            self.db["messages"].update(message_id, _clean(changes))
        return self.message(message_id)

    def delete_message(self, message_id: int) -> None:
        """Delete one message; what followed it stays, attached to the message before it."""
        message = self.message(message_id)
        with self.write():
            self.db.execute("UPDATE messages SET parent_id = ? WHERE parent_id = ?", [message.parent_id, message_id])
            conversation = self.conversation(message.conversation_id)
            self.db.execute("DELETE FROM messages WHERE id = ?", [message_id])
            if conversation.current_message_id == message_id:
                if message.parent_id is not None:
                    leaf = self.latest_leaf(message.parent_id)
                else:
                    leaf = self.db.execute("SELECT MAX(id) FROM messages WHERE conversation_id = ?",
                                           [message.conversation_id]).fetchone()[0]
                    leaf = self.latest_leaf(leaf) if leaf is not None else None
                self.db["conversations"].update(message.conversation_id, {"current_message_id": leaf})

    # Across conversations ---------------------------------------------------

    def search(self, text: str, limit: int = 50, marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
        """Messages matching the words, best matches first, with a snippet whose matches sit between
        the marks (not the trash)."""
        return search_connection(self.db.conn, text, limit, marks)

    def model_last_used(self) -> dict[str, str]:
        """When each model file last answered: {path: timestamp}."""
        rows = self.db.execute(
            "SELECT model_file, MAX(created) FROM messages WHERE role = 'assistant' AND model_file IS NOT NULL "
            "GROUP BY model_file").fetchall()
        return {path: stamp for path, stamp in rows}

    def recover_interrupted_answers(self) -> int:
        """Answers left 'streaming' by a Cove that died: keep their text, mark them."""
        with self.write():
            cursor = self.db.execute(
                "UPDATE messages SET status = ?, error = ? WHERE status = ?",
                [ERROR, "Cove closed before this answer was finished.", STREAMING],
            )
        return cursor.rowcount


def _clean(values: dict) -> dict:
    """Every text value storable: lone surrogates (undecodable bytes) become U+FFFD (see text.py)."""
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in values.items()}
