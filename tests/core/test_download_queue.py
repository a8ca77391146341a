import time

from app.core import download_queue as q
from app.core.hub import Hub
from tests.core.test_downloads import REPO, payload


def wait_for(condition, timeout=20):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_queue_runs_in_order_pauses_resumes_and_survives_restart(hub_server, tmp_path):
    hub_server.chunk_delay = 0.01  # ~6 MB/s: slow enough to pause
    first, second = payload(31), payload(32, 500_000)
    hub_server.add_file(REPO, "first.gguf", first)
    hub_server.add_file(REPO, "second.gguf", second)
    state_file = tmp_path / "downloads.json"
    seen = []
    queue = q.DownloadQueue(lambda: Hub(hub_server.url), tmp_path / "models", state_file, seen.append)
    a = queue.add(REPO, "first.gguf")
    b = queue.add(REPO, "second.gguf")
    wait_for(lambda: any(i.id == a.id and i.done > 300_000 for i in queue.items()))
    assert {i.id: i.state for i in queue.items()}[b.id] == q.QUEUED  # one at a time
    queue.pause(a.id)
    wait_for(lambda: {i.id: i.state for i in queue.items()}[a.id] == q.PAUSED)
    # With the first paused, the second runs to the end.
    wait_for(lambda: {i.id: i.state for i in queue.items()}[b.id] == q.DONE)
    paused = {i.id: i for i in queue.items()}[a.id]
    assert 0 < paused.done < len(first)
    queue.close()

    # A restart: the unfinished download is back, paused, and resumes from its part file.
    again = q.DownloadQueue(lambda: Hub(hub_server.url), tmp_path / "models", state_file)
    [restored] = again.items()
    assert (restored.repo_id, restored.filename, restored.state) == (REPO, "first.gguf", q.PAUSED)
    part = tmp_path / "models" / "acme" / "Tiny-GGUF" / "first.gguf.part"
    kept = part.stat().st_size
    again.resume(restored.id)
    wait_for(lambda: again.items()[0].state == q.DONE)
    assert hub_server.ranges("first.gguf")[-1] == f"bytes={kept}-"
    assert (part.parent / "first.gguf").read_bytes() == first
    assert seen and seen[-1].state in (q.DONE, q.PAUSED)
    again.close()


def test_failure_is_reported_not_raised(hub_server, tmp_path):
    queue = q.DownloadQueue(lambda: Hub(hub_server.url), tmp_path / "models", tmp_path / "d.json")
    queue.add("nobody/Missing-GGUF", "missing.gguf")
    wait_for(lambda: queue.items()[0].state == q.FAILED)
    assert "has no such model" in queue.items()[0].message
    queue.close()


def test_a_download_is_connecting_until_the_hub_answers(hub_server, tmp_path):
    hub_server.add_file(REPO, "quick.gguf", payload(34, 1000))
    seen = []
    queue = q.DownloadQueue(lambda: Hub(hub_server.url), tmp_path / "models", tmp_path / "d.json", seen.append)
    item = queue.add(REPO, "quick.gguf")
    # The callback follows the state change, so wait for it, not for the queue's own state.
    wait_for(lambda: any(i.state == q.DONE for i in seen if i.id == item.id))
    states = [(i.state, i.connecting) for i in seen if i.id == item.id]
    assert states[0] == (q.QUEUED, False) and states[1] == (q.DOWNLOADING, True)  # said before any byte
    assert states[-1] == (q.DONE, False)
    queue.close()


def test_a_hostile_name_fails_its_item_and_the_queue_goes_on(hub_server, tmp_path):
    hub_server.add_file(REPO, "good.gguf", payload(33, 1000))
    queue = q.DownloadQueue(lambda: Hub(hub_server.url), tmp_path / "models", tmp_path / "downloads.json")
    bad = queue.add(REPO, "evil\x00name.gguf")
    good = queue.add(REPO, "good.gguf")
    wait_for(lambda: {i.id: i.state for i in queue.items()}[good.id] == q.DONE)
    failed = {i.id: i for i in queue.items()}[bad.id]
    assert failed.state == q.FAILED and "cannot be downloaded" in failed.message and "\x00" not in failed.message
    queue.close()


def test_a_tampered_queue_file_is_read_without_raising(hub_server, tmp_path):
    state_file = tmp_path / "downloads.json"
    state_file.write_text('[{"repo_id": "acme/Tiny-GGUF", "filename": "ok.gguf", "done": 1e400, "total": -5},'
                          ' {"repo_id": "acme/Tiny-GGUF", "filename": "a\\u0000b.gguf"},'
                          ' {"repo_id": "../..", "filename": "x.gguf"}, {"repo_id": 5}, "junk",'
                          ' {"repo_id": "acme/Tiny-GGUF", "filename": "big.gguf", "done": 10, "total": 100}]')
    before = state_file.read_text()
    queue = q.DownloadQueue(lambda: Hub(hub_server.url), tmp_path / "models", state_file)
    assert [(i.filename, i.done, i.total, i.state) for i in queue.items()] == [
        ("ok.gguf", 0, 0, q.PAUSED), ("big.gguf", 10, 100, q.PAUSED)]
    assert state_file.read_text() == before  # reading changes nothing
    queue.close()


def test_the_queue_file_is_written_off_the_callers_thread_coalesced_and_flushed_on_close(tmp_path, monkeypatch):
    """Adding a download (on the GUI thread) never waits for the file's write and fsync; the writes
    that pile up while one is slow coalesce into one with the latest state, and close() writes it."""
    import json
    import threading

    from app.core.errors import CoveError

    writes, release = [], threading.Event()
    real_write = q.write_private

    def slow_write(path, data):
        writes.append((threading.current_thread().name, json.loads(data)))
        release.wait(5)  # a slow disk: the first write holds the saver until the test lets it go
        real_write(path, data)

    def no_network():
        raise CoveError("The Hub could not be reached.")

    monkeypatch.setattr(q, "write_private", slow_write)
    state_file = tmp_path / "downloads.json"
    queue = q.DownloadQueue(no_network, tmp_path / "models", state_file)
    started = time.monotonic()
    first = queue.add("acme/First-GGUF", "first.gguf")
    wait_for(lambda: writes)  # the saver is now stuck in its first write
    second = queue.add("acme/Second-GGUF", "second.gguf")
    third = queue.add("acme/Third-GGUF", "third.gguf")
    assert time.monotonic() - started < 2  # add() did not wait for the stuck write
    assert not state_file.exists()
    wait_for(lambda: {i.state for i in queue.items()} == {q.FAILED})
    assert [name for name, _ in writes] == ["cove-downloads-save"]  # one write so far, on the saver
    release.set()
    queue.close()  # writes what is still pending before it returns
    saved = json.loads(state_file.read_text())
    assert [(s["filename"], s["state"]) for s in saved] == [
        ("first.gguf", q.FAILED), ("second.gguf", q.FAILED), ("third.gguf", q.FAILED)]
    assert "could not be reached" in saved[2]["message"]
    # The other eight state changes (added, started, failed) came while the first write was stuck:
    # they were written together, not one write each.
    assert 2 <= len(writes) <= 3 and {name for name, _ in writes} == {"cove-downloads-save"}
    assert (first.id, second.id, third.id) == (1, 2, 3)


def test_a_change_after_close_is_still_written(tmp_path):
    queue = q.DownloadQueue(lambda: None, tmp_path / "models", tmp_path / "downloads.json")
    queue.close()
    queue.add("acme/Late-GGUF", "late.gguf")  # the worker has stopped: it stays queued, and is saved
    assert '"late.gguf"' in (tmp_path / "downloads.json").read_text()
