"""Meaning search from the command line (app/cli_meaning.py): `cove notes add/refresh` embed the new
passages with a progress line, `search` is hybrid, `status` says whether meaning search is on (and if not,
what the user gains and how), `remove` drops the folder's vectors, `cove chat --notes` embeds the question
with the chat's own engine. The embedding model is the fake one (tests/support/fake_embedder.py); a damaged
vectors file or a failing model leaves keyword search working, with one line saying what to do."""

import json

import pytest

from app import cli_ask, cli_meaning
from app.cli import main
from app.core import paths
from app.core import store as st
from app.core.errors import CoveError
from app.core.notes.vectors import VectorStore
from tests.support.fake_embedder import FakeEmbedder


@pytest.fixture
def vault(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "car.md").write_text("# Garage\n\nThe automobile needs new tyres before winter.\n")
    (folder / "soup.md").write_text("# Recipes\n\nLentil soup needs cumin and lemon.\n")
    (folder / "dog.md").write_text("# Pets\n\nThe puppy goes to the vet on Friday.\n")
    return folder


@pytest.fixture
def embedder(monkeypatch):
    """Meaning search on, with the fake embedding model; records the engine client it was given."""
    fake = FakeEmbedder()
    fake.clients = []

    def meaning_for(app_paths, settings, client=None):
        fake.clients.append(client)
        return VectorStore(app_paths.notes_vectors), fake
    monkeypatch.setattr(cli_meaning, "meaning_for", meaning_for)
    return fake


def run(capsys, *args):
    code = main(["notes", *args])
    out, err = capsys.readouterr()
    return code, out, err


def vector_hashes():
    with VectorStore(paths.current().notes_vectors) as store:
        return store.hashes()


def test_add_embeds_the_passages_and_refresh_only_the_new_ones(vault, embedder, capsys):
    code, out, err = run(capsys, "add", str(vault))
    assert code == 0 and out == ""
    assert "Meaning search: 3/3 passages" in err and "Meaning search: 3 passages embedded in" in err
    assert len(vector_hashes()) == 3 and len(embedder.documents) == 3
    (vault / "boiler.md").write_text("# House\n\nThe furnace was serviced in May.\n")
    code, _, err = run(capsys, "refresh")
    assert code == 0 and "Meaning search: 1/1 passages" in err
    assert len(vector_hashes()) == 4 and len(embedder.documents) == 4
    code, out, _ = run(capsys, "status")
    assert code == 0 and "Meaning search: on (fake-embedder.gguf:256), 4 of 4 passages embedded." in out


