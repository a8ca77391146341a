import os
import stat
import subprocess
import sys

import pytest

from app.core import paths
from app.core.errors import CoveError


def test_cove_home_puts_everything_under_one_folder(cove_home):
    p = paths.current().ensure()
    for path in (p.database, p.models_dir, p.settings_file, p.log_file):
        assert cove_home in path.parents, path
    assert p.models_dir.is_dir() and p.config_dir.is_dir() and p.log_dir.is_dir()


def test_folders_are_private(cove_home):
    p = paths.current().ensure()
    for folder in (p.data_dir, p.models_dir, p.config_dir, p.log_dir):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700, folder


def test_without_cove_home_platform_folders_are_used(monkeypatch, tmp_path):
    monkeypatch.delenv("COVE_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    p = paths.current()
    assert p.database == tmp_path / "data" / "Cove" / "cove.db"
    assert p.settings_file == tmp_path / "config" / "Cove" / "settings.json"
    assert (tmp_path / "state") in p.log_dir.parents


# A data folder in a bad state (issue 12, item 4) ----------------------------------

@pytest.fixture
def read_only_home(tmp_path):
    """COVE_HOME on a read-only disk: a read-only mount for root (who ignores mode bits); for others a
    folder inside one they may not write to (a folder of their own they could simply make writable)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() == 0:
        (folder / "cove-home").mkdir()
        subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield folder / "cove-home"
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o500)
        yield folder / "cove-home"
        folder.chmod(0o700)


def cove(*args, env=None):
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, check=False)


def one_line_error(result) -> str:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("cove: "), result.stderr
    return lines[0]


def test_a_file_in_place_of_the_data_folder_is_named_with_the_fix(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("my notes")
    monkeypatch.setenv("COVE_HOME", str(blocker))
    with pytest.raises(CoveError, match="is a file, not a folder") as caught:
        paths.current().ensure()
    assert str(blocker) in str(caught.value) and "COVE_HOME" in str(caught.value)
    assert blocker.read_text() == "my notes"  # untouched
    line = one_line_error(cove("search", "x", env={"COVE_HOME": str(blocker)}))
    assert f"{blocker} is a file, not a folder" in line


def test_a_read_only_data_folder_is_named_with_the_fix(read_only_home, monkeypatch, tmp_path):
    home = read_only_home
    monkeypatch.setenv("COVE_HOME", str(home))
    with pytest.raises(CoveError, match="(?i)read-only|cannot (write|create)") as caught:
        paths.current().ensure()
    assert str(home) in str(caught.value)
    assert not home.exists() or os.listdir(home) == []  # nothing was created
    for command in (["search", "x"], ["export", "--out", str(tmp_path / "out")], ["models", "list"]):
        line = one_line_error(cove(*command, env={"COVE_HOME": str(home)}))
        assert str(home) in line and "COVE_HOME" in line


def test_a_missing_data_folder_is_created_private(tmp_path, monkeypatch):
    home = tmp_path / "deep" / "new" / "home"
    monkeypatch.setenv("COVE_HOME", str(home))
    result = cove("search", "anything", env={"COVE_HOME": str(home)})
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert (home / "cove.db").is_file() and stat.S_IMODE(os.stat(home).st_mode) == 0o700


def test_a_damaged_database_without_backup_says_so_and_exits_1(cove_home):
    cove_home.mkdir(parents=True, exist_ok=True)
    (cove_home / "cove.db").write_bytes(b"this is not a database" * 500)
    before = (cove_home / "cove.db").read_bytes()
    line = one_line_error(cove("search", "x"))
    assert "is damaged" in line and "No good backup" in line and str(cove_home / "cove.db") in line
    assert (cove_home / "cove.db").read_bytes() == before


def test_the_window_explains_a_damaged_database_without_backup(cove_home, monkeypatch, capsys, qapp):
    from app.ui import main as main_mod

    cove_home.mkdir(parents=True, exist_ok=True)
    (cove_home / "cove.db").write_bytes(b"this is not a database" * 500)
    shown = []
    monkeypatch.setattr(main_mod.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(main_mod, "private_umask", lambda: None, raising=False)  # not this test process's umask
    assert main_mod.run_gui() == 1
    assert len(shown) == 1 and "is damaged" in shown[0] and "No good backup" in shown[0]
    assert "is damaged" in capsys.readouterr().err


def test_the_window_explains_a_data_folder_it_cannot_use(tmp_path, monkeypatch, capsys, qapp):
    from app.ui import main as main_mod

    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("COVE_HOME", str(blocker))
    shown = []
    monkeypatch.setattr(main_mod.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(main_mod, "private_umask", lambda: None, raising=False)  # not this test process's umask
    assert main_mod.run_gui() == 1
    assert len(shown) == 1 and "is a file, not a folder" in shown[0]
    assert "is a file, not a folder" in capsys.readouterr().err


# Permissions (issue 12, item 17) and one place for every path (issue 11, item 4) -------------

SESSION = r"""
import os, sys
from app import cli
from app.core import backups, hub, network_log, paths, settings
from app.core.download_queue import DownloadQueue
from app.core.store import Store
from app.engine.kv_store import KVStore

assert cli.main(["search", "anything"]) == 0  # a command: creates the folders, the database and the log
p = paths.current()
settings.save(p.settings_file, settings.Settings())
hub.save_token(p.data_dir, "hf_secret")
network_log.record("127.0.0.1", "test", p)
queue = DownloadQueue(lambda: None, p.models_dir, p.downloads_file)
queue._save()
backups.make_backup(p.database)
kv = KVStore(p.kv_cache_dir, "key", 1 << 20)
kv.index["state"] = [1, 2, 3]
kv._write_index()
store = Store(p.database)  # kept open: SQLite's -wal and -shm files exist now
conversation = store.create_conversation()
store.add_user_message(conversation.id, "a private note")
for folder, dirs, files in os.walk(p.data_dir):
    for name in dirs + files:
        path = os.path.join(folder, name)
        print(oct(os.stat(path).st_mode & 0o777), os.path.relpath(path, p.data_dir))
"""


def test_every_file_cove_creates_is_private(cove_home):
    result = subprocess.run([sys.executable, "-c", SESSION], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "COVE_HOME": str(cove_home)}, check=False)
    assert result.returncode == 0, result.stderr
    modes = dict(reversed(line.split(" ", 1)) for line in result.stdout.splitlines())
    for name in ("cove.db", "cove.db-wal", "cove.db-shm", "downloads.json", "hub-token", "config/settings.json",
                 "logs/cove.log", "logs/network.jsonl", "kv-cache/key/index.json"):
        assert modes.get(name) == "0o600", (name, modes)
    assert any(name.startswith("backups/cove-daily-") for name in modes)
    wrong = {name: mode for name, mode in modes.items()
             if mode != ("0o700" if (cove_home / name).is_dir() else "0o600")}
    assert wrong == {}


def test_the_names_of_coves_files_are_spelled_only_in_paths_py():
    """Every path Cove writes comes from CovePaths: no other module spells a file name of the data folder."""
    import ast
    from pathlib import Path

    names = {"kv-cache", "downloads.json", "hub-token", "network.jsonl", "model-hashes.json", "settings.json",
             "speed.json", "cove.log", "backups", "cove.db", "models", "config", "logs"}
    root = Path(paths.__file__).parents[1]
    found = []
    for source in root.rglob("*.py"):
        if source.name == "paths.py":
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            # a path is built with "/" from a name: data_dir / "kv-cache"
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
                for side in (node.left, node.right):
                    if isinstance(side, ast.Constant) and side.value in names:
                        found.append(f"{source.relative_to(root)}:{node.lineno}: {side.value}")
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and node.value.value in names:
                found.append(f"{source.relative_to(root)}:{node.lineno}: {node.value.value}")
    assert found == []
