"""The request log: every request Cove sends is logged (host, purpose), never what was typed."""

import json
import os
import stat

import pytest

from app.core import downloads as dl
from app.core import network_log, paths
from app.core.hub import Hub, HubError, OfflineError
from app.core.remote_client import RemoteChat, list_models
from app.core.remote_servers import RemoteServer

REPO = "acme/Tiny-GGUF"
SECRET_QUERY = "zebra-secret-query"


def test_download_through_the_hub_is_logged_without_the_search_text(hub_server, tmp_path):
    hub_server.add_file(REPO, "tiny-Q4_K_M.gguf", b"x" * 200_000)
    hub = Hub(hub_server.url)
    assert hub.search(SECRET_QUERY) == []
    hub.search("tiny")
    plan = dl.plan_download(hub, REPO, "tiny-Q4_K_M.gguf", tmp_path / "models")
    assert dl.download(hub, plan, retry_wait=0).is_file()

    entries = network_log.read()
    assert [(e.host, e.purpose) for e in entries] == [
        ("127.0.0.1:" + hub_server.url.rsplit(":", 1)[1], "search"),
        ("127.0.0.1:" + hub_server.url.rsplit(":", 1)[1], "search"),
        ("127.0.0.1:" + hub_server.url.rsplit(":", 1)[1], f"file list {REPO}"),
        ("127.0.0.1:" + hub_server.url.rsplit(":", 1)[1], f"download {REPO}/tiny-Q4_K_M.gguf"),
    ]
    assert all(e.host.startswith("127.0.0.1") and e.time for e in entries)
    assert [e.outcome for e in entries] == ["HTTP 200"] * 4  # each request with how it ended
    raw = network_log.log_path().read_text()
    assert SECRET_QUERY not in raw and "tiny\"" not in raw
    assert network_log.log_path() == paths.current().log_dir / "network.jsonl"
    if os.name == "posix":
        assert stat.S_IMODE(network_log.log_path().stat().st_mode) == 0o600


def test_a_failed_request_is_logged_too(hub_server):
    hub = Hub("http://127.0.0.1:9")  # nothing listens there: refused at once, and Cove does not retry
    with pytest.raises(HubError):
        hub.search("anything")
    with pytest.raises(HubError):
        hub.gguf_files(REPO)
    with pytest.raises(HubError):  # an error answer (404) from a real server
        Hub(hub_server.url).gguf_files("acme/missing")
    assert [(e.host, e.purpose) for e in network_log.read()] == [
        ("127.0.0.1:9", "search"), ("127.0.0.1:9", f"file list {REPO}"),
        (hub_server.url.split("//")[1], "file list acme/missing")]
    assert [e.outcome for e in network_log.read()] == ["failed: ConnectError"] * 2 + ["HTTP 404"]


def test_offline_sends_nothing_and_logs_nothing():
    hub = Hub("http://127.0.0.1:9", offline=True)
    with pytest.raises(OfflineError):
        hub.search("anything")
    assert network_log.read() == []
    assert not network_log.log_path().exists()


def test_each_resumed_transfer_is_its_own_entry(hub_server, tmp_path):
    hub_server.add_file(REPO, "tiny.gguf", b"y" * 3_000_000)
    hub_server.drop_after = 1_000_000
    hub = Hub(hub_server.url)
    plan = dl.plan_download(hub, REPO, "tiny.gguf", tmp_path / "models")
    dl.download(hub, plan, retry_wait=0)
    downloads = [e for e in network_log.read() if e.purpose.startswith("download")]
    assert len(downloads) == len(hub_server.ranges("tiny.gguf")) == 3


def test_log_keeps_only_the_newest_lines(monkeypatch):
    monkeypatch.setattr(network_log, "MAX_LINES", 5)
    for i in range(12):
        network_log.record("example.org", f"search {i}")
    assert [e.purpose for e in network_log.read()] == [f"search {i}" for i in range(7, 12)]


def test_unreadable_lines_are_skipped():
    network_log.record("example.org", "search")
    with network_log.log_path().open("a") as f:
        f.write("not json\n" + json.dumps({"host": "x"}) + "\n")
    network_log.record("example.org", "file list a/b")
    assert [e.purpose for e in network_log.read()] == ["search", "file list a/b"]


def test_a_log_that_cannot_be_written_does_not_stop_the_request(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    network_log.record("example.org", "search", paths.CovePaths(tmp_path, tmp_path, blocker / "logs"))
    assert network_log.read(paths.CovePaths(tmp_path, tmp_path, blocker / "logs")) == []


def test_every_logged_request_is_a_kind_the_readme_and_privacy_page_name(hub_server, fake_openai, tmp_path):
    hub_server.add_file(REPO, "tiny-Q4_K_M.gguf", b"x" * 50_000)
    hub = Hub(hub_server.url)
    hub.search("tiny")
    plan = dl.plan_download(hub, REPO, "tiny-Q4_K_M.gguf", tmp_path / "models")
    dl.download(hub, plan, retry_wait=0)
    remote = RemoteServer(fake_openai.url_for("ok"))  # a remote server's model list, and an answer from it
    list_models(remote)
    RemoteChat(remote, "fake-model", [{"role": "user", "content": "hi"}], {}).run(lambda _text: None)
    # `served` lines are written by `cove serve`, not the Hub (tests/server checks those).
    keys = [kind.key for kind in network_log.REQUEST_KINDS if kind.key != "served"]
    purposes = [entry.purpose for entry in network_log.read()]
    assert purposes and all(any(p.startswith(key) for key in keys) for p in purposes), purposes
    assert {key for key in keys if any(p.startswith(key) for p in purposes)} == set(keys)  # each kind is real


def test_outcomes_join_their_requests_and_stray_or_malformed_ones_are_ignored():
    first = network_log.record("127.0.0.1:9", "search")
    second = network_log.record("127.0.0.1:9", "file list acme/Tiny-GGUF")
    network_log.settle(second, network_log.outcome_of(status=404))
    network_log.settle("nosuchid", "HTTP 200")  # an outcome whose request was trimmed away
    network_log.settle("", "HTTP 200")  # nothing to settle: not written
    with network_log.log_path().open("a") as f:
        f.write('{"id": 5, "outcome": ["x"]}\n{"outcome": "no id"}\n')
    entries = network_log.read()
    assert [(e.id, e.purpose, e.outcome) for e in entries] == [
        (first, "search", ""), (second, "file list acme/Tiny-GGUF", "HTTP 404")]
    assert network_log.outcome_of(OSError("x")) == "failed: OSError" and network_log.outcome_of() == "sent"
