"""The key of an encrypted store: where it comes from, and who holds it while Cove runs.

When encryption is on, every database in the data folder (cove.db, its backups, the
notes index, the notes' vectors) is an SQLCipher file encrypted with one raw 256-bit
key. Whether it is on is read from cove.db itself: a plain SQLite file starts with
"SQLite format 3", an SQLCipher file with 16 random bytes (its salt). So no setting can
disagree with the file, and a copied data folder carries its state with it.

The key comes from one of:
- a passphrase, stretched with scrypt over cove.db's salt (its first 16 bytes) into the
  raw key. Deriving once per process (about 0.1 s) and handing SQLCipher the raw key
  keeps every later connection as fast as a plain one; SQLCipher's own derivation
  would run on every connection, and Cove opens many (search, backups, the notes index);
- the recovery key: the raw key itself, written as 64 hex digits in groups, shown once
  when encryption is turned on, for the day the passphrase is forgotten;
- the operating system's keyring (`keyring`), which holds the raw key for "unlock when
  I log in". Where no keyring exists (a headless Linux without a Secret Service) Cove
  says so and asks for the passphrase instead;
- `COVE_PASSPHRASE_FILE`, a file holding the passphrase, for scripts.

Once unlocked, the key is held in this process's memory (`remember`) until the window
locks (`forget`). db_access.connect looks it up for every connection it makes.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
from pathlib import Path

from app.core import cipher_db
from app.core.errors import CoveError
from app.core.i18n import _

MAGIC = b"SQLite format 3\x00"
SALT_BYTES = 16
KEY_BYTES = 32
PASSPHRASE_FILE_ENV = "COVE_PASSPHRASE_FILE"
KEYRING_SERVICE = "Cove"
MIN_PASSPHRASE = 8  # characters a new passphrase needs at least
# scrypt's cost: 32 MiB and about 0.1 s on a laptop; an attacker with the file pays it per guess.
_SCRYPT = {"n": 2**15, "r": 8, "p": 1, "maxmem": 64 << 20, "dklen": KEY_BYTES}

_unlocked: dict[Path, tuple[bytes, bytes]] = {}  # data folder -> (key, salt)


class Locked(CoveError):
    """The store is encrypted and its key is not known in this process."""


class WrongPassphrase(CoveError):
    pass


class KeyringUnavailable(CoveError):
    pass


# Descriptors of database files whose first bytes were read, kept open for as long as Cove runs.
# Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's included
# (sqlite.org/howtocorrupt.html, 2.2): reading a header with open()/close() while a connection of this
# process held the file let another process write at the same time (a kill -9 stress test then found
# "Page 23 is never used"). A descriptor kept open is never closed, so it cancels nothing.
_pinned: dict[str, int] = {}
_pinned_lock = threading.Lock()


def _read_head(database: Path, count: int) -> tuple[bytes, int]:
    """The file's first `count` bytes and its size, through a descriptor that is never closed."""
    key = os.path.abspath(database)
    if not hasattr(os, "pread"):  # Windows: its file locks are not dropped by closing another handle
        with open(key, "rb") as file:
            return file.read(count), os.fstat(file.fileno()).st_size
    with _pinned_lock:
        fd = _pinned.get(key)
        now = os.stat(key)
        if fd is None or (os.fstat(fd).st_ino, os.fstat(fd).st_dev) != (now.st_ino, now.st_dev):
            fd = os.open(key, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))  # a new file (created, or swapped
            _pinned[key] = fd                                               # in): the old descriptor stays open
        return os.pread(fd, count, 0), os.fstat(fd).st_size


def is_encrypted(database: Path) -> bool:
    """Whether cove.db (or any database file) is an SQLCipher file, read from its first bytes."""
    try:
        head, size = _read_head(database, len(MAGIC))
    except OSError:
        return False
    # An SQLCipher file is whole pages (512 bytes at the least); a file that is not is simply damaged,
    # and is reported as such rather than as locked.
    return len(head) == len(MAGIC) and head != MAGIC and size % 512 == 0


def salt_of(database: Path) -> bytes:
    return _read_head(database, SALT_BYTES)[0]


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, **_SCRYPT)


def recovery_key_text(key: bytes) -> str:
    """The raw key as the user writes it down: 8 groups of 8 hex digits."""
    text = key.hex().upper()
    return "-".join(text[i:i + 8] for i in range(0, len(text), 8))


def parse_recovery_key(text: str) -> bytes | None:
    """The raw key from a recovery key as typed (dashes, spaces, any case), or None if it is not one."""
    digits = re.sub(r"[\s-]", "", text)
    if len(digits) == KEY_BYTES * 2 and re.fullmatch(r"[0-9a-fA-F]+", digits):
        return bytes.fromhex(digits)
    return None


def check_new_passphrase(passphrase: str, again: str | None = None) -> None:
    """Refuse a passphrase too weak to protect anything, or two entries that differ (one line each)."""
    if not passphrase.strip():
        raise CoveError(_("The passphrase is empty. Type a passphrase (at least "
                          "{min_passphrase} characters); nothing was changed.").format(min_passphrase=MIN_PASSPHRASE))
    if len(passphrase) < MIN_PASSPHRASE:
        raise CoveError(_("The passphrase is too short: use at least {min_passphrase} characters; nothing was changed.").format(min_passphrase=MIN_PASSPHRASE))
    if again is not None and again != passphrase:
        raise CoveError(_("The two passphrases differ. Type the same passphrase twice; nothing was changed."))


# Keys held by this process ------------------------------------------------------

