"""Saved engine states: trimming to the capacity while another engine deletes states of the same folder."""

from pathlib import Path

from app.engine import kv_store


def test_trim_skips_a_state_another_engine_just_deleted(tmp_path, monkeypatch):
    store = kv_store.KVStore(tmp_path / "kv", "model-a", capacity_bytes=10)
    kept = []
    for name in ("1-100.state", "2-100.state", "3-100.state"):
        (store.folder / name).write_bytes(b"x" * 8)
        kept.append(store.folder / name)
    gone = store.folder / "0-100.state"  # listed, then deleted by the other engine before its size was read
    real_glob = Path.glob
    monkeypatch.setattr(Path, "glob", lambda self, pattern: [gone, *real_glob(self, pattern)])
    store.trim()  # used to raise FileNotFoundError after the answer was sent
    assert [p.exists() for p in kept] == [False, False, True]  # the oldest go until 8 bytes ≤ 10 remain
