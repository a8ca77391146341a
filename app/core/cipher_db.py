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


_log_off = False


def connect(database, key: bytes | None, salt: bytes | None = None, **kwargs) -> Connection:
    """Open `database` through SQLCipher with `key` applied before anything else (None: a plain file)."""
    global _log_off
    try:
        connection = cipher.connect(database, factory=Connection if ADOPTED else TranslatingConnection, **kwargs)
        if not _log_off:  # a setting of the library, not of one connection: once per process is enough
            connection.execute("PRAGMA cipher_log_level = NONE")
            _log_off = True
        if key is not None:
            connection.execute(key_pragma(key, salt))
    except cipher.Error as exc:  # sqlcipher3.Error itself is not a sqlite3 class (see _adopt_sqlite3_classes)
        raise translated(exc) from None
    return connection


def attach(connection: Connection, path, schema: str, key: bytes | None, salt: bytes | None = None) -> None:
    """ATTACH another file to `connection` with its own key (None: plain)."""
    key_sql = f"x'{key.hex()}{salt.hex() if salt else ''}'" if key is not None else ""
    connection.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", [str(path), key_sql])
