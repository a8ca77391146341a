"""The vectors file (app/core/notes/vectors.py) and embedding what is missing (meaning.py): vectors keyed by
content hash survive renames, go with deleted notes, are dropped when the model changes; the file is private,
deleted with the user's data, never exported, and a damaged one gives a message that says what to do."""

import os
import stat

import pytest

from app.core import data_hygiene, exporting, paths
from app.core.errors import CoveError
from app.core.notes import meaning
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.vectors import VectorStore
from tests.support.fake_embedder import FakeEmbedder, vector


@pytest.fixture
def vault(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "car.md").write_text("# Car\n\nThe automobile needs new tyres before winter.\n")
    (folder / "doctor.md").write_text("# Health\n\nThe physician said to rest the knee for two weeks.\n")
    (folder / "soup.txt").write_text("Lentil soup needs cumin and lemon.\n")
    return folder


@pytest.fixture
def index():
    db = NotesIndex(paths.current().ensure().notes_index)
    yield db
    db.close()


@pytest.fixture
def store():
    vs = VectorStore(paths.current().ensure().notes_vectors)
    yield vs
    vs.close()


def indexed(index, folder):
    root = index.add_root(folder)
    Indexer(index).sync(root)
    return root


def hashes_in(index):
    return {r[0] for r in index.db.execute("SELECT sha256 FROM passages")}


def test_every_passage_gets_one_vector_and_a_second_run_embeds_nothing(vault, index, store):
    indexed(index, vault)
    embedder = FakeEmbedder()
    progress = []
    assert meaning.embed_missing(index, store, embedder, progress=lambda d, t: progress.append((d, t))) == 3
    assert progress == [(0, 3), (3, 3)]
    assert store.hashes() == hashes_in(index) and store.count() == 3
    assert (store.model_id, store.dimensions) == (embedder.model_id, 256)
    embedder.documents.clear()
    assert meaning.embed_missing(index, store, embedder) == 0 and embedder.documents == []


def test_a_renamed_note_keeps_its_vector(vault, index, store):
    root = indexed(index, vault)
    embedder = FakeEmbedder()
    meaning.embed_missing(index, store, embedder)
    before = store.hashes()
    (vault / "car.md").rename(vault / "vehicle-maintenance.md")
    result = Indexer(index).sync(root)
    assert result.renamed == 1
    embedder.documents.clear()
    assert meaning.embed_missing(index, store, embedder) == 0 and embedder.documents == []
    assert store.hashes() == before


def test_the_same_text_in_two_notes_is_embedded_once(vault, index, store):
    (vault / "copy.txt").write_text((vault / "soup.txt").read_text())
    indexed(index, vault)
    embedder = FakeEmbedder()
    assert meaning.embed_missing(index, store, embedder) == 3
    assert sorted(embedder.documents).count("Lentil soup needs cumin and lemon.") == 1


def test_deleted_and_edited_notes_lose_their_vectors(vault, index, store):
    root = indexed(index, vault)
    embedder = FakeEmbedder()
    meaning.embed_missing(index, store, embedder)
    old = store.hashes()
    (vault / "soup.txt").unlink()
    (vault / "doctor.md").write_text("# Health\n\nKnee is better; back to running.\n")
    os.utime(vault / "doctor.md", ns=(0, 10**18))
    Indexer(index).sync(root)
    assert store.prune(index) == 2
    assert store.hashes() == old & hashes_in(index) and len(store.hashes()) == 1
    assert meaning.embed_missing(index, store, embedder) == 1  # only the edited note's new text
    assert store.hashes() == hashes_in(index)


def test_another_model_resets_the_vectors(vault, index, store):
    indexed(index, vault)
    meaning.embed_missing(index, store, FakeEmbedder("small.gguf:1000", 256))
    bigger = FakeEmbedder("bigger.gguf:2000", 96)
    assert meaning.embed_missing(index, store, bigger) == 3
    assert (store.model_id, store.dimensions, store.count()) == ("bigger.gguf:2000", 96, 3)
    assert len(store.nearest(bigger.embed_query("car"), 5)) == 3
    # Reopened, the store still knows which model made its vectors.
    store.close()
    with VectorStore(paths.current().notes_vectors) as again:
        assert (again.model_id, again.dimensions, again.count()) == ("bigger.gguf:2000", 96, 3)
        assert again.use_model("other.gguf:1") is True and (again.model_id, again.count()) == (None, 0)
    assert VectorStore(paths.current().notes_vectors).count() == 0


def test_nearest_is_by_meaning_and_bounded(vault, index, store):
    indexed(index, vault)
    meaning.embed_missing(index, store, FakeEmbedder())
    car = next(sha for sha, text in index.db.execute("SELECT sha256, text FROM passages") if "automobile" in text)
    found = store.nearest(vector("my car"), 2)
    assert len(found) == 2 and found[0][0] == car and found[0][1] < found[1][1]
    assert store.nearest(vector("x"), 10**9)[-1][1] >= found[0][1]  # k is capped, not an error
    with pytest.raises(CoveError, match="embedding model changed"):
        store.nearest([1.0, 0.0], 3)


