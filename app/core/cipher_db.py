"""Connections to encrypted databases, made to look like Python's own sqlite3 to the rest of Cove.

An encrypted database can only be opened by SQLCipher (the `sqlcipher3` package), which
is a second SQLite library with its own exception classes. All of Cove catches
`sqlite3.OperationalError`, `sqlite3.DatabaseError` and friends (busy waits, damage,
a full disk); rather than teach every one of those places a second set of classes,
sqlcipher3's classes are made subclasses of sqlite3's classes of the same name, once, when
this module is imported (`_adopt_sqlite3_classes`): `except sqlite3.OperationalError` then
catches SQLCipher's too, with the same message and error code. This costs nothing per
statement; the earlier way, a Python wrapper around every execute and fetch that
translated each error, added Python frames to every call: about 0.1 ms of an encrypted
store's 1 ms append (benchmarks/history.py --encrypted), on top of the encryption itself.
So a store opened encrypted behaves, error for error, like one opened plain.

The key is applied here, first thing on the connection (`PRAGMA key` before any other
statement), so there is one place where an encrypted file gets its key. Keys are raw
32-byte keys (see encryption.py for how a passphrase becomes one): SQLCipher then skips
its own slow key derivation (PBKDF2, 256,000 rounds) on every open.
SQLCipher's own error log (it writes "hmac check failed" lines to stderr on a wrong
key) is turned off: Cove says what went wrong in one line of its own.
"""

from __future__ import annotations

import os
import sqlite3
from functools import wraps

import sqlcipher3.dbapi2 as cipher

_NAMES = ("OperationalError", "IntegrityError", "ProgrammingError", "InterfaceError", "DataError",
          "NotSupportedError", "InternalError", "DatabaseError", "Warning", "Error")
_TRANSLATE = {getattr(cipher, name): getattr(sqlite3, name) for name in _NAMES}


def _adopt_sqlite3_classes() -> bool:
    """Make each sqlcipher3 error class a subclass of sqlite3's class of the same name; False if impossible.

    Error and Warning themselves cannot take a second base (Python refuses: their layout differs from
    sqlite3's), so the classes below them do: sqlcipher3's OperationalError then has the MRO
    OperationalError, DatabaseError, Error (sqlcipher3's), then sqlite3's OperationalError, DatabaseError,
    Error. SQLCipher raises only those subclasses for what a statement does.
    """
    try:
        for name in ("DatabaseError", "InterfaceError"):
            ours = getattr(cipher, name)
            if not issubclass(ours, getattr(sqlite3, name)):
                ours.__bases__ = (cipher.Error, getattr(sqlite3, name))
        for name in ("OperationalError", "IntegrityError", "ProgrammingError", "DataError", "NotSupportedError",
                     "InternalError"):
            ours = getattr(cipher, name)
            if not issubclass(ours, getattr(sqlite3, name)):
                ours.__bases__ = (cipher.DatabaseError, getattr(sqlite3, name))
    except TypeError:  # a future sqlcipher3 whose classes are not heap types: translate per call instead
        return False
    return True


ADOPTED = _adopt_sqlite3_classes()


def translated(exc: BaseException) -> BaseException:
    """The sqlite3 exception equivalent to a sqlcipher3 one (other exceptions are returned as they are)."""
    for cls in type(exc).__mro__:
        target = _TRANSLATE.get(cls)
        if target is not None:
            new = target(*exc.args)
            for attribute in ("sqlite_errorcode", "sqlite_errorname"):
                if hasattr(exc, attribute):
                    setattr(new, attribute, getattr(exc, attribute))
            return new
    return exc


class Connection(cipher.Connection):
    """A sqlcipher3 connection that takes sqlite3.Row as its row factory (its errors are sqlite3's already)."""

    @property
    def row_factory(self):
        return cipher.Connection.row_factory.__get__(self)

    @row_factory.setter
    def row_factory(self, factory):
        # sqlite3.Row only accepts sqlite3's own cursors: SQLCipher's Row does the same job here.
        cipher.Connection.row_factory.__set__(self, cipher.Row if factory is sqlite3.Row else factory)


# Only where the classes could not be adopted: every call translates its errors (a Python frame per call).

def _translating(method):
    @wraps(method)
    def call(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except cipher.Error as exc:
            raise translated(exc) from None
    return call


class TranslatingCursor(cipher.Cursor):
    execute = _translating(cipher.Cursor.execute)
    executemany = _translating(cipher.Cursor.executemany)
    executescript = _translating(cipher.Cursor.executescript)
    fetchone = _translating(cipher.Cursor.fetchone)
    fetchmany = _translating(cipher.Cursor.fetchmany)
    fetchall = _translating(cipher.Cursor.fetchall)
    __next__ = _translating(cipher.Cursor.__next__)

    def __iter__(self):
        return self


class TranslatingConnection(Connection):
    """A sqlcipher3 connection whose errors are translated to sqlite3's one call at a time."""

    def cursor(self, factory=TranslatingCursor):
        try:
            return super().cursor(factory)
        except cipher.Error as exc:
            raise translated(exc) from None

    # The C methods below would make a plain cursor; these go through cursor() above.
    def execute(self, sql, parameters=()):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, script):
        return self.cursor().executescript(script)

    commit = _translating(cipher.Connection.commit)
    rollback = _translating(cipher.Connection.rollback)
    close = _translating(cipher.Connection.close)
    backup = _translating(cipher.Connection.backup)


