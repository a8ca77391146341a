"""The one place a connection to a Cove database is made, plain or encrypted.

Every database in the data folder (cove.db, its backups, the notes index and vectors)
is opened here or with the key looked up here: plain sqlite3 while encryption is off,
SQLCipher with the data folder's key (given before any other statement) while it is on.
A file of its own module so that backups.py and db_access.py can both use it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core import cipher_db, encryption
from app.core.i18n import _


def connect(path: Path, readonly: bool = False, **kwargs) -> sqlite3.Connection:
    """A connection to a Cove database file: encrypted with the data folder's key when it is unlocked.

    A file that is encrypted while its key is unknown raises encryption.Locked (one line
    saying how to unlock), never SQLite's "file is not a database".
    """
    path = Path(path)
    target, uri = (f"file:{path}?mode=ro", True) if readonly else (str(path), False)
    keyed = encryption.key_for(path)
    if keyed is None:
        if encryption.is_encrypted(path):
            raise encryption.Locked(
                _("The conversations in {parent} are encrypted and locked. Unlock them with the passphrase "
                  "(the window asks for it; `cove` asks on the terminal or reads {passphrase_file_env}).").format(parent=path.parent, passphrase_file_env=encryption.PASSPHRASE_FILE_ENV))
        return sqlite3.connect(target, uri=uri, **kwargs)
    key, salt = keyed
    new = not path.exists() or path.stat().st_size == 0
    # A new file gets the store's salt too, so that the passphrase alone opens it (a restored backup).
    return cipher_db.connect(target, key, salt if new else None, uri=uri, **kwargs)
