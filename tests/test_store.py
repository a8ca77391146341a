import os
import sqlite3
import stat

import pytest

from app.core import store as st
from app.core.errors import CoveError


@pytest.fixture
def store(tmp_path):
    s = st.Store(tmp_path / "cove.db")
    yield s
    s.close()


def test_schema_is_migrated_in_wal_mode(store, tmp_path):
    assert store.db.journal_mode == "wal"
    assert {"conversations", "messages"} <= set(store.db.table_names())
    assert [m.name for m in st.migrations.applied(store.db)] == [
        "m001_conversations_and_messages", "m002_conversation_settings_and_context", "m003_message_search"]
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
    from conftest import first_version_database

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
