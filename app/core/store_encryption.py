"""Turning encryption on, changing the passphrase, turning it off: what the CLI and the window call.

Each is one conversion (conversion.py: a verified copy swapped in atomically) plus what
goes with it: the key remembered or forgotten in this process, the keyring updated, a
fresh backup in the new form (the old-form ones were removed with the plaintext).
"""

from __future__ import annotations

from pathlib import Path

from app.core import backups, conversion, encryption
from app.core import store as st
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.paths import CovePaths


def _fresh_backup(database: Path) -> None:
    try:
        backups.make_backup(database)  # the old ones were removed with the old form
    except Exception:  # a backup is a convenience here; the daily one will come
        pass


def _notes_index(data_dir: Path, old_key: bytes | None, new_key: bytes | None, salt: bytes | None) -> None:
    """The notes index (it holds the notes folders' list too) follows the store into the new form."""
    conversion.convert(CovePaths(data_dir, data_dir, data_dir).notes_index, old_key, new_key, salt)


def _ensure_store(database: Path) -> None:
    if not database.exists():
        st.Store(database).close()  # nothing to convert yet: an empty store to convert


def turn_on(data_dir: Path, database: Path, passphrase: str) -> bytes:
    """Encrypt the store with a key derived from `passphrase`; returns the key (its recovery key is shown once)."""
    if encryption.is_encrypted(database):
        raise CoveError(_("Your conversations are already encrypted. To change the passphrase, use "
                          "`cove passphrase` (or Settings › Privacy)."))
    encryption.check_new_passphrase(passphrase)
    _ensure_store(database)
    salt = encryption.new_salt()
    key = encryption.derive_key(passphrase, salt)
    conversion.convert(database, None, key, salt)
    _notes_index(data_dir, None, key, salt)
    encryption.remember(data_dir, key, salt)
    _fresh_backup(database)
    return key


def change_passphrase(data_dir: Path, database: Path, old_key: bytes, passphrase: str) -> bytes:
    """Re-encrypt with a key from a new passphrase (the salt stays; a keyring copy is updated)."""
    encryption.check_new_passphrase(passphrase)
    salt = encryption.salt_of(database)
    key = encryption.derive_key(passphrase, salt)
    try:
        kept = encryption.keyring_key(data_dir) is not None
    except encryption.KeyringUnavailable:
        kept = False
    conversion.convert(database, old_key, key, salt)
    _notes_index(data_dir, old_key, key, salt)
    encryption.remember(data_dir, key, salt)
    if kept:
        encryption.keyring_store(data_dir, key)
    _fresh_backup(database)
    return key


def turn_off(data_dir: Path, database: Path, key: bytes) -> None:
    """Decrypt the store back to a plain SQLite file; the keyring forgets the key."""
    if not encryption.is_encrypted(database):
        raise CoveError(_("Your conversations are not encrypted; there is nothing to turn off."))
    conversion.convert(database, key, None)
    _notes_index(data_dir, key, None, None)
    encryption.forget(data_dir)
    encryption.keyring_remove(data_dir)
    _fresh_backup(database)
