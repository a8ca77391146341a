"""The store's queries for moving conversations in and out whole (export, import) and
for asking whether there is anything at all (the window's welcome page).

A part of `Store` (it inherits these), kept in its own module so store.py stays
readable in one sitting. Every query on the conversation tables goes through Store:
nothing outside it writes or reads tables directly.
"""

from __future__ import annotations


class RowAccess:
    """Mixed into Store; `self.db` is its sqlite_utils Database."""

    def conversation_ids(self) -> list[int]:
        """Every conversation not in the trash, oldest first."""
        return [row[0] for row in self.db.execute("SELECT id FROM conversations WHERE deleted IS NULL ORDER BY id")]

    def has_conversation(self, conversation_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM conversations WHERE id = ?", [conversation_id]).fetchone() is not None

    def has_any_conversation(self) -> bool:
        """Whether any conversation exists, the trash included (the welcome page is for a first run)."""
        return self.db.execute("SELECT 1 FROM conversations LIMIT 1").fetchone() is not None

    def leaf_count(self, conversation_id: int) -> int:
        """How many branches the conversation has (messages nothing follows)."""
        return self.db.execute(
            "SELECT COUNT(*) FROM messages m WHERE m.conversation_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM messages c WHERE c.parent_id = m.id)", [conversation_id]).fetchone()[0]

    def conversation_by_uuid(self, uuid: str) -> tuple[int, int | None] | None:
        """(id, current message id) of the conversation with this uuid, if it is here."""
        row = self.db.execute("SELECT id, current_message_id FROM conversations WHERE uuid = ?", [uuid]).fetchone()
        return (row[0], row[1]) if row else None

    def message_by_uuid(self, uuid: str) -> tuple[int, int] | None:
        """(id, conversation id) of the message with this uuid, if it is here."""
        row = self.db.execute("SELECT id, conversation_id FROM messages WHERE uuid = ?", [uuid]).fetchone()
        return (row[0], row[1]) if row else None

    def has_attachments(self, message_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM attachments WHERE message_id = ?", [message_id]).fetchone() is not None

    def insert_conversation_row(self, fields: dict) -> int:
        """A conversation as an import holds it (its own uuid and times); its id here."""
        return self.db["conversations"].insert(fields).last_pk

    def insert_message_row(self, values: dict) -> int:
        """A message as an import holds it (its own uuid, times and statistics); its id here."""
        return self.db["messages"].insert(values).last_pk

    def set_current_message(self, conversation_id: int, message_id: int) -> None:
        self.db["conversations"].update(conversation_id, {"current_message_id": message_id})
