"""A hostile or broken mirror: where requests go, where the token goes, what is logged, what is saved.

The rules are in app/core/hub_http.py: listings stay on the endpoint, downloads may be
redirected to a storage host but without the token, every hop is logged, a pagination
loop is refused, and no file grows past its listed size.
"""

import hashlib
import os

import pytest

from app.core import downloads as dl
from app.core import network_log
from app.core.errors import CoveError
from app.core.hub import Hub, HubError
from tests.support.fake_hub import FakeHub

REPO = "acme/Tiny-GGUF"
TOKEN = "hf_secret_token_123"


@pytest.fixture
def other_server():
    """A second server on another loopback address: the host a hostile mirror points at."""
    server = FakeHub(host="127.0.0.2").start()
    yield server
    server.stop()


def logged():
    return [(e.host, e.purpose) for e in network_log.read()]


def host(server) -> str:
    return server.url.split("//")[1]


def test_a_next_page_link_to_another_host_is_refused_and_the_token_stays_home(hub_server, other_server):
    hub_server.add_file(REPO, "a.gguf", b"a" * 100)
    other_server.add_file(REPO, "b.gguf", b"b" * 100)
    hub_server.next_link = f"{other_server.url}/api/models/{REPO}/tree/main?cursor=1"
    with pytest.raises(HubError, match=r"another server \(127\.0\.0\.2:\d+\)") as refused:
        Hub(hub_server.url, token=TOKEN).gguf_files(REPO)
    assert "\n" not in str(refused.value)
    assert other_server.requests == []  # nothing was sent there, so no token either
    assert [r.headers.get("authorization") for r in hub_server.requests] == [f"Bearer {TOKEN}"]
    assert logged() == [(host(hub_server), f"file list {REPO}")]


def test_a_next_page_link_to_the_same_page_is_a_loop_and_is_refused(hub_server):
    hub_server.add_file(REPO, "a.gguf", b"a" * 100)
    hub_server.next_link = f"{hub_server.url}/api/models/{REPO}/tree/main?recursive=true&expand=false"
    with pytest.raises(HubError, match="same page"):
        Hub(hub_server.url).gguf_files(REPO)
    assert len(hub_server.requests) == 1


def test_a_next_page_loop_through_two_pages_is_refused(hub_server):
    hub_server.add_file(REPO, "a.gguf", b"a" * 100)
    hub_server.next_link = f"{hub_server.url}/api/models/{REPO}/tree/main?cursor=0"  # page 2 links to itself
    hub_server.page_size = 10
    with pytest.raises(HubError, match="same page"):
        Hub(hub_server.url).gguf_files(REPO)
    assert len(hub_server.requests) == 2


def test_a_listing_in_pages_is_read_whole_and_each_page_is_logged(hub_server):
    for i in range(5):
        hub_server.add_file(REPO, f"m{i}-Q4_K_M.gguf", bytes([i]) * 10)
    hub_server.page_size = 2
    files = Hub(hub_server.url, token=TOKEN).gguf_files(REPO)
    assert [f.path for f in files] == [f"m{i}-Q4_K_M.gguf" for i in range(5)]
    assert logged() == [(host(hub_server), f"file list {REPO}"), (host(hub_server), f"file list {REPO} (page 2)"),
                        (host(hub_server), f"file list {REPO} (page 3)")]
    assert all(r.headers.get("authorization") == f"Bearer {TOKEN}" for r in hub_server.requests)


def test_a_listing_redirected_to_another_host_is_refused(hub_server, other_server):
    other_server.add_file(REPO, "a.gguf", b"a" * 100)
    hub_server.redirect_listing_to = other_server.url
    with pytest.raises(HubError, match="another server"):
        Hub(hub_server.url, token=TOKEN).gguf_files(REPO)
    assert other_server.requests == []


