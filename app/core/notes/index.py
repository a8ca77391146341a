"""The notes index: a private SQLite database of folders, files and passages, searchable with FTS5.

It is kept apart from the conversation database on purpose: it is derived data
(everything in it can be rebuilt by reading the folders again), it can be large,
and "Delete all my data" removes it as one file, while exports, which read only
the conversation database, can never include it. The list of notes folders lives
here too, beside their files: removing a folder removes its files and passages
in one transaction, and deleting the user's data forgets which folders were read
(their names can be private as well).

Connections are set up as for the main store (app/core/db_access.py: a busy
timeout, every write in a BEGIN IMMEDIATE transaction), because the window's
background indexer, the watcher and a `cove notes` command may write at once.
The FTS5 table is an external-content table over `passages`, kept in step by
triggers, so no code path can update one without the other.
Paths are stored twice: as raw bytes (`path_key`, exactly what the filesystem
has, even for names that are not UTF-8) and as display text (`path`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.core import conversion, db_access
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.notes.chunking import Passage
from app.core.paths import make_private_file
from app.core.private_files import is_disk_full
from app.core.text import clean_text

SCHEMA_VERSION = 2  # 2: passages_sha (meaning search maps vectors, keyed by text hash, to passages)
OK, UNREADABLE = "ok", "unreadable"

SCHEMA = """
CREATE TABLE IF NOT EXISTS roots (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    added TEXT NOT NULL,
    last_indexed TEXT
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
    path_key BLOB NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    error TEXT,
    indexed_at TEXT NOT NULL,
    UNIQUE (root_id, path_key)
);
CREATE INDEX IF NOT EXISTS files_sha ON files(sha256);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    heading TEXT NOT NULL,
    line_start INTEGER,
    line_end INTEGER,
    page INTEGER,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_file ON passages(file_id, ordinal);
CREATE INDEX IF NOT EXISTS passages_sha ON passages(sha256);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    heading, text, content='passages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab(passages_fts, 'row');
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text);
END;
CREATE TRIGGER IF NOT EXISTS passages_au AFTER UPDATE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text);
    INSERT INTO passages_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
