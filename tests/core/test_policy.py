"""The administrator's policy file: every key, and the most restrictive reading of a broken file."""

import os

import pytest

from app.core import policy
from app.core.errors import CoveError

SHA = "a" * 64


def write(tmp_path, text):
    path = tmp_path / "policy.toml"
    path.write_text(text)
    return policy.load(path)


def test_no_file_means_no_policy(tmp_path):
    assert policy.load(tmp_path / "missing.toml") == policy.NO_POLICY and not policy.NO_POLICY.active


def test_every_key_is_read(tmp_path):
    p = write(tmp_path, f'''
message = "Set by IT (help@example.com)."
downloads = false
hub_search = false
endpoint = "https://models.example.com/"
allowed_models = ["sha256:{SHA.upper()}", "bartowski/Qwen2.5-7B-Instruct-GGUF/Qwen2.5-7B-Instruct-Q4_K_M.gguf"]
shared_models_folder = "/mnt/models"
retention_days = 90
export = false
''')
    assert p.active and p.problems == ()
    assert (p.downloads, p.hub_search, p.export) == (False, False, False)
    assert p.endpoint == "https://models.example.com"
    assert p.model_allowed(SHA) and p.model_allowed(None, "bartowski/Qwen2.5-7B-Instruct-GGUF/"
                                                          "Qwen2.5-7B-Instruct-Q4_K_M.gguf")
    assert not p.model_allowed("b" * 64) and not p.model_allowed(None, builtin=True)
    assert str(p.shared_models_folder) == "/mnt/models" and p.retention_days == 90
    with pytest.raises(CoveError, match="administrator's policy.*help@example.com"):
        p.require(p.downloads, "Downloading models")


def test_an_empty_policy_allows_everything(tmp_path):
    p = write(tmp_path, 'message = "hello"\n')
    assert p.active and p.downloads and p.hub_search and p.export and p.allowed_models is None
    assert p.model_allowed("c" * 64) and p.retention_days is None


def test_a_file_that_is_not_toml_is_read_most_restrictively(tmp_path):
    p = write(tmp_path, "downloads = maybe\n[[[")
    assert p.active and p.problems and "not valid TOML" in p.problems[0]
    assert (p.downloads, p.hub_search, p.export) == (False, False, False)
    assert p.allowed_models == (policy.BUILTIN,) and p.model_allowed(None, builtin=True)
    assert p.retention_days is None  # never deletes conversations on a broken file


@pytest.mark.parametrize("line, key", [
    ('downloads = "no"', "downloads"), ("hub_search = 0", "hub_search"), ("export = 1", "export"),
    ('endpoint = "ftp://x"', "endpoint"), ('allowed_models = ["qwen"]', "allowed_models"),
    ("shared_models_folder = 3", "shared_models_folder"), ("retention_days = -5", "retention_days"),
    ('remote_only = "yes"', "remote_only"), ('remote_servers = ["https://gpu.example.org"]', "remote_servers"),
])
def test_a_bad_value_falls_back_to_the_most_restrictive_for_that_key(tmp_path, line, key):
    p = write(tmp_path, line + "\nexport = true\n" if key != "export" else line + "\n")
    assert any(problem.startswith(key) for problem in p.problems)
    assert getattr(p, key) == policy.RESTRICTIVE[key]
    if key == "endpoint":
        assert not p.downloads and not p.hub_search  # no address is known to be allowed
    if key != "export":
        assert p.export is True  # the other keys still apply as written


