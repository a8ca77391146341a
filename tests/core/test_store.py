import os
import sqlite3
import stat

import pytest

from app.core import store as st
from app.core.errors import CoveError


def test_schema_is_migrated_in_wal_mode(store, tmp_path):
    assert store.db.journal_mode == "wal"
    assert {"conversations", "messages"} <= set(store.db.table_names())
    assert [m.name for m in st.migrations.applied(store.db)] == [
        "m001_conversations_and_messages", "m002_conversation_settings_and_context", "m003_message_search",
        "m004_branches_organising_and_identity", "m005_attachments", "m006_notes_sources",
        "m007_fewer_pages_per_message"]
    assert stat.S_IMODE(os.stat(tmp_path / "cove.db").st_mode) == 0o600
    # Opening again applies nothing twice.
    st.Store(tmp_path / "cove.db").close()


def test_user_message_is_committed_and_names_the_conversation(store, tmp_path):
    conversation = store.create_conversation(model="m.gguf")
    store.add_user_message(conversation.id, "What is the capital of France? Answer in one word.")
    store.add_user_message(conversation.id, "And of Spain?")
    # Seen from another connection: it is committed, not pending.
    other = sqlite3.connect(tmp_path / "cove.db")
    rows = other.execute("SELECT role, content FROM messages ORDER BY id").fetchall()
    assert rows == [("user", "What is the capital of France? Answer in one word."), ("user", "And of Spain?")]
    title = other.execute("SELECT title FROM conversations").fetchone()[0]
    assert title == "What is the capital of France? Answer in one word."


def test_no_sqlite_utils_plugin_runs_in_the_database_connection(tmp_path, monkeypatch):
    # A plugin installed beside Cove (an entry point in the "sqlite_utils" group) would be handed
    # every connection through this hook: Cove's database stays its own.
    from app.core.sqlite_lib import sqlite_utils

    class Plugin:
        connections = []

        @sqlite_utils.hookimpl
        def prepare_connection(self, conn):
            self.connections.append(conn)

    plugin = Plugin()
    sqlite_utils.plugins.pm.register(plugin)
    try:
        sqlite_utils.Database(memory=True)  # the check can fail: sqlite-utils itself hands it over
        assert len(plugin.connections) == 1
        st.Store(tmp_path / "cove.db").close()
        assert len(plugin.connections) == 1
    finally:
        sqlite_utils.plugins.pm.unregister(plugin)


def test_long_first_message_gives_short_title():
    title = st.title_from("\n  Please summarise the following meeting notes about the quarterly budget review and hiring plan\nmore")
    assert title.endswith("…") and len(title) <= st.TITLE_LENGTH + 1
    assert title.startswith("Please summarise the following")
    assert st.title_from("   ") == "New chat"


def test_answer_lifecycle_keeps_settings_and_stats(store):
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "hi")
    answer = store.begin_answer(conversation.id, "/models/x.gguf", {"temperature": 0.0, "seed": -1})
    assert answer.status == st.STREAMING and answer.content == ""
    store.save_partial_answer(answer.id, "Hel")
    assert store.message(answer.id).content == "Hel"
    done = store.finish_answer(answer.id, "Hello", st.COMPLETE,
                               {"prompt_tokens": 10, "processed_tokens": 10, "completion_tokens": 2,
                                "tokens_per_second": 100.0, "time_to_first_token": 0.05, "seed": 1234})
    assert done.status == st.COMPLETE and done.content == "Hello"
    assert done.model_file == "/models/x.gguf"
    assert done.generation_settings == {"temperature": 0.0, "seed": 1234}
    assert (done.prompt_tokens, done.completion_tokens, done.tokens_per_second) == (10, 2, 100.0)


def test_conversations_most_recent_first(store):
    a = store.create_conversation()
    b = store.create_conversation()
    store.add_user_message(a.id, "newest activity")
    assert [c.id for c in store.conversations()] == [a.id, b.id]
    store.rename_conversation(b.id, "  Renamed  ")
    assert store.conversation(b.id).title == "Renamed"
    store.delete_conversation(a.id)
    assert [c.id for c in store.conversations()] == [b.id]
    assert store.messages(a.id) == []
    with pytest.raises(CoveError, match="no conversation"):
        store.conversation(a.id)


def test_interrupted_answers_are_kept_and_marked(store):
    conversation = store.create_conversation()
    answer = store.begin_answer(conversation.id, "m.gguf", {})
    store.save_partial_answer(answer.id, "partial text")
    assert store.recover_interrupted_answers() == 1
    recovered = store.message(answer.id)
    assert recovered.status == st.ERROR and recovered.content == "partial text"
    assert "closed" in recovered.error


