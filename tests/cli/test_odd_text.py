"""Odd text and odd numbers on the command line (issue 12, item 11).

Decisions: a character that is not valid Unicode (a lone surrogate, or a byte that is
not UTF-8 on the command line or standard input) becomes U+FFFD and the rest of the
text is kept, stored and printed; a whole number outside what an option allows is
refused by the parser in one line; a reader that closes the pipe early (`| head`)
ends the output quietly while the answer is still generated and saved.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import store as st
from app.core.text import clean_text, decode_input

ROOT = Path(__file__).resolve().parents[2]
FLAGS = ["--temperature", "0", "--seed", "42", "--max-tokens", "24"]


def cove(*args, input=None, stdout=subprocess.PIPE, timeout=120):
    return subprocess.run([sys.executable, "-m", "app", *args], input=input, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=timeout, cwd=ROOT, env=os.environ.copy())


def stderr_of(result) -> str:
    return result.stderr.decode("utf-8", "replace")


def test_text_that_is_not_valid_unicode_becomes_replacement_characters():
    assert clean_text("plain, é, 日本") == "plain, é, 日本"
    assert clean_text("bad \udcff byte") == "bad \ufffd byte"  # a byte smuggled in by surrogateescape
    assert clean_text("lone \ud800 high") == "lone \ufffd high"
    assert clean_text("pair \ud83d\ude00 joined") == "pair \U0001f600 joined"
    assert decode_input(b"caf\xe9 \xff ok") == "caf\ufffd \ufffd ok"
    for odd in ("\udcff", "\ud800\udc00\udfff", "x\udc80y"):
        clean_text(odd).encode("utf-8")  # always storable and printable


def test_the_store_keeps_odd_text_with_replacement_characters(tmp_path):
    store = st.Store(tmp_path / "cove.db")
    conversation = store.create_conversation(title="odd \udcff title", system_prompt="be \ud800 kind")
    message = store.add_user_message(conversation.id, "question with \udcfe bytes")
    answer = store.begin_answer(conversation.id, "/models/m\udce9.gguf", {})
    store.save_partial_answer(answer.id, "part \ud800")
    done = store.finish_answer(answer.id, "answer \udcff end", st.COMPLETE, error=None)
    store.rename_conversation(conversation.id, "renamed \udcff")
    assert store.message(message.id).content == "question with \ufffd bytes"
    assert done.content == "answer \ufffd end" and done.model_file == "/models/m\ufffd.gguf"
    assert store.conversation(conversation.id).title == "renamed \ufffd"
    assert store.conversation(conversation.id).system_prompt == "be \ufffd kind"
    # A query with the same odd byte finds it (U+FFFD on both sides); no UnicodeEncodeError.
    assert [h.message_id for h in store.search("question \udcff")] == [message.id]
    assert store.search("nothing \ud800 like this") == []
    assert [h.message_id for h in store.search("bytes")] == [message.id]
    store.close()


@pytest.mark.parametrize("args", [
    ["search", "x", "--limit", "99999999999999999999"],
    ["search", "x", "--limit", "0"],
    ["search", "x", "--limit", "ten"],
    ["chat", "--conversation", "99999999999999999999", "hi"],
    ["chat", "--conversation", "-1", "hi"],
    ["chat", "--max-tokens", "99999999999999999999", "hi"],
    ["chat", "--seed", "-99999999999999999999", "hi"],
    ["export", "--out", "somewhere", "--conversation", "99999999999999999999"],
])
def test_whole_numbers_out_of_range_are_refused_in_one_line(args, cove_home):
    assert not cove_home.exists()
    result = cove(*args)
    error = stderr_of(result)
    assert result.returncode == 2 and "Traceback" not in error
    lines = [line for line in error.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("cove: argument "), error
    assert "--help" in lines[0]
    assert not cove_home.exists()  # refused before anything was created


def test_search_with_bytes_that_are_not_utf8(cove_home):
    from app.core import paths

    store = st.Store(paths.current().ensure().database)
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "café au lait")
    store.close()
    nothing = cove("search", b"zebr\xe9")
    assert nothing.returncode == 0 and "Traceback" not in stderr_of(nothing)
    assert "Nothing found for 'zebr\ufffd'" in stderr_of(nothing)
    found = cove("search", b"caf\xe9")  # U+FFFD separates words: "caf" as a prefix finds "café"
    assert found.returncode == 0 and "Traceback" not in stderr_of(found)
    assert "[café] au lait" in found.stdout.decode("utf-8")


def _user_messages(home: Path) -> list[str]:
    db = sqlite3.connect(home / "cove.db")
    return [row[0] for row in db.execute("SELECT content FROM messages WHERE role = 'user' ORDER BY id")]


def test_a_question_with_bytes_that_are_not_utf8_is_kept_with_replacement_characters(smollm2, cove_home):
    from_argument = cove("chat", "-m", str(smollm2), *FLAGS, b"Say hello to Ren\xe9e.")
    assert from_argument.returncode == 0, stderr_of(from_argument)
    from_stdin = cove("chat", "-m", str(smollm2), *FLAGS, input=b"Say hello to \xff\xfe Zo\xeb.")
    assert from_stdin.returncode == 0, stderr_of(from_stdin)
    assert _user_messages(cove_home) == ["Say hello to Ren\ufffde.", "Say hello to \ufffd\ufffd Zo\ufffd."]
    for result in (from_argument, from_stdin):
        assert "Traceback" not in stderr_of(result) and "unexpected error" not in stderr_of(result)
        result.stdout.decode("utf-8")  # what was printed is valid UTF-8


def test_a_reader_that_closes_the_pipe_early_ends_the_output_quietly_and_the_answer_is_saved(smollm2, cove_home):
    proc = subprocess.Popen([sys.executable, "-m", "app", "chat", "-m", str(smollm2), *FLAGS,
                             "Write a long story about a dragon."],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=os.environ.copy())
    proc.stdout.close()  # as `| head -c 0` would: every write to standard output now fails
    error = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=120) == 0, error
    assert "Traceback" not in error and "BrokenPipe" not in error and "Exception ignored" not in error
    db = sqlite3.connect(cove_home / "cove.db")
    content, status, tokens = db.execute(
        "SELECT content, status, completion_tokens FROM messages WHERE role = 'assistant'").fetchone()
    assert status == st.COMPLETE and content.strip() and tokens == 24  # the whole answer, saved


def test_head_on_a_real_pipe(smollm2, cove_home):
    command = (f"'{sys.executable}' -m app chat -m '{smollm2}' {' '.join(FLAGS)} 'Write a long story about a dragon.' "
               "| head -c 40")
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, cwd=ROOT,
                            env=os.environ.copy(), timeout=120)
    assert result.returncode == 0, stderr_of(result)
    assert len(result.stdout) == 40 and "Traceback" not in stderr_of(result)
    assert _user_messages(cove_home) == ["Write a long story about a dragon."]


def test_a_question_on_standard_input_too_large_is_refused_before_it_is_all_read(monkeypatch):
    import argparse
    import io

    from app import cli
    from app.core.errors import CoveError

    class Pipe(io.TextIOWrapper):
        def isatty(self):
            return False

    monkeypatch.setattr(cli, "MAX_QUESTION_BYTES", 1000)
    data = io.BytesIO(b"x" * 5000)
    monkeypatch.setattr(sys, "stdin", Pipe(data, encoding="utf-8"))
    with pytest.raises(CoveError, match="larger than"):
        cli._read_question(argparse.Namespace(question=None))
    assert data.tell() == 1001  # read no further than needed to know
    monkeypatch.setattr(sys, "stdin", Pipe(io.BytesIO(b"fine \xff"), encoding="utf-8"))
    assert cli._read_question(argparse.Namespace(question=None)) == "fine \ufffd"
