"""`cove chat --notes` with the real SmolLM2: the answer on stdout, then its sources; the flag
remembered for follow-ups; no notes folder, and Notes turned off by the administrator; and
the whole exchange run where there is no network at all.

The model's wording is not asserted (a 135M model): the structure is, sources listed
and stored with the answer.
"""

import os
import sqlite3
import subprocess
import sys

import pytest

from app.cli import main
from tests.cli.test_notes_privacy import ROOT, namespace_command
from tests.support.settings import write_settings

FLAGS = ["--temperature", "0", "--seed", "42", "--max-tokens", "40"]
QUESTION = "When does the ferry to Tallinn leave?"


def cove(*args, prefix=(), timeout=300):
    return subprocess.run([*prefix, sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          timeout=timeout, env=os.environ.copy(), cwd=ROOT)


@pytest.fixture
def vault(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "ferry.md").write_text("# Trips\n\n## Ferry\n\nThe ferry to Tallinn leaves at nine in the morning "
                                     "from pier four.\n")
    (folder / "garden.md").write_text("# Garden\n\nWater the tomatoes every second day.\n")
    return folder


def sources_section(stdout: str) -> list[str]:
    assert "\n\nSources:\n" in stdout, stdout
    return stdout.split("\n\nSources:\n", 1)[1].strip().splitlines()


def test_chat_with_notes_cites_and_remembers(smollm2, cove_home, vault):
    write_settings(cove_home, {"repeat_penalty": 1.0})
    assert cove("notes", "add", str(vault)).returncode == 0
    first = cove("chat", "--model", str(smollm2), *FLAGS, "--notes", QUESTION)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    lines = sources_section(first.stdout)
    assert lines[0].startswith("[1] ferry.md › Trips > Ferry (line")  # the note that holds the answer, first
    db = sqlite3.connect(cove_home / "cove.db")
    conversation_id, use_notes = db.execute("SELECT id, use_notes FROM conversations").fetchone()
    assert use_notes == 1 and f"(conversation {conversation_id})" in first.stderr
    answer_id, content = db.execute("SELECT id, content FROM messages WHERE role = 'assistant'").fetchone()
    assert content.strip() == first.stdout.split("\n\nSources:\n")[0].strip()  # the stored answer: no sources
    stored = db.execute("SELECT number, path, heading, text, length(sha256), cited FROM message_sources "
                        "WHERE message_id = ? ORDER BY number", [answer_id]).fetchall()
    assert stored[0][:4] == (1, "ferry.md", "Trips > Ferry", "The ferry to Tallinn leaves at nine in the "
                                                                "morning from pier four.")
    assert stored[0][4] == 64 and len(stored) == len(lines)
    cited = {n for n, *_, c in stored if c}
    assert all(("(not cited)" in line) == (n not in cited) for n, line in zip((s[0] for s in stored), lines))
    # The model was shown the passage: the question the user typed is stored as typed.
    assert db.execute("SELECT content FROM messages WHERE role = 'user'").fetchone()[0] == QUESTION

    follow = cove("chat", "--model", str(smollm2), *FLAGS, "--conversation", str(conversation_id),
                  "Which pier does the ferry leave from?")
    assert follow.returncode == 0, follow.stderr
    assert sources_section(follow.stdout)[0].startswith("[1] ferry.md")
    assert db.execute("SELECT count(DISTINCT message_id) FROM message_sources").fetchone()[0] == 2

    off = cove("chat", "--model", str(smollm2), *FLAGS, "--conversation", str(conversation_id), "--no-notes",
               "Thanks!")
    assert off.returncode == 0, off.stderr
    assert "Sources:" not in off.stdout
    assert db.execute("SELECT use_notes FROM conversations").fetchone()[0] == 0
    assert db.execute("SELECT count(DISTINCT message_id) FROM message_sources").fetchone()[0] == 2


def test_no_notes_folder_answers_without_sources(smollm2, cove_home):
    write_settings(cove_home, {"repeat_penalty": 1.0})
    result = cove("chat", "--model", str(smollm2), *FLAGS, "--notes", QUESTION)
    assert result.returncode == 0, result.stderr
    assert "Sources:" not in result.stdout and result.stdout.strip()
    assert "No notes folders yet" in result.stderr and "cove notes add PATH" in result.stderr
    db = sqlite3.connect(cove_home / "cove.db")
    assert db.execute("SELECT count(*) FROM message_sources").fetchone()[0] == 0
    assert db.execute("SELECT use_notes FROM conversations").fetchone()[0] == 1


def test_notes_off_by_policy_refuses_before_saving(smollm2, cove_home, admin_policy, capsys, vault):
    assert main(["notes", "add", str(vault)]) == 0
    admin_policy('notes = false\nmessage = "Ask IT about notes."\n')
    capsys.readouterr()
    assert main(["chat", "--model", str(smollm2), "--notes", QUESTION]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cove: ") and "Ask IT about notes." in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    db = cove_home / "cove.db"
    assert not db.exists() or sqlite3.connect(db).execute("SELECT count(*) FROM messages").fetchone()[0] == 0


def test_chat_with_notes_where_there_is_no_network(smollm2, cove_home, vault):
    command = namespace_command() or []  # no namespaces here: still run, still checked
    write_settings(cove_home, {"repeat_penalty": 1.0})
    assert cove("notes", "add", str(vault), prefix=command).returncode == 0
    result = cove("chat", "--model", str(smollm2), *FLAGS, "--notes", QUESTION, prefix=command)
    assert result.returncode == 0, result.stderr
    assert sources_section(result.stdout)[0].startswith("[1] ferry.md")


def test_a_remembered_notes_flag_is_refused_once_policy_turns_notes_off(smollm2, cove_home, admin_policy, capsys):
    from app.core import paths
    from app.core import store as st

    store = st.Store(paths.current().ensure().database)
    conversation = store.create_conversation()
    store.set_use_notes(conversation.id, True)
    store.close()
    admin_policy('notes = false\nmessage = "Ask IT about notes."\n')
    capsys.readouterr()
    assert main(["chat", "--model", str(smollm2), "--conversation", str(conversation.id), QUESTION]) == 1
    captured = capsys.readouterr()
    assert "Ask IT about notes." in captured.err and len(captured.err.strip().splitlines()) == 1
    assert QUESTION in captured.out  # printed back: nothing typed is lost
    assert sqlite3.connect(cove_home / "cove.db").execute("SELECT count(*) FROM messages").fetchone()[0] == 0
