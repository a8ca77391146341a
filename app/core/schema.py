"""The database schema, as the migrations that build it.

Migrations are append-only: one that shipped is never edited (users' databases
recorded it as applied); a change is a new function at the end. Each runs in a
transaction, after a backup of the old database (see store.Store._migrate).
"""

from __future__ import annotations

from app.core.sqlite_lib import Database, Migrations

MIGRATION_SET = "cove"
migrations = Migrations(MIGRATION_SET)

# Message statuses.
COMPLETE = "complete"
STREAMING = "streaming"
STOPPED = "stopped"
ERROR = "error"


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


@migrations()
def m004_branches_organising_and_identity(db: Database) -> None:
    # The search index follows the text only: a status or a branch pointer changing
    # must not re-index a message (and the updates below touch every row).
    db.execute("DROP TRIGGER IF EXISTS messages_au")
    db.execute(
        'CREATE TRIGGER "messages_au" AFTER UPDATE OF "content" ON "messages" BEGIN\n'
        '  INSERT INTO "messages_fts" ("messages_fts", rowid, "content") '
        "VALUES('delete', old.rowid, old.\"content\");\n"
        '  INSERT INTO "messages_fts" (rowid, "content") VALUES (new.rowid, new."content");\n'
        "END")
    # Messages form a tree: an edited question or a regenerated answer is a sibling
    # of the version it replaces, and the conversation remembers which leaf is shown.
    db["messages"].add_column("parent_id", int)
    db["conversations"].add_column("current_message_id", int)
    # Stable identities, so an exported conversation imports back without duplicates.
    db["messages"].add_column("uuid", str)
    db["conversations"].add_column("uuid", str)
    # Organising: pinned and archived flags, the trash (when it was deleted), and a
    # system prompt per conversation.
    db["conversations"].add_column("pinned", int, not_null_default=0)
    db["conversations"].add_column("archived", int, not_null_default=0)
    db["conversations"].add_column("deleted", str)
    db["conversations"].add_column("system_prompt", str)
    # Until now a conversation was a line: each message follows the one before it.
    db.execute(
        "UPDATE messages SET parent_id = (SELECT MAX(p.id) FROM messages p "
        "WHERE p.conversation_id = messages.conversation_id AND p.id < messages.id), "
        "uuid = lower(hex(randomblob(16)))")
    db.execute(
        "UPDATE conversations SET uuid = lower(hex(randomblob(16))), "
        "current_message_id = (SELECT MAX(m.id) FROM messages m WHERE m.conversation_id = conversations.id)")
    db["messages"].create_index(["parent_id"])
    db["messages"].create_index(["uuid"], unique=True)
    db["conversations"].create_index(["uuid"], unique=True)
    db["conversations"].create_index(["deleted", "archived", "pinned", "updated", "id"])
    # Start-up looks for answers a crash left streaming: found at once, however many messages.
    db.execute("CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming'")


@migrations()
def m005_attachments(db: Database) -> None:
    # Text files attached to a user's message (attachments.py): stored beside the message,
    # whose content stays what the user typed. They go with their message (ON DELETE
    # CASCADE; the store turns foreign keys on). Not in the full-text index: search
    # covers what was written in the chat, and a 2 MB file would swell the index.
    db.execute(
        "CREATE TABLE attachments (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,\n"
        "  name TEXT NOT NULL,\n"
        "  content TEXT NOT NULL,\n"
        "  size INTEGER NOT NULL DEFAULT 0,\n"
        "  tokens INTEGER,\n"  # the exact count with the model it was first sent to, if known
        "  created TEXT NOT NULL\n"
        ")")
    db["attachments"].create_index(["message_id", "id"])


@migrations()
def m006_notes_sources(db: Database) -> None:
    # "Ask your notes" (notes/citing.py): whether a conversation uses the notes folders,
    # remembered for its next questions, and the exact passages an answer was given,
    # stored with it (a copy, not a pointer into the notes index: the index is derived
    # data that follows the files, and an old answer must still show what it was based
    # on after the note changes or the index is rebuilt). They go with their message.
    db["conversations"].add_column("use_notes", int, not_null_default=0)
    db.execute(
        "CREATE TABLE message_sources (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,\n"
        "  number INTEGER NOT NULL,\n"  # the [n] the prompt gave it
        "  folder TEXT NOT NULL,\n"
        "  path TEXT NOT NULL,\n"  # relative to the folder
        "  heading TEXT NOT NULL DEFAULT '',\n"
        "  line_start INTEGER,\n"
        "  line_end INTEGER,\n"
        "  page INTEGER,\n"
        "  sha256 TEXT NOT NULL,\n"  # of the passage text, as the notes index hashes it
        "  text TEXT NOT NULL,\n"
        "  cited INTEGER NOT NULL DEFAULT 0\n"  # whether the answer cites it as [n]
        ")")
    db["message_sources"].create_index(["message_id", "number"])


@migrations()
def m007_fewer_pages_per_message(db: Database) -> None:
    # Every message sent updates its conversation's `updated`, which rewrote a page of this index
    # as well as one of the (deleted, archived, pinned, updated, id) index the lists use. Only the
    # retention sweep asked for `updated` alone, once a day, over at most a few thousand short rows.
    db.execute("DROP INDEX IF EXISTS idx_conversations_updated")
