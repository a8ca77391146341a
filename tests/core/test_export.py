"""Export (Markdown to read, JSON to keep) and import back without duplicates."""

import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from app import cli
from app.core import exporting, paths
from app.core import store as st
from app.core.errors import CoveError

SMOL = "/models/SmolLM2-135M-Instruct.Q4_1.gguf"
QWEN = "C:\\Models\\qwen2.5-0.5b-instruct-q4_k_m.gguf"
TITLE = 'Plans: "Q3" / budget #1 — café\u2028next'
STATS_1 = {"prompt_tokens": 31, "processed_tokens": 29, "completion_tokens": 3, "tokens_per_second": 87.25,
           "time_to_first_token": 0.125, "dropped_messages": 1, "seed": 1234, "n_ctx": 2048}
STATS_2 = {"prompt_tokens": 12, "processed_tokens": 12, "completion_tokens": 40, "tokens_per_second": 55.5,
           "time_to_first_token": 0.5}


@pytest.fixture
def store(tmp_path):
    s = st.Store(tmp_path / "source.db")
    yield s
    s.close()


@pytest.fixture
def other(tmp_path):
    """A second, empty Cove to import into."""
    (tmp_path / "other").mkdir()
    s = st.Store(tmp_path / "other" / "cove.db")
    yield s
    s.close()


def trip(store):
    """A conversation with branches: a regenerated answer, a follow-up that failed, an edited first question."""
    c = store.create_conversation(system_prompt="Answer in one word.")
    store.set_conversation_sampling(c.id, {"temperature": 0.2, "top_k": 40})
    q1 = store.add_user_message(c.id, "What is the capital of France?")
    a1 = store.finish_answer(store.begin_answer(c.id, SMOL, {"temperature": 0.2, "seed": -1}).id,
                             "Paris.\n\n```\ncode stays verbatim\n```", st.COMPLETE, STATS_1)
    a2 = store.finish_answer(store.begin_answer(c.id, QWEN, {"temperature": 0.9}, parent_id=q1.id).id,
                             "The capital of France is", st.STOPPED, STATS_2)
    q2 = store.add_user_message(c.id, "And of Spain?")
    a3 = store.finish_answer(store.begin_answer(c.id, QWEN, {}).id, "", st.ERROR,
                             error="The model ran out of memory.")
    q1b = store.add_user_message(c.id, "Capital of France, please", parent_id=None)
    store.show_version(a1.id)
    return store.conversation(c.id), dict(q1=q1, a1=a1, a2=a2, q2=q2, a3=a3, q1b=q1b)


def second(store):
    c = store.create_conversation(title="Second chat")
    store.add_user_message(c.id, "Tell me about zeppelins")
    store.finish_answer(store.begin_answer(c.id, SMOL, {}).id, "Airships with a rigid frame.", st.COMPLETE)
    store.set_pinned(c.id, True)
    store.set_archived(c.id, True)
    return store.conversation(c.id)


def front_matter(text):
    assert text.startswith("---\n")
    block, body = text[4:].split("\n---\n", 1)
    values = {}
    for line in block.splitlines():
        key, value = line.split(": ", 1)
        values[key] = json.loads(value)
    import yaml  # PyYAML comes with huggingface-hub

    assert yaml.safe_load(block) == values  # real YAML reads the same
    return values, body


def local(stamp):
    return datetime.fromisoformat(stamp).astimezone()


# Markdown ---------------------------------------------------------------------------

def test_markdown_is_the_branch_on_screen_with_front_matter(store):
    c, m = trip(store)
    store.rename_conversation(c.id, TITLE)
    values, body = front_matter(exporting.conversation_markdown(store, c.id))
    c = store.conversation(c.id)
    assert values == {"title": TITLE, "created": c.created, "updated": c.updated, "model": "SmolLM2-135M-Instruct.Q4_1",
                      "id": c.id, "uuid": c.uuid, "system_prompt": "Answer in one word.", "branches": 2}
    assert body.count("## You") == 1 and body.count("## SmolLM2-135M-Instruct.Q4_1") == 1
    expected = (f"## You\n\n{local(m['q1'].created):%Y-%m-%d %H:%M}\n\nWhat is the capital of France?\n\n"
                f"## SmolLM2-135M-Instruct.Q4_1\n\n{local(m['a1'].created):%Y-%m-%d %H:%M}\n\n"
                "Paris.\n\n```\ncode stays verbatim\n```\n")
    assert body.endswith(expected) and body.startswith('\n# Plans: "Q3" / budget #1 — café next\n\n## You')
    for elsewhere in ("The capital of France is", "And of Spain?", "Capital of France, please"):
        assert elsewhere not in body


