"""Encrypted at rest (issue 16): what is on disk, the key, conversion that survives a kill, rekey, off."""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.core import backups, conversion, encryption, paths, policy, store_encryption
from app.core import store as st
from app.core.errors import CoveError

MARKER = "Zanzibar marmalade protocol forty-two"
PASSPHRASE = "correct horse battery"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_key_left():
    """Keys live in this process's memory: no test sees another's."""
    encryption.forget()
    yield
    encryption.forget()


@pytest.fixture
def home(cove_home):
    return paths.current().ensure()


@pytest.fixture
def passphrase_file(tmp_path, monkeypatch):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.setenv(encryption.PASSPHRASE_FILE_ENV, str(path))
    return path


def add_conversation(database: Path, text: str = MARKER) -> int:
    store = st.Store(database)
    try:
        conversation = store.create_conversation()
        store.add_user_message(conversation.id, text)
        answer = store.begin_answer(conversation.id, "m.gguf", {})
        store.finish_answer(answer.id, f"About {text}: noted.", st.COMPLETE)
        return conversation.id
    finally:
        store.close()


def files_holding(folder: Path, text: str) -> list[Path]:
    """Every file under `folder` whose bytes hold `text` in UTF-8 or UTF-16 (either byte order)."""
    needles = [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")]
    return [path for path in folder.rglob("*") if path.is_file()
            and any(needle in path.read_bytes() for needle in needles)]


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "logs" not in p.parts}


def session(home: paths.CovePaths, notes_folder: Path) -> None:
    """What a user leaves on disk: a chat, a backup, a search, a notes folder indexed."""
    add_conversation(home.database)
    backups.make_backup(home.database)
    assert st.search_file(home.database, "marmalade")
    notes_folder.mkdir()
    (notes_folder / "plans.md").write_text(f"# Plans\n\n{MARKER} is the plan.\n", encoding="utf-8")
    assert main(["notes", "add", str(notes_folder)]) == 0


def test_no_file_in_the_data_folder_holds_a_typed_sentence_when_encrypted(home, passphrase_file, tmp_path, capsys):
    assert main(["encrypt"]) == 0
    session(home, tmp_path / "notes")
    assert main(["search", "marmalade"]) == 0
    assert "marmalade" in capsys.readouterr().out  # the words are there, readable through Cove
    assert home.notes_index.exists() and encryption.is_encrypted(home.notes_index)
    assert files_holding(home.data_dir, MARKER) == []


def test_the_same_check_finds_the_sentence_in_a_plain_store(home, tmp_path):
    session(home, tmp_path / "notes")
    found = {path.name for path in files_holding(home.data_dir, MARKER)}
    assert "cove.db" in found and "notes-index.db" in found


def test_turning_encryption_on_removes_the_plain_originals_and_keeps_every_row(home, passphrase_file):
    conversation_id = add_conversation(home.database)
    backups.make_backup(home.database)
    assert files_holding(home.data_dir, MARKER)
    assert main(["encrypt"]) == 0
    assert encryption.is_encrypted(home.database) and files_holding(home.data_dir, MARKER) == []
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):  # what the plain sqlite3 tool sees
        sqlite3.connect(home.database).execute("SELECT * FROM messages").fetchall()
    encryption.forget()
    assert main(["search", "marmalade"]) == 0  # unlocked from COVE_PASSPHRASE_FILE
    store = st.Store(home.database)
    assert [m.content for m in store.branch(conversation_id)][0] == MARKER
    store.close()
    fresh = backups.backups(home.database)
    assert len(fresh) == 1 and encryption.is_encrypted(fresh[0]) and backups.is_good(fresh[0])


