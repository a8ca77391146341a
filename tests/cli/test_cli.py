"""`cove` as scripts and admins use it: a real process, the real model."""

import os
import sqlite3
import subprocess
import sys

import pytest

from tests.support.settings import write_settings
from tests.support.starter_model import PARIS_QUESTION

GREEDY_FLAGS = ["--temperature", "0", "--seed", "42"]


HIDE_STARTER = ("import sys, app.core.models as m, app.cli as c; m.starter_model_path = lambda: None; "
                "raise SystemExit(c.main(sys.argv[1:]))")


def cove(*args, input=None, timeout=120, hide_starter=False):
    launcher = ["-c", HIDE_STARTER] if hide_starter else ["-m", "app"]
    return subprocess.run([sys.executable, *launcher, *args], capture_output=True, text=True,
                          input=input, timeout=timeout, env=os.environ.copy())


def assert_one_line_error(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("cove: "), result.stderr
    return lines[0]


def test_version():
    result = cove("--version")
    assert result.returncode == 0 and result.stdout.startswith("cove 0.")


def test_chat_prints_the_answer_and_stores_the_exchange(smollm2, cove_home):
    write_settings(cove_home, {"repeat_penalty": 1.0})
    result = cove("chat", "--model", str(smollm2), *GREEDY_FLAGS, PARIS_QUESTION)
    assert result.returncode == 0, result.stderr
    assert "Paris" in result.stdout
    assert "Traceback" not in result.stderr
    db = sqlite3.connect(cove_home / "cove.db")
    rows = db.execute("SELECT role, content, status, model_file, tokens_per_second FROM messages ORDER BY id").fetchall()
    assert [(r[0], r[2]) for r in rows] == [("user", "complete"), ("assistant", "complete")]
    assert rows[0][1] == PARIS_QUESTION
    assert rows[1][1].strip() == result.stdout.strip()
    assert rows[1][3] == str(smollm2.resolve()) and rows[1][4] > 0
    conversation_id = db.execute("SELECT id FROM conversations").fetchone()[0]
    assert f"(conversation {conversation_id})" in result.stderr

    follow = cove("chat", "--model", str(smollm2), *GREEDY_FLAGS, "--conversation", str(conversation_id),
                  "And of Germany? Answer in one word.")
    assert follow.returncode == 0, follow.stderr
    assert db.execute("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", [conversation_id]).fetchone()[0] == 4
    assert db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0] == 1


def test_question_from_standard_input(smollm2, cove_home):
    result = cove("chat", "-m", str(smollm2), *GREEDY_FLAGS, input=PARIS_QUESTION)
    assert result.returncode == 0 and "Paris" in result.stdout


def test_model_by_name_after_it_is_installed(smollm2, cove_home):
    models = cove_home / "models"
    models.mkdir(parents=True)
    (models / smollm2.name).symlink_to(smollm2)
    listed = cove("models", "list")
    assert listed.returncode == 0 and "SmolLM2-135M-Instruct.Q4_1" in listed.stdout and "98.4 MB" in listed.stdout
    result = cove("chat", "--model", "SmolLM2-135M-Instruct.Q4_1", *GREEDY_FLAGS, PARIS_QUESTION)
    assert result.returncode == 0 and "Paris" in result.stdout


@pytest.mark.parametrize("case", ["missing", "text", "truncated", "no-model", "bad-conversation", "bad-flag"])
def test_errors_are_one_clear_line(case, tmp_path, smollm2, no_starter, cove_home):
    args = ["chat", "hello"]
    if case == "missing":
        args += ["--model", str(tmp_path / "nope.gguf")]
        expected = "No model file at"
    elif case == "text":
        fake = tmp_path / "fake.gguf"
        fake.write_text("just text")
        args += ["--model", str(fake)]
        expected = "not a GGUF model file"
    elif case == "truncated":
        cut = tmp_path / "cut.gguf"
        with smollm2.open("rb") as f:
            cut.write_bytes(f.read(5_000_000))
        args += ["--model", str(cut)]
        expected = "incomplete"
    elif case == "no-model":
        expected = "No model is installed"
    elif case == "bad-conversation":
        args += ["--model", str(smollm2), "--conversation", "77"]
        expected = "no conversation 77"
    else:
        args += ["--model", str(smollm2), "--temperature", "9"]
        expected = "--temperature must be from"
    line = assert_one_line_error(cove(*args, hide_starter=True))
    assert expected in line
    if case in ("missing", "text", "truncated", "bad-flag"):
        assert not (cove_home / "cove.db").exists() or _message_count(cove_home) == 0


def _message_count(home):
    return sqlite3.connect(home / "cove.db").execute("SELECT COUNT(*) FROM messages").fetchone()[0]


def test_search_command(cove_home):
    from app.core import paths
    from app.core.store import Store

    store = Store(paths.current().ensure().database)
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "Notes from the security audit on Tuesday")
    store.close()
    found = cove("search", "audit")
    assert found.returncode == 0 and "[audit]" in found.stdout and str(conversation.id) in found.stdout
    nothing = cove("search", "zebra")
    assert nothing.returncode == 0 and nothing.stdout == "" and "Nothing found" in nothing.stderr