def test_markdown_marks_stopped_and_failed_answers(store):
    c, m = trip(store)
    store.show_version(m["a3"].id)
    values, body = front_matter(exporting.conversation_markdown(store, c.id))
    assert values["model"] == "qwen2.5-0.5b-instruct-q4_k_m"  # the last model used, any OS's path
    assert body.count("## qwen2.5-0.5b-instruct-q4_k_m") == 2 and "Paris" not in body
    assert "The capital of France is\n\n*Stopped before the end.*\n" in body
    assert body.rstrip().endswith("*Not finished: The model ran out of memory.*")
    empty = store.create_conversation(model=SMOL)
    values, body = front_matter(exporting.conversation_markdown(store, empty.id))
    assert values["model"] == "SmolLM2-135M-Instruct.Q4_1" and values["branches"] == 0
    assert "system_prompt" not in values and "##" not in body


def test_markdown_files_names_and_permissions(store, tmp_path):
    c, _ = trip(store)
    store.rename_conversation(c.id, TITLE)
    store.create_conversation(title="Über " * 80 + "end.")
    store.create_conversation(title="Why?...")
    gone = store.create_conversation(title="Thrown away")
    store.move_to_trash(gone.id)
    out = tmp_path / "exports" / "md"
    written = exporting.export_markdown(store, out)
    names = [p.name for p in written]
    day = f"{local(c.created):%Y-%m-%d}"
    assert names[0] == f"{day} Plans Q3 budget #1 — café next.md"  # no id: "(12)" read as a duplicate
    assert names[2] == f"{day} Why.md"
    assert names[1].startswith(f"{day} Über Über") and names[1].endswith("Über.md")
    assert len(names[1].encode()) <= 140 and len(names) == 3  # the trash is left out
    assert sorted(out.iterdir()) == sorted(written)
    assert written[0].read_text(encoding="utf-8") == exporting.conversation_markdown(store, c.id)
    if os.name == "posix":
        assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
        written[0].chmod(0o644)
    assert exporting.export_markdown(store, out, [gone.id, c.id]) == [out / f"{day} Thrown away.md",
                                                                      written[0]]
    if os.name == "posix":
        assert stat.S_IMODE(written[0].stat().st_mode) == 0o600  # written again: private again
    with pytest.raises(CoveError, match="no conversation 99"):
        exporting.export_markdown(store, out, [99])


@pytest.mark.parametrize("title", ['a/b\\c:d*e?f"g<h>i|j', "CON", "  ...  ", "tab\there\nnewline"])
def test_file_names_are_safe_everywhere(store, title):
    c = store.create_conversation(title=title)
    name = exporting.markdown_file_name(store.conversation(c.id))
    assert not set('/\\:*?"<>|\t\n') & set(name)
    assert name.endswith(".md") and f"({c.id})" not in name and " . " not in name and "  " not in name


def test_a_suffix_only_on_a_real_clash(store, tmp_path):
    """Same titles on the same day, someone else's file of that name, and exporting again."""
    a = store.create_conversation(title="Notes")
    b = store.create_conversation(title="Notes")
    out = tmp_path / "out"
    out.mkdir()
    day = f"{local(store.conversation(a.id).created):%Y-%m-%d}"
    (out / f"{day} Notes.md").write_text("the user's own file")
    written = exporting.export_markdown(store, out, [a.id, b.id])
    assert [p.name for p in written] == [f"{day} Notes (2).md", f"{day} Notes (3).md"]
    assert (out / f"{day} Notes.md").read_text() == "the user's own file"  # never overwritten
    again = exporting.export_markdown(store, out, [a.id, b.id])
    assert again == written and len(list(out.iterdir())) == 3  # an earlier export is replaced, not copied
    empty = tmp_path / "empty"
    assert [p.name for p in exporting.export_markdown(store, empty, [a.id])] == [f"{day} Notes.md"]


# JSON --------------------------------------------------------------------------------