def test_search_is_hybrid_when_meaning_search_is_on(vault, embedder, capsys, monkeypatch):
    assert run(capsys, "add", str(vault))[0] == 0
    code, out, err = run(capsys, "search", "my car")
    assert code == 0 and out.splitlines()[0].startswith("[1] car.md › Garage (line 3)") and err == ""
    found = json.loads(run(capsys, "search", "heating for my vehicle", "--json", "--limit", "1")[1])
    assert [hit["path"] for hit in found] == ["car.md"] and found[0]["lines"] == [3, 3]
    assert embedder.queries[-1] == "heating for my vehicle"
    # No words to match: meaning search still answers (keyword search alone refuses it, below).
    code, out, _ = run(capsys, "search", "¿…?", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_without_an_embedding_model_search_is_keyword_only_and_status_says_what_one_gives(vault, capsys):
    assert cli_meaning.meaning_for(paths.current(), None) is None  # nothing installed in this COVE_HOME
    code, _, err = run(capsys, "add", str(vault))
    assert code == 0 and "Meaning search" not in err
    assert json.loads(run(capsys, "search", "my car", "--json")[1]) == []
    code, _, err = run(capsys, "search", "¿…?")
    assert code == 1 and "Give some words to search for" in err
    code, out, _ = run(capsys, "status")
    assert code == 0 and "Meaning search: off (no embedding model installed)." in out
    assert "say the same thing in other words" in out and "`cove models catalog`" in out
    assert not paths.current().notes_vectors.exists()


def test_a_damaged_vectors_file_is_reported_and_keyword_search_still_works(vault, embedder, capsys):
    assert run(capsys, "add", str(vault))[0] == 0
    vectors = paths.current().notes_vectors
    for companion in vectors.parent.glob("notes-vectors.db-*"):
        companion.unlink()
    vectors.write_bytes(b"\0garbage" * 4096)
    code, out, err = run(capsys, "search", "lentil")
    assert code == 0 and out.startswith("[1] soup.md")
    assert err.count("\n") == 1 and "damaged" in err and "Delete notes-vectors.db: it is rebuilt" in err
    code, out, _ = run(capsys, "status")
    assert code == 0 and "Meaning search: unavailable: The meaning-search file" in out
    vectors.unlink()
    code, _, err = run(capsys, "refresh")  # deleted: rebuilt from the notes
    assert code == 0 and "Meaning search: 3/3 passages" in err and len(vector_hashes()) == 3


def test_a_failing_model_keeps_the_keyword_index_and_says_how_to_retry(vault, embedder, capsys):
    embedder.fail_with = CoveError("The embedding engine stopped.")
    code, _, err = run(capsys, "add", str(vault))
    assert code == 0 and "cove: meaning search: The embedding engine stopped. Keyword search works" in err
    assert run(capsys, "list")[1] == f"{vault}\t3 files\t3 passages\n"
    code, out, err = run(capsys, "search", "lentil")  # nothing embedded yet: keyword search, quietly
    assert code == 0 and out.startswith("[1] soup.md") and err == "" and embedder.queries == []
    embedder.fail_with = None
    assert "Meaning search: 3/3 passages" in run(capsys, "refresh")[2]
    embedder.fail_with = CoveError("The embedding engine stopped.")
    code, out, err = run(capsys, "search", "lentil")
    assert code == 0 and out.startswith("[1] soup.md")
    assert err == "cove: meaning search is off for now: The embedding engine stopped.\n"


def test_removing_a_folder_drops_its_vectors(vault, embedder, capsys, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "fleet.md").write_text("# Fleet\n\nEvery company vehicle gets a service in March.\n")
    assert run(capsys, "add", str(vault))[0] == 0 and run(capsys, "add", str(other))[0] == 0
    assert len(vector_hashes()) == 4
    assert run(capsys, "remove", str(vault))[0] == 0
    assert len(vector_hashes()) == 1


def test_the_session_shuts_down_the_engine_it_started(monkeypatch):
    started = []

    class Client:
        def shutdown(self, timeout=3.0):
            started.append("shut down")
    monkeypatch.setattr(cli_meaning, "_new_client", lambda: started.append("started") or Client())
    monkeypatch.setattr(cli_meaning, "meaning_for", lambda p, s, client=None: None)
    with cli_meaning.session(paths.current().ensure(), None) as pair:
        assert pair is None
    assert started == ["started", "shut down"]
    given = Client()
    with cli_meaning.session(paths.current(), None, client=given):
        pass
    assert started == ["started", "shut down"]  # the caller's engine is the caller's to stop


def test_chat_with_notes_embeds_the_question_with_the_chats_engine(vault, embedder, capsys, store):
    assert run(capsys, "add", str(vault))[0] == 0
    chat_engine = object()
    conversation = store.create_conversation(title="Cars")
    answer = store.add_user_message(conversation.id, "Is my car ready for winter?")
    prompt = [{"role": "user", "content": "Is my car ready for winter?"}]
    messages, sources = cli_ask.prepare(store, paths.current(), answer.id, "Is my car ready for winter?", prompt,
                                        4096, 256, settings=None, client=chat_engine)
    assert embedder.clients[-1] is chat_engine and embedder.queries[-1] == "Is my car ready for winter?"
    assert sources[0].path == "car.md" and "automobile" in messages[-1]["content"]
    assert [s.path for s in store.sources_for([answer.id])[answer.id]][0] == "car.md"


@pytest.fixture
def store(tmp_path):
    s = st.Store(paths.current().ensure().database)
    yield s
    s.close()
