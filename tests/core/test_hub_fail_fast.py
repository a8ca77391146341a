"""With no network, a Hub search or listing fails at once, once, in words (issue 14, point 5).

No test here sends anything anywhere but 127.0.0.1: the system's resolver is replaced by
one that knows "localhost" and answers every name under `.invalid` (a name that can never
exist) with "not found", or not at all, the way a resolver behaves with no network.
"""

import os
import socket
import subprocess
import sys
import threading
import time

import pytest

from app.core import hub_http, network_log
from app.core.hub import Hub
from app.core.hub_http import HubError, Unreachable

REAL_GETADDRINFO = socket.getaddrinfo


class FakeResolver:
    def __init__(self, hang: bool = False):
        self.hang = hang
        self.released = threading.Event()
        self.looked_up: list[str] = []  # names Cove looked up itself, before connecting

    def __call__(self, host, *args, **kwargs):
        if threading.current_thread().name == "cove-lookup":
            self.looked_up.append(host)
        if host in ("localhost", "127.0.0.1"):
            return REAL_GETADDRINFO("127.0.0.1", *args, **kwargs)
        assert host.endswith(".invalid"), f"a test tried to look up {host}"
        if self.hang:
            self.released.wait(30)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@pytest.fixture
def resolver(monkeypatch):
    fake = FakeResolver()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    yield fake
    fake.released.set()


def test_an_unresolvable_hub_fails_at_once_with_one_request_and_a_clear_message(resolver):
    hub = Hub("http://hub.cove-test.invalid")
    before = network_log.read()
    started = time.monotonic()
    with pytest.raises(Unreachable) as caught:
        hub.search("qwen")
    assert time.monotonic() - started < 2
    message = str(caught.value)
    assert message.startswith("Could not reach hub.cove-test.invalid to search the Hub: its address could not "
                              "be found. This computer seems to be offline")
    assert "\n" not in message
    assert resolver.looked_up == ["hub.cove-test.invalid"]  # one attempt, no retries
    assert len(network_log.read()) == len(before) + 1


def test_a_resolver_that_does_not_answer_is_given_up_on_quickly(resolver, monkeypatch):
    resolver.hang = True
    monkeypatch.setattr(hub_http, "LOOKUP_TIMEOUT", 0.5)
    hub = Hub("http://hub.cove-test.invalid")
    started = time.monotonic()
    with pytest.raises(Unreachable, match=r"finding its address took longer than 0\.5 s\. This computer seems"):
        hub.gguf_files("acme/Tiny-GGUF")
    assert time.monotonic() - started < 3  # the system's resolver would have taken 25-45 s
    assert resolver.looked_up == ["hub.cove-test.invalid"]


def test_a_host_found_once_is_not_looked_up_again(resolver, hub_server):
    hub_server.add_file("acme/Tiny-GGUF", "tiny-Q4_K_M.gguf", b"x" * 100)
    hub = Hub(hub_server.url.replace("127.0.0.1", "localhost"))
    assert [r.repo_id for r in hub.search("tiny")] == ["acme/Tiny-GGUF"]
    assert [f.path for f in hub.gguf_files("acme/Tiny-GGUF")] == ["tiny-Q4_K_M.gguf"]
    # Once: later requests (a download resuming after a dropped connection) go straight to the host.
    assert resolver.looked_up == ["localhost"]


def test_a_download_by_name_still_resumes_after_dropped_connections(resolver, hub_server, tmp_path):
    from app.core import downloads
    from tests.core.test_downloads import payload

    data = payload(7)
    hub_server.add_file("acme/Tiny-GGUF", "tiny.gguf", data)
    hub_server.drop_after = 1_000_000  # every response stops after ~1 MB: transient failures
    hub = Hub(hub_server.url.replace("127.0.0.1", "localhost"))
    plan = downloads.plan_download(hub, "acme/Tiny-GGUF", "tiny.gguf", tmp_path / "models")
    path = downloads.download(hub, plan, retry_wait=0)
    assert path.read_bytes() == data
    assert len(hub_server.ranges("tiny.gguf")) == 4  # retried three times, as before
    assert resolver.looked_up == ["localhost"]  # looked up once, not before each retry


def test_an_address_is_not_looked_up(resolver, hub_server):
    hub_server.add_file("acme/Tiny-GGUF", "tiny-Q4_K_M.gguf", b"x" * 100)
    assert len(Hub(hub_server.url).search("tiny")) == 1
    assert resolver.looked_up == []


def test_behind_a_proxy_the_proxy_looks_the_name_up(resolver, monkeypatch):
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")  # refuses at once
    monkeypatch.setenv("no_proxy", "")
    with pytest.raises(HubError) as caught:
        Hub("http://hub.cove-test.invalid").search("qwen")
    assert not isinstance(caught.value, Unreachable)
    assert resolver.looked_up == []


def test_a_server_that_refuses_is_one_attempt_and_says_so(resolver, monkeypatch):
    before = len(network_log.read())
    started = time.monotonic()
    with pytest.raises(HubError, match=r"^Could not reach 127\.0\.0\.1:9 to search the Hub: the connection failed"):
        Hub("http://127.0.0.1:9").search("qwen")
    assert time.monotonic() - started < 2
    assert len(network_log.read()) == before + 1


FAKE_RESOLVER = """
import socket, sys
def refuse(host, *args, **kwargs):
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
socket.getaddrinfo = refuse
import app.cli as c
raise SystemExit(c.main(sys.argv[1:]))
"""


def test_cove_models_search_offline_is_one_line_at_once(cove_home):
    env = dict(os.environ, HF_ENDPOINT="https://hub.cove-test.invalid")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", FAKE_RESOLVER, "models", "search", "qwen"], capture_output=True,
                            text=True, timeout=60, env=env)
    assert time.monotonic() - started < 15  # the interpreter's start is most of it
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "cove: Could not reach hub.cove-test.invalid to search the Hub: its address could not be found. This "
        "computer seems to be offline, or the address is wrong: check your connection (or the mirror address in "
        "Models › Network), then try again."]
