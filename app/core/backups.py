"""Copies of the conversation database, made with SQLite's online backup API.

A backup is a consistent snapshot even while Cove writes; a backup of an encrypted
store is encrypted with the same key (and salt, so the passphrase alone opens it). Cove makes one a day
(when the window opens and the newest daily one is older than a day) and one
before every schema migration, keeps the newest KEEP of each kind, and points to
the newest one when the database turns out damaged.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from app.core import cipher_db
from app.core.db_connect import connect
from app.core.paths import backups_in, make_private_dir, make_private_file

KEEP = 7
DAILY, MIGRATION = "daily", "before-migration"
DAY = 24 * 3600


def backup_dir(database: Path) -> Path:
    return backups_in(database.parent)


def backups(database: Path, kind: str | None = None) -> list[Path]:
    """Existing backups, newest first."""
    folder = backup_dir(database)
    pattern = f"cove-{kind}-*.db" if kind else "cove-*.db"
    return sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []


def make_backup(database: Path, kind: str = DAILY, keep: int = KEEP) -> Path:
    folder = backup_dir(database)
    make_private_dir(folder)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"cove-{kind}-{stamp}.db"
    partial = target.with_suffix(".db.part")
    _copy(database, partial)
    os.replace(partial, target)
    make_private_file(target)
    for old in backups(database, kind)[max(1, keep):]:
        old.unlink(missing_ok=True)
    return target


def is_good(path: Path) -> bool:
    """Whether a database file opens and passes SQLite's quick check."""
    try:
        connection = connect(path, readonly=True)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def newest_good_backup(database: Path) -> Path | None:
    return next((path for path in backups(database) if is_good(path)), None)


def restore(database: Path, backup: Path) -> Path:
    """Put a backup in the database's place; the damaged file is kept beside it, renamed.

    Returns where the damaged database went (nothing is deleted: it may still hold
    the newest messages, which a specialist tool can recover).
    """
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(database) + suffix)
        if part.exists():
            os.replace(part, Path(str(kept) + suffix))
    _copy(backup, database)
    cipher_db.forget_formats()  # the restored file is another file, maybe in another format
    make_private_file(database)
    return kept


COPY_PAGES = 1024  # pages copied per step (4 MB at SQLite's default page size)
COPY_PAUSE = 0.005  # seconds between steps, so a large copy leaves the disk to others too


def _copy(source_path: Path, target_path: Path, progress=None) -> None:
    """A consistent copy with SQLite's online backup API (safe while Cove writes to the source).

    The whole copy reads one snapshot: a read transaction is opened first and the backup
    steps run inside it. In WAL mode a reader never blocks a writer, so a window or
    `cove chat` writing during a long backup does not wait for it; and because the
    snapshot is held, their commits do not restart the copy (which, stepped without it,
    could restart for ever while someone writes). It is copied in steps with short pauses.
    """
    # Both ends go through connect: an encrypted store's backups are encrypted with its key.
    source = connect(source_path, readonly=True, isolation_level=None)
    try:
        source.execute("BEGIN")
        source.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the snapshot starts here
        copy = connect(target_path)
        try:
            source.backup(copy, pages=COPY_PAGES, sleep=COPY_PAUSE, progress=progress)
        finally:
            copy.close()
        source.execute("COMMIT")
    finally:
        source.close()


def daily_backup_due(database: Path, now: float | None = None) -> bool:
    newest = backups(database, DAILY)
    if not database.exists():
        return False
    now = now if now is not None else datetime.now(timezone.utc).timestamp()
    return not newest or now - newest[0].stat().st_mtime >= DAY
