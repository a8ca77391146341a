"""The notes service's work list: a folder's pass is queued once, Cancel and Remove drop waiting passes, stop wakes."""

import threading
from pathlib import Path

from app.core.notes.index import Root
from app.ui.notes.notes_job_queue import NotesJobQueue, QueueingIndexer


def test_a_waiting_pass_is_queued_once_and_dropped_by_folder_or_all():
    jobs = NotesJobQueue()
    a, b = Path("/notes/a"), Path("/notes/b")
    assert jobs.put_sync(a) and not jobs.put_sync(a) and jobs.put_sync(b)
    jobs.put("remove", a)
    assert jobs.indexing_waits()
    jobs.drop_syncs(a)
    assert jobs.next() == ("sync", b)
    jobs.put_sync(a)
    jobs.drop_syncs()
    assert jobs.next() == ("remove", a) and not jobs.indexing_waits()


def test_stop_wakes_a_waiting_worker_and_refuses_new_passes_until_reset():
    jobs = NotesJobQueue()
    got = []
    worker = threading.Thread(target=lambda: got.append(jobs.next()))
    worker.start()
    jobs.stop()
    worker.join(2)
    assert not worker.is_alive() and got == [None]
    assert not jobs.put_sync(Path("/notes/a"))
    jobs.reset()
    assert jobs.put_sync(Path("/notes/a")) and jobs.next() == ("sync", Path("/notes/a"))


def test_the_watchers_indexer_only_queues():
    queued = []
    stand_in = QueueingIndexer(queued.append)
    result = stand_in.sync(Root(1, Path("/notes/a"), "2026-01-01", None))
    stand_in.cancel()
    assert queued == [Path("/notes/a")] and result.read == 0 and not result.cancelled
