"""Ask your notes: passages chosen within the budget, numbered in the prompt, citations parsed,
the passages stored with the answer, exported and imported with it, and the migration."""

import json
import sqlite3
from pathlib import Path

import pytest

from app.core import exporting
from app.core import store as st
from app.core.errors import CoveError
from app.core.notes import citing
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.retrieval import Hit
from tests.support.databases import database_at_version


def hit(n: int, text: str) -> Hit:
    return Hit(n, Path("/notes"), f"n{n}.md", f"Heading {n}", n, n + 2, None, 1.0, text, text)


@pytest.fixture
def vault(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "ferry.md").write_text("# Trips\n\n## Ferry\n\nThe ferry to Tallinn leaves at nine from pier four.\n")
    (folder / "bread.md").write_text("# Recipes\n\nBake the rye bread for forty minutes.\n")
    return folder


def test_passages_are_chosen_best_first_within_the_budget():
    hits = [hit(1, "a" * 400), hit(2, "b" * 4000), hit(3, "c" * 400)]
    chosen = citing.choose(hits, tokens=2 * citing.passage_cost("a" * 400))
    # The 1000-token passage does not fit: passed over for the smaller one after it, renumbered.
    assert [(s.number, s.path) for s in chosen] == [(1, "n1.md"), (2, "n3.md")]
    assert sum(citing.passage_cost(s.text) for s in chosen) <= 2 * citing.passage_cost("a" * 400)
    assert citing.choose(hits, tokens=10) == []


def test_budget_leaves_room_for_history_and_answer():
    empty = citing.budget(4096, 256, [{"role": "user", "content": "q?"}])
    assert empty == 4096 * citing.NOTES_SHARE  # a share of the context at most
    long_history = [{"role": "user", "content": "x" * 4 * 3000}]
    tight = citing.budget(4096, 256, long_history)
    assert 0 <= tight < 4096 - 3000 - citing.answer_room(4096, 256) + 1
    assert citing.budget(4096, 256, [{"role": "user", "content": "x" * 4 * 5000}]) == 0


def test_prompt_shows_numbered_passages_before_the_question_only():
    sources = citing.choose([hit(1, "The ferry leaves at nine."), hit(2, "Rye bread: forty minutes.")], 1000)
    prompt = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Old question"},
              {"role": "assistant", "content": "Old answer"}, {"role": "user", "content": "When does the ferry leave?"}]
    sent = citing.with_passages(prompt, sources)
    assert sent[:3] == prompt[:3] and prompt[3]["content"] == "When does the ferry leave?"  # a copy
    last = sent[3]["content"]
    assert "[1] n1.md › Heading 1\nThe ferry leaves at nine." in last
    assert "[2] n2.md › Heading 2\nRye bread: forty minutes." in last
    assert "cite it as [n]" in last and last.endswith("Question: When does the ferry leave?")
    assert last.index("[1]") < last.index("[2]") < last.index("Question:")
    assert citing.with_passages(prompt, []) == prompt


def test_citations_are_parsed():
    assert citing.cited_numbers("Nine [2]. Pier four [1][2], see [1, 3] and [3;2].", 3) == [2, 1, 3]
    assert citing.cited_numbers("In [1999] and [7] and [0] and [x].", 3) == []
    sources = citing.choose([hit(1, "a"), hit(2, "b")], 1000)
    assert [s.cited for s in citing.cite(sources, "It is b [2].")] == [False, True]


def test_retrieval_from_a_real_index_with_hashes(vault, tmp_path):
    with NotesIndex(tmp_path / "notes.db") as index:
        root = index.add_root(vault)
        Indexer(index).sync(root)
        sources = citing.retrieve(index, "When does the ferry leave?", 1000, [vault])
        assert sources and sources[0].path == "ferry.md" and "Tallinn" in sources[0].text
        assert sources[0].heading.endswith("Ferry") and sources[0].line_start is not None
        assert len(sources[0].sha256) == 64
        assert citing.retrieve(index, "When does the ferry leave?", 0, [vault]) == []
        assert citing.retrieve(index, "When does the ferry leave?", 1000, []) == []


def answered_with_sources(store: st.Store) -> tuple[st.Conversation, st.Message, list[st.Source]]:
    conversation = store.create_conversation(model="m.gguf")
    store.set_use_notes(conversation.id, True)
    store.add_user_message(conversation.id, "When does the ferry leave?")
    answer = store.begin_answer(conversation.id, "m.gguf", {})
    sources = citing.choose([hit(1, "The ferry leaves at nine."), hit(2, "Rye <bread>.")], 1000)
    store.add_sources(answer.id, sources)
    store.finish_answer(answer.id, "At nine [1].", st.COMPLETE)
    store.mark_cited(answer.id, citing.cited_numbers("At nine [1].", 2))
    return store.conversation(conversation.id), answer, sources


def test_sources_are_stored_with_the_answer_and_go_with_it(store):
    conversation, answer, sources = answered_with_sources(store)
    assert conversation.use_notes == 1
    stored = store.sources_for([answer.id])[answer.id]
    assert [(s.number, s.path, s.heading, s.line_start, s.line_end, s.text, s.cited) for s in stored] == [
        (1, "n1.md", "Heading 1", 1, 3, "The ferry leaves at nine.", True),
        (2, "n2.md", "Heading 2", 2, 4, "Rye <bread>.", False)]
    assert stored[0].label() == "[1] n1.md › Heading 1 (lines 1-3)"
    store.delete_message(answer.id)
    assert store.sources_for([answer.id]) == {}
    assert store.db.execute("SELECT count(*) FROM message_sources").fetchone()[0] == 0


