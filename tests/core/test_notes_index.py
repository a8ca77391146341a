"""The notes index: incremental passes (add, edit, touch, rename, delete), control flags, search, privacy of the file."""

import os
import stat
import threading

import pytest

from app.core import paths
from app.core.notes import indexer as indexer_mod
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.retrieval import match_expression, search


@pytest.fixture
def notes(tmp_path):
    folder = tmp_path / "vault"
    (folder / "meetings").mkdir(parents=True)
    (folder / "budget.md").write_text("# Budget\n\nThe budget for the garden is forty euros.\n")
    (folder / "meetings" / "monday.md").write_text("# Monday\n\nWe agreed to repaint the shed blue.\n")
    (folder / "recipes.txt").write_text("Lentil soup needs cumin and lemon.\n")
    return folder


@pytest.fixture
def index():
    db = NotesIndex(paths.current().ensure().notes_index)
    yield db
    db.close()


def texts(db):
    return sorted(r[0] for r in db.db.execute("SELECT text FROM passages"))


def fts_consistent(db) -> bool:
    """The FTS5 table agrees with the passages table (the triggers kept it in step)."""
    db.db.execute("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)")
    return db.db.execute("SELECT count(*) FROM passages_fts").fetchone()[0] == \
        db.db.execute("SELECT count(*) FROM passages").fetchone()[0]


def bump(path, text):
    path.write_text(text)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def test_first_pass_then_only_changes_are_read(notes, index, monkeypatch):
    root = index.add_root(notes)
    first = Indexer(index).sync(root)
    assert (first.files, first.read, first.unchanged, first.removed) == (3, 3, 0, 0)
    assert [h.path for h in search(index, "shed")] == ["meetings/monday.md"]

    parsed = []
    real = indexer_mod.passages_of
    monkeypatch.setattr(indexer_mod, "passages_of", lambda name, data: parsed.append(name) or real(name, data))
    again = Indexer(index).sync(root)
    assert (again.read, again.unchanged) == (0, 3) and parsed == []

    # Edit: only that file is parsed again; its old words leave the index.
    bump(notes / "meetings" / "monday.md", "# Monday\n\nWe agreed to repaint the shed green.\n")
    edited = Indexer(index).sync(root)
    assert edited.read == 1 and parsed == ["meetings/monday.md"]
    assert search(index, "blue") == [] and search(index, "green")[0].path == "meetings/monday.md"

    # Touch (same content, new mtime): read to hash it, but not parsed.
    bump(notes / "recipes.txt", "Lentil soup needs cumin and lemon.\n")
    touched = Indexer(index).sync(root)
    assert touched.read == 0 and touched.unchanged == 3 and parsed == ["meetings/monday.md"]

    # Rename: the content hash matches the vanished file, so its passages are reused.
    before = index.db.execute("SELECT p.id FROM passages p JOIN files f ON f.id = p.file_id WHERE f.path = 'budget.md'"
                              ).fetchall()
    (notes / "budget.md").rename(notes / "meetings" / "garden-budget.md")
    renamed = Indexer(index).sync(root)
    assert (renamed.renamed, renamed.read, renamed.removed) == (1, 0, 0) and len(parsed) == 1
    hit = search(index, "garden")[0]
    assert hit.path == "meetings/garden-budget.md" and hit.passage_id == before[0][0]

    # Delete: the file and its passages leave the index.
    (notes / "recipes.txt").unlink()
    deleted = Indexer(index).sync(root)
    assert deleted.removed == 1 and search(index, "lentil") == []
    assert {r[0] for r in index.db.execute("SELECT path FROM files")} == {"meetings/monday.md",
                                                                          "meetings/garden-budget.md"}
    assert fts_consistent(index)

    # Add a new file.
    (notes / "new.md").write_text("Fresh idea about kites.\n")
    assert Indexer(index).sync(root).read == 1 and search(index, "kites")[0].path == "new.md"
    assert fts_consistent(index)


def test_removing_a_folder_removes_its_files_and_passages(notes, index):
    root = index.add_root(notes)
    Indexer(index).sync(root)
    assert index.counts()[1] > 0
    index.remove_root(root)
    assert index.counts() == (0, 0, 0) and texts(index) == [] and search(index, "shed") == []
    assert fts_consistent(index)
    assert (notes / "budget.md").read_text().startswith("# Budget")  # the notes themselves untouched


def test_a_missing_folder_changes_nothing(notes, index, tmp_path):
    root = index.add_root(notes)
    Indexer(index).sync(root)
    before = texts(index)
    notes.rename(tmp_path / "unplugged")
    result = Indexer(index).sync(root)
    assert result.missing and texts(index) == before


