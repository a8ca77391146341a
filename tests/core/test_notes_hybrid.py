"""Hybrid retrieval (retrieval.search with `meaning`): keyword and nearest-vector lists fused by reciprocal
rank; a paraphrase keyword search misses is found; the folders filter holds for both lists; a damaged
vectors file or a failing model leaves keyword search working, with a message."""

from pathlib import Path

import pytest

from app.core import paths
from app.core.errors import CoveError
from app.core.notes import citing, meaning, retrieval
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.retrieval import Hit, fuse, search
from app.core.notes.vectors import VectorStore
from tests.support.fake_embedder import FakeEmbedder


@pytest.fixture
def vaults(tmp_path):
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    (home / "car.md").write_text("# Garage\n\nThe automobile needs new tyres before winter.\n")
    (home / "soup.md").write_text("# Recipes\n\nLentil soup needs cumin and lemon.\n")
    (home / "dog.md").write_text("# Pets\n\nThe puppy goes to the vet on Friday.\n")
    (work / "fleet.md").write_text("# Fleet\n\nEvery company vehicle gets a service in March.\n")
    (work / "budget.md").write_text("# Budget\n\nThe tyres budget is forty euros.\n")
    return home, work


@pytest.fixture
def index(vaults):
    db = NotesIndex(paths.current().ensure().notes_index)
    for folder in vaults:
        Indexer(db).sync(db.add_root(folder))
    yield db
    db.close()


@pytest.fixture
def meaning_pair(index):
    store = VectorStore(paths.current().notes_vectors)
    embedder = FakeEmbedder()
    meaning.embed_missing(index, store, embedder)
    yield store, embedder
    store.close()


def files(hits):
    return [h.path for h in hits]


def test_hybrid_finds_a_paraphrase_keyword_search_misses(index, meaning_pair):
    assert search(index, "my car") == []  # no note has the word "car"
    hits = search(index, "my car", limit=3, meaning=meaning_pair)
    assert files(hits)[0] == "car.md"
    assert hits[0].score == pytest.approx(1 / 61)  # first of the meaning list, absent from the keyword list
    assert "automobile" in hits[0].snippet and hits[0].where() == "line 3"


def test_a_passage_both_lists_agree_on_comes_first(index, meaning_pair):
    keyword = search(index, "tyres automobile")
    assert files(keyword)[0] == "car.md"
    hits = search(index, "tyres automobile", limit=5, meaning=meaning_pair)
    assert files(hits)[0] == "car.md" and hits[0].score == pytest.approx(2 / 61)
    assert "[" in hits[0].snippet  # the keyword hit's highlighted snippet is kept
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_without_meaning_the_keyword_search_is_unchanged(index, meaning_pair):
    for query in ("tyres", "lentil soup", "budget tyres", "nothing matches this"):
        assert search(index, query, limit=4) == search(index, query, limit=4, meaning=None)
    assert files(search(index, "tyres")) == ["car.md", "budget.md"] or files(search(index, "tyres")) == \
        ["budget.md", "car.md"]


def test_the_folders_filter_applies_to_both_lists(index, meaning_pair, vaults):
    home, work = vaults
    hits = search(index, "car tyres", limit=10, folders=[work], meaning=meaning_pair)
    assert hits and {h.folder for h in hits} == {work}
    assert files(hits)[:2] == ["fleet.md", "budget.md"] or files(hits)[:2] == ["budget.md", "fleet.md"]
    assert search(index, "car", folders=[], meaning=meaning_pair) == []
    # The filter leaves too few of the nearest: the store is asked again, deeper.
    assert files(search(index, "dog", limit=1, folders=[work], meaning=meaning_pair)) != []


def test_a_query_with_no_words_still_gets_meaning_results(index, meaning_pair):
    store, embedder = meaning_pair
    assert search(index, "¿?! …") == []
    hits = search(index, "¿?! …", limit=2, meaning=meaning_pair)
    assert len(hits) == 2 and embedder.queries[-1] == "¿?! …"
    assert search(index, "   ", meaning=meaning_pair) == []


def test_vectors_of_another_model_are_reset_not_compared(index, meaning_pair):
    store, _ = meaning_pair
    other = FakeEmbedder("another-model.gguf:123", 96)
    hits = search(index, "tyres", meaning=(store, other))
    assert files(hits) == files(search(index, "tyres"))  # keyword results until the notes are embedded again
    assert (store.model_id, store.count()) == (None, 0) and other.queries == []
    meaning.embed_missing(index, store, other)
    assert files(search(index, "my car", limit=1, meaning=(store, other))) == ["car.md"]


def test_a_failing_model_or_damaged_file_leaves_keyword_search_working(index, meaning_pair):
    store, embedder = meaning_pair
    embedder.fail_with = CoveError("The embedding model is missing: choose one in `cove models`.")
    with pytest.raises(CoveError, match="embedding model is missing"):
        search(index, "tyres", meaning=meaning_pair)
    told = []
    assert files(search(index, "tyres", meaning=meaning_pair, on_meaning_error=told.append)) == \
        files(search(index, "tyres"))
    assert told == ["The embedding model is missing: choose one in `cove models`."]


def test_a_damaged_vectors_file_is_reported_and_keyword_search_still_works(index, meaning_pair):
    store, embedder = meaning_pair
    store.close()
    vectors = paths.current().notes_vectors
    for companion in vectors.parent.glob("notes-vectors.db-*"):
        companion.unlink()
    vectors.write_bytes(b"\0garbage" * 4096)
    with pytest.raises(CoveError, match="Delete notes-vectors.db: it is rebuilt"):
        VectorStore(vectors)
    assert files(search(index, "lentil")) == ["soup.md"]


def test_damage_found_mid_search_is_a_message(index, meaning_pair, monkeypatch):
    store, embedder = meaning_pair

    def broken(*args):
        raise store._error(store._driver.DatabaseError("database disk image is malformed"))
    monkeypatch.setattr(store, "nearest", broken)
    told = []
    hits = search(index, "lentil", meaning=meaning_pair, on_meaning_error=told.append)
    assert files(hits) == ["soup.md"] and len(told) == 1 and "Delete notes-vectors.db" in told[0]


def test_rrf_sums_reciprocal_ranks():
    def hit(pid):
        return Hit(pid, Path("/n"), f"{pid}.md", "", 1, 1, None, 0.0, "t", "t")
    fused = fuse([[hit(1), hit(2), hit(3)], [hit(3), hit(4)]], limit=3)
    assert [h.passage_id for h in fused] == [3, 1, 2]
    assert fused[0].score == pytest.approx(1 / 63 + 1 / 61)
    assert fused[1].score == pytest.approx(1 / 61)


def test_each_list_is_taken_deeper_than_the_results(index, meaning_pair, monkeypatch):
    asked = []
    real = retrieval._keyword
    monkeypatch.setattr(retrieval, "_keyword", lambda i, q, limit, f: asked.append(limit) or real(i, q, limit, f))
    search(index, "tyres", limit=3, meaning=meaning_pair)
    assert asked == [retrieval.MIN_DEPTH]
    search(index, "tyres", limit=40, meaning=meaning_pair)
    assert asked[-1] == 40 * retrieval.DEPTH_FACTOR


def test_citing_retrieve_passes_meaning_through(index, meaning_pair, vaults):
    assert citing.retrieve(index, "my car", 4000, list(vaults)) == []
    sources = citing.retrieve(index, "my car", 4000, list(vaults), meaning=meaning_pair)
    assert sources[0].path == "car.md" and sources[0].number == 1 and len(sources[0].sha256) == 64
