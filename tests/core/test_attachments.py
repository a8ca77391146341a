"""Files attached to a message: reading them safely, the prompt, storage, export, and the engine's count."""

import codecs
import json
import os
import sqlite3

import pytest

from app.core import attachments as at
from app.core import chat, exporting
from app.core import store as st
from app.core.errors import CoveError
from app.core.settings import Sampling
from tests.support.databases import database_at_version

NOTE = "# Launch notes\n\nThe secret launch code word is PELICAN.\n"


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def note(name="notes.md", text=NOTE):
    return at.Attachment(name, text, len(text.encode("utf-8")))


# Reading files ----------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    NOTE.encode("utf-8"),
    codecs.BOM_UTF8 + NOTE.encode("utf-8"),
    codecs.BOM_UTF16_LE + NOTE.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + NOTE.encode("utf-16-be"),
    codecs.BOM_UTF32_LE + NOTE.encode("utf-32-le"),
    NOTE.replace("\n", "\r\n").encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "utf32-le", "crlf"])
def test_text_files_are_read_whatever_their_encoding_mark(tmp_path, data):
    attachment = at.read_attachment(write(tmp_path, "notes.md", data))
    assert attachment == at.Attachment("notes.md", NOTE, len(data))


def test_any_name_is_accepted_when_the_content_is_text(tmp_path):
    assert at.read_attachment(write(tmp_path, "README", "héllo wörld ✓\n")).text == "héllo wörld ✓\n"
    assert at.read_attachment(write(tmp_path, "data.csv", "a,b\n1,2\n")).name == "data.csv"


@pytest.mark.parametrize("name, data, words", [
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not a text file"),
    ("notes.md", b"text with a \x00 NUL inside", "not a text file"),
    ("controls.txt", bytes(range(1, 32)) * 20, "not a text file"),
    ("latin1.txt", "café crème brûlée".encode("latin-1"), "not UTF-8"),
    ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "UTF-16"),
    ("empty.md", b"  \n\n", "empty"),
])
def test_files_that_are_not_text_are_refused_with_what_to_do(tmp_path, name, data, words):
    with pytest.raises(CoveError) as refused:
        at.read_attachment(write(tmp_path, name, data))
    message = str(refused.value)
    assert name in message and words in message
    assert any(hint in message for hint in ("save", "Save", "Attach", "nothing"))


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, "huge.log", "x" * 2_500_000)
    with pytest.raises(CoveError, match=r"“huge.log” is too large to attach \(2.5 MB; the limit is 2.0 MB\)"):
        at.read_attachment(path)
    monkeypatch.setattr(at, "MAX_BYTES", 10)
    with pytest.raises(CoveError, match="split"):
        at.read_attachment(write(tmp_path, "small.txt", "eleven char"))


def test_missing_unreadable_and_folders_are_explained(tmp_path):
    with pytest.raises(CoveError, match="no longer there.*attach it again"):
        at.read_attachment(tmp_path / "gone.md")
    with pytest.raises(CoveError, match="is a folder"):
        at.read_attachment(tmp_path)
    if os.name == "posix" and os.geteuid() != 0:
        locked = write(tmp_path, "locked.md", "secret")
        locked.chmod(0)
        with pytest.raises(CoveError, match="not allowed to read"):
            at.read_attachment(locked)


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_pipe_or_device_is_refused_before_anything_reads_it(tmp_path, kind):
    """A FIFO would block the reader for ever (the window's Attach… froze); /dev/zero never ends."""
    import time

    if kind == "fifo":
        path = tmp_path / "notes.md"
        os.mkfifo(path)
    else:
        path = "/dev/zero"
    started = time.monotonic()
    with pytest.raises(CoveError, match="not a regular file.*text file"):
        at.read_attachment(path)
    assert time.monotonic() - started < 2


# The prompt ---------------------------------------------------------------------------

