"""The notes service on its own: one worker thread, passes in order, the meaning-pass hook, policy, missing folders."""

import threading
import time

import pytest

from app.core import paths
from app.core.notes.index import NotesIndex
from app.ui.notes.notes_service import NotesService
from tests.ui.test_gui_notes_folders import make_notes, slow_passages


@pytest.fixture
def service(qtbot):
    app_paths = paths.current().ensure()
    made = []

    def make(**kwargs):
        s = NotesService(app_paths.notes_index, app_paths.data_dir, debounce=0.2, **kwargs)
        made.append(s)
        return s

    yield make
    for s in made:
        assert s.shutdown()


def test_passes_run_one_after_another_on_the_worker_with_the_meaning_pass_after_each(qtbot, service, tmp_path,
                                                                                      monkeypatch):
    first, second = make_notes(tmp_path / "a", 20), make_notes(tmp_path / "b", 20)
    slow_passages(monkeypatch, 0.005)
    s = service()
    calls, synced, busy = [], [], []
    s.busy_changed.connect(busy.append)
    s.folder_synced.connect(lambda folder, result: synced.append((folder, result.read)))

    def meaning(index, should_stop):
        calls.append((threading.current_thread().name, isinstance(index, NotesIndex), should_stop()))

    s.meaning_pass = meaning
    assert s.start()
    s.add_folder(first)
    s.add_folder(second)
    qtbot.waitUntil(lambda: len(synced) == 2 and busy[-1:] == [False], timeout=20_000)
    assert synced == [(str(first), 20), (str(second), 20)]
    # On the worker, with its own connection. The first meaning pass is told to stop (the second folder
    # waits: adding a folder never waits for embedding); the last one, with nothing waiting, is not.
    assert calls == [("cove-notes-index", True, True), ("cove-notes-index", True, False)]
    assert busy[0] is True


def test_cancel_stops_the_pass_and_the_meaning_pass_is_skipped(qtbot, service, tmp_path, monkeypatch):
    folder = make_notes(tmp_path / "a", 200)
    slow_passages(monkeypatch, 0.02)
    s = service()
    calls, seen, synced = [], [], []
    s.meaning_pass = lambda index, should_stop: calls.append(1)
    s.progressed.connect(seen.append)
    s.folder_synced.connect(lambda folder, result: synced.append(result))
    s.add_folder(folder)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1].files_done >= 3, timeout=20_000)
    s.cancel()
    qtbot.waitUntil(lambda: bool(synced), timeout=5_000)
    assert synced[0].cancelled and synced[0].read < 200 and calls == []


def test_the_meaning_pass_sees_a_cancel(qtbot, service, tmp_path):
    folder = make_notes(tmp_path / "a", 2)
    s = service()
    started, answers = threading.Event(), []

    def meaning(index, should_stop):
        started.set()
        deadline = time.monotonic() + 10
        while not should_stop() and time.monotonic() < deadline:
            time.sleep(0.02)
        answers.append(should_stop())

    s.meaning_pass = meaning
    s.add_folder(folder)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    s.cancel()
    qtbot.waitUntil(lambda: answers == [True], timeout=5_000)


def test_at_start_folders_are_read_again_unless_missing_or_no_longer_allowed(qtbot, service, tmp_path,
                                                                             admin_policy):
    kept, gone = make_notes(tmp_path / "allowed" / "kept", 2), make_notes(tmp_path / "allowed" / "gone", 2)
    outside = make_notes(tmp_path / "outside", 2)
    with NotesIndex(paths.current().ensure().notes_index) as index:
        for folder in (kept, gone, outside):
            index.add_root(folder)
    for f in gone.iterdir():
        f.unlink()
    gone.rmdir()
    admin_policy(f'notes_roots = ["{tmp_path / "allowed"}"]\n')
    s = service()
    synced, failed = [], []
    s.folder_synced.connect(lambda folder, result: synced.append((folder, result.read, result.missing)))
    s.failed.connect(failed.append)
    s.start()
    qtbot.waitUntil(lambda: len(synced) == 2, timeout=10_000)
    qtbot.wait(300)
    assert sorted(synced) == [(str(gone), 0, True), (str(kept), 2, False)]  # the outside folder is left alone
    assert len(failed) == 1 and "is not there" in failed[0] and str(gone) in failed[0]
    with NotesIndex(paths.current().notes_index) as index:
        assert index.root(outside).files == 0 and index.root(gone) is not None  # an unplugged drive is kept


def test_shutdown_while_paused_returns_at_once(qtbot, service, tmp_path, monkeypatch):
    folder = make_notes(tmp_path / "a", 50)
    slow_passages(monkeypatch, 0.02)
    s = service()
    seen = []
    s.progressed.connect(seen.append)
    s.add_folder(folder)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    s.pause()
    qtbot.wait(200)
    started = time.monotonic()
    assert s.shutdown() and time.monotonic() - started < 2.0
    assert not s.running and not s.paused and not s.busy
