"""Who may use `cove serve`: policy, addresses, keys, settings, and the limits on loaded models."""

import os
import socket
import stat
import time
from pathlib import Path

import pytest

from app import cli
from app.core import paths, policy
from app.core import settings as settings_mod
from app.core.errors import CoveError
from app.core.models import ModelEntry
from app.server import access
from app.server.api import ApiError
from app.server.engines import EnginePool


def test_loopback_addresses_are_told_apart_from_the_rest():
    assert all(access.is_loopback(h) for h in ("127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost", "LOCALHOST"))
    assert not any(access.is_loopback(h) for h in ("0.0.0.0", "192.168.1.4", "::", "example.org", "my-laptop"))


def test_the_policy_key_serving_is_parsed_and_a_bad_value_turns_serving_off(tmp_path):
    def read(text):
        path = tmp_path / "policy.toml"
        path.write_text(text)
        return policy.load(path)

    assert policy.NO_POLICY.serving == "network" and read("").serving == "network"
    assert [read(f'serving = "{v}"').serving for v in policy.SERVING] == ["off", "loopback", "network"]
    bad = read('serving = "everyone"')
    assert bad.serving == "off" == policy.RESTRICTIVE["serving"] and bad.problems[0].startswith("serving")
    assert read("downloads = maybe\n[[[").serving == "off"  # an unreadable file: the most restrictive


def test_serving_off_refuses_before_listening(admin_policy, capsys):
    admin_policy('serving = "off"\nmessage = "Ask IT."\n')
    assert cli.main(["serve", "--port", "0"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "turned off by your administrator's policy" in err and "Ask IT." in err
    assert not access.key_file(paths.current()).exists()


def test_loopback_only_refuses_another_address_but_not_this_computer(admin_policy, capsys):
    admin_policy('serving = "loopback"\n')
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "--host 0.0.0.0" in err and "127.0.0.1" in err and err.count("\n") == 1
    assert not access.key_file(paths.current()).exists()  # no key made for a server that never ran
    access.check_policy(policy.current(), "127.0.0.1")  # allowed: raises nothing
    with pytest.raises(CoveError):
        access.check_policy(policy.current(), "::")


@pytest.mark.parametrize("args, words", [
    (["--api-key-file", "/nonexistent/key"], "Cannot read the API key file"),
    (["--model", "no-such-model"], "No model named 'no-such-model'"),
    (["--host", "no.such.host.invalid"], "Cannot listen on 'no.such.host.invalid'"),
    (["--port", "70000"], "from 0 to 65535"),
])
def test_bad_arguments_get_one_line_and_nothing_listens(args, words, capsys, no_starter):
    code = cli.main(["serve", "--port", "0", *args]) if "--port" not in args else None
    if code is None:
        with pytest.raises(SystemExit) as exited:
            cli.main(["serve", *args])
        code = exited.value.code
    out, err = capsys.readouterr()
    assert code in (1, 2) and out == "" and words in err and "Traceback" not in err


def test_a_port_in_use_is_refused_with_what_to_do(capsys):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        assert cli.main(["serve", "--port", str(taken.getsockname()[1])]) == 1
    finally:
        taken.close()
    out, err = capsys.readouterr()
    assert out == "" and "already in use" in err and "--port 0" in err


def test_key_files_short_or_spaced_are_refused_and_the_stored_key_is_private(tmp_path):
    for text in ("short\n", "has a space in the middle of it\n", ""):
        (tmp_path / "k").write_text(text)
        with pytest.raises(CoveError, match="at least 16 characters"):
            access.read_key_file(tmp_path / "k")
    (tmp_path / "k").write_text("  abcdefghijklmnopqrstuvwxyz  \nsecond line\n")
    assert access.read_key_file(tmp_path / "k") == "abcdefghijklmnopqrstuvwxyz"
    home = paths.current().ensure()
    key, new = access.stored_or_new_key(home)
    assert new and key.startswith(access.KEY_PREFIX)
    assert stat.S_IMODE(os.stat(access.key_file(home)).st_mode) == 0o600
    assert access.stored_or_new_key(home) == (key, False)  # made once
    access.key_file(home).write_text("x\n")
    with pytest.raises(CoveError, match="damaged"):
        access.stored_or_new_key(home)
    assert access.key_file(home).read_text() == "x\n"  # a damaged key is never silently replaced


def test_keys_are_compared_whole_and_only_as_bearer():
    key = "cove-secret-key-0123456789"
    assert access.key_matches(f"Bearer {key}", key) and access.key_matches(f"bearer  {key} ", key)
    for header in (None, "", key, f"Basic {key}", f"Bearer {key[:-1]}", f"Bearer {key}x", "Bearer é"):
        assert not access.key_matches(header, key)


def test_server_settings_are_checked_like_the_others():
    values, problems = settings_mod.parse({"server": {"port": 8080, "idle_unload_minutes": 5, "max_loaded_models": 3,
                                                      "cors_origins": ["http://localhost:3000"]}})
    assert problems == [] and values.server == settings_mod.ServerOptions(8080, 5, 3, ["http://localhost:3000"])
    bad = {"port": 70000, "idle_unload_minutes": 0, "max_loaded_models": "2", "cors_origins": ["*", "file://x"]}
    values, problems = settings_mod.parse({"server": bad})
    assert values.server == settings_mod.ServerOptions() and len(problems) == 4
    assert all(p.startswith("server.") for p in problems) and "origins" in problems[-1]


def entry(name: str) -> ModelEntry:
    return ModelEntry(Path(f"/models/{name}.gguf"), 1)


def test_the_pool_keeps_a_limit_of_loaded_models_unloading_the_least_recently_used_idle_one():
    pool = EnginePool(lambda e: None, max_loaded=2, idle_seconds=60)
    a, b = pool.get(entry("a")), pool.get(entry("b"))
    assert pool.get(entry("a")) is a  # loaded once
    a.last_used, b.last_used = time.monotonic() - 5, time.monotonic()
    c = pool.get(entry("c"))
    assert set(pool.models) == {b.entry.path, c.entry.path}  # a, used least recently, made way
    b.waiting = c.waiting = 1  # both busy
    before = dict(pool.models)
    with pytest.raises(ApiError) as busy:
        pool.get(entry("d"))
    assert busy.value.status == 503 and pool.models == before
    pool.close()


def test_the_pool_unloads_models_idle_for_the_set_time_and_queues_are_bounded():
    pool = EnginePool(lambda e: None, max_loaded=4, idle_seconds=60, max_waiting=2)
    a, b = pool.get(entry("a")), pool.get(entry("b"))
    now = time.monotonic()
    a.last_used, b.last_used = now - 61, now - 61
    b.waiting = 1
    assert pool.unload_idle(now) == ["a"] and list(pool.models) == [b.entry.path]  # a busy one stays
    b.waiting = 2
    with pytest.raises(ApiError) as full:
        b._enter()
    assert full.value.status == 429 and b.waiting == 2
    pool.close()