def test_json_round_trip_reproduces_everything(store, other, tmp_path):
    c, m = trip(store)
    s2 = second(store)
    path = exporting.export_json(store, tmp_path / "out")
    assert path.parent == tmp_path / "out" and path.name.startswith("cove-export-") and path.suffix == ".json"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], len(data["conversations"])) == ("cove-conversations", 1, 2)
    messages = data["conversations"][0]["messages"]
    assert len(messages) == 6
    seen = set()
    for message in messages:  # parents before children
        assert message["parent_uuid"] is None or message["parent_uuid"] in seen
        seen.add(message["uuid"])

    result = exporting.import_json(other, path)
    assert result == exporting.ImportResult(2, 8, 0)
    copies = {conv.uuid: conv for conv in other.conversations(view=st.CHATS) + other.conversations(view=st.ARCHIVED)}
    for original in (c, s2):
        copy = copies[original.uuid]
        assert exporting.conversation_data(other, copy.id) == exporting.conversation_data(store, original.id)
        for field in ("title", "created", "updated", "model", "settings", "system_prompt", "pinned", "archived"):
            assert getattr(copy, field) == getattr(original, field), field
    copy = copies[c.uuid]
    assert copy.sampling_overrides == {"temperature": 0.2, "top_k": 40}
    assert [x.content for x in other.branch(copy.id)] == [x.content for x in store.branch(c.id)]
    by_uuid = {x.uuid: x for x in other.messages(copy.id)}
    for name, original in m.items():
        original = store.message(original.id)
        imported = by_uuid[original.uuid]
        parent = other.message(imported.parent_id).uuid if imported.parent_id else None
        assert parent == (store.message(original.parent_id).uuid if original.parent_id else None), name
        for field in ("role", "content", "status", "created", "updated", "error", "model_file",
                      "generation_settings", *exporting.STATS):
            assert getattr(imported, field) == getattr(original, field), (name, field)
    assert by_uuid[m["a1"].uuid].generation_settings == {"temperature": 0.2, "seed": 1234, "n_ctx": 2048}
    assert other.versions(other.branch(copy.id))[by_uuid[m["a1"].uuid].id].count == 2
    assert (copies[s2.uuid].pinned, copies[s2.uuid].archived) == (1, 1)


def test_importing_twice_adds_nothing(store, other, tmp_path):
    trip(store)
    path = exporting.export_json(store, tmp_path / "all.json")
    assert path == tmp_path / "all.json"
    assert exporting.import_json(other, path) == exporting.ImportResult(1, 6, 0)
    assert exporting.import_json(other, path) == exporting.ImportResult(0, 0, 6)
    assert exporting.import_json(store, path) == exporting.ImportResult(0, 0, 6)  # into the Cove it came from
    for s in (store, other):
        assert s.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 6
        assert s.db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0] == 1
    assert len(other.search("Spain")) == 1


def test_import_adds_only_the_missing_branch(store, other, tmp_path):
    c = store.create_conversation()
    q1 = store.add_user_message(c.id, "Name a colour")
    a1 = store.finish_answer(store.begin_answer(c.id, SMOL, {}).id, "Blue", st.COMPLETE)
    exporting.import_json(other, exporting.export_json(store, tmp_path / "early.json"))
    a2 = store.finish_answer(store.begin_answer(c.id, SMOL, {}, parent_id=q1.id).id, "Teal", st.COMPLETE)
    q2 = store.add_user_message(c.id, "Another?")
    store.show_version(a1.id)
    result = exporting.import_json(other, exporting.export_json(store, tmp_path / "late.json"))
    assert result == exporting.ImportResult(0, 2, 2)
    copy = other.conversations()[0]
    assert copy.uuid == c.uuid and other.count_conversations() == 1
    ours = exporting.conversation_data(store, c.id)
    theirs = exporting.conversation_data(other, copy.id)
    assert theirs["messages"] == ours["messages"]
    assert theirs["current_message_uuid"] == a1.uuid
    new = {x.uuid: x for x in other.messages(copy.id)}
    assert other.message(new[q2.uuid].parent_id).uuid == a2.uuid
    assert other.message(new[a2.uuid].parent_id).uuid == q1.uuid
    assert [x.content for x in other.branch(copy.id, new[q2.uuid].id)] == ["Name a colour", "Teal", "Another?"]


