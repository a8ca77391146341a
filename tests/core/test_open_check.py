"""The whole-file integrity check (quick_check) runs after an unclean end, not on every open (open_marks.py).

A `cove` command on an 817 MB encrypted store waited 19 s for it. Damage stays reported with the
same clear message: found by the check after a crash, or by SQLite when a command reads the page.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core import encryption, open_marks, paths, store_encryption
from app.core import store as st
from app.core.errors import DatabaseDamaged

ROOT = Path(__file__).resolve().parents[2]
WORDS = ["ledger", "harbour", "quartz", "meadow", "lantern", "cobalt", "orchard", "falcon", "tundra", "velvet"]


@pytest.fixture(autouse=True)
def no_key_left():
    encryption.forget()
    yield
    encryption.forget()


@pytest.fixture
def counted(monkeypatch):
    """Every statement the Store's connections run, in order."""
    statements = []
    real = st.connect

    def connect(path, *args, **kwargs):
        connection = real(path, *args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(st, "connect", connect)
    return statements


def quick_checks(statements) -> int:
    return sum("quick_check" in s.lower() for s in statements)


def filled(path: Path, messages: int = 600) -> Path:
    """A store of a few MB (about 3 MB), closed cleanly."""
    store = st.Store(path)
    conversation = store.create_conversation()
    for i in range(messages):
        store.add_user_message(conversation.id, " ".join(WORDS[(i + j) % len(WORDS)] for j in range(600)))
    store.close()
    return path


def end_uncleanly(path: Path) -> None:
    """Another process opens the store and dies without closing it (as a kill or a crash would)."""
    code = "import os, sys; from app.core.store import Store; Store(sys.argv[1]); os._exit(0)"
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, check=True, timeout=120)


def damage_messages(path: Path) -> bytes:
    """Break every leaf page of the messages table (not read when a store opens); the damaged bytes."""
    with sqlite3.connect(path) as plain:
        pages = [p for (p,) in plain.execute("SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf'")]
        size = plain.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    for page in pages:
        data[(page - 1) * size] = 0x42  # not a b-tree page type
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_cleanly_closed_store_opens_without_reading_the_whole_file(tmp_path, counted):
    path = filled(tmp_path / "cove.db")
    assert path.stat().st_size > 2 << 20
    counted.clear()
    store = st.Store(path)
    assert len(store.conversations()) == 1
    store.close()
    assert quick_checks(counted) == 0 and counted  # statements ran, none of them the check
    st.Store(path, check=True).close()  # asked for explicitly, it still runs
    assert quick_checks(counted) == 1


def test_a_cleanly_closed_encrypted_store_opens_without_the_check(cove_home, counted):
    home = paths.current().ensure()
    filled(home.database, messages=50)
    store_encryption.turn_on(home.data_dir, home.database, "correct horse battery")
    assert encryption.is_encrypted(home.database)
    counted.clear()
    st.Store(home.database).close()
    assert quick_checks(counted) == 0 and counted


def test_after_an_unclean_end_the_next_open_checks_once(tmp_path, counted):
    path = filled(tmp_path / "cove.db", messages=20)
    end_uncleanly(path)
    assert len(open_marks.unclosed(path)) == 1
    counted.clear()
    st.Store(path).close()
    assert quick_checks(counted) == 1
    assert open_marks.unclosed(path) == []  # the check passed: the unclean end is covered
    st.Store(path).close()
    assert quick_checks(counted) == 1  # and not checked again


def test_a_store_open_elsewhere_is_not_an_unclean_end(tmp_path, counted):
    path = filled(tmp_path / "cove.db", messages=20)
    other = st.Store(path)  # the window, say, still running
    try:
        counted.clear()
        st.Store(path).close()
        assert quick_checks(counted) == 0
    finally:
        other.close()
    assert list((tmp_path / "cove.db.open").iterdir()) == []  # every mark removed at close


def test_damage_after_an_unclean_end_is_reported_with_the_clear_message(tmp_path):
    path = filled(tmp_path / "cove.db", messages=200)
    end_uncleanly(path)
    damaged = damage_messages(path)
    with pytest.raises(DatabaseDamaged, match="is damaged and cannot be opened. It has not been changed."):
        st.Store(path)
    assert path.read_bytes() == damaged
    assert len(open_marks.unclosed(path)) == 1  # not covered: the next open checks again
    with pytest.raises(DatabaseDamaged):
        st.Store(path)


def test_damage_a_command_meets_after_a_clean_open_is_the_same_clear_message(cove_home, tmp_path, capsys):
    database = paths.current().ensure().database
    filled(database, messages=200)
    damaged = damage_messages(database)
    assert main(["export", "--format", "md", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "is damaged and cannot be opened" in lines[0] and str(database) in lines[0], err
    assert "unexpected" not in err and "Traceback" not in err
    assert database.read_bytes() == damaged


def test_a_live_process_is_not_taken_for_a_crashed_one_when_its_start_time_reads_a_little_off(tmp_path):
    from app.core import open_marks

    database = tmp_path / "cove.db"
    folder = open_marks._folder(database)
    folder.mkdir()
    me = os.getpid()
    started = open_marks._start_ms(me)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    for name in (f"{me}-{started + 700}-a", f"{me}-None-b", f"{dead}-{started}-c", f"{me}-{started - 60000}-d"):
        (folder / name).touch()
    # a clock stepped by 0.7 s, an unreadable start time: alive; a pid that ended, or reused later: gone
    assert sorted(m.name[-1] for m in open_marks.unclosed(database)) == ["c", "d"]
