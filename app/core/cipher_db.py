"""Connections to encrypted databases, made to look like Python's own sqlite3 to the rest of Cove.

An encrypted database can only be opened by SQLCipher (the `sqlcipher3` package), which
is a second SQLite library with its own exception classes. All of Cove catches
`sqlite3.OperationalError`, `sqlite3.DatabaseError` and friends (busy waits, damage,
a full disk); rather than teach every one of those places a second set of classes,
the connections made here translate each sqlcipher3 error into the sqlite3 class of the
same name, with the same message and error code. So a store opened encrypted behaves,
error for error, like one opened plain.

The key is applied here, first thing on the connection (`PRAGMA key` before any other
statement), so there is one place where an encrypted file gets its key. Keys are raw
32-byte keys (see encryption.py for how a passphrase becomes one): SQLCipher then skips
its own slow key derivation, so opening a connection costs what it costs unencrypted.
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


def _translating(method):
    @wraps(method)
    def call(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except cipher.Error as exc:
            raise translated(exc) from None
    return call


class Cursor(cipher.Cursor):
    execute = _translating(cipher.Cursor.execute)
    executemany = _translating(cipher.Cursor.executemany)
    executescript = _translating(cipher.Cursor.executescript)
    fetchone = _translating(cipher.Cursor.fetchone)
    fetchmany = _translating(cipher.Cursor.fetchmany)
    fetchall = _translating(cipher.Cursor.fetchall)
    __next__ = _translating(cipher.Cursor.__next__)

    def __iter__(self):
        return self


class Connection(cipher.Connection):
    """A sqlcipher3 connection whose errors are sqlite3's (see the module docstring)."""

    def cursor(self, factory=Cursor):
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

    @property
    def row_factory(self):
        return cipher.Connection.row_factory.__get__(self)

    @row_factory.setter
    def row_factory(self, factory):
        # sqlite3.Row only accepts sqlite3's own cursors: SQLCipher's Row does the same job here.
        cipher.Connection.row_factory.__set__(self, cipher.Row if factory is sqlite3.Row else factory)


def key_pragma(key: bytes, salt: bytes | None = None) -> str:
    """The PRAGMA that gives a raw key (and, for a new file, the salt it is created with)."""
    return f"PRAGMA key = \"x'{key.hex()}{salt.hex() if salt else ''}'\""


def connect(database, key: bytes | None, salt: bytes | None = None, **kwargs) -> Connection:
    """Open `database` through SQLCipher with `key` applied before anything else (None: a plain file)."""
    try:
        connection = cipher.connect(database, factory=Connection, **kwargs)
    except cipher.Error as exc:
        raise translated(exc) from None
    connection.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        connection.execute(key_pragma(key, salt))
    return connection


def attach(connection: Connection, path, schema: str, key: bytes | None, salt: bytes | None = None) -> None:
    """ATTACH another file to `connection` with its own key (None: plain)."""
    key_sql = f"x'{key.hex()}{salt.hex() if salt else ''}'" if key is not None else ""
    connection.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", [str(path), key_sql])
