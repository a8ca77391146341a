"""A second Cove chats through the first one's `cove serve` as a remote engine (issue 15).

Two COVE_HOMEs, two real processes each side: the first serves SmolLM2, the second adds
it with `cove remote add` and chats. The conversation must live only in the second's
database, and a server that goes away mid-answer must leave the partial answer saved
with status error, as with any other remote server.
"""

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from app.core import remote_servers as rs
from tests.cli.test_cli import cove
from tests.server.conftest import MODEL


def _rows(home):
    db = sqlite3.connect(home / "cove.db")
    try:
        return db.execute("SELECT role, content, status, model_file, error FROM messages ORDER BY id").fetchall()
    finally:
        db.close()


def _first_has_no_messages(home) -> bool:
    if not (home / "cove.db").exists():
        return True
    db = sqlite3.connect(home / "cove.db")
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return "messages" not in tables or db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0
    finally:
        db.close()


def _second_home(tmp_path, monkeypatch):
    second = tmp_path / "second-home"
    monkeypatch.setenv("COVE_HOME", str(second))
    return second


def test_a_second_cove_chats_through_the_first_ones_server(serve, cove_home, tmp_path, monkeypatch):
    served = serve()
    second = _second_home(tmp_path, monkeypatch)
    url = served.url + "/v1"
    added = cove("remote", "add", url)
    assert added.returncode == 0, added.stderr
    assert MODEL in added.stdout
    answer = cove("chat", "--model", MODEL, "--temperature", "0", "--max-tokens", "12", "Say hello.")
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.strip()
    rows = _rows(second)
    assert [(r[0], r[2]) for r in rows] == [("user", "complete"), ("assistant", "complete")]
    assert rows[0][1] == "Say hello." and rows[1][1].strip() == answer.stdout.strip()
    assert rows[1][3] == rs.model_ref(url, MODEL)
    assert _first_has_no_messages(cove_home)  # the server keeps no conversation
    conversation = sqlite3.connect(second / "cove.db").execute("SELECT id FROM conversations").fetchone()[0]
    follow = cove("chat", "--conversation", str(conversation), "--model", MODEL, "--max-tokens", "8", "Again?")
    assert follow.returncode == 0, follow.stderr
    assert len(_rows(second)) == 4 and _first_has_no_messages(cove_home)


@pytest.mark.parametrize("how", ["kill", "stop"])
def test_the_first_cove_stopped_mid_answer_leaves_the_partial_saved_with_status_error(
        how, serve, cove_home, tmp_path, monkeypatch):
    served = serve()
    second = _second_home(tmp_path, monkeypatch)
    assert cove("remote", "add", served.url + "/v1").returncode == 0
    # Seeded: an unseeded story once ended by itself before the server was stopped (~500 tokens with this seed).
    process = subprocess.Popen([sys.executable, "-m", "app", "chat", "--model", MODEL, "--max-tokens", "2000",
                                "--temperature", "1", "--seed", "1", "Write a very long story about a lighthouse keeper."],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    written = ""
    deadline = time.monotonic() + 60
    while len(written) < 20 and time.monotonic() < deadline:
        written += process.stdout.read(1)
    if how == "kill":
        served.process.kill()
        served.process.wait(10)
    else:
        assert served.stop() == 0  # Ctrl+C: it stops its answers in progress and ends
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1 and len(written) >= 20
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err and "in the middle of the answer" in lines[0], err
    answer = _rows(second)[-1]
    assert answer[0] == "assistant" and answer[2] == "error"
    assert answer[1].startswith(written) and "in the middle of the answer" in answer[4]
    assert _first_has_no_messages(cove_home)
