"""The note passages an answer was based on, as stored with the answer.

A copy of each passage (text, where it was, its hash) is kept in the conversation
database with the message, not a pointer into the notes index: the index is
derived data that follows the files (a note edited, a folder removed, the index
rebuilt), and an old answer must still show what it was based on. The hash says
whether the note still holds that exact passage.

`SourceAccess` is a part of `Store` (mixed in, like store_rows.RowAccess), so every
query on the conversation database still goes through Store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from app.core.text import clean_text


@dataclass(frozen=True)
class Source:
    number: int  # the [n] it had in the prompt
    folder: str
    path: str  # relative to the folder
    heading: str
    line_start: int | None
    line_end: int | None
    page: int | None
    sha256: str
    text: str
    cited: bool = False

    def where(self) -> str:
        """"page 3", "lines 10-24" or "line 7" (empty when unknown)."""
        if self.page is not None:
            return f"page {self.page}"
        if self.line_start is None:
            return ""
        if self.line_end is None or self.line_end == self.line_start:
            return f"line {self.line_start}"
        return f"lines {self.line_start}-{self.line_end}"

    def label(self) -> str:
        """One line for people: "[2] trips/lisbon.md › Ferry (lines 4-9)"."""
        heading = f" › {self.heading}" if self.heading else ""
        where = f" ({self.where()})" if self.where() else ""
        return f"[{self.number}] {self.path}{heading}{where}"

    def as_json(self) -> dict:
        data = asdict(self)
        data["cited"] = bool(self.cited)
        return data


_COLUMNS = "number, folder, path, heading, line_start, line_end, page, sha256, text, cited"


class SourceAccess:
    """Mixed into Store; `self.db` is its sqlite_utils Database, `self.write()` its write transaction."""

    def add_sources(self, message_id: int, sources: list[Source] | tuple[Source, ...]) -> None:
        if not sources:
            return
        with self.write():
            self.db.conn.executemany(
                f"INSERT INTO message_sources (message_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(message_id, s.number, clean_text(s.folder), clean_text(s.path), clean_text(s.heading),
                  s.line_start, s.line_end, s.page, s.sha256, clean_text(s.text), int(bool(s.cited)))
                 for s in sources])

    def mark_cited(self, message_id: int, numbers: list[int] | set[int]) -> None:
        """Record which of the message's sources its answer cites (the others: not cited)."""
        numbers = sorted(set(numbers))
        with self.write():
            self.db.execute("UPDATE message_sources SET cited = 0 WHERE message_id = ?", [message_id])
            if numbers:
                self.db.execute(f"UPDATE message_sources SET cited = 1 WHERE message_id = ? AND number IN "
                                f"({', '.join('?' * len(numbers))})", [message_id, *numbers])

    def sources_for(self, message_ids) -> dict[int, list[Source]]:
        """{message id: its sources by number} for the messages that have any."""
        ids = list(dict.fromkeys(message_ids))
        result: dict[int, list[Source]] = {}
        for start in range(0, len(ids), 500):  # well under SQLite's limit on parameters
            chunk = ids[start:start + 500]
            rows = self.db.execute(
                f"SELECT message_id, {_COLUMNS} FROM message_sources WHERE message_id IN "
                f"({', '.join('?' * len(chunk))}) ORDER BY message_id, number, id", chunk)
            for message_id, *values in rows:
                values[-1] = bool(values[-1])
                result.setdefault(message_id, []).append(Source(*values))
        return result

    def has_sources(self, message_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM message_sources WHERE message_id = ?",
                               [message_id]).fetchone() is not None

    def set_use_notes(self, conversation_id: int, on: bool) -> None:
        """Whether the conversation's answers draw on the notes folders (remembered for follow-ups)."""
        with self.write():
            self.db["conversations"].update(conversation_id, {"use_notes": int(bool(on))})