def test_a_download_redirected_to_a_storage_host_goes_there_without_the_token(hub_server, other_server, tmp_path):
    data = os.urandom(300_000)
    hub_server.add_file(REPO, "tiny.gguf", data)
    other_server.add_file(REPO, "tiny.gguf", data)
    hub_server.redirect_downloads_to = other_server.url
    hub = Hub(hub_server.url, token=TOKEN)
    plan = dl.plan_download(hub, REPO, "tiny.gguf", tmp_path / "models")
    path = dl.download(hub, plan, retry_wait=0)
    assert path.read_bytes() == data
    [storage_get] = other_server.requests
    assert storage_get.path == f"/{REPO}/resolve/main/tiny.gguf" and "authorization" not in storage_get.headers
    assert all(r.headers.get("authorization") == f"Bearer {TOKEN}" for r in hub_server.requests)
    assert logged()[-2:] == [(host(hub_server), f"download {REPO}/tiny.gguf"),
                             (host(other_server), f"download {REPO}/tiny.gguf (redirected)")]


def test_a_redirect_loop_ends_with_a_message(hub_server, tmp_path):
    hub_server.add_file(REPO, "tiny.gguf", b"x" * 1000)
    hub = Hub(hub_server.url)
    plan = dl.plan_download(hub, REPO, "tiny.gguf", tmp_path / "models")
    hub_server.redirect_downloads_to = hub_server.url  # redirects to itself for ever
    with pytest.raises(HubError, match="redirected more than"):
        dl.download(hub, plan, retry_wait=0)
    assert len([e for e in network_log.read() if e.purpose.startswith("download")]) == 6


@pytest.mark.parametrize("target", ["http://cdn.example.com/f", "ftp://cdn.example.com/f",
                                    "https://user:pw@cdn.example.com/f", "https://cdn.example.com:99999/f",
                                    "https://cdn.exa mple.com/f"])
def test_unsafe_redirects_are_refused_before_anything_is_sent(target):
    from app.core.hub_http import HubHttp

    http = HubHttp("https://hub.example.com", token=TOKEN)
    with pytest.raises(HubError):
        http._check_hop("https://hub.example.com/x/resolve/main/f.gguf", target, "download f.gguf", storage=True)
    assert network_log.read() == []


def test_the_token_goes_only_to_the_endpoint_itself():
    from app.core.hub_http import HubHttp

    http = HubHttp("https://hub.example.com/mirror", token=TOKEN)
    assert http._headers("https://hub.example.com/mirror/api/x", {}) == {"Authorization": f"Bearer {TOKEN}"}
    for elsewhere in ("https://cdn.example.com/f", "http://hub.example.com/mirror/f", "https://hub.example.com:8443/f"):
        assert http._headers(elsewhere, {"Range": "bytes=1-"}) == {"Range": "bytes=1-"}
    assert http.on_endpoint("https://hub.example.com/mirror/api/x")
    assert not http.on_endpoint("https://hub.example.com/other/api/x")
    assert not http.on_endpoint("https://hub.example.com.evil.net/mirror/api/x")


def test_an_endless_body_stops_at_the_listed_size_and_a_good_file_is_kept(hub_server, tmp_path):
    data = os.urandom(200_000)
    hub_server.add_file(REPO, "tiny.gguf", data)
    hub_server.endless = b"\0" * 65536
    hub = Hub(hub_server.url)
    plan = dl.plan_download(hub, REPO, "tiny.gguf", tmp_path / "models")
    path = dl.download(hub, plan, retry_wait=0)
    assert path.read_bytes() == data  # the first 200,000 bytes were the file; the rest was never written


def test_an_endless_wrong_body_is_cut_off_and_deleted(hub_server, tmp_path):
    data = b"z" * 200_000
    hub_server.add_file(REPO, "tiny.gguf", data, sha256=hashlib.sha256(b"something else").hexdigest())
    hub_server.endless = b"\xff" * 65536
    hub = Hub(hub_server.url)
    plan = dl.plan_download(hub, REPO, "tiny.gguf", tmp_path / "models")
    with pytest.raises(CoveError, match="sent more than the 200.0 KB it lists for tiny.gguf"):
        dl.download(hub, plan, retry_wait=0)
    assert list(plan.dest_dir.iterdir()) == []  # nothing kept, nothing grew past the listed size