def key_pragma(key: bytes, salt: bytes | None = None) -> str:
    """The PRAGMA that gives a raw key (and, for a new file, the salt it is created with)."""
    return f"PRAGMA key = \"x'{key.hex()}{salt.hex() if salt else ''}'\""


# Pages are authenticated with HMAC-SHA256 rather than SQLCipher 4's default HMAC-SHA512: each commit
# encrypts and MACs every page it writes (an append writes 11-19), and SHA-256 (with the CPU's SHA
# instructions) costs about half as much per page, which keeps an encrypted append within 1.5x of a plain
# one (benchmarks/history.py --encrypted). Both are sound MACs for a 4 KB page. Stores encrypted with the
# default by an earlier build (LEGACY_HMAC) still open: connect() falls back to it, and files created for
# such a store (backups, the notes index: they share its salt) keep its format, so the backup API, which
# copies pages as they are, works between them. Rekeying converts a store to the current format.
HMAC = "HMAC_SHA256"
LEGACY_HMAC = "HMAC_SHA512"
NOT_A_DATABASE = 26  # SQLITE_NOTADB: what a wrong key (or another page format) reads as

_configured = False
_legacy_salts: set[str] = set()  # the salts (hex) of stores found in the legacy format, in this process
# Each file's format as found by its first open in this process, by path and inode (a converted store is
# a new file renamed into place): later opens (the window's jobs, a benchmark's repeated opens) skip the
# check, which reads the schema once more (~0.2 ms).
_format_of: dict[tuple[str, int], str] = {}


def _identity(database) -> tuple[str, int] | None:
    try:
        return str(database), os.stat(database).st_ino  # a stat: the file is not opened (its locks are safe)
    except (OSError, TypeError, ValueError):
        return None  # a URI or a name SQLite resolves itself: checked on every open


def forget_formats() -> None:
    """A store's files were replaced (converted, restored from a backup): find their formats again.

    A new file can get the inode number of the one it replaced, and a rekeyed store keeps its salt in
    the current format: either cache would otherwise open it with the old format ("not a database")."""
    _format_of.clear()
    _legacy_salts.clear()


def _readable(connection) -> bool:
    try:
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return True
    except cipher.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == NOT_A_DATABASE or "not a database" in str(exc):
            return False
        raise


def _open(database, key: bytes | None, salt: bytes | None, hmac: str | None, kwargs) -> Connection:
    global _configured
    connection = cipher.connect(database, factory=Connection if ADOPTED else TranslatingConnection, **kwargs)
    if not _configured:  # settings of the library, not of one connection: once per process is enough
        connection.execute("PRAGMA cipher_log_level = NONE")
        # The default of every connection keyed from now on, and of every ATTACH (conversion's target)
        connection.execute(f"PRAGMA cipher_default_hmac_algorithm = {HMAC}")
        _configured = True
    if key is not None:
        connection.execute(key_pragma(key, salt))
        if hmac is not None:
            connection.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
    return connection


def connect(database, key: bytes | None, salt: bytes | None = None, **kwargs) -> Connection:
    """Open `database` through SQLCipher with `key` applied before anything else (None: a plain file).

    `salt` is given for a new file (created with it); an existing file is checked readable here, in the
    current format or else the legacy one (see HMAC), so a wrong key still fails at the first statement.
    """
    try:
        if key is None:
            return _open(database, None, None, None, kwargs)
        if salt is not None:  # a new file: in the format of the store whose salt it shares
            return _open(database, key, salt, LEGACY_HMAC if salt.hex() in _legacy_salts else None, kwargs)
        identity = _identity(database)
        known = _format_of.get(identity) if identity else None
        if known is not None:
            return _open(database, key, None, None if known == HMAC else known, kwargs)
        connection = _open(database, key, None, None, kwargs)
        if _readable(connection):
            if identity:
                _format_of[identity] = HMAC
            return connection
        connection.close()
        legacy = _open(database, key, None, LEGACY_HMAC, kwargs)
        if _readable(legacy):
            _legacy_salts.add(str(legacy.execute("PRAGMA cipher_salt").fetchone()[0]).lower())
            if identity:
                _format_of[identity] = LEGACY_HMAC
            return legacy
        legacy.close()
        return _open(database, key, None, None, kwargs)  # a wrong key: it fails as it always did, when used
    except cipher.Error as exc:  # sqlcipher3.Error itself is not a sqlite3 class (see _adopt_sqlite3_classes)
        raise translated(exc) from None


def attach(connection: Connection, path, schema: str, key: bytes | None, salt: bytes | None = None) -> None:
    """ATTACH another file to `connection` with its own key (None: plain)."""
    key_sql = f"x'{key.hex()}{salt.hex() if salt else ''}'" if key is not None else ""
    connection.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", [str(path), key_sql])