def test_the_files_follow_the_message_between_marker_lines():
    content = at.prompt_content("What is the code word?", [note(), note("b.txt", "second\n")])
    assert content == ("What is the code word?\n\n--- file: notes.md ---\n" + NOTE.rstrip()
                       + "\n--- end of notes.md ---\n\n--- file: b.txt ---\nsecond\n--- end of b.txt ---")
    assert at.prompt_content("plain", []) == "plain"
    assert at.estimate_tokens("abcdefgh") == 2 and at.estimate_tokens("abcdefghi") == 3


def test_a_turn_stores_its_files_and_every_later_prompt_includes_them(store):
    turn = chat.start_turn(store, None, "What is the code word?", "/m.gguf", Sampling(), attachments=[note()])
    question = turn.user_message
    assert question.content == "What is the code word?"  # what the user typed, unchanged
    assert turn.prompt_messages == [{"role": "user", "content": at.prompt_content(question.content, [note()])}]
    assert store.attachments_for([question.id]) == {question.id: [note()]}
    assert store.attachments_for([question.id], text=False)[question.id][0].text == ""
    store.finish_answer(turn.answer.id, "PELICAN", st.COMPLETE)

    follow = chat.start_turn(store, turn.conversation.id, "Say it again.", "/m.gguf", Sampling())
    assert follow.prompt_messages[0]["content"].endswith("--- end of notes.md ---")
    assert follow.prompt_messages[1:] == [{"role": "assistant", "content": "PELICAN"},
                                          {"role": "user", "content": "Say it again."}]
    again = chat.start_regenerate(store, turn.answer.id, "/m.gguf", Sampling())
    assert "PELICAN." in again.prompt_messages[0]["content"]
    store.finish_answer(again.answer.id, "PEL", st.STOPPED)
    continued = chat.start_continue(store, again.answer.id)
    assert "--- file: notes.md ---" in continued.prompt_messages[0]["content"]

    # An edited question carries the files it is given (the window offers the old ones).
    edited = chat.start_turn(store, turn.conversation.id, "The code word?", "/m.gguf", Sampling(),
                             edit_of=question.id, attachments=store.attachments_for([question.id])[question.id])
    assert store.attachments_for([edited.user_message.id])[edited.user_message.id] == [note()]
    assert "PELICAN" in edited.prompt_messages[-1]["content"]
    # Old callers keep working: no attachments argument, no files.
    assert chat.prompt_messages(store.branch(turn.conversation.id))[0]["content"] == "The code word?"


def test_a_failed_turn_leaves_neither_the_message_nor_its_files(store, monkeypatch):
    def broken(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "begin_answer", broken)
    with pytest.raises(sqlite3.OperationalError):
        chat.start_turn(store, None, "question", "/m.gguf", Sampling(), attachments=[note()])
    assert store.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0
    assert store.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 0


def test_files_go_with_their_message_and_conversation(store):
    c = store.create_conversation()
    q1 = store.add_user_message(c.id, "one", attachments=[note(), note("b.md", "b")])
    q2 = store.add_user_message(c.id, "two", attachments=[note("c.md", "c")])
    assert [a.name for a in store.attachments_for([q1.id, q2.id])[q1.id]] == ["notes.md", "b.md"]
    store.delete_message(q1.id)
    assert set(store.attachments_for([q1.id, q2.id])) == {q2.id}
    store.delete_conversation(c.id)
    assert store.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 0


def test_many_messages_are_looked_up_at_once(store):
    c = store.create_conversation()
    ids = [store.add_user_message(c.id, f"m{i}", attachments=[note(f"{i}.md", str(i))]).id for i in range(1200)]
    found = store.attachments_for(ids)
    assert len(found) == 1200 and found[ids[-1]][0].text == "1199"


def test_an_older_database_gains_the_attachments_table(tmp_path):
    path = tmp_path / "old.db"
    db = database_at_version(path, 4)
    db["conversations"].insert({"id": 1, "title": "t", "created": "x", "updated": "x", "model": ""})
    db["messages"].insert({"id": 1, "conversation_id": 1, "role": "user", "content": "kept",
                           "status": "complete", "created": "x", "updated": "x"})
    db.close()
    store = st.Store(path)
    store.add_attachments(1, [note()])
    assert store.message(1).content == "kept" and store.attachments_for([1])[1] == [note()]
    store.close()