HOSTILE = [
    {"type": "file", "path": "../../escape-Q4_K_M.gguf", "size": 10, "bad": "name"},
    {"type": "file", "path": "sub/../../escape2.gguf", "size": 10, "bad": "name"},
    {"type": "file", "path": "/etc/abs.gguf", "size": 10, "bad": "name"},
    {"type": "file", "path": "nul\x00name.gguf", "size": 10, "bad": "name"},
    {"type": "file", "path": "line\nbreak.gguf", "size": 10, "bad": "name"},
    {"type": "file", "path": "x" * 300 + ".gguf", "size": 10, "bad": "name"},
    {"type": "file", "path": "é" * 130 + ".gguf", "size": 10, "bad": "name"},  # 260 bytes in UTF-8
    {"type": "file", "path": "C:evil.gguf", "size": 10, "bad": "name"},
    {"type": "file", "path": "huge.gguf", "size": 10 ** 11 * 10 ** 9},
    {"type": "file", "path": "enormous.gguf", "size": 10 ** 400},
    {"type": "file", "path": "negative.gguf", "size": -1},
    {"type": "file", "path": "boolean.gguf", "size": True},
    {"type": "file", "path": "text.gguf", "size": "12"},
    {"type": "file", "path": "float.gguf", "size": 1e30},
    {"type": "file", "path": "badsha.gguf", "size": 10, "lfs": {"oid": "zz" * 32}},
]


def test_a_hostile_listing_is_validated_and_never_raises(hub_server):
    from app.core import catalog, system
    from app.core.hub import one_per_model

    hub_server.add_file(REPO, "good-Q4_K_M.gguf", b"g" * 100)
    hub_server.extra_entries[REPO] = HOSTILE + [
        {"type": "file", "path": "sub/fine-Q8_0.gguf", "size": 10 ** 11},  # 100 GB: large but possible
        {"type": "directory", "path": "sub"}, "not an entry", None, {"type": "file", "path": 7, "size": 1}]
    files = Hub(hub_server.url).gguf_files(REPO)
    assert [(f.path, f.size) for f in files] == [("good-Q4_K_M.gguf", 100), ("sub/fine-Q8_0.gguf", 10 ** 11)]
    assert len(files.skipped) == len(HOSTILE)
    assert all("\n" not in line and "\x00" not in line and len(line) < 200 for line in files.skipped)
    machine = system.machine()
    assert [catalog.fit_label(f.size, 4096, machine) for f in one_per_model(files)]  # the window's arithmetic


@pytest.mark.parametrize("entry", HOSTILE, ids=lambda e: repr(e["path"])[:20])
def test_a_hostile_name_cannot_be_downloaded_even_when_asked_for(hub_server, tmp_path, entry):
    if entry.get("bad") == "name":  # a hostile name, served for real (with its SHA-256) as a mirror would
        hub_server.add_file(REPO, entry["path"], b"x" * 10)
    else:  # a hostile size or hash
        hub_server.extra_entries[REPO] = [{"lfs": {"oid": hashlib.sha256(b"x").hexdigest()}, **entry}]
    hub_server.add_file(REPO, "good.gguf", b"g" * 100)
    work = tmp_path / "work"
    (work / "models").mkdir(parents=True)
    hub = Hub(hub_server.url)
    with pytest.raises(CoveError) as refused:
        dl.download(hub, dl.plan_download(hub, REPO, entry["path"], work / "models"), retry_wait=0)
    assert "\n" not in str(refused.value) and "\x00" not in str(refused.value) and len(str(refused.value)) < 400
    assert list(work.rglob("*")) == [work / "models"]  # nothing written, inside or outside