def test_export_markdown_and_json_carry_sources_and_import_round_trips(store, tmp_path):
    conversation, answer, _ = answered_with_sources(store)
    markdown = exporting.conversation_markdown(store, conversation.id)
    assert "**Sources**\n\n- [1] n1.md › Heading 1 (lines 1-3)\n- [2] n2.md › Heading 2 (lines 2-4) *(not cited)*" \
        in markdown
    assert markdown.index("At nine [1].") < markdown.index("**Sources**")
    path = exporting.export_json(store, tmp_path / "out.json")
    data = json.loads(path.read_text())
    item = data["conversations"][0]
    assert item["use_notes"] is True
    assert "sources" not in item["messages"][0]
    assert item["messages"][1]["sources"][0] == {
        "number": 1, "folder": "/notes", "path": "n1.md", "heading": "Heading 1", "line_start": 1, "line_end": 3,
        "page": None, "sha256": "", "text": "The ferry leaves at nine.", "cited": True}
    other = st.Store(tmp_path / "other.db")
    try:
        assert exporting.import_json(other, path).messages_added == 2
        (cid, _), = [other.conversation_by_uuid(conversation.uuid)]
        assert other.conversation(cid).use_notes == 1
        leaf = other.branch(cid)[-1]
        assert other.sources_for([leaf.id])[leaf.id] == store.sources_for([answer.id])[answer.id]
        # Again: nothing doubles.
        assert exporting.import_json(other, path).skipped == 2
        assert other.db.execute("SELECT count(*) FROM message_sources").fetchone()[0] == 2
    finally:
        other.close()


def test_an_old_export_without_sources_still_imports(store, tmp_path):
    conversation, _, _ = answered_with_sources(store)
    data = json.loads(exporting.export_json(store, tmp_path / "out.json").read_text())
    for item in data["conversations"]:
        del item["use_notes"]
        for message in item["messages"]:
            message.pop("sources", None)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data))
    other = st.Store(tmp_path / "other.db")
    try:
        assert exporting.import_json(other, old).messages_added == 2
        assert other.db.execute("SELECT count(*) FROM message_sources").fetchone()[0] == 0
        assert other.conversations()[0].use_notes == 0
    finally:
        other.close()


@pytest.mark.parametrize("bad, says", [
    ({"number": "1"}, "'number' has the wrong type"), ({"number": 0}, "'number' must be 1 or more"),
    ({"path": None}, "'path' is missing"), ({"line_start": 1.5}, "'line_start' has the wrong type"),
    ({"cited": "yes"}, "'cited' has the wrong type")])
def test_a_bad_source_is_refused_and_nothing_is_imported(store, tmp_path, bad, says):
    answered_with_sources(store)
    data = json.loads(exporting.export_json(store, tmp_path / "out.json").read_text())
    data["conversations"][0]["messages"][1]["sources"][0].update(bad)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    other = st.Store(tmp_path / "other.db")
    try:
        before = other.db.execute("SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM message_sources)"
                                  ).fetchone()
        with pytest.raises(CoveError, match=says) as error:
            exporting.import_json(other, path)
        assert "source 1" in str(error.value) and "Nothing was imported." in str(error.value)
        assert other.db.execute("SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM message_sources)"
                                ).fetchone() == before == (0, 0)
    finally:
        other.close()


def test_migration_from_the_previous_schema_keeps_everything(tmp_path):
    path = tmp_path / "cove.db"
    db = database_at_version(path, 5)
    db["conversations"].insert({"id": 1, "title": "Old", "created": "2024-01-01T00:00:00+00:00",
                                "updated": "2024-01-01T00:00:00+00:00", "uuid": "c1"})
    db["messages"].insert({"id": 1, "conversation_id": 1, "role": "user", "content": "hello", "status": "complete",
                           "created": "2024-01-01T00:00:00+00:00", "updated": "2024-01-01T00:00:00+00:00",
                           "uuid": "m1"})
    db.close()
    store = st.Store(path)
    try:
        assert "m006_notes_sources" in {m.name for m in st.migrations.applied(store.db)}
        assert store.conversation(1).use_notes == 0 and store.message(1).content == "hello"
        store.add_sources(1, citing.choose([hit(1, "x")], 100))
        assert store.has_sources(1)
    finally:
        store.close()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM message_sources").fetchone()[0] == 1


def test_a_one_note_vault_is_found_whatever_the_other_words(tmp_path):
    # Every word of the only passage is "common" (in over half the passages): the question's other
    # words are found nowhere, so dropping the common ones would find nothing.
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "ferry.md").write_text("# Ferry\n\nThe ferry to Tallinn leaves at nine.\n")
    with NotesIndex(tmp_path / "notes.db") as index:
        Indexer(index).sync(index.add_root(folder))
        sources = citing.retrieve(index, "When does the ferry to Tallinn leave?", 1000, [folder])
        assert [s.path for s in sources] == ["ferry.md"]
