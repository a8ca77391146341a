"""A second process writing to the same database waits its turn: nothing is lost to "database is locked"."""

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from app.core import backups, chat, db_access
from app.core import store as st
from app.core.errors import CoveError, DatabaseBusy
from app.core.notes import vectors
from app.core.notes.index import NotesIndex
from app.core.notes.vectors import VectorStore
from app.core.settings import Sampling

ROOT = Path(__file__).resolve().parents[2]  # the writers import this checkout's `app`
WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from app.core import chat, store as st
    from app.core.settings import Sampling

    database, conversation_id, name, turns, start = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    store = st.Store(Path(database))
    while time.time() < start:  # all writers begin together
        time.sleep(0.005)
    conversation = None if conversation_id == "new" else int(conversation_id)
    for turn in range(turns):
        # The window's and `cove chat`'s turn: read the conversation, write the question and an answer.
        started = chat.start_turn(store, conversation, f"{name} question {turn}", "/m.gguf", Sampling())
        recorder = chat.AnswerRecorder(store, started.answer.id, interval=0)
        for piece in ("an ", "answer ", str(turn)):
            recorder.append(piece)
        recorder.finish(st.COMPLETE)
        print(f"sent {name} question {turn}", flush=True)
    store.close()
""")


def _run_writers(tmp_path, database: Path, targets: list[str], turns: int) -> list[subprocess.CompletedProcess]:
    start = time.time() + 3  # after every interpreter has started
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(database), target, f"w{n}", str(turns), str(start)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for n, target in enumerate(targets)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


def test_four_processes_writing_to_one_conversation_lose_no_question(tmp_path):
    database = tmp_path / "cove.db"
    store = st.Store(database)
    shared = store.create_conversation().id
    store.close()
    turns = 15
    results = _run_writers(tmp_path, database, [str(shared), str(shared), str(shared), "new"], turns)
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr and "Traceback" not in result.stderr
    reported = [line[5:] for result in results for line in result.stdout.splitlines() if line.startswith("sent ")]
    assert len(reported) == 4 * turns
    db = sqlite3.connect(database)
    stored = {row[0] for row in db.execute("SELECT content FROM messages WHERE role = 'user'")}
    assert set(reported) <= stored
    assert db.execute("SELECT COUNT(*) FROM messages WHERE role = 'assistant' AND status = 'complete'").fetchone()[0] \
        == 4 * turns
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path):
    database = tmp_path / "cove.db"  # not there yet: every process creates the schema, only one may
    results = _run_writers(tmp_path, database, ["new"] * 4, 1)
    assert [r.returncode for r in results] == [0, 0, 0, 0], [r.stderr for r in results]
    db = sqlite3.connect(database)
    assert db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0] == 4
    names = [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations")]
    assert len(names) == len(set(names))  # each migration applied once


def _hold_write_lock(database: Path, seconds: float, write: str = "UPDATE conversations SET title = title",
                     driver=sqlite3) -> threading.Thread:
    """Another connection (as another process would) holds the write lock for a while.

    driver: the SQLite library the code under test uses. Two libraries in one process do not see
    each other's locks (POSIX locks are per process), as two processes would."""
    taken = threading.Event()

    def hold():
        other = driver.connect(str(database), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute(write)
        taken.set()
        time.sleep(seconds)
        other.execute("COMMIT")
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(10)
    return thread


@pytest.mark.parametrize("opener", [st.Store, NotesIndex, VectorStore], ids=["conversations", "notes index", "vectors"])
def test_switching_a_new_database_to_wal_waits_for_the_other_writer(tmp_path, opener):
    # SQLite refuses the switch at once (no busy timeout) while another connection holds the
    # write lock: the race two Coves opening a new database at once ran into.
    database = tmp_path / "cove.db"
    # Another program created the file first and holds its write lock (the file still in rollback mode).
    holder = _hold_write_lock(database, 1.0, "CREATE TABLE first_writer (x)",
                              vectors._driver() if opener is VectorStore else sqlite3)
    started = time.monotonic()
    opened = opener(database)
    waited = time.monotonic() - started
    holder.join()
    assert waited >= 0.5
    assert opened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    opened.close()


def test_a_write_waits_for_the_other_writer_and_then_commits(tmp_path):
    store = st.Store(tmp_path / "cove.db")
    conversation = store.create_conversation()
    holder = _hold_write_lock(store.path, 1.0)
    started = time.monotonic()
    message = store.add_user_message(conversation.id, "typed while another Cove wrote")
    waited = time.monotonic() - started
    holder.join()
    assert waited >= 0.5  # it did wait, and then it wrote
    assert store.message(message.id).content == "typed while another Cove wrote"
    store.close()


def test_a_write_that_never_gets_its_turn_says_so_and_changes_nothing(tmp_path):
    store = st.Store(tmp_path / "cove.db")
    conversation = store.create_conversation()
    before = store.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    holder = _hold_write_lock(store.path, 1.5)
    with pytest.raises(DatabaseBusy) as caught, store.write(wait=0.3):
        store.add_user_message(conversation.id, "never stored")
    holder.join()
    assert isinstance(caught.value, CoveError) and isinstance(caught.value, sqlite3.OperationalError)
    assert "busy" in str(caught.value) and str(store.path) in str(caught.value)
    assert store.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == before
    assert not store.db.conn.in_transaction
    store.close()


def test_a_failed_partial_save_keeps_the_text_and_the_next_save_writes_it(tmp_path, monkeypatch):
    monkeypatch.setattr(st, "PARTIAL_SAVE_WAIT", 0.2)
    store = st.Store(tmp_path / "cove.db")
    turn = chat.start_turn(store, None, "q", "/m.gguf", Sampling())
    recorder = chat.AnswerRecorder(store, turn.answer.id, interval=0)
    holder = _hold_write_lock(store.path, 1.0)
    recorder.append("kept in memory")
    assert recorder.save_error and "busy" in recorder.save_error
    assert store.message(turn.answer.id).content == ""
    holder.join()
    recorder.flush()
    assert recorder.save_error is None and store.message(turn.answer.id).content == "kept in memory"
    store.close()


def test_every_write_takes_the_write_lock_first(tmp_path):
    """No deferred transaction ever writes: one that reads first fails at once (SQLITE_BUSY_SNAPSHOT)
    when another process committed in between, so every BEGIN is BEGIN IMMEDIATE."""
    from app.core import exporting

    store = st.Store(tmp_path / "cove.db")
    statements = []
    store.db.conn.set_trace_callback(statements.append)
    turn = chat.start_turn(store, None, "first", "/m.gguf", Sampling())
    recorder = chat.AnswerRecorder(store, turn.answer.id, interval=0)
    recorder.append("an answer")
    recorder.finish(st.COMPLETE)
    again = chat.start_regenerate(store, turn.answer.id, "/m.gguf", Sampling())
    store.finish_answer(again.answer.id, "stopped", st.STOPPED)
    chat.start_continue(store, again.answer.id)
    store.rename_conversation(turn.conversation.id, "renamed")
    store.set_pinned(turn.conversation.id, True)
    store.show_version(turn.answer.id)
    store.delete_message(again.answer.id)
    exported = exporting.export_json(store, tmp_path / "out", [turn.conversation.id])
    store.move_to_trash(turn.conversation.id)
    store.empty_trash()
    exporting.import_json(store, exported)
    store.recover_interrupted_answers()
    begins = [s.strip().upper() for s in statements if s.strip().upper().startswith("BEGIN")]
    assert begins and set(begins) == {"BEGIN IMMEDIATE"}, set(begins)
    store.close()


def test_a_backup_reads_one_snapshot_and_never_blocks_a_writer(tmp_path, monkeypatch):
    store = st.Store(tmp_path / "cove.db")
    conversation = store.create_conversation()
    for n in range(300):
        store.add_user_message(conversation.id, f"message {n} " + "padding " * 200)
    monkeypatch.setattr(backups, "COPY_PAGES", 8)  # many steps, so the writer lands in the middle
    writer = st.Store(store.path)
    waits = []

    def write_during_the_copy(status, remaining, total):
        if not waits:
            started = time.monotonic()
            writer.add_user_message(conversation.id, "written during the backup")
            waits.append(time.monotonic() - started)

    target = tmp_path / "copy.db"
    backups._copy(store.path, target, progress=write_during_the_copy)
    assert waits and waits[0] < db_access.BUSY_TIMEOUT_MS / 1000 / 5  # no waiting for the backup
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The snapshot from the copy's start: all 300, not the message written meanwhile.
    assert copy.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 300
    assert store.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 301
    copy.close()
    writer.close()
    store.close()


SHORT_WAIT = ("import sys; from app.core import store; store.WRITE_WAIT = 0.5; import app.cli as c; "
              "raise SystemExit(c.main(sys.argv[1:]))")


def test_cove_chat_that_cannot_write_says_so_and_prints_the_question_back(smollm2, cove_home):
    from app.core import paths

    database = paths.current().ensure().database
    st.Store(database).close()
    question = "A question typed while another Cove held the database"
    holder = _hold_write_lock(database, 8.0)
    result = subprocess.run([sys.executable, "-c", SHORT_WAIT, "chat", "-m", str(smollm2), question],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    holder.join()
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1 and len(lines) == 1, result.stderr
    assert "busy" in lines[0] and "Your question was not saved" in lines[0] and "Traceback" not in result.stderr
    assert question in result.stdout  # nothing typed is lost
    assert sqlite3.connect(database).execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0