# Export and import ---------------------------------------------------------------------

def conversation_with_files(store):
    turn = chat.start_turn(store, None, "What is the code word?", "/m.gguf", Sampling(),
                           attachments=[note(), at.Attachment("code.md", "```py\nx = 1\n```\n", 16, tokens=9)])
    store.finish_answer(turn.answer.id, "PELICAN", st.COMPLETE)
    return turn


def test_json_export_keeps_the_files_and_imports_them_once(store, tmp_path):
    turn = conversation_with_files(store)
    path = exporting.export_json(store, tmp_path / "out.json")
    data = json.loads(path.read_text())
    exported = data["conversations"][0]["messages"][0]["attachments"]
    assert exported == [{"name": "notes.md", "content": NOTE, "size": len(NOTE), "tokens": None},
                        {"name": "code.md", "content": "```py\nx = 1\n```\n", "size": 16, "tokens": 9}]
    assert "attachments" not in data["conversations"][0]["messages"][1]  # the answer has none

    other = st.Store(tmp_path / "other.db")
    exporting.import_json(other, path)
    exporting.import_json(other, path)  # again: nothing doubles
    question = next(m for m in other.messages(other.conversations()[0].id) if m.role == "user")
    assert other.attachments_for([question.id])[question.id] == store.attachments_for(
        [turn.user_message.id])[turn.user_message.id]
    assert other.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 2

    # The same conversation imported by a Cove without attachments gains them, once.
    bare = st.Store(tmp_path / "bare.db")
    stripped = json.loads(path.read_text())
    for message in stripped["conversations"][0]["messages"]:
        message.pop("attachments", None)
    (tmp_path / "stripped.json").write_text(json.dumps(stripped))
    exporting.import_json(bare, tmp_path / "stripped.json")
    assert bare.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 0
    result = exporting.import_json(bare, path)
    assert result.messages_added == 0 and bare.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 2
    other.close()
    bare.close()


def test_a_damaged_attachment_in_an_export_is_refused(store, tmp_path):
    conversation_with_files(store)
    path = exporting.export_json(store, tmp_path / "out.json")
    data = json.loads(path.read_text())
    del data["conversations"][0]["messages"][0]["attachments"][1]["content"]
    path.write_text(json.dumps(data))
    with pytest.raises(CoveError, match="message 1, attachment 2: 'content' is missing. Nothing was imported"):
        exporting.import_json(st.Store(tmp_path / "again.db"), path)


def test_markdown_export_shows_the_files_folded_away(store):
    turn = conversation_with_files(store)
    text = exporting.conversation_markdown(store, turn.conversation.id)
    assert "<details><summary>Attached: notes.md</summary>\n\n```\n" + NOTE.rstrip() + "\n```\n\n</details>" in text
    # A file with its own fences gets a longer one, so it cannot end the block early.
    assert "<details><summary>Attached: code.md</summary>\n\n````\n```py\nx = 1\n```\n````" in text
    assert text.index("What is the code word?") < text.index("Attached: notes.md") < text.index("PELICAN\n")


# The engine counts tokens ----------------------------------------------------------------

def test_the_engine_counts_a_files_tokens_with_the_model(smollm2):
    import queue

    from app.engine import protocol as p
    from app.engine.client import EngineClient

    events = queue.Queue()
    client = EngineClient(events.put)
    try:
        options = p.LoadOptions(n_ctx=1024)
        short = client.count_tokens(str(smollm2), options, "Hello world")
        long = client.count_tokens(str(smollm2), options, at.file_block(note()))
        counts = {}
        while len(counts) < 2:
            event = events.get(timeout=60)
            assert not isinstance(event, (p.Failed, p.LoadFailed, p.EngineDied)), event
            if isinstance(event, p.TokenCount):
                counts[event.request_id] = event
        assert counts[short].count == 2 and counts[short].n_ctx == 1024
        assert 15 < counts[long].count < 40 and counts[long].n_ctx == 1024
    finally:
        client.shutdown()