def _folder(path: Path) -> Path:
    return Path(os.path.abspath(path))


def remember(data_dir: Path, key: bytes, salt: bytes) -> None:
    _unlocked[_folder(data_dir)] = (key, salt)


def forget(data_dir: Path | None = None) -> None:
    """Drop the key (of one data folder, or all): what locking does."""
    if data_dir is None:
        _unlocked.clear()
    else:
        _unlocked.pop(_folder(data_dir), None)


def key_for(path: Path) -> tuple[bytes, bytes] | None:
    """The (key, salt) that opens a database file: that of the data folder it lies in, if unlocked."""
    path = _folder(path)
    for folder in (path, *path.parents):
        if folder in _unlocked:
            return _unlocked[folder]
    return None


def kv_cache_key(data_dir: Path) -> bytes | None:
    """The key that seals the engine's saved states: HKDF of the store's key, so it opens nothing else."""
    keyed = key_for(data_dir)
    if keyed is None:
        return None
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"cove kv-cache v1").derive(keyed[0])


def is_unlocked(data_dir: Path) -> bool:
    return _folder(data_dir) in _unlocked


def opens(database: Path, key: bytes) -> bool:
    """Whether `key` opens the encrypted database (SQLCipher checks every page's MAC: a wrong key fails)."""
    try:
        connection = cipher_db.connect(str(database), key)
        try:
            connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return True
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False


def key_from_secret(database: Path, secret: str) -> bytes:
    """The key a passphrase or a recovery key stands for, checked against the database; one clear line if not."""
    if not secret.strip():
        raise WrongPassphrase(_("The passphrase is empty. Type the passphrase of your conversations "
                                "(or the recovery key); nothing was changed."))
    salt = salt_of(database)
    for key in filter(None, (parse_recovery_key(secret), derive_key(secret, salt))):
        if opens(database, key):
            return key
    raise WrongPassphrase(_("That passphrase does not open the encrypted conversations in "
                            "{parent}. Nothing was changed; try again (or use the recovery key).").format(parent=database.parent))


def unlock(data_dir: Path, database: Path, secret: str) -> bytes:
    key = key_from_secret(database, secret)
    remember(data_dir, key, salt_of(database))
    return key


# Where a key comes from without asking ---------------------------------------------

def passphrase_from_file() -> str | None:
    """The passphrase in the file named by COVE_PASSPHRASE_FILE (its first line), or None when unset."""
    name = os.environ.get(PASSPHRASE_FILE_ENV, "").strip()
    if not name:
        return None
    try:
        with open(name, encoding="utf-8") as file:
            return file.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise CoveError(_("Cannot read the passphrase from {name} "
                          "({passphrase_file_env}): {reason}. Fix the file or unset the variable.").format(name=name, passphrase_file_env=PASSPHRASE_FILE_ENV, reason=getattr(exc, 'strerror', None) or exc)) from None


def _keyring():
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        raise KeyringUnavailable(_("The keyring package is not installed: use the passphrase instead.")) from None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise KeyringUnavailable(_("No keyring is available on this computer (no Secret Service, Keychain or "
                                   "Credential Manager was found): use the passphrase instead."))
    return keyring


def _keyring_user(data_dir: Path) -> str:
    return f"store-key:{_folder(data_dir)}"


def keyring_key(data_dir: Path) -> bytes | None:
    """The key kept in the keyring for this data folder, or None (raises KeyringUnavailable without one)."""
    keyring = _keyring()
    try:
        text = keyring.get_password(KEYRING_SERVICE, _keyring_user(data_dir))
    except Exception as exc:  # any backend failure (locked, D-Bus gone) means "not from the keyring"
        raise KeyringUnavailable(_("The keyring did not answer ({exc}): use the passphrase instead.").format(exc=exc)) from None
    return parse_recovery_key(text) if text else None


# Written when the key goes into the keyring: only then is a keyring that fails at start worth a word to
# the user (someone who always types the passphrase need not hear that this computer has no keyring).
KEYRING_MARK = "unlock-with-keyring"


def keyring_chosen(data_dir: Path) -> bool:
    return (Path(data_dir) / KEYRING_MARK).exists()


def keyring_store(data_dir: Path, key: bytes) -> None:
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(data_dir), key.hex())
    except Exception as exc:
        raise KeyringUnavailable(_("The keyring refused the key ({exc}): use the passphrase instead.").format(exc=exc)) from None
    (Path(data_dir) / KEYRING_MARK).touch(mode=0o600)  # holds nothing: where the key is, not the key


def keyring_remove(data_dir: Path) -> None:
    try:
        keyring = _keyring()
        keyring.delete_password(KEYRING_SERVICE, _keyring_user(data_dir))
    except Exception:  # nothing kept, or no keyring: nothing to remove
        pass
    (Path(data_dir) / KEYRING_MARK).unlink(missing_ok=True)


def unlock_without_asking(data_dir: Path, database: Path) -> str | None:
    """Unlock from COVE_PASSPHRASE_FILE or the keyring; returns why not (None: unlocked, or nothing to unlock)."""
    if not is_encrypted(database) or is_unlocked(data_dir):
        return None
    secret = passphrase_from_file()
    if secret is not None:
        unlock(data_dir, database, secret)
        return None
    try:
        key = keyring_key(data_dir)
    except KeyringUnavailable as exc:
        return str(exc)
    if key is not None and opens(database, key):
        remember(data_dir, key, salt_of(database))
        return None
    return _("The keyring holds no key for these conversations.")