def test_an_answer_still_streaming_imports_as_failed(store, other, tmp_path):
    c = store.create_conversation()
    store.add_user_message(c.id, "Write a poem about rivers")
    answer = store.begin_answer(c.id, SMOL, {})
    store.save_partial_answer(answer.id, "The river bends")
    path = exporting.export_json(store, tmp_path / "x.json")
    assert json.loads(path.read_text())["conversations"][0]["messages"][1]["status"] == st.STREAMING
    exporting.import_json(other, path)
    copy = other.branch(other.conversations()[0].id)[-1]
    assert (copy.status, copy.content, copy.error) == (st.ERROR, "The river bends", exporting.INTERRUPTED)
    assert other.db.execute("SELECT COUNT(*) FROM messages WHERE status = 'streaming'").fetchone()[0] == 0


def test_imported_messages_are_found_by_search(store, other, tmp_path):
    trip(store)
    exporting.import_json(other, exporting.export_json(store, tmp_path / "x.json"))
    hits = other.search("Spain")
    assert len(hits) == 1 and hits[0].snippet == "And of [Spain]?"
    assert hits[0].conversation_id == other.conversations()[0].id
    assert len(other.search("verbatim")) == 1 and other.search("zeppelin") == []


def _valid(store, tmp_path):
    trip(store)
    second(store)
    return json.loads(exporting.export_json(store, tmp_path / "good.json").read_text())


@pytest.mark.parametrize("case, expected", [
    ("not-json", "not valid JSON"), ("truncated", "not valid JSON"), ("binary", "not valid JSON"),
    ("format", "not a Cove export"), ("list", "not a Cove export"), ("newer", "newer version of Cove"),
    ("no-conversations", "no list of conversations"), ("no-role", "message 2: 'role' is missing"),
    ("bad-status", "unknown status 'thinking'"), ("orphan", "the message it follows is missing"),
    ("bad-current", "current message is not among"), ("no-uuid", "'uuid' is missing"),
    ("stats-type", "'prompt_tokens' has the wrong type"), ("twice", "appears twice"),
    ("missing-file", "cannot read"),
])
def test_a_bad_file_is_refused_and_adds_nothing(case, expected, store, other, tmp_path):
    data = _valid(store, tmp_path)
    good = json.dumps(data)
    second_conversation = data["conversations"][1]  # the first one is fine: it must not be imported either
    if case == "not-json":
        text = "These are my notes, not an export."
    elif case == "truncated":
        text = good[: len(good) // 2]
    elif case == "binary":
        text = None
    elif case == "format":
        text = json.dumps({**data, "format": "chatgpt"})
    elif case == "list":
        text = json.dumps(data["conversations"])
    elif case == "newer":
        text = json.dumps({**data, "version": 2})
    elif case == "no-conversations":
        text = json.dumps({"format": "cove-conversations", "version": 1})
    else:
        if case == "no-role":
            del second_conversation["messages"][1]["role"]
        elif case == "bad-status":
            second_conversation["messages"][1]["status"] = "thinking"
        elif case == "orphan":
            second_conversation["messages"][1]["parent_uuid"] = "f" * 32
        elif case == "bad-current":
            second_conversation["current_message_uuid"] = "e" * 32
        elif case == "no-uuid":
            del second_conversation["uuid"]
        elif case == "stats-type":
            second_conversation["messages"][1]["prompt_tokens"] = "many"
        elif case == "twice":
            second_conversation["messages"][1]["uuid"] = second_conversation["messages"][0]["uuid"]
        text = json.dumps(data)
    path = tmp_path / "bad.json"
    if text is None:
        path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    elif case != "missing-file":
        path.write_text(text, encoding="utf-8")
    before = other.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    with pytest.raises(CoveError, match="(?i)" + expected.replace("?", r"\?")) as caught:
        exporting.import_json(other, path)
    assert "Nothing was imported" in str(caught.value) or case == "missing-file"
    assert other.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == before == 0
    assert other.db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0] == 0
    assert other.search("Paris") == []


# The command line ---------------------------------------------------------------------