def test_an_encrypted_store_without_its_key_says_how_to_unlock(home, passphrase_file, monkeypatch, capsys):
    add_conversation(home.database)
    assert main(["encrypt"]) == 0
    encryption.forget()
    with pytest.raises(encryption.Locked, match="encrypted and locked.*passphrase"):
        st.Store(home.database)
    monkeypatch.delenv(encryption.PASSPHRASE_FILE_ENV)
    capsys.readouterr()
    assert main(["search", "marmalade"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "COVE_PASSPHRASE_FILE" in err and "Traceback" not in err


@pytest.mark.parametrize("secret, message", [("not the passphrase", "does not open"), ("", "empty"),
                                             ("   ", "empty")])
def test_a_wrong_or_empty_passphrase_changes_nothing(home, passphrase_file, secret, message, capsys):
    add_conversation(home.database)
    assert main(["encrypt"]) == 0
    encryption.forget()
    before = snapshot(home.data_dir)
    passphrase_file.write_text(secret + "\n", encoding="utf-8")
    capsys.readouterr()
    for command in (["search", "marmalade"], ["decrypt"], ["passphrase", "--new-from", str(passphrase_file)]):
        assert main(command) == 1
        err = capsys.readouterr().err.strip()
        assert message in err and err.count("\n") == 0 and "Traceback" not in err
    assert snapshot(home.data_dir) == before and not encryption.is_unlocked(home.data_dir)


def test_a_new_passphrase_that_is_empty_or_short_is_refused_and_nothing_changes(home, passphrase_file, capsys):
    add_conversation(home.database)
    before = snapshot(home.data_dir)
    for weak in ("", "short"):
        passphrase_file.write_text(weak + "\n", encoding="utf-8")
        assert main(["encrypt"]) == 1
        assert "passphrase is" in capsys.readouterr().err
    assert snapshot(home.data_dir) == before and not encryption.is_encrypted(home.database)


def test_the_recovery_key_opens_the_store_when_the_passphrase_is_forgotten(home, passphrase_file, capsys):
    add_conversation(home.database)
    assert main(["encrypt"]) == 0
    recovery = capsys.readouterr().out.strip()
    assert len(recovery) == 71 and recovery.count("-") == 7
    encryption.forget()
    passphrase_file.write_text(recovery.lower().replace("-", " ") + "\n", encoding="utf-8")
    assert main(["search", "marmalade"]) == 0
    assert "marmalade" in capsys.readouterr().out


def test_rekey_opens_with_the_new_passphrase_only_and_so_do_the_backups(home, passphrase_file, tmp_path, capsys):
    conversation_id = add_conversation(home.database)
    assert main(["encrypt"]) == 0
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase\n", encoding="utf-8")
    encryption.forget()
    assert main(["passphrase", "--new-from", str(new)]) == 0
    encryption.forget()
    with pytest.raises(encryption.WrongPassphrase):
        encryption.key_from_secret(home.database, PASSPHRASE)
    encryption.unlock(home.data_dir, home.database, "a brand new passphrase")
    store = st.Store(home.database)
    assert store.branch(conversation_id)[0].content == MARKER
    store.close()
    (backup,) = backups.backups(home.database)
    encryption.forget()
    assert encryption.key_from_secret(backup, "a brand new passphrase")  # a backup alone opens with it
    assert files_holding(home.data_dir, MARKER) == []


def test_turning_encryption_off_gives_a_plain_sqlite_file_back(home, passphrase_file):
    conversation_id = add_conversation(home.database)
    assert main(["encrypt"]) == 0
    encryption.forget()
    assert main(["decrypt"]) == 0
    assert not encryption.is_encrypted(home.database) and not encryption.is_unlocked(home.data_dir)
    rows = sqlite3.connect(home.database).execute(
        "SELECT content FROM messages WHERE conversation_id = ? ORDER BY id", [conversation_id]).fetchall()
    assert rows[0][0] == MARKER
    assert all(not encryption.is_encrypted(p) for p in backups.backups(home.database))


class MemoryKeyring:
    """A keyring backend that keeps passwords in a dict (the real ones need a desktop session)."""

    priority = 1

    def __init__(self):
        self.values = {}

    def get_password(self, service, user):
        return self.values.get((service, user))

    def set_password(self, service, user, value):
        self.values[(service, user)] = value

    def delete_password(self, service, user):
        self.values.pop((service, user), None)


def test_the_keyring_unlocks_without_a_passphrase(home, passphrase_file, monkeypatch):
    import keyring

    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    monkeypatch.setattr(keyring, "get_password", memory.get_password)
    monkeypatch.setattr(keyring, "set_password", memory.set_password)
    monkeypatch.setattr(keyring, "delete_password", memory.delete_password)
    add_conversation(home.database)
    assert main(["encrypt", "--keyring"]) == 0
    assert len(memory.values) == 1
    encryption.forget()
    monkeypatch.delenv(encryption.PASSPHRASE_FILE_ENV)
    assert main(["search", "marmalade"]) == 0 and encryption.is_unlocked(home.data_dir)
    monkeypatch.setenv(encryption.PASSPHRASE_FILE_ENV, str(passphrase_file))
    assert main(["decrypt"]) == 0 and memory.values == {}  # the keyring forgets the key too


def test_without_a_keyring_it_says_so_and_falls_back_to_the_passphrase(home, passphrase_file, capsys, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)  # a headless Linux without a Secret Service
    add_conversation(home.database)
    assert main(["encrypt", "--keyring"]) == 0
    err = capsys.readouterr().err
    assert "No keyring is available" in err and "ask for the passphrase" in err
    assert encryption.is_encrypted(home.database)
    encryption.forget()
    monkeypatch.delenv(encryption.PASSPHRASE_FILE_ENV)
    assert "No keyring is available" in encryption.unlock_without_asking(home.data_dir, home.database)
    assert not encryption.is_unlocked(home.data_dir)
    monkeypatch.setenv(encryption.PASSPHRASE_FILE_ENV, str(passphrase_file))
    assert main(["search", "marmalade"]) == 0  # the passphrase still unlocks


def store_is_whole(home: paths.CovePaths, conversation_ids: list[int]) -> bool:
    store = st.Store(home.database)
    try:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return all(store.branch(i)[0].content == f"{MARKER} {i}" for i in conversation_ids)
    finally:
        store.close()


@pytest.mark.parametrize("point, encrypted_after", [
    ("before-export", False), ("exported", False), ("before-swap", False), ("after-swap", True)])
def test_a_conversion_killed_at_any_point_leaves_one_whole_store(home, passphrase_file, point, encrypted_after):
    store = st.Store(home.database)
    ids = []
    for _ in range(30):
        conversation = store.create_conversation()
        store.add_user_message(conversation.id, f"{MARKER} {conversation.id}")
        ids.append(conversation.id)
    store.close()
    env = {**os.environ, conversion.PAUSE_ENV: point, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "app", "encrypt"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    flag = home.data_dir / f"paused-{point}"
    deadline = time.monotonic() + 60
    while not flag.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flag.exists(), f"the conversion never reached {point}"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    flag.unlink()
    assert encryption.is_encrypted(home.database) is encrypted_after
    if encrypted_after:
        encryption.unlock(home.data_dir, home.database, PASSPHRASE)
    assert store_is_whole(home, ids)  # opening runs the recovery first
    leftovers = {p.name for p in home.data_dir.iterdir()} & {"cove.db.converting", "cove.db.conversion"}
    assert leftovers == set()
    if encrypted_after:
        assert files_holding(home.data_dir, MARKER) == []
    else:  # and converting again from where it was left works
        assert main(["encrypt"]) == 0 and store_is_whole(home, ids)


def test_the_conversion_refuses_a_copy_that_does_not_match(home, monkeypatch):
    add_conversation(home.database)
    before = snapshot(home.data_dir)
    monkeypatch.setattr(conversion, "_counts", lambda connection, schema: {"messages": id(connection)})
    with pytest.raises(CoveError, match="did not match the original.*kept unchanged"):
        store_encryption.turn_on(home.data_dir, home.database, PASSPHRASE)
    assert snapshot(home.data_dir) == before
    assert not (home.data_dir / "cove.db.converting").exists()


def test_policy_requiring_encryption_converts_at_the_next_start(home, passphrase_file, admin_policy, capsys):
    add_conversation(home.database)
    admin_policy("encryption_required = true\n")
    assert main(["search", "marmalade"]) == 0
    assert encryption.is_encrypted(home.database)
    assert "requires encrypted conversations" in capsys.readouterr().err
    assert main(["decrypt"]) == 1
    assert "turned off by your administrator" in capsys.readouterr().err
    assert encryption.is_encrypted(home.database)


def test_policy_requiring_encryption_refuses_to_run_plain_without_a_passphrase(home, admin_policy, capsys):
    add_conversation(home.database)
    before = snapshot(home.data_dir)
    admin_policy("encryption_required = true\n")
    assert main(["search", "marmalade"]) == 1
    err = capsys.readouterr().err.strip()
    assert "administrator" in err and "cove encrypt" in err and err.count("\n") == 0
    assert snapshot(home.data_dir) == before


@pytest.mark.parametrize("text, required, minutes", [
    ("encryption_required = true\nmax_idle_lock_minutes = 10\n", True, 10),
    ('encryption_required = "yes"\n', True, None),
    ("max_idle_lock_minutes = 0\n", False, policy.RESTRICTIVE_IDLE_LOCK),
    ("[[[", False, policy.RESTRICTIVE_IDLE_LOCK),
])
def test_policy_keys_for_encryption(tmp_path, text, required, minutes):
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    rules = policy.load(path)
    assert (rules.encryption_required, rules.max_idle_lock_minutes) == (required, minutes)


def test_the_notes_index_is_converted_with_the_store_and_keeps_its_folders(home, passphrase_file, tmp_path, capsys):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "plans.md").write_text(f"# Plans\n\n{MARKER}.\n", encoding="utf-8")
    assert main(["notes", "add", str(folder)]) == 0
    assert files_holding(home.data_dir, MARKER)
    assert main(["encrypt"]) == 0
    assert encryption.is_encrypted(home.notes_index) and files_holding(home.data_dir, MARKER) == []
    encryption.forget()
    capsys.readouterr()
    assert main(["notes", "list"]) == 0
    assert str(folder) in capsys.readouterr().out
    assert main(["decrypt"]) == 0
    assert not encryption.is_encrypted(home.notes_index)
    capsys.readouterr()
    assert main(["notes", "list"]) == 0 and str(folder) in capsys.readouterr().out


@pytest.mark.parametrize("point, encrypted_after", [("exported", True), ("after-swap", False)])
def test_turning_encryption_off_killed_leaves_one_whole_store(home, passphrase_file, point, encrypted_after):
    conversation_id = add_conversation(home.database, f"{MARKER} 1")
    assert main(["encrypt"]) == 0
    encryption.forget()
    env = {**os.environ, conversion.PAUSE_ENV: point, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "app", "decrypt"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    flag = home.data_dir / f"paused-{point}"
    deadline = time.monotonic() + 60
    while not flag.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flag.exists(), f"the conversion never reached {point}"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    flag.unlink()
    assert encryption.is_encrypted(home.database) is encrypted_after
    if encrypted_after:
        encryption.unlock(home.data_dir, home.database, PASSPHRASE)
    assert store_is_whole(home, [conversation_id])


def test_without_a_terminal_or_a_passphrase_file_encrypt_says_how_in_one_line(home, capsys):
    add_conversation(home.database)
    before = snapshot(home.data_dir)
    assert main(["encrypt"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "COVE_PASSPHRASE_FILE" in err
    assert snapshot(home.data_dir) == before


def test_the_engine_gets_a_sealing_key_of_its_own_and_none_when_locked(home, passphrase_file):
    from app.core import chat
    from app.core.settings import Settings

    settings = Settings()
    plain = chat.load_options(settings, "m.gguf", home.data_dir)
    assert plain.kv_cache_dir and plain.kv_cache_key == b""
    add_conversation(home.database)
    assert main(["encrypt"]) == 0
    sealed = chat.load_options(settings, "m.gguf", home.data_dir)
    store_key = encryption.key_for(home.database)[0]
    assert sealed.kv_cache_dir and len(sealed.kv_cache_key) == 32 and sealed.kv_cache_key != store_key
    assert sealed.kv_cache_key.hex() not in repr(sealed)
    encryption.forget()
    locked = chat.load_options(settings, "m.gguf", home.data_dir)
    assert locked.kv_cache_dir == "" and locked.kv_cache_key == b""  # no key: no states written at all


def test_reading_a_database_header_keeps_this_processs_sqlite_locks(tmp_path):
    """Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's too:
    is_encrypted() on a database this process is writing must not let another process write at once."""
    import sqlite3
    import subprocess
    import sys

    database = tmp_path / "cove.db"
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN IMMEDIATE")  # this process's write lock on the file
    writer.execute("INSERT INTO t VALUES (1)")
    assert encryption.is_encrypted(database) is False
    encryption.salt_of(database)
    other = subprocess.run(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)\n"
         "try:\n    c.execute('BEGIN IMMEDIATE'); print('wrote')\nexcept sqlite3.OperationalError as e:\n    print(e)",
         str(database)], capture_output=True, text=True, timeout=60)
    writer.execute("COMMIT")
    assert other.stdout.strip() == "database is locked", other.stdout + other.stderr