def test_database_from_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "cove.db"
    st.Store(path).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('cove', 'm999_future', 'x')")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(CoveError, match="newer version of Cove"):
        st.Store(path)
    assert path.read_bytes() == before


def test_not_a_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "cove.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CoveError, match="damaged"):
        st.Store(path)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_a_database_from_the_first_version_is_migrated_in_place(tmp_path):
    from tests.support.databases import first_version_database

    path = tmp_path / "old.db"
    db = first_version_database(path)
    db["conversations"].insert({"title": "kept", "created": "t", "updated": "t", "model": ""})
    db["messages"].insert({"conversation_id": 1, "role": "user", "content": "an old note about zebras",
                           "status": "complete", "created": "t", "updated": "t"})
    db.close()
    upgraded = st.Store(path)
    [conversation] = upgraded.conversations()
    assert conversation.title == "kept" and conversation.sampling_overrides == {}
    assert [h.conversation_id for h in upgraded.search("zebras")] == [conversation.id]  # indexed on upgrade
    upgraded.set_conversation_sampling(conversation.id, {"temperature": 0.2})
    assert upgraded.conversation(conversation.id).sampling_overrides == {"temperature": 0.2}
    upgraded.close()


def test_full_text_search_finds_words_in_any_conversation(store):
    a = store.create_conversation()
    store.add_user_message(a.id, "Draft the budget for the Lisbon offsite")
    answer = store.begin_answer(a.id, "m.gguf", {})
    store.save_partial_answer(answer.id, "The offsite budget covers flights")  # indexed while streaming
    b = store.create_conversation()
    store.add_user_message(b.id, "Translate 'good morning' to Portuguese")
    hits = store.search("budget")
    assert {h.conversation_id for h in hits} == {a.id}
    assert all("[budget]" in h.snippet.lower() for h in hits) and len(hits) == 2
    assert [h.conversation_id for h in store.search("portug")] == [b.id]  # the last word is a prefix
    assert store.search('"') == [] and store.search("   ") == []
    store.finish_answer(answer.id, "Flights only", st.COMPLETE)
    assert [h.message_id for h in store.search("flights")] == [answer.id]
    assert store.search("covers") == []  # the index follows edits
    store.delete_conversation(a.id)
    assert store.search("budget") == []


@pytest.mark.parametrize("version", [1, 2, 3])
def test_every_earlier_schema_is_migrated_to_a_tree(tmp_path, version):
    from tests.support.databases import database_at_version

    path = tmp_path / "old.db"
    db = database_at_version(path, version)
    for cid in (1, 2):
        db["conversations"].insert({"title": f"chat {cid}", "created": "t", "updated": f"t{cid}", "model": ""})
    rows = [(1, "user", "first question about otters"), (2, "user", "other chat"), (1, "assistant", "an answer"),
            (1, "user", "a follow-up")]
    for cid, role, text in rows:
        db["messages"].insert({"conversation_id": cid, "role": role, "content": text,
                               "status": "complete", "created": "t", "updated": "t"})
    db.close()
    upgraded = st.Store(path)
    by_title = {c.title: c for c in upgraded.conversations()}
    assert set(by_title) == {"chat 1", "chat 2"}
    branch = upgraded.branch(by_title["chat 1"].id)
    assert [m.content for m in branch] == ["first question about otters", "an answer", "a follow-up"]
    assert branch[0].parent_id is None and [m.parent_id for m in branch[1:]] == [branch[0].id, branch[1].id]
    assert upgraded.versions(branch) == {}
    assert len({m.uuid for m in upgraded.messages(1) + upgraded.messages(2)}) == 4
    assert all(c.uuid for c in upgraded.conversations())
    assert [h.conversation_id for h in upgraded.search("otters")] == [by_title["chat 1"].id]
    upgraded.close()
    assert st.Store(path).branch(by_title["chat 2"].id)[0].content == "other chat"  # reopening changes nothing


def _exchange(store, conversation_id, question, answer, parent="current"):
    user = store.add_user_message(conversation_id, question, parent)
    reply = store.begin_answer(conversation_id, "m.gguf", {}, parent_id=user.id)
    return user, store.finish_answer(reply.id, answer, st.COMPLETE)