def test_unreadable_files_are_listed_and_retried_once_fixed(notes, index):
    (notes / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (notes / "bin.txt").write_bytes(b"\0\1\2")
    root = index.add_root(notes)
    result = Indexer(index).sync(root)
    assert result.unreadable == 2 and result.read == 3
    reasons = {path: reason for _folder, path, reason in index.unreadable()}
    assert "not a readable PDF" in reasons["broken.pdf"] and "binary" in reasons["bin.txt"]
    (notes / "bin.txt").write_text("now it is text about zebras")
    fixed = Indexer(index).sync(root)
    assert fixed.read == 1 and search(index, "zebras")[0].path == "bin.txt"
    assert [p for _f, p, _r in index.unreadable()] == ["broken.pdf"]


def test_hostile_file_names(notes, index, capsys):
    long_name = "n" * 240 + ".md"
    (notes / "two\nlines.md").write_text("newline name about otters\n")
    (notes / long_name).write_text("long name about badgers\n")
    bad = os.path.join(os.fsencode(notes), b"caf\xe9 \xff.md")
    with open(bad, "wb") as f:
        f.write(b"latin name about herons\n")
    root = index.add_root(notes)
    first = Indexer(index).sync(root)
    assert first.read == 6 and first.unreadable == 0
    assert search(index, "otters")[0].path == "two\nlines.md"
    assert search(index, "badgers")[0].path == long_name
    heron = search(index, "herons")[0]
    assert heron.path == "caf\ufffd \ufffd.md"
    # The raw bytes are the key: a second pass sees every file unchanged, a deletion is noticed.
    assert Indexer(index).sync(root).unchanged == 6
    os.unlink(bad)
    assert Indexer(index).sync(root).removed == 1 and search(index, "herons") == []


def test_progress_pause_resume_and_cancel(notes, index):
    for i in range(20):
        (notes / f"n{i:02}.md").write_text(f"note number {i}\n")
    root = index.add_root(notes)
    seen = []
    stopper = {}

    def progress(p):
        seen.append(p)
        if p.files_done == 5:
            stopper["indexer"].cancel()

    indexer = stopper["indexer"] = Indexer(index, progress)
    result = indexer.sync(root)
    assert result.cancelled and [p.files_done for p in seen] == [1, 2, 3, 4, 5]
    assert all(p.files_total == 23 for p in seen) and seen[-1].eta is not None and seen[-1].eta > 0
    assert index.counts()[0] == 5  # what was done is kept, file by file
    assert index.root(notes).last_indexed is None  # an incomplete pass is not a pass

    # Paused: nothing moves until resumed, from another thread.
    paused_seen = []
    indexer = Indexer(index, lambda p: paused_seen.append(p.files_done))
    indexer.pause()
    worker = threading.Thread(target=lambda: stopper.update(result=indexer.sync(root)))
    worker.start()
    worker.join(0.5)
    assert worker.is_alive() and paused_seen == [] and indexer.paused
    indexer.resume()
    worker.join(10)
    assert not worker.is_alive() and stopper["result"].read == 18 and paused_seen[-1] == 23
    assert index.counts()[0] == 23 and index.root(notes).last_indexed is not None


def test_search_is_safe_against_fts_syntax_and_bounded(notes, index):
    Indexer(index).sync(index.add_root(notes))
    for query in ['"', "shed\" OR *", "NEAR(shed blue)", "heading:Budget", "AND OR NOT", "-shed", "(((", "^shed"]:
        hits = search(index, query)  # never an FTS5 syntax error
        assert all(hit.text for hit in hits)
    assert [h.path for h in search(index, "NEAR(shed blue)")] == ["meetings/monday.md"]
    assert search(index, "?!…") == [] and match_expression("  ") is None
    expression = match_expression(" ".join(f"w{i}" for i in range(500)) + " " + "z" * 10_000)
    assert expression.count(" OR ") == 31 and len(expression) < 32 * 80
    assert len(search(index, "the and about", limit=10**9)) <= 1000
    # Heading words count: the "Budget" passage ranks first for "budget".
    assert search(index, "budget")[0].heading == "Budget"
    hit = search(index, "cumin")[0]
    assert hit.as_json() == {"path": "recipes.txt", "folder": str(notes), "heading": "", "lines": [1, 1],
                             "page": None, "score": round(hit.score, 4), "text": "Lentil soup needs cumin and lemon."}
    assert hit.score > 0 and "[cumin]" in hit.snippet and hit.where() == "line 1"


def test_index_files_are_private(notes, index):
    Indexer(index).sync(index.add_root(notes))
    for suffix in ("", "-wal", "-shm"):
        path = index.path.with_name(index.path.name + suffix)
        assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert index.path.parent == paths.current().data_dir


def test_a_damaged_index_says_what_to_do(tmp_path):
    from app.core.errors import CoveError

    broken = tmp_path / "notes-index.db"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CoveError, match="delete that file and add your notes folders again"):
        NotesIndex(broken)
    assert broken.read_bytes().startswith(b"this is not a database")


def test_words_in_most_passages_do_not_widen_the_search(tmp_path, index):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10):
        (folder / f"n{i}.md").write_text(f"the weather on day {i} was fine\n")
    (folder / "otter.md").write_text("the otter swam past the weir\n")
    Indexer(index).sync(index.add_root(folder))
    assert [h.path for h in search(index, "the otter")] == ["otter.md"]  # "the" is in every passage
    assert len(search(index, "the", limit=50)) == 11  # alone, a common word is still searched
    assert sorted(h.path for h in search(index, "otter 3 the")) == ["n3.md", "otter.md"]  # rare words all kept
