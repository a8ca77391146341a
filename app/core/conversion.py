"""Turning encryption on, changing the key, turning it off: one conversion that cannot lose the store.

All three are the same move: copy cove.db into a new file in the other form
(`sqlcipher_export`, which writes every table, index and trigger through the new key or
none), check the copy (integrity_check, and every table's row count against the
original's, read under the same write lock), flush it to disk, and only then rename it
over the original in one atomic step. A journal file beside the database
(cove.db.conversion) records the phase, so that whatever moment the process dies at,
the next open (`recover`, called by Store before it opens anything) finishes the job or
undoes it:

- the new file is still there: the rename did not happen; the original is complete and
  untouched, the partial copy is deleted;
- the new file is gone: the rename happened; the new database is complete, and what
  remains of the old form is removed (its -wal/-shm, which must never be read as part
  of the new file, its backups, the notes index and saved engine states).

Nothing that holds words survives in the old form: backups are deleted (a new one is
made in the new form), the notes' vectors are deleted (derived: rebuilt, encrypted), so
are the engine's saved states. The notes index, which also holds the list of notes
folders, is converted the same way right after cove.db (store_encryption.py).
Deleting a file does not overwrite its blocks, least of all on an SSD: README says so.

Other Coves must be closed while this runs; the write lock held during the copy keeps
a `cove chat` that starts meanwhile waiting instead of writing into the old file.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

from app.core import cipher_db
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.paths import backups_in, database_in, kv_cache_in

JOURNAL_SUFFIX = ".conversion"
TARGET_SUFFIX = ".converting"
PAUSE_ENV = "COVE_TEST_CONVERSION_PAUSE"  # tests: stop at a named point so a SIGKILL can land there
EXPORT, SWAP = "export", "swap"
DERIVED = ("notes-vectors.db",)  # rebuilt from the notes index, in the new form


def _journal(database: Path) -> Path:
    return database.with_name(database.name + JOURNAL_SUFFIX)


def _target(database: Path) -> Path:
    return database.with_name(database.name + TARGET_SUFFIX)


def _pause(database: Path, point: str) -> None:
    """The test hook: with COVE_TEST_CONVERSION_PAUSE=point, say so in a file and wait to be killed."""
    if os.environ.get(PAUSE_ENV) == point:
        database.with_name(f"paused-{point}").touch()
        while True:
            time.sleep(1)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_journal(database: Path, phase: str) -> None:
    journal = _journal(database)
    partial = journal.with_name(journal.name + ".part")
    partial.write_text(json.dumps({"phase": phase}), encoding="utf-8")
    _fsync(partial)
    os.replace(partial, journal)
    _fsync(database.parent)


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _remove_old_form(database: Path) -> None:
    """After the swap: everything that may still hold words in the old form, or that the new key cannot read."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    if database.name != database_in(database.parent).name:
        return  # the notes index: its own sidecars only; the folder's old form went with cove.db
    folder = database.parent
    for name in DERIVED:
        _remove_with_sidecars(folder / name)
    backups = backups_in(folder)
    if backups.is_dir():
        for path in backups.glob("cove-*.db*"):
            path.unlink(missing_ok=True)
    shutil.rmtree(kv_cache_in(folder), ignore_errors=True)


def recover(database: Path) -> str | None:
    """Finish or undo a conversion that a crash interrupted; what was done, or None when nothing was pending."""
    journal = _journal(database)
    if not journal.exists():
        return None
    target = _target(database)
    if target.exists():
        _remove_with_sidecars(target)  # the rename never happened: the original is whole
        outcome = "undone"
    else:
        try:
            phase = json.loads(journal.read_text(encoding="utf-8")).get("phase")
        except (OSError, ValueError, AttributeError):
            phase = None  # a journal is written whole (renamed into place); unreadable means not ours
        if phase == SWAP:
            _remove_old_form(database)
            outcome = "finished"
        else:
            outcome = "undone"
    journal.unlink(missing_ok=True)
    _fsync(database.parent)
    return outcome


def _counts(connection, schema: str) -> dict[str, int]:
    names = [row[0] for row in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: connection.execute(f'SELECT COUNT(*) FROM {schema}."{name}"').fetchone()[0] for name in names}


def _verify(database: Path, target: Path, key: bytes | None, counts: dict[str, int]) -> None:
    """The copy, opened afresh with its own key, is whole and holds every row of the original."""
    copy = cipher_db.connect(str(target), key)
    try:
        check = copy.execute("PRAGMA integrity_check").fetchone()[0]
        copied = _counts(copy, "main")
    finally:
        copy.close()
    if check != "ok" or copied != counts:
        raise CoveError(_("The converted copy of {database} did not match the original "
                          "({check}); the original was kept unchanged. Try again, or report this.").format(database=database, check=check))


def convert(database: Path, old_key: bytes | None, new_key: bytes | None, new_salt: bytes | None = None) -> dict:
    """Rewrite cove.db from `old_key` (None: plain) to `new_key` (None: plain); the row counts it checked.

    Raises CoveError (one line) and leaves the original as it was when anything goes wrong
    before the rename.
    """
    database = Path(database)
    recover(database)
    if not database.exists():
        return {}
    target = _target(database)
    _remove_with_sidecars(target)
    _write_journal(database, EXPORT)
    _pause(database, "before-export")
    try:
        # One connection holds the write lock from before the copy until just before the rename, so
        # nothing is written to the original that the copy would miss; another reads and copies.
        lock = cipher_db.connect(str(database), old_key, isolation_level=None)
        try:
            lock.execute("PRAGMA busy_timeout = 30000")
            lock.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            lock.execute("BEGIN IMMEDIATE")
            source = cipher_db.connect(str(database), old_key, isolation_level=None)
            try:
                counts = _counts(source, "main")
                cipher_db.attach(source, target, "converted", new_key, new_salt)
                source.execute("SELECT sqlcipher_export('converted')").fetchall()
                version = source.execute("PRAGMA main.user_version").fetchone()[0]
                source.execute(f"PRAGMA converted.user_version = {int(version)}")
                source.execute("DETACH DATABASE converted")
            finally:
                source.close()
            _pause(database, "exported")
            _verify(database, target, new_key, counts)
            lock.execute("ROLLBACK")
        finally:
            lock.close()
        _fsync(target)
    except (sqlite3.Error, OSError) as exc:
        _remove_with_sidecars(target)
        _journal(database).unlink(missing_ok=True)
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
            raise CoveError(_("{database} could not be read with that key; nothing was changed.").format(database=database)) from None
        raise CoveError(_("Converting {database} failed ({exc}); the original was kept unchanged.").format(database=database, exc=exc)) from None
    except BaseException:
        _remove_with_sidecars(target)
        _journal(database).unlink(missing_ok=True)
        raise
    _write_journal(database, SWAP)
    _pause(database, "before-swap")
    os.replace(target, database)
    cipher_db.forget_formats()
    _fsync(database.parent)
    _pause(database, "after-swap")
    _remove_old_form(database)
    _journal(database).unlink(missing_ok=True)
    _fsync(database.parent)
    return counts