def test_edits_and_regenerations_are_branches_the_user_can_step_through(store):
    c = store.create_conversation()
    q1, a1 = _exchange(store, c.id, "Name a colour", "Blue")
    q2, a2 = _exchange(store, c.id, "Another one", "Green")
    # Regenerate the last answer: a sibling of it.
    a2b = store.finish_answer(store.begin_answer(c.id, "m.gguf", {}, parent_id=q2.id).id, "Teal", st.COMPLETE)
    assert [m.content for m in store.branch(c.id)] == ["Name a colour", "Blue", "Another one", "Teal"]
    assert store.versions(store.branch(c.id))[a2b.id] == st.Versions(2, 2, a2.id, None)
    # Edit the first question: everything after the old one stays on the old branch.
    q1b, a1b = _exchange(store, c.id, "Name a fruit", "Apple", parent=None)
    assert [m.content for m in store.branch(c.id)] == ["Name a fruit", "Apple"]
    versions = store.versions(store.branch(c.id))
    assert versions[q1b.id] == st.Versions(2, 2, q1.id, None) and a1b.id not in versions
    # Step back to version 1: the old branch comes back as it was last continued.
    store.show_version(q1.id)
    assert [m.content for m in store.branch(c.id)] == ["Name a colour", "Blue", "Another one", "Teal"]
    store.show_version(a2.id)
    assert [m.content for m in store.branch(c.id)][-1] == "Green"
    assert len(store.messages(c.id)) == 7  # nothing was overwritten
    assert store.conversation(c.id).title == "Name a colour"  # an edit does not rename


def test_deleting_a_message_keeps_what_followed_it(store):
    c = store.create_conversation()
    q1, a1 = _exchange(store, c.id, "one", "two")
    q2, a2 = _exchange(store, c.id, "three", "four")
    store.delete_message(a1.id)
    assert [m.content for m in store.branch(c.id)] == ["one", "three", "four"]
    store.delete_message(a2.id)  # the leaf: the branch now ends at its parent
    assert [m.content for m in store.branch(c.id)] == ["one", "three"]
    store.delete_message(q1.id)
    assert [m.content for m in store.branch(c.id)] == ["three"]
    assert store.search("two") == [] and [h.message_id for h in store.search("three")] == [q2.id]


def test_search_index_follows_edits_status_changes_and_deletes(store):
    c = store.create_conversation()
    _q, a = _exchange(store, c.id, "kangaroo facts", "they hop")
    store.finish_answer(a.id, "marsupials hop", st.STOPPED)
    assert store.search("they") == [] and [h.message_id for h in store.search("marsupials")] == [a.id]
    store.resume_answer(a.id)  # a status change alone re-indexes nothing but keeps the text found
    assert [h.message_id for h in store.search("marsupials")] == [a.id]
    store.db.execute("INSERT INTO messages_fts(messages_fts) VALUES('integrity-check')")  # raises if out of sync
    store.delete_conversation(c.id)
    assert store.search("kangaroo") == [] and store.search("marsupials") == []


def test_pin_archive_trash_and_restore(store):
    a, b, c = (store.create_conversation(title=t) for t in ("a", "b", "c"))
    for conversation in (a, b, c):
        store.add_user_message(conversation.id, f"hello {conversation.title}")
    assert [x.title for x in store.conversations()] == ["c", "b", "a"]  # last activity first
    store.set_pinned(a.id, True)
    assert [x.title for x in store.conversations()] == ["a", "c", "b"]
    store.set_archived(b.id, True)
    assert [x.title for x in store.conversations()] == ["a", "c"]
    assert [x.title for x in store.conversations(view=st.ARCHIVED)] == ["b"]
    store.move_to_trash(c.id)
    assert [x.title for x in store.conversations()] == ["a"] and store.search("hello c") == []
    assert [x.title for x in store.conversations(view=st.TRASH)] == ["c"]
    assert store.count_conversations(st.TRASH) == 1
    store.restore_from_trash(c.id)
    assert [x.title for x in store.conversations()] == ["a", "c"]
    store.move_to_trash(c.id)
    assert store.empty_trash(older_than_days=30) == []  # deleted just now: kept for 30 days
    store.db["conversations"].update(c.id, {"deleted": "2020-01-01T00:00:00+00:00"})
    assert store.empty_trash(older_than_days=30) == [c.id]
    assert store.messages(c.id) == [] and store.count_conversations(st.TRASH) == 0
    store.set_archived(b.id, False)
    assert [x.title for x in store.conversations(limit=1, offset=1)] == ["b"]  # pages for a long list
