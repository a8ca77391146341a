"""Encrypted connections behave like sqlite3's, error for error, without a Python frame per statement."""

import os
import sqlite3

import pytest
import sqlcipher3.dbapi2 as cipher

from app.core import cipher_db

KEY = bytes(range(32))


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "e.db"
    connection = cipher_db.connect(str(path), KEY, os.urandom(16), isolation_level=None)
    connection.execute("CREATE TABLE t (x UNIQUE)")
    connection.execute("INSERT INTO t VALUES (1)")
    yield path, connection
    connection.close()


def test_statements_run_in_c_with_no_python_wrapper():
    # The speed of an encrypted store (benchmarks/history.py --encrypted) depends on this.
    assert cipher_db.ADOPTED
    for name in ("execute", "executemany", "cursor", "commit", "close"):
        assert getattr(cipher_db.Connection, name) is getattr(cipher.Connection, name), name


@pytest.mark.parametrize("factory", ["adopted", "translating"])
def test_errors_arrive_as_sqlite3_classes_with_their_codes(encrypted, monkeypatch, factory):
    path, connection = encrypted
    if factory == "translating":  # the fallback for a sqlcipher3 whose classes cannot be adopted
        monkeypatch.setattr(cipher_db, "ADOPTED", False)
        connection = cipher_db.connect(str(path), KEY, isolation_level=None)
        assert isinstance(connection, cipher_db.TranslatingConnection)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        connection.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.OperationalError, match="no such table") as raised:
        connection.execute("SELECT * FROM missing").fetchall()
    assert raised.value.sqlite_errorcode == 1 and raised.value.sqlite_errorname == "SQLITE_ERROR"
    assert connection.execute("SELECT x FROM t").fetchall() == [(1,)]  # nothing changed by the failures


def test_a_lock_held_elsewhere_is_a_busy_operational_error(encrypted):
    path, connection = encrypted
    other = cipher_db.connect(str(path), KEY, isolation_level=None, timeout=0)
    connection.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked") as raised:
            other.execute("BEGIN IMMEDIATE")
        assert raised.value.sqlite_errorcode & 0xFF == 5  # SQLITE_BUSY: db_access waits and retries on it
    finally:
        connection.execute("ROLLBACK")
        other.close()


def test_a_wrong_key_is_sqlite3s_not_a_database(encrypted):
    path, _connection = encrypted
    wrong = cipher_db.connect(str(path), bytes(32))
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            wrong.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    finally:
        wrong.close()


def test_an_unopenable_path_is_a_one_line_operational_error(tmp_path):
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        cipher_db.connect(str(tmp_path / "no" / "such" / "folder" / "x.db"), KEY).execute("SELECT 1")
    assert not (tmp_path / "no").exists()


def test_sqlite3_row_works_as_the_row_factory(encrypted):
    _path, connection = encrypted
    connection.row_factory = sqlite3.Row
    row = connection.execute("SELECT x FROM t").fetchone()
    assert row["x"] == 1 and row.keys() == ["x"]


def _hmac(connection) -> str:
    return connection.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0]


def test_new_files_are_authenticated_with_hmac_sha256(encrypted):
    # Half the per-page cost of SQLCipher's default (HMAC-SHA512): an encrypted append stays within 1.5x.
    path, connection = encrypted
    assert _hmac(connection) == "HMAC_SHA256"
    reopened = cipher_db.connect(str(path), KEY)
    assert (_hmac(reopened), reopened.execute("SELECT x FROM t").fetchall()) == ("HMAC_SHA256", [(1,)])
    reopened.close()
    plain_default = cipher.connect(str(path))  # what SQLCipher's defaults would read: not this format
    plain_default.execute(cipher_db.key_pragma(KEY))
    plain_default.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA512")
    with pytest.raises(cipher.DatabaseError, match="not a database"):
        plain_default.execute("SELECT x FROM t").fetchall()
    plain_default.close()


def test_a_store_in_the_legacy_format_opens_and_its_new_files_share_that_format(tmp_path):
    salt = os.urandom(16)
    legacy_path = tmp_path / "legacy.db"
    legacy = cipher.connect(str(legacy_path))  # as the previous build wrote stores: SQLCipher 4's default MAC
    legacy.execute(cipher_db.key_pragma(KEY, salt))
    legacy.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA512")
    legacy.execute("CREATE TABLE t (x)")
    legacy.execute("INSERT INTO t VALUES (7)")
    legacy.commit()
    legacy.close()

    store = cipher_db.connect(str(legacy_path), KEY)
    assert (_hmac(store), store.execute("SELECT x FROM t").fetchall()) == ("HMAC_SHA512", [(7,)])
    backup = cipher_db.connect(str(tmp_path / "backup.db"), KEY, salt)  # a backup: the store's salt
    assert _hmac(backup) == "HMAC_SHA512"
    store.backup(backup)  # the backup API copies pages as they are: it needs the same format
    assert backup.execute("SELECT x FROM t").fetchall() == [(7,)]
    other = cipher_db.connect(str(tmp_path / "other.db"), KEY, os.urandom(16))  # another store: current format
    assert _hmac(other) == "HMAC_SHA256"
    for connection in (store, backup, other):
        connection.close()


def test_a_wrong_key_still_fails_when_both_formats_were_tried(encrypted):
    path, _ = encrypted
    wrong = cipher_db.connect(str(path), bytes(32))
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        wrong.execute("SELECT x FROM t").fetchall()
    wrong.close()


def test_a_legacy_store_converted_in_this_process_opens_in_its_new_format(tmp_path):
    from app.core import conversion

    salt = os.urandom(16)
    path = tmp_path / "cove.db"
    legacy = cipher.connect(str(path))
    legacy.execute(cipher_db.key_pragma(KEY, salt))
    legacy.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA512")
    legacy.execute("CREATE TABLE t (x)")
    legacy.execute("INSERT INTO t VALUES (3)")
    legacy.commit()
    legacy.close()
    cipher_db.connect(str(path), KEY).close()  # found legacy: remembered for this path and salt
    new_key = bytes(range(1, 33))
    conversion.convert(path, KEY, new_key, salt)  # a passphrase change: same salt, the current format
    store = cipher_db.connect(str(path), new_key)
    assert (_hmac(store), store.execute("SELECT x FROM t").fetchall()) == ("HMAC_SHA256", [(3,)])
    backup = cipher_db.connect(str(tmp_path / "backup.db"), new_key, salt)
    assert _hmac(backup) == "HMAC_SHA256"  # so the backup API can copy the store's pages
    store.backup(backup)
    for connection in (store, backup):
        connection.close()
