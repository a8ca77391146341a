"""The remote client against a fake OpenAI-compatible server and llama-cpp-python's own server."""

import json
import os
import stat

import pytest

from app.core import network_log
from app.core import remote_servers as rs
from app.core.policy import NO_POLICY
from app.core.remote_client import RemoteChat, list_models


def _chat(url, key="", read_timeout=5.0, messages=None):
    server = rs.RemoteServer(rs.normalise_url(url), "", key)
    pieces = []
    chat = RemoteChat(server, "fake-model", messages or [{"role": "user", "content": "secret words"}],
                      {"temperature": 0.0, "top_p": 1.0, "max_tokens": 16, "seed": 3, "top_k": 40},
                      read_timeout=read_timeout)
    return chat, pieces


def test_a_streamed_answer_its_stats_and_the_request_log(fake_openai):
    chat, pieces = _chat(fake_openai.url_for("ok"))
    result = chat.run(pieces.append)
    assert "".join(pieces) == "Hello world"
    assert (result.status, result.finish_reason) == ("complete", "stop")
    assert result.stats["prompt_tokens"] == 7 and result.stats["completion_tokens"] == 2
    assert result.stats["time_to_first_token"] is not None and result.stats["remote_host"].startswith("127.0.0.1")
    body = fake_openai.requests[-1]["body"]
    assert body["stream"] is True and body["seed"] == 3 and body["max_tokens"] == 16
    assert "top_k" not in body  # not in the OpenAI API: never sent
    entries = network_log.read()
    assert [e.purpose for e in entries] == ["remote chat fake-model"]
    assert entries[0].outcome.startswith("HTTP 200") and "7 prompt + 2 answer tokens" in entries[0].outcome
    assert "secret words" not in network_log.log_path().read_text()  # never what was written


@pytest.mark.parametrize("mode, words", [
    ("401", "refused the key (HTTP 401)"),
    ("429", "is busy (HTTP 429"),
    ("malformed", "cannot read (not JSON)"),
    ("cut", "closed the connection in the middle of the answer"),
    ("hang", "sent nothing for 1 s"),
])
def test_each_failure_is_one_clear_line_and_the_text_so_far_was_handed_out(fake_openai, mode, words):
    chat, pieces = _chat(fake_openai.url_for(mode), read_timeout=1.0)
    with pytest.raises(rs.RemoteError) as failure:
        chat.run(pieces.append)
    message = str(failure.value)
    assert words in message and "\n" not in message and "Traceback" not in message
    assert pieces == ([] if mode in ("401", "429") else ["Hello"])  # the partial answer reached the caller
    assert network_log.read()[-1].outcome  # its outcome is logged too


def test_the_key_goes_as_a_bearer_token_and_a_wrong_one_is_refused(fake_openai):
    fake_openai.key = "good-key"
    server = rs.RemoteServer(fake_openai.url_for("ok"), "", "good-key")
    assert list_models(server) == ["fake-model"]
    assert fake_openai.requests[-1]["authorization"] == "Bearer good-key"
    with pytest.raises(rs.RemoteError, match="refused the key"):
        list_models(rs.RemoteServer(fake_openai.url_for("ok"), "", "bad-key"))
    assert "good-key" not in network_log.log_path().read_text()


def test_cancel_closes_the_stream_and_the_answer_is_stopped(fake_openai):
    chat, pieces = _chat(fake_openai.url_for("hang"), read_timeout=30)
    import threading

    runner = threading.Thread(target=lambda: pieces.append(chat.run(pieces.append)))
    runner.start()
    for _ in range(100):
        if pieces:
            break
        threading.Event().wait(0.05)
    chat.cancel()
    runner.join(5)
    assert not runner.is_alive()
    assert pieces[0] == "Hello" and pieces[-1].status == "stopped" and pieces[-1].finish_reason == "user"


def test_addresses_keys_and_settings_entries_are_checked(tmp_path):
    assert rs.url_problem("https://gpu.example.org/v1") is None
    assert rs.url_problem("http://127.0.0.1:8000/v1") is None and rs.url_problem("http://localhost:1") is None
    assert "unencrypted" in rs.url_problem("http://gpu.example.org/v1")
    assert "not a server address" in rs.url_problem("ftp://x") and rs.url_problem("https://u:p@h/v1")
    problems = []
    kept = rs.parse_servers([{"url": "https://a.example/v1/"}, {"url": "http://b.example"}, "x",
                             {"url": "https://a.example/v1"}], problems)
    assert kept == ({"url": "https://a.example/v1", "ca_bundle": ""},) and len(problems) == 3
    rs.save_key(tmp_path, "https://a.example/v1", "sk-123\n")
    path = rs.key_path(tmp_path, "https://a.example/v1/")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600 and rs.load_key(tmp_path, "https://a.example/v1") == "sk-123"
    rs.clear_key(tmp_path, "https://a.example/v1")
    assert rs.load_key(tmp_path, "https://a.example/v1") == ""
    assert "sk-" not in repr(rs.RemoteServer("https://a.example/v1", "", "sk-123"))


def test_a_conversation_through_llama_cpp_server(llama_server):
    server = rs.RemoteServer(llama_server.url)
    assert list_models(server) == [llama_server.model_id]
    pieces = []
    chat = RemoteChat(server, llama_server.model_id, [{"role": "user", "content": "Say hello."}],
                      {"temperature": 0.0, "max_tokens": 8, "seed": 1})
    result = chat.run(pieces.append)
    assert "".join(pieces).strip() and result.status == "complete"
    assert result.finish_reason in ("stop", "length") and result.stats["completion_tokens"] >= 1
    logged = network_log.read()
    assert [e.purpose for e in logged] == ["remote model list", f"remote chat {llama_server.model_id}"]
    assert json.dumps(chat.body).count("Say hello.") == 1 and "Say hello." not in network_log.log_path().read_text()


def test_offline_nothing_is_sent_except_to_a_server_on_this_computer(fake_openai, tmp_path, monkeypatch):
    from app.core.settings import HubOptions, Settings

    settings = Settings(hub=HubOptions(offline=True), remote_servers=(
        {"url": "https://gpu.example.org/v1", "ca_bundle": ""}, {"url": fake_openai.url_for("ok"), "ca_bundle": ""}))
    far, near = rs.servers_in_use(settings, NO_POLICY, tmp_path)
    assert far.offline and near.offline
    with pytest.raises(rs.RemoteError, match="Cove is offline, so it sends nothing to gpu.example.org"):
        list_models(far)
    chat = RemoteChat(far, "m", [{"role": "user", "content": "hi"}], {})
    with pytest.raises(rs.RemoteError, match="Cove is offline"):
        chat.run(lambda _text: None)
    assert network_log.read() == []  # nothing was even attempted
    assert list_models(near) == ["fake-model"]  # 127.0.0.1 is not the network
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert rs.servers_in_use(Settings(remote_servers=settings.remote_servers), NO_POLICY, tmp_path)[0].offline


def test_settings_keep_good_servers_and_report_bad_ones():
    from app.core import settings as settings_mod

    parsed, problems = settings_mod.parse({"remote_servers": [{"url": "https://gpu.example.org/v1"},
                                                               {"url": "http://10.0.0.5:8000/v1"}]})
    assert parsed.remote_servers == ({"url": "https://gpu.example.org/v1", "ca_bundle": ""},)
    assert len(problems) == 1 and "unencrypted" in problems[0]
    assert settings_mod.parse({"remote_servers": "x"})[0].remote_servers == ()
