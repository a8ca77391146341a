"""Downloads against a local server that answers like the Hub."""

import hashlib
import os
import socket
from collections import namedtuple

import pytest

from app.core import downloads as dl
from app.core.errors import CoveError
from app.core.hub import Hub, HubError, OfflineError, load_token, save_token
from app.core.models import ModelLibrary

REPO = "acme/Tiny-GGUF"
SIZE = 3 * (1 << 20) + 12345
DiskUsage = namedtuple("DiskUsage", "total used free")


def payload(seed: int, size: int = SIZE) -> bytes:
    block = hashlib.sha256(str(seed).encode()).digest() * 2048
    return (block * (size // len(block) + 1))[:size]




@pytest.fixture
def models_dir(tmp_path):
    return tmp_path / "models"


def fetch(server, name, models_dir, **kwargs):
    hub = Hub(server.url)
    plan = dl.plan_download(hub, REPO, name, models_dir)
    return dl.download(hub, plan, retry_wait=0, **kwargs), plan


def test_full_download_is_verified_and_installed(hub_server, models_dir, no_starter):
    data = payload(1)
    hub_server.add_file(REPO, "tiny-Q4_K_M.gguf", data)
    seen = []
    path, plan = fetch(hub_server, "tiny-Q4_K_M.gguf", models_dir, progress=seen.append)
    assert path == models_dir / "acme" / "Tiny-GGUF" / "tiny-Q4_K_M.gguf"
    assert path.read_bytes() == data
    assert seen[-1].done == seen[-1].total == SIZE and seen[-1].file == "tiny-Q4_K_M.gguf"
    assert not list(path.parent.glob("*.part*"))
    assert [e.path for e in ModelLibrary(models_dir).installed()] == [path]
    assert hub_server.ranges("tiny-Q4_K_M.gguf") == [None]


def test_dropped_connection_resumes_with_a_range_request(hub_server, models_dir):
    data = payload(2)
    hub_server.add_file(REPO, "tiny.gguf", data)
    hub_server.drop_after = 1_000_000  # every response stops after ~1 MB
    path, _ = fetch(hub_server, "tiny.gguf", models_dir)
    assert path.read_bytes() == data
    ranges = hub_server.ranges("tiny.gguf")
    assert ranges[0] is None and len(ranges) == 4
    # Each retry asks for exactly the bytes after those already on disk.
    assert ranges[1:] == ["bytes=1000000-", "bytes=2000000-", "bytes=3000000-"]


def test_corrupted_byte_is_caught_and_the_file_deleted(hub_server, models_dir, no_starter):
    data = bytearray(payload(3))
    good_hash = hashlib.sha256(data).hexdigest()
    data[123_456] ^= 0xFF
    hub_server.add_file(REPO, "bad.gguf", bytes(data), sha256=good_hash)
    with pytest.raises(CoveError, match="does not match the SHA-256"):
        fetch(hub_server, "bad.gguf", models_dir)
    folder = models_dir / "acme" / "Tiny-GGUF"
    assert list(folder.iterdir()) == []
    assert ModelLibrary(models_dir).installed() == []


def test_split_model_downloads_every_part_as_one_model(hub_server, models_dir, no_starter):
    parts = {f"big-q4_k_m-0000{i}-of-00003.gguf": payload(10 + i, 700_000 + i) for i in (1, 2, 3)}
    for name, data in parts.items():
        hub_server.add_file(REPO, name, data)
    hub_server.add_file(REPO, "other-Q8_0.gguf", payload(9, 1000))
    path, plan = fetch(hub_server, "big-q4_k_m-00001-of-00003.gguf", models_dir)
    assert plan.total == sum(len(d) for d in parts.values())
    for name, data in parts.items():
        assert (path.parent / name).read_bytes() == data
    [entry] = ModelLibrary(models_dir).installed()
    assert entry.path == path and entry.size == plan.total


def test_not_enough_disk_space_is_refused_before_downloading(hub_server, models_dir, monkeypatch):
    hub_server.add_file(REPO, "tiny.gguf", payload(4))
    monkeypatch.setattr(dl.shutil, "disk_usage", lambda path: DiskUsage(total=10**9, used=0, free=1_000_000))
    with pytest.raises(CoveError, match="Not enough disk space"):
        fetch(hub_server, "tiny.gguf", models_dir)
    assert hub_server.ranges("tiny.gguf") == []  # not one byte was requested


def test_cancel_keeps_a_partial_file_that_the_next_run_resumes(hub_server, models_dir, no_starter):
    data = payload(5)
    hub_server.add_file(REPO, "tiny.gguf", data)
    chunks = []

    def stop_after_some_chunks():  # asked once per chunk received
        chunks.append(1)
        return dl.CANCEL if len(chunks) > 16 else None

    result, plan = fetch(hub_server, "tiny.gguf", models_dir, should_stop=stop_after_some_chunks)
    assert result is None
    part = plan.part_path(plan.files[0])
    kept = part.stat().st_size
    assert 0 < kept < SIZE
    assert ModelLibrary(models_dir).installed() == []  # a partial file is not a model
    path, _ = fetch(hub_server, "tiny.gguf", models_dir)
    assert path.read_bytes() == data
    assert hub_server.ranges("tiny.gguf")[-1] == f"bytes={kept}-"


def test_missing_file_and_gated_repo_messages(hub_server, models_dir):
    hub_server.add_file(REPO, "tiny.gguf", payload(6, 1000))
    with pytest.raises(HubError, match="has no file nope.gguf"):
        fetch(hub_server, "nope.gguf", models_dir)
    hub_server.add_file("meta/Gated-GGUF", "g.gguf", payload(7, 1000))
    hub_server.gated.add("meta/Gated-GGUF")
    with pytest.raises(HubError, match="gated or private.*token"):
        dl.plan_download(Hub(hub_server.url), "meta/Gated-GGUF", "g.gguf", models_dir)
    files = Hub(hub_server.url, token="hf_secret").gguf_files("meta/Gated-GGUF")
    assert [f.path for f in files] == ["g.gguf"]
    assert hub_server.requests[-1].headers["authorization"] == "Bearer hf_secret"


def test_search_lists_repos_and_quantized_files(hub_server):
    hub_server.add_file("acme/Qwen-Tiny-GGUF", "qwen-tiny-IQ4_XS.gguf", b"x" * 10)
    hub_server.add_file("acme/Qwen-Tiny-GGUF", "qwen-tiny-Q5_K_S.gguf", b"x" * 20)
    hub_server.add_file("other/Llama-GGUF", "llama-Q8_0.gguf", b"x")
    hub = Hub(hub_server.url)
    assert [r.repo_id for r in hub.search("qwen")] == ["acme/Qwen-Tiny-GGUF"]
    files = hub.gguf_files("acme/Qwen-Tiny-GGUF")
    assert [(f.path, f.size, f.quant) for f in files] == [
        ("qwen-tiny-IQ4_XS.gguf", 10, "IQ4_XS"), ("qwen-tiny-Q5_K_S.gguf", 20, "Q5_K_S")]
    query = [r for r in hub_server.requests if r.path == "/api/models"]
    assert query  # the search went to our endpoint, not anywhere else


def test_offline_refuses_at_once_without_a_socket(hub_server, models_dir, monkeypatch):
    hub_server.add_file(REPO, "tiny.gguf", payload(8, 1000))
    connects = []
    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", lambda self, addr: (connects.append(addr), real_connect(self, addr))[1])
    hub = Hub(hub_server.url, offline=True)
    with pytest.raises(OfflineError, match="offline"):
        hub.search("tiny")
    with pytest.raises(OfflineError):
        hub.gguf_files(REPO)
    plan = dl.DownloadPlan(REPO, (), models_dir)
    with pytest.raises(OfflineError):
        dl.download(hub, plan)
    assert connects == [] and hub_server.requests == []


def test_token_is_stored_for_the_user_only(tmp_path):
    save_token(tmp_path, "hf_abc\n")
    assert load_token(tmp_path) == "hf_abc"
    assert oct(os.stat(tmp_path / "hub-token").st_mode & 0o777) == "0o600"


def test_endpoint_comes_from_settings_then_hf_endpoint(monkeypatch):
    from app.core.hub import DEFAULT_ENDPOINT, resolve_endpoint

    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    assert resolve_endpoint("") == DEFAULT_ENDPOINT
    monkeypatch.setenv("HF_ENDPOINT", "http://mirror.internal:8080/")
    assert resolve_endpoint("") == "http://mirror.internal:8080"
    assert resolve_endpoint("https://hub.corp.example") == "https://hub.corp.example"
    with pytest.raises(CoveError, match="not a web address"):
        resolve_endpoint("mirror.internal")