def test_stopping_keeps_what_was_embedded(vault, index, store, monkeypatch):
    monkeypatch.setattr(meaning, "BATCH", 1)
    indexed(index, vault)
    calls = []
    assert meaning.embed_missing(index, store, FakeEmbedder(), should_stop=lambda: calls.append(1) or len(calls) > 2) == 2
    assert store.count() == 2
    assert meaning.embed_missing(index, store, FakeEmbedder()) == 1


def test_an_embedding_failure_is_a_cove_error_and_keeps_earlier_batches(vault, index, store, monkeypatch):
    monkeypatch.setattr(meaning, "BATCH", 2)
    indexed(index, vault)
    embedder = FakeEmbedder()
    real = embedder.embed_documents
    calls = []

    def flaky(texts):
        calls.append(texts)
        if len(calls) == 2:
            raise CoveError("The embedding model stopped. Try again.")
        return real(texts)
    embedder.embed_documents = flaky
    with pytest.raises(CoveError, match="embedding model stopped"):
        meaning.embed_missing(index, store, embedder)
    assert store.count() == 2
    wrong = FakeEmbedder()
    wrong.embed_documents = lambda texts: []
    with pytest.raises(CoveError, match="returned 0 vectors for 1 passages"):
        meaning.embed_missing(index, store, wrong)
    wrong.embed_documents = lambda texts: [[1.0, 0.0]]
    with pytest.raises(CoveError, match="wrong size"):
        meaning.embed_missing(index, store, wrong)
    assert store.count() == 2


def test_vectors_of_the_wrong_size_are_refused(store):
    store.add("m.gguf:1", [("a" * 64, [1.0, 0.0, 0.0])])
    with pytest.raises(CoveError, match="wrong size"):
        store.add("m.gguf:1", [("b" * 64, [1.0, 0.0])])
    assert store.hashes() == {"a" * 64}


def test_the_file_and_its_companions_are_private(vault, index, store):
    indexed(index, vault)
    meaning.embed_missing(index, store, FakeEmbedder())
    files = [p for p in store.path.parent.glob("notes-vectors.db*")]
    assert {p.name for p in files} >= {"notes-vectors.db", "notes-vectors.db-wal", "notes-vectors.db-shm"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)


def test_a_damaged_file_says_to_delete_it(tmp_path):
    broken = tmp_path / "notes-vectors.db"
    broken.write_bytes(b"not a database at all" * 100)
    with pytest.raises(CoveError) as caught:
        VectorStore(broken)
    message = str(caught.value)
    assert "damaged" in message and "Delete notes-vectors.db: it is rebuilt" in message and "\n" not in message
    assert broken.read_bytes() == b"not a database at all" * 100  # left for the user to delete


def test_a_busy_or_full_file_says_so(store, monkeypatch):
    assert "busy" in str(store._error(store._driver.OperationalError("database is locked")))
    full = str(store._error(store._driver.OperationalError("database or disk is full")))
    assert "is full" in full and "Free some space" in full


def test_delete_all_my_data_removes_the_vectors_and_exports_never_include_them(vault, index, store, tmp_path):
    from app.core.store import Store

    indexed(index, vault)
    meaning.embed_missing(index, store, FakeEmbedder())
    store.close()
    app_paths = paths.current()
    conversations = Store(app_paths.database)
    conversation = conversations.create_conversation(title="Plans")
    conversations.add_user_message(conversation.id, "hello")
    written = exporting.export_json(conversations, tmp_path / "out", [conversation.id])
    markdown = exporting.export_markdown(conversations, tmp_path / "md", [conversation.id])
    conversations.close()
    for path in [written, *markdown]:
        text = path.read_text()
        assert "automobile" not in text and "notes-vectors" not in text
    assert "Notes meaning-search vectors — " in data_hygiene.describe(app_paths, include_models=False)
    index.close()
    report = data_hygiene.delete_all_data(app_paths)
    assert "Notes meaning-search vectors" in [r.what for r in report.removed] and report.failed == []
    assert not list(app_paths.data_dir.glob("notes-vectors.db*"))
    assert (vault / "car.md").exists()


def test_an_index_made_before_meaning_search_gets_its_hash_lookup(vault, index):
    indexed(index, vault)
    index.db.execute("DROP INDEX passages_sha")
    index.db.execute("PRAGMA user_version = 1")
    index.close()
    with NotesIndex(paths.current().notes_index) as again:
        assert again.db.execute("SELECT name FROM sqlite_master WHERE name = 'passages_sha'").fetchone() is not None
        assert again.db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert again.counts() == (3, 3, 0)  # the passages were kept