def test_unreadable_file_is_most_restrictive(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    p = policy.load(path)
    assert p.active and not p.downloads and p.problems


def test_the_location_ignores_the_users_environment(monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/home/someone/fake")
    path = policy.policy_path()
    assert path.name == "policy.toml" and "/home/someone/fake" not in str(path)
    assert os.environ["XDG_CONFIG_DIRS"] == "/home/someone/fake"


@pytest.mark.parametrize("days", [1_000_000_000_000, 2 ** 63 - 1, policy.MAX_RETENTION_DAYS + 1])
def test_a_retention_too_large_to_compute_with_is_the_longest_valid_value_and_reported(tmp_path, days):
    from app.core import store as st

    p = write(tmp_path, f"retention_days = {days}\nexport = false\n")
    assert p.retention_days == policy.MAX_RETENTION_DAYS and p.export is False
    [problem] = p.problems
    assert problem.startswith(f"retention_days = {days} is more than") and "\n" not in problem
    store = st.Store(tmp_path / "cove.db")
    kept = store.create_conversation("kept")
    assert store.apply_retention(p.retention_days) == []  # no OverflowError; nothing recent deleted
    assert [c.id for c in store.conversations()] == [kept.id]


@pytest.mark.parametrize("value", ["0", "-1", f"-{2 ** 63}", "1.5", "inf", "nan", "true", '"90"'])
def test_other_retention_values_delete_nothing_and_are_reported(tmp_path, value):
    p = write(tmp_path, f"retention_days = {value}\n")
    assert p.retention_days is None and p.problems and p.problems[0].startswith("retention_days")


def test_a_shared_folder_with_a_nul_is_reported_not_raised_later(tmp_path):
    from app.core.models import ModelLibrary

    p = write(tmp_path, 'shared_models_folder = "/mnt/mod\\u0000els"\n')
    assert p.shared_models_folder is None and p.problems[0].startswith("shared_models_folder")
    assert ModelLibrary(tmp_path / "models", include_starter=False, shared_dir=p.shared_models_folder).installed() == []


@pytest.mark.parametrize("endpoint", ["http://x:99999", "http://x:port", "https://", "https://a b.com",
                                      "https://a.com/\x00", "https://user:pw@a.com", "https://a.com/?q=1",
                                      "javascript:alert(1)"])
def test_an_endpoint_that_is_not_a_plain_web_address_is_refused(tmp_path, endpoint):
    p = policy.parse({"endpoint": endpoint}, tmp_path / "policy.toml")
    assert p.endpoint == "" and not p.downloads and not p.hub_search and p.problems[0].startswith("endpoint")


def test_the_cli_runs_with_an_extreme_retention(admin_policy, capsys, cove_home):
    from app import cli

    admin_policy(f"retention_days = {2 ** 63 - 1}\n")
    code = cli.main(["search", "anything"])
    err = capsys.readouterr().err
    assert code == 0 and "retention_days" in err and "Traceback" not in err and "Overflow" not in err


def test_remote_servers_and_remote_only_are_read_with_keys_never_shown(tmp_path):
    p = write(tmp_path, '''
remote_only = true
[[remote_servers]]
url = "https://gpu.example.org/v1/"
key = "sk-secret-1"
ca_bundle = "/etc/ssl/example-ca.pem"
[[remote_servers]]
url = "http://127.0.0.1:8080"
''')
    assert p.problems == () and p.remote_only is True
    assert [(s.url, s.key, s.ca_bundle, s.managed) for s in p.remote_servers] == [
        ("https://gpu.example.org/v1", "sk-secret-1", "/etc/ssl/example-ca.pem", True),
        ("http://127.0.0.1:8080", "", "", True)]
    assert "sk-secret-1" not in repr(p)
    assert policy.NO_POLICY.remote_servers is None and policy.NO_POLICY.remote_only is False


@pytest.mark.parametrize("entry", [
    'url = "http://gpu.example.org/v1"\nkey = "sk-secret-2"',  # plain http to another computer
    'url = "https://gpu.example.org/v1"\nkey = 5',
    'url = "https://gpu.example.org/v1"\npassword = "sk-secret-2"',
])
def test_a_malformed_remote_server_allows_none_and_its_key_is_not_repeated(tmp_path, entry):
    p = write(tmp_path, f"[[remote_servers]]\n{entry}\n")
    assert p.remote_servers == () and len(p.problems) == 1 and "no remote server is allowed" in p.problems[0]
    assert "sk-secret-2" not in p.problems[0]
