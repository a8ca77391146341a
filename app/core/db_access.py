"""How every connection to the conversation database is set up, and how every write runs.

Several processes share one database: the window, any number of `cove chat`, a
backup thread. SQLite lets one of them write at a time; the others must wait their
turn instead of failing with "database is locked" and losing what the user typed.
Two things make that hold, and both live here so there is one place to get right:

- every connection gets a busy timeout (SQLite waits, sleeping, for a lock instead
  of failing at once);
- every write transaction starts with BEGIN IMMEDIATE, inside `write_transaction`.
  A plain BEGIN reads first and upgrades to a write lock later; in WAL mode that
  upgrade fails at once (SQLITE_BUSY_SNAPSHOT, no waiting) when another process
  committed in between, which is exactly two `cove chat` writing to one
  conversation. BEGIN IMMEDIATE takes the write lock before reading anything, so
  once it succeeds nothing else can make the transaction fail for being second.
  Taking the lock is retried with backoff (with jitter, so waiting writers do not
  wake in step) for up to `WRITE_WAIT` seconds; after that `DatabaseBusy` says so.

Every connection to a database in the data folder is made by `connect`, the one place
that decides between plain sqlite3 and SQLCipher (an encrypted store, see encryption.py)
and gives the key before anything else runs on the connection.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core import backups
from app.core.db_connect import connect  # noqa: F401 (re-exported: the one way to open a database)
from app.core.errors import DatabaseBusy
from app.core.i18n import _
from app.core.private_files import disk_full_message

BUSY_TIMEOUT_MS = 5000  # what one attempt at a lock waits inside SQLite
WRITE_WAIT = 30.0  # seconds a write keeps trying before it reports the database busy
_ATTEMPT_MS = 2000  # one BEGIN IMMEDIATE waits at most this long, so the backoff below runs
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def set_up(connection: sqlite3.Connection) -> None:
    """What every connection to cove.db needs before its first statement."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def is_busy(exc: BaseException) -> bool:
    """Whether an SQLite error means "another connection holds the lock" (worth waiting for)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _retry_busy(connection: sqlite3.Connection, sql: str, deadline: float, path: Path) -> None:
    """Run a lock-taking statement, waiting (busy timeout, then backoff) until the deadline."""
    delay = 0.005
    while True:
        remaining = deadline - time.monotonic()
        # One attempt waits inside SQLite for at most _ATTEMPT_MS (or what is left), so the
        # deadline holds whatever busy timeout the connection was given.
        connection.execute(f"PRAGMA busy_timeout = {max(0, min(_ATTEMPT_MS, int(remaining * 1000)))}")
        try:
            connection.execute(sql)
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    _("The conversation database {path} stayed busy: another Cove (window "
                      "or `cove` command) kept writing to it. Try again in a moment.").format(path=path)) from None
        finally:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        time.sleep(min(delay * random.uniform(0.5, 1.0), max(0.0, deadline - time.monotonic())))
        delay = min(delay * 2, 0.25)


def use_wal(connection: sqlite3.Connection, path: Path, wait: float = WRITE_WAIT) -> None:
    """Put the database in WAL mode, waiting for other processes as a write does.

    Switching a database into WAL mode rewrites its header: SQLite opens a read transaction
    and then asks for the write lock. When another process takes that lock in between (two
    Coves creating a new database at once), SQLite answers "database is locked" at once,
    without the busy timeout, because waiting while holding a read lock could deadlock.
    So the switch is retried with the same backoff as BEGIN IMMEDIATE.
    """
    if str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return  # already WAL (the header says so): nothing to write, nothing to wait for
    _retry_busy(connection, "PRAGMA journal_mode = WAL", time.monotonic() + wait, path)


@contextmanager
def write_transaction(connection: sqlite3.Connection, path: Path, wait: float = WRITE_WAIT) -> Iterator[None]:
    """All the writes in the block commit together, or none do; other writers are waited for.

    Nested inside another write it becomes a savepoint of the outer transaction (whose
    lock is already held), so store methods can call each other freely.
    """
    if connection.in_transaction:
        name = f"cove_{random.getrandbits(48):x}"
        connection.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if connection.in_transaction:
                connection.execute(f"ROLLBACK TO SAVEPOINT {name}")
                connection.execute(f"RELEASE SAVEPOINT {name}")
            raise
        connection.execute(f"RELEASE SAVEPOINT {name}")
        return
    deadline = time.monotonic() + wait
    _retry_busy(connection, "BEGIN IMMEDIATE", deadline, path)
    try:
        yield
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    try:
        # In WAL mode COMMIT needs no further lock; in any other journal mode it may
        # wait for readers, so it gets the same patience.
        _retry_busy(connection, "COMMIT", max(deadline, time.monotonic() + 1.0), path)
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite says the file itself is damaged (not locked, not full)."""
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


def explain_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    """One sentence for the user: what is wrong with the conversation database, and what to do."""
    text = str(exc).lower()
    if "disk is full" in text:
        return disk_full_message(path)
    if "locked" in text or "busy" in text:
        return (_("The conversation database {path} is locked by another program. "
                  "Close other copies of Cove (or the program using it) and try again.").format(path=path))
    if is_damage(exc):
        found = backups.newest_good_backup(path)
        where = (_("The newest good backup is {found} (restore it from "
                   "the window, or close Cove and copy it over {name}).").format(found=found, name=path.name) if found else _("No good backup was found; move the file away to start fresh."))
        return _("The conversation database {path} is damaged and cannot be opened. It has not been changed. {where}").format(path=path, where=where)
    if "readonly" in text or "unable to open" in text:
        return (_("Cove cannot write to {path}. Check that the folder "
                  "exists and that you have permission to write there.").format(path=path))
    return _("The conversation database {path} cannot be used ({exc}).").format(path=path, exc=exc)