def test_cli_export_and_import(tmp_path, monkeypatch, capsys):
    home = paths.current().ensure()
    s = st.Store(home.database)
    c, _ = trip(s)
    second(s)
    s.close()

    assert cli.main(["export", "--format", "md", "--out", str(tmp_path / "md")]) == 0
    out, err = capsys.readouterr()
    files = out.splitlines()
    assert len(files) == 2 and all(os.path.exists(f) for f in files)
    assert files[0].endswith(".md") and files[1].endswith("Second chat.md") and f"({c.id})" not in files[0]
    assert err == "Exported 2 conversations as Markdown (2 files).\n"

    assert cli.main(["export", "--format", "json", "--out", str(tmp_path / "json"), "--conversation", str(c.id)]) == 0
    out, err = capsys.readouterr()
    (path,) = out.splitlines()
    assert len(json.loads(Path(path).read_text(encoding="utf-8"))["conversations"]) == 1
    assert "Exported 1 conversation as JSON (1 file)." in err

    monkeypatch.setenv("COVE_HOME", str(tmp_path / "elsewhere"))
    assert cli.main(["import", path]) == 0
    assert capsys.readouterr().out == "Imported 1 conversation and 6 messages; 0 already here.\n"
    assert cli.main(["import", path]) == 0
    assert capsys.readouterr().out == "Imported 0 conversations and 0 messages; 6 already here.\n"
    s = st.Store(tmp_path / "elsewhere" / "cove.db")
    assert [x.uuid for x in s.conversations()] == [c.uuid] and len(s.messages(s.conversations()[0].id)) == 6
    s.close()


