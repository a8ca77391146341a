"""The watcher keeps the index current with a real folder: create, edit, rename, delete are followed in seconds."""

import time

import pytest

from app.core import paths
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.retrieval import search
from app.core.notes.watcher import Watcher


def wait_for(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def watched(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "first.md").write_text("The first note mentions pelicans.\n")
    db_path = paths.current().ensure().notes_index
    writer = NotesIndex(db_path)  # the watcher's own connection, as the window will give it
    reader = NotesIndex(db_path)
    root = writer.add_root(folder)
    indexer = Indexer(writer)
    indexer.sync(root)
    synced = []
    watcher = Watcher(indexer, [root], debounce=0.2, on_synced=lambda r, result: synced.append(result))
    watcher.start()
    yield folder, reader, synced
    watcher.stop()
    reader.close()
    writer.close()


def paths_for(reader, word):
    return [hit.path for hit in search(reader, word)]


def test_the_index_follows_the_folder(watched):
    folder, reader, synced = watched
    assert paths_for(reader, "pelicans") == ["first.md"]

    (folder / "second.md").write_text("A new note about walruses.\n")
    assert wait_for(lambda: paths_for(reader, "walruses") == ["second.md"])

    (folder / "second.md").write_text("The note now talks about narwhals.\n")
    assert wait_for(lambda: paths_for(reader, "narwhals") == ["second.md"] and paths_for(reader, "walruses") == [])

    (folder / "sub").mkdir()
    (folder / "first.md").rename(folder / "sub" / "moved.md")
    assert wait_for(lambda: paths_for(reader, "pelicans") == ["sub/moved.md"])

    (folder / "second.md").unlink()
    assert wait_for(lambda: paths_for(reader, "narwhals") == [])
    # on_synced runs after the pass has committed, so the reader may see the index before the callback lands
    assert wait_for(lambda: any(result.renamed == 1 for result in synced) and any(result.removed == 1 for result in synced))


def test_changes_in_hidden_folders_do_not_start_a_pass(watched):
    folder, reader, synced = watched
    (folder / ".git").mkdir()
    for i in range(20):
        (folder / ".git" / f"object{i}.md").write_text("hidden churn about cormorants\n")
    time.sleep(1.0)  # several debounce periods
    assert synced == [] and paths_for(reader, "cormorants") == []
    (folder / "visible.md").write_text("visible note about puffins\n")
    assert wait_for(lambda: paths_for(reader, "puffins") == ["visible.md"])
    assert wait_for(lambda: len(synced) >= 1)  # the callback follows the commit the reader already sees
    assert paths_for(reader, "cormorants") == []