END;
"""


@dataclass(frozen=True)
class Root:
    id: int
    path: Path
    added: str
    last_indexed: str | None
    files: int = 0
    passages: int = 0


@dataclass(frozen=True)
class FileRow:
    id: int
    root_id: int
    path_key: bytes
    path: str
    size: int
    mtime_ns: int
    sha256: str | None
    status: str
    error: str | None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def display_path(rel: str) -> str:
    """A relative path as text that can be stored and printed (undecodable bytes become U+FFFD)."""
    return clean_text(rel)


class NotesIndex:
    """One connection to the notes index; open it, use it, close it (or use it in a `with`)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conversion.recover(self.path)  # an encryption change a crash interrupted: finished or undone
        old_umask = os.umask(0o077) if os.name == "posix" else None  # the db, -wal and -shm: 0600
        try:
            # Through db_access: encrypted with the store's key when encryption is on.
            self.db = db_access.connect(self.path, isolation_level=None, check_same_thread=False)
            db_access.set_up(self.db)
            self.db.row_factory = sqlite3.Row
            db_access.use_wal(self.db, self.path)
            self.db.execute("PRAGMA synchronous = NORMAL")  # derived data: losing the last second is fine
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                # executescript commits on its own, so the script takes the write lock itself.
                self.db.executescript(f"BEGIN IMMEDIATE;{SCHEMA}PRAGMA user_version = {SCHEMA_VERSION};COMMIT;")
        except sqlite3.DatabaseError as exc:
            if db_access.is_busy(exc) or is_disk_full(exc):
                raise  # not damage: the caller reports a busy database or a full disk as such
            raise CoveError(_("The notes index {path} cannot be opened ({exc}). It holds only "
                              "derived data: delete that file and add your notes folders again.").format(path=self.path, exc=exc)) from None
        finally:
            if old_umask is not None:
                os.umask(old_umask)
        make_private_file(self.path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> NotesIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[None]:
        with db_access.write_transaction(self.db, self.path):
            yield

    # Folders

    def roots(self) -> list[Root]:
        rows = self.db.execute("""
            SELECT r.*, (SELECT count(*) FROM files f WHERE f.root_id = r.id AND f.status = 'ok') AS files,
                   (SELECT count(*) FROM passages p JOIN files f ON f.id = p.file_id WHERE f.root_id = r.id)
                   AS passages
            FROM roots r ORDER BY r.path""").fetchall()
        return [Root(r["id"], Path(r["path"]), r["added"], r["last_indexed"], r["files"], r["passages"])
                for r in rows]

    def root(self, path: Path) -> Root | None:
        return next((r for r in self.roots() if r.path == Path(path)), None)

    def add_root(self, path: Path) -> Root:
        with self.write():
            self.db.execute("INSERT OR IGNORE INTO roots(path, added) VALUES (?, ?)", (str(path), now()))
        return self.root(path)

    def remove_root(self, root: Root) -> None:
        with self.write():
            self.db.execute("DELETE FROM roots WHERE id = ?", (root.id,))

    def mark_indexed(self, root: Root) -> None:
        with self.write():
            self.db.execute("UPDATE roots SET last_indexed = ? WHERE id = ?", (now(), root.id))

    # Files

    def files(self, root: Root) -> dict[bytes, FileRow]:
        rows = self.db.execute("SELECT id, root_id, path_key, path, size, mtime_ns, sha256, status, error "
                               "FROM files WHERE root_id = ?", (root.id,)).fetchall()
        return {bytes(r["path_key"]): FileRow(*r) for r in rows}

    def unreadable(self) -> list[tuple[Path, str, str]]:
        """(folder, file, reason) for every file that could not be indexed."""
        rows = self.db.execute("SELECT r.path AS root, f.path, f.error FROM files f JOIN roots r ON r.id = f.root_id "
                               "WHERE f.status != 'ok' ORDER BY r.path, f.path").fetchall()
        return [(Path(r["root"]), r["path"], r["error"] or "") for r in rows]

    def save_file(self, root: Root, key: bytes, size: int, mtime_ns: int, sha256: str | None,
                  passages: list[Passage] | None, error: str | None = None, existing: FileRow | None = None) -> None:
        """Record one file: its passages replace the old ones (None: keep them, only the stat changed)."""
        status = OK if error is None else UNREADABLE
        shown = display_path(os.fsdecode(key))
        with self.write():
            if existing is None:
                file_id = self.db.execute(
                    "INSERT INTO files(root_id, path_key, path, size, mtime_ns, sha256, status, error, indexed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (root.id, key, shown, size, mtime_ns, sha256, status, error, now())).lastrowid
            else:
                file_id = existing.id
                self.db.execute("UPDATE files SET path_key = ?, path = ?, size = ?, mtime_ns = ?, sha256 = ?, "
                                "status = ?, error = ?, indexed_at = ? WHERE id = ?",
                                (key, shown, size, mtime_ns, sha256, status, error, now(), file_id))
            if passages is not None or error is not None:
                self.db.execute("DELETE FROM passages WHERE file_id = ?", (file_id,))
            self.db.executemany(
                "INSERT INTO passages(file_id, ordinal, heading, line_start, line_end, page, text, sha256) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(file_id, p.ordinal, clean_text(p.heading), p.line_start, p.line_end, p.page, clean_text(p.text),
                  p.sha256) for p in passages or ()])

    def delete_files(self, ids: list[int]) -> None:
        with self.write():
            self.db.executemany("DELETE FROM files WHERE id = ?", [(i,) for i in ids])

    def counts(self) -> tuple[int, int, int]:
        """(files indexed, passages, files that could not be read)."""
        row = self.db.execute("SELECT (SELECT count(*) FROM files WHERE status = 'ok'), "
                              "(SELECT count(*) FROM passages), (SELECT count(*) FROM files WHERE status != 'ok')"
                              ).fetchone()
        return row[0], row[1], row[2]
