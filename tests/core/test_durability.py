"""Killing Cove at any moment loses nothing committed, and of an answer at most about one save interval.

A child process (this file run as a module) does what a chat does, with the real
Store and AnswerRecorder: commits questions, streams answers piece by piece (saved
every SAVE_EVERY seconds: shorter than the app's 0.5 s, so that more kills land in
a commit) and finishes them, reporting on stdout, flushed, each committed question
and how much of the answer it had produced. It is killed
(SIGKILL on POSIX) at random moments, again and again on the same database; after
each kill the database must be intact and hold everything the child reported.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KILLS = 10
PIECE_PAUSE = 0.003
SAVE_EVERY = 0.1
# A margin beyond one save interval. Times are taken before each append, so a pause of
# the child between appending and reporting cannot make the check fail.
SLACK = 0.1


def question(run: int, turn: int) -> str:
    return f"Question {run}.{turn}: what should the team do about ünïcode — and the budget? " * 3


def pieces(run: int, turn: int) -> list[str]:
    # Short and long answers in turn: kills land in questions' commits, finishes and saves.
    count = (250 if turn % 2 == 0 else 40) + (run * 37 + turn * 53) % 100
    return [f"w{run}.{turn}.{i}{'é' if i % 7 == 0 else ''} " for i in range(count)]


def child(database: str, run: int) -> None:
    from app.core import chat
    from app.core.store import COMPLETE, Store

    def say(*words) -> None:
        print(*words, flush=True)

    store = Store(Path(database))
    conversation = store.create_conversation(model="m.gguf")
    say("ready", conversation.id)
    for turn in range(1000):
        user = store.add_user_message(conversation.id, question(run, turn))
        say("user", user.id, turn)
        answer = store.begin_answer(conversation.id, "m.gguf", {"temperature": 0.0})
        say("answer", answer.id, turn)
        recorder = chat.AnswerRecorder(store, answer.id, interval=SAVE_EVERY)
        for piece in pieces(run, turn):
            at = time.monotonic()  # before: a pause after the append cannot make the check unfair
            recorder.append(piece)
            say("produced", answer.id, len(recorder.text), at)
            time.sleep(PIECE_PAUSE)
        recorder.finish(COMPLETE)
        say("finished", answer.id)


def parse(lines: list[str]) -> dict:
    users, answers, produced, finished = {}, {}, {}, set()
    for line in lines:
        word, *rest = line.split()
        if word == "user":
            users[int(rest[0])] = int(rest[1])
        elif word == "answer":
            answers[int(rest[0])] = int(rest[1])
        elif word == "produced":
            produced.setdefault(int(rest[0]), []).append((int(rest[1]), float(rest[2])))
        elif word == "finished":
            finished.add(int(rest[0]))
    return {"users": users, "answers": answers, "produced": produced, "finished": finished}


def start_child(database: Path, run: int, out: Path) -> subprocess.Popen:
    with open(out, "w") as stdout:
        # As a module from the repository root: the child imports this checkout's `app`.
        return subprocess.Popen([sys.executable, "-m", "tests.core.test_durability", str(database), str(run)],
                                cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE)


def wait_ready(proc: subprocess.Popen, out: Path) -> None:
    deadline = time.monotonic() + 30
    while not out.read_text().startswith("ready"):
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the child did not start"
        time.sleep(0.01)


def check_after_kill(database: Path, run: int, report: dict) -> str | None:
    """Everything reported is there; returns the streaming answer's text when one was cut."""
    from app.core.store import ERROR, STREAMING, Store

    db = sqlite3.connect(database)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO messages_fts(messages_fts) VALUES('integrity-check')")  # raises if out of sync
        for message_id, turn in report["users"].items():
            row = db.execute("SELECT role, content, status FROM messages WHERE id = ?", [message_id]).fetchone()
            assert row == ("user", question(run, turn), "complete"), (run, turn)
        cut = None
        for message_id, turn in report["answers"].items():
            expected = "".join(pieces(run, turn))
            content, status = db.execute("SELECT content, status FROM messages WHERE id = ?",
                                         [message_id]).fetchone()
            if message_id in report["finished"] or status == "complete":  # killed before it said so
                assert (content, status) == (expected, "complete"), (run, turn)
                continue
            assert status == STREAMING and expected.startswith(content), (run, turn, content[-40:])
            # At most about one save interval behind what the child had produced.
            produced = report["produced"].get(message_id, [])
            if produced:
                last_time = produced[-1][1]
                due = max((n for n, at in produced if at <= last_time - SAVE_EVERY - SLACK), default=0)
                assert len(content) >= due, (run, turn, len(content), due, produced[-1][0])
            cut = content
        # Killed right after an answer began, before saying so, leaves an empty one streaming too.
        streaming = db.execute("SELECT id, content FROM messages WHERE status = ?", [STREAMING]).fetchall()
        assert len(streaming) <= 1
    finally:
        db.close()

    store = Store(database)
    try:
        assert store.recover_interrupted_answers() == len(streaming)
        for message_id, content in streaming:
            message = store.message(message_id)
            assert message.status == ERROR and message.content == content
            assert message.error
    finally:
        store.close()
    return cut


def test_killed_at_random_moments_loses_nothing_committed(tmp_path):
    database = tmp_path / "cove.db"
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    cut_answers = committed = 0
    started = time.monotonic()
    for run in range(KILLS):
        out = tmp_path / f"child-{run}.out"
        proc = start_child(database, run, out)
        try:
            wait_ready(proc, out)
            time.sleep(rng.uniform(0.1, 1.6))
            assert proc.poll() is None, proc.stderr.read().decode()
        finally:
            proc.kill()  # SIGKILL: no handler, no cleanup, no flush
            proc.wait()
            proc.stderr.close()
        report = parse(out.read_text().split("\n")[:-1])  # a line the kill cut short said nothing
        committed += len(report["users"])
        cut = check_after_kill(database, run, report)
        cut_answers += bool(cut)
    # Most kills land while an answer streams; the test means nothing if none cut one with text.
    assert committed >= KILLS and cut_answers >= 3, (committed, cut_answers, seed)
    assert time.monotonic() - started < 60


if __name__ == "__main__":
    child(sys.argv[1], int(sys.argv[2]))