@pytest.mark.parametrize("args, expected", [
    (["import", "{tmp}/nothing.json"], "cannot read"),
    (["import", "{tmp}/notes.txt"], "not a Cove export"),
    (["export", "--out", "{tmp}/x", "--conversation", "42"], "There is no conversation 42"),
])
def test_cli_errors_are_one_line(args, expected, tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("shopping list")
    assert cli.main([a.replace("{tmp}", str(tmp_path)) for a in args]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("cove: ") and expected in err and len(err.splitlines()) == 1
    assert not (tmp_path / "x").exists()


def test_json_lists_parents_before_children_whatever_their_ids(store, other, tmp_path):
    c = store.create_conversation()
    q1 = store.add_user_message(c.id, "Second thought")
    a1 = store.finish_answer(store.begin_answer(c.id, SMOL, {}).id, "Noted", st.COMPLETE)
    q0 = store.add_user_message(c.id, "First thought", parent_id=None)  # newer id ...
    store.db.execute("UPDATE messages SET parent_id = ? WHERE id = ?", [q0.id, q1.id])  # ... but the root
    store.db.conn.commit()
    path = exporting.export_json(store, tmp_path / "x.json")
    order = [x["uuid"] for x in json.loads(path.read_text())["conversations"][0]["messages"]]
    assert order == [q0.uuid, q1.uuid, a1.uuid]
    assert exporting.import_json(other, path) == exporting.ImportResult(1, 3, 0)
    copy = other.conversations()[0].id
    assert exporting.conversation_data(other, copy)["messages"] == exporting.conversation_data(store, c.id)["messages"]
    leaf = other.latest_leaf(other.branch(copy)[0].id)
    assert [x.content for x in other.branch(copy, leaf)] == ["First thought", "Second thought", "Noted"]


# Hostile places and files (issue 12, items 1b, 3 and 9) ----------------------------------

def _dump(store) -> list[str]:
    return list(store.db.conn.iterdump())


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_export_replaces_a_symlink_at_the_name_and_never_writes_through_it(store, tmp_path, fmt):
    c, _ = trip(store)
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file")
    victim.chmod(0o644)
    out = tmp_path / "out"
    out.mkdir()
    name = "cove.json" if fmt == "json" else markdown_name(store, c)
    (out / name).symlink_to(victim)
    if fmt == "json":
        written = exporting.export_json(store, out / name)
    else:
        [written] = exporting.export_markdown(store, out, [c.id])
    assert written == out / name and not written.is_symlink()
    assert victim.read_text() == "someone else's file" and stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert stat.S_IMODE(written.stat().st_mode) == 0o600 and "France" in written.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == [name]  # no temporary file left behind


def markdown_name(store, conversation):
    return exporting.markdown_file_name(store.conversation(conversation.id))


def test_an_export_that_fails_on_a_full_disk_keeps_the_previous_one(store, tmp_path, monkeypatch):
    import errno

    from app.core import private_files

    trip(store)
    target = tmp_path / "out" / "cove.json"
    exporting.export_json(store, target)
    previous = target.read_bytes()
    second(store)
    real_write = os.write

    def full(fd, data):  # the disk fills half-way through the file
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(private_files.os, "write", full)
    with pytest.raises(CoveError, match="(?i)disk .* is full") as caught:
        exporting.export_json(store, target)
    assert "Free some space" in str(caught.value) and str(target) in str(caught.value)
    monkeypatch.undo()
    assert target.read_bytes() == previous  # the earlier export is intact
    assert sorted(p.name for p in target.parent.iterdir()) == ["cove.json"]  # and no half file beside it
    exporting.export_json(store, target)  # space again: it works
    assert "zeppelins" in target.read_text(encoding="utf-8")


def test_the_cli_export_on_a_full_disk_is_one_line_and_keeps_the_previous_file(tmp_path, monkeypatch, capsys):
    import errno

    from app.core import private_files

    s = st.Store(paths.current().ensure().database)
    c = s.create_conversation()
    s.add_user_message(c.id, "short")
    s.close()
    target = tmp_path / "out" / "cove.json"
    monkeypatch.setattr(cli, "private_umask", lambda: None)  # not this test process's umask
    assert cli.main(["export", "-f", "json", "-o", str(target)]) == 0
    previous = target.read_bytes()
    capsys.readouterr()

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(private_files.os, "write", full)
    assert cli.main(["export", "-f", "json", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected" not in err and len(err.strip().splitlines()) == 1
    assert err.startswith("cove: ") and "is full" in err and "previous file of that name is unchanged" in err
    assert target.read_bytes() == previous and sorted(p.name for p in target.parent.iterdir()) == ["cove.json"]


HOSTILE = ["nested", "nested-settings", "dev-zero", "fifo", "folder", "huge", "conversations-text",
           "message-list", "title-number", "attachments-dict", "big-int", "nan-pinned", "bad-date",
           "bad-message-date"]


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_import_file_is_refused_quickly_and_changes_nothing(case, store, other, tmp_path, monkeypatch):
    import time

    from app.core import importing

    data = _valid(store, tmp_path)
    exporting.import_json(other, tmp_path / "good.json")  # the database has something to lose
    before = _dump(other)
    path = tmp_path / "hostile.json"
    messages = data["conversations"][0]["messages"]
    if case == "nested":
        path.write_text("[" * 200_000 + "]" * 200_000)
    elif case == "nested-settings":
        messages[0]["generation_settings"] = {"a": {"b": {"c": [1, 2, {"d": 3}]}}}
    elif case == "dev-zero":
        path = Path("/dev/zero")
    elif case == "fifo":
        os.mkfifo(path)
    elif case == "folder":
        path = tmp_path
    elif case == "huge":
        monkeypatch.setattr(importing, "MAX_BYTES", 1 << 20)
        with path.open("wb") as f:
            f.truncate((1 << 20) + 1)  # sparse: large to stat(), nothing on disk
    elif case == "conversations-text":
        data["conversations"] = "all of them"
    elif case == "message-list":
        messages[1] = ["user", "hello"]
    elif case == "title-number":
        data["conversations"][1]["title"] = 12
    elif case == "attachments-dict":
        messages[0]["attachments"] = {"name": "a.txt"}
    elif case == "big-int":
        messages[1]["completion_tokens"] = 10 ** 30
    elif case == "nan-pinned":
        data["conversations"][1]["pinned"] = "yes"
    elif case == "bad-date":
        data["conversations"][1]["updated"] = "yesterday-ish"
    elif case == "bad-message-date":
        messages[1]["created"] = "2024-13-45T99:00:00"
    if case not in ("nested", "dev-zero", "fifo", "folder", "huge"):
        path.write_text(json.dumps(data))
    started = time.monotonic()
    with pytest.raises(CoveError) as caught:
        exporting.import_json(other, path)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message and "Nothing was imported" in message
    expected = {"huge": "too large", "fifo": "not a regular file", "dev-zero": "not a regular file",
                "folder": "not a regular file", "nested": "nested",
                "conversations-text": "no list of conversations"}.get(case, "Conversation ")
    assert expected in message
    assert _dump(other) == before


def test_the_cli_refuses_a_hostile_import_in_one_line(tmp_path):
    import subprocess
    import sys

    nested = tmp_path / "nested.json"
    nested.write_text("{\"a\":" * 100_000 + "1" + "}" * 100_000)
    for file in (nested, Path("/dev/zero")):
        result = subprocess.run([sys.executable, "-m", "app", "import", str(file)], capture_output=True,
                                text=True, timeout=60, env=os.environ.copy(), check=False)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("cove: ") and "Nothing was imported" in lines[0]