@pytest.mark.parametrize("repo_id", ["../etc", "acme/../x", "acme", "a/b/c", "acme/x y", "acme/x\x00", "/abs"])
def test_a_bad_repo_name_is_refused_before_any_request(hub_server, repo_id):
    with pytest.raises(CoveError, match="is not a Hub repo name"):
        Hub(hub_server.url).gguf_files(repo_id)
    assert hub_server.requests == [] and network_log.read() == []


def test_a_mirror_that_is_down_fails_at_once(monkeypatch):
    import logging
    import time

    monkeypatch.setenv("HF_HUB_VERBOSITY", "debug")  # the library's own lines stay off the terminal anyway
    started = time.monotonic()
    with pytest.raises(HubError, match=r"^Could not reach 127\.0\.0\.1:9 to list the files of acme/Tiny-GGUF"):
        Hub("http://127.0.0.1:9").gguf_files(REPO)
    assert time.monotonic() - started < 2  # no retries with back-off
    assert logging.getLogger("huggingface_hub").getEffectiveLevel() == logging.CRITICAL


def test_a_file_in_a_sub_folder_is_saved_there_and_allowed_by_the_same_entry(hub_server, tmp_path):
    from app.core import model_check
    from app.core.policy import parse

    data = os.urandom(50_000)
    hub_server.add_file(REPO, "sub/tiny-Q4_K_M.gguf", data)
    hub_server.add_file(REPO, "tiny-Q4_K_M.gguf", os.urandom(1000))
    admin = parse({"allowed_models": [f"{REPO}/sub/tiny-Q4_K_M.gguf"]}, tmp_path / "policy.toml")
    models = tmp_path / "models"
    hub = Hub(hub_server.url, policy=admin)
    path = dl.download(hub, dl.plan_download(hub, REPO, "sub/tiny-Q4_K_M.gguf", models), retry_wait=0)
    assert path == models / "acme" / "Tiny-GGUF" / "sub" / "tiny-Q4_K_M.gguf" and path.read_bytes() == data
    assert model_check.refusal(admin.allowed_models, "", path, models, builtin=False) is None
    # The same name outside its sub-folder is another file: not allowed to download, not allowed to load.
    with pytest.raises(CoveError, match="not among the allowed models"):
        dl.plan_download(hub, REPO, "tiny-Q4_K_M.gguf", models)
    elsewhere = models / "acme" / "Tiny-GGUF" / "tiny-Q4_K_M.gguf"
    elsewhere.write_bytes(data)
    assert "not among the models" in model_check.refusal(admin.allowed_models, "", elsewhere, models, builtin=False)


def test_hostile_search_results_are_dropped_or_zeroed(hub_server, monkeypatch):
    import app.core.hub as hub_mod

    answer = [{"id": "good/Repo-GGUF", "downloads": 10 ** 400, "likes": -3, "gated": "manual"},
              {"id": "../../etc", "downloads": 1}, {"id": "a/b\x00c"}, {"id": 5}, "junk", None,
              {"modelId": "other/Repo", "downloads": "many", "likes": 7}]
    monkeypatch.setattr(hub_mod.HubHttp, "get_json", lambda self, *a, **k: (answer, None))
    repos = Hub(hub_server.url).search("x")
    assert [(r.repo_id, r.downloads, r.likes, r.gated) for r in repos] == [
        ("good/Repo-GGUF", 0, 0, True), ("other/Repo", 0, 7, False)]


def test_a_listing_too_long_to_be_real_is_refused(hub_server, monkeypatch):
    import app.core.hub as hub_mod

    monkeypatch.setattr(hub_mod, "MAX_LISTED_FILES", 5)
    hub_server.extra_entries[REPO] = [{"type": "file", "path": f"f{i}.gguf", "size": 1} for i in range(4)]
    hub_server.page_size = 2
    hub_server.add_file(REPO, "a.gguf", b"a")
    hub_server.add_file(REPO, "b.gguf", b"b")
    with pytest.raises(HubError, match="listed more than 5 files"):
        Hub(hub_server.url).gguf_files(REPO)
    assert len(hub_server.requests) == 3  # stopped at the page that went over
