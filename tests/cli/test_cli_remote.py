"""`cove remote …`, and `cove chat` / `cove models list` with remote models: real processes, real servers."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
import time

from app.core import network_log
from app.core import remote_servers as rs
from tests.cli.test_cli import assert_one_line_error, cove
from tests.support.openai_servers import LlamaServer


def _settings(home):
    path = home / "config" / "settings.json"
    return json.loads(path.read_text()) if path.exists() else {}


def _rows(home):
    db = sqlite3.connect(home / "cove.db")
    return db.execute("SELECT role, content, status, model_file, error, completion_tokens FROM messages "
                      "ORDER BY id").fetchall()


def test_add_list_and_remove_a_server_with_its_key_kept_apart(fake_openai, cove_home, tmp_path):
    fake_openai.key = "sk-team-42"
    key_file = tmp_path / "key"
    key_file.write_text("sk-team-42\n")
    url = fake_openai.url_for("ok")
    added = cove("remote", "add", url, "--key-file", str(key_file))
    assert added.returncode == 0, added.stderr
    assert "fake-model" in added.stdout and "go to 127.0.0.1" in added.stdout
    assert _settings(cove_home)["remote_servers"] == [{"url": url, "ca_bundle": ""}]
    key_path = rs.key_path(cove_home, url)
    assert key_path.read_text() == "sk-team-42" and stat.S_IMODE(os.stat(key_path).st_mode) == 0o600
    everything = "".join(p.read_text(errors="replace") for p in cove_home.rglob("*") if p.is_file()
                         and p != key_path and p.suffix != ".db")
    assert "sk-team-42" not in everything  # not in settings.json, not in any log

    listed = cove("remote", "list")
    assert listed.returncode == 0 and url in listed.stdout and "key stored" in listed.stdout
    assert "    fake-model" in listed.stdout
    models = cove("models", "list")
    assert models.returncode == 0 and f"fake-model  remote  on 127.0.0.1:{fake_openai.port}" in models.stdout

    removed = cove("remote", "remove", url)
    assert removed.returncode == 0 and _settings(cove_home)["remote_servers"] == [] and not key_path.exists()


def test_bad_servers_are_refused_in_one_line_and_nothing_is_saved(fake_openai, cove_home, tmp_path):
    before = _settings(cove_home)
    for args, words in [
        (["http://gpu.example.org/v1"], "unencrypted"),
        (["not a url"], "is not a server address"),
        ([fake_openai.url_for("401")], "refused the key (HTTP 401)"),
        ([fake_openai.url_for("ok"), "--key-file", str(tmp_path / "none")], "Could not read the key file"),
        ([fake_openai.url_for("ok"), "--ca-bundle", str(tmp_path / "none.pem")], "no CA bundle file"),
        (["http://127.0.0.1:9/v1"], "Could not reach 127.0.0.1:9"),
    ]:
        line = assert_one_line_error(cove("remote", "add", *args))
        assert words in line, line
    assert _settings(cove_home) == before
    assert not (cove_home / rs.KEYS_FOLDER).exists() or not any((cove_home / rs.KEYS_FOLDER).iterdir())
    assert "No remote server" in assert_one_line_error(cove("remote", "remove", "https://nope.example/v1"))


def test_a_conversation_through_llama_cpp_server(llama_server, cove_home):
    assert cove("remote", "add", llama_server.url).returncode == 0
    first = cove("chat", "--model", llama_server.model_id, "--temperature", "0", "--max-tokens", "12", "Say hello.")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip()
    rows = _rows(cove_home)
    ref = rs.model_ref(llama_server.url, llama_server.model_id)
    assert [(r[0], r[2]) for r in rows] == [("user", "complete"), ("assistant", "complete")]
    assert rows[1][1].strip() == first.stdout.strip() and rows[1][3] == ref and rows[1][5] >= 1
    conversation = sqlite3.connect(cove_home / "cove.db").execute("SELECT id FROM conversations").fetchone()[0]
    follow = cove("chat", "--conversation", str(conversation), "--model", f"{llama_server.model_id}@"
                  f"127.0.0.1:{llama_server.port}", "--max-tokens", "8", "And again?")
    assert follow.returncode == 0, follow.stderr
    assert len(_rows(cove_home)) == 4


def test_the_server_killed_mid_answer_leaves_the_partial_answer_saved_with_status_error(smollm2, cove_home):
    server = LlamaServer(smollm2).wait_ready()
    try:
        assert cove("remote", "add", server.url).returncode == 0
        process = subprocess.Popen([sys.executable, "-m", "app", "chat", "--model", server.model_id,
                                    "--max-tokens", "2000", "--temperature", "1",
                                    "Write a very long story about a lighthouse keeper."],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
        written = ""
        deadline = time.monotonic() + 60
        while len(written) < 20 and time.monotonic() < deadline:
            written += process.stdout.read(1)
        server.kill()
        out, err = process.communicate(timeout=60)
    finally:
        server.stop()
    assert process.returncode == 1 and len(written) >= 20
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "closed the connection in the middle of the answer" in lines[0], err
    answer = _rows(cove_home)[-1]
    assert answer[0] == "assistant" and answer[2] == "error"
    assert answer[1].startswith(written) and "in the middle of the answer" in answer[4]


def test_failures_are_one_line_and_the_answer_is_kept_with_why(fake_openai, cove_home):
    for mode, words in [("cut", "closed the connection"), ("malformed", "not JSON")]:
        settings = {"remote_servers": [{"url": fake_openai.url_for(mode), "ca_bundle": ""}]}
        (cove_home / "config").mkdir(parents=True, exist_ok=True)
        (cove_home / "config" / "settings.json").write_text(json.dumps(settings))
        result = cove("chat", "--model", rs.model_ref(fake_openai.url_for(mode), "fake-model"), "hi")
        assert words in assert_one_line_error(result)
        assert result.stdout.startswith("Hello")
        answer = _rows(cove_home)[-1]
        assert (answer[1], answer[2]) == ("Hello", "error") and words in answer[4]


def _in_process(capsys, *args):
    """Run `cove` in this process: the policy file the test writes is found only here (conftest's admin_policy)."""
    from app.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_policy_allows_only_its_servers_with_their_keys_and_can_hide_local_models(
        fake_openai, admin_policy, cove_home, smollm2, capsys):
    fake_openai.key = "from-it"
    url = fake_openai.url_for("ok")
    admin_policy(f'message = "Ask IT."\nremote_only = true\n[[remote_servers]]\nurl = "{url}"\nkey = "from-it"\n')
    code, _out, err = _in_process(capsys, "remote", "add", "https://other.example.org/v1")
    assert code == 1 and err.count("\n") == 1
    assert "turned off by your administrator's policy" in err and f"Allowed servers: {url}" in err
    assert not fake_openai.requests and _settings(cove_home).get("remote_servers", []) == []  # nothing sent, saved
    code, out, err = _in_process(capsys, "models", "list")
    assert code == 0 and f"fake-model  remote  on 127.0.0.1:{fake_openai.port}" in out
    assert "SmolLM2" not in out and "Local models are turned off" in err
    code, _out, err = _in_process(capsys, "chat", "--model", str(smollm2), "hi")
    assert code == 1 and "Using local models is turned off" in err
    code, out, err = _in_process(capsys, "chat", "hi")  # no model named: the first remote one, with the policy's key
    assert code == 0 and out.strip() == "Hello world", err
    assert fake_openai.requests[-1]["authorization"] == "Bearer from-it"
    code, out, err = _in_process(capsys, "remote", "list")
    assert code == 0 and "set by your administrator" in out and "key stored" in out
    assert "from-it" not in out + err + network_log.log_path().read_text()
