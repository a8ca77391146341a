import os
import stat

from app.core import paths


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

import subprocess  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402

from app.core.errors import CoveError  # noqa: E402


@pytest.fixture
def read_only_folder(tmp_path):
    """A real read-only folder: a read-only mount for root (who ignores mode bits), mode 0500 otherwise."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "cove-home").mkdir()
    if os.geteuid() == 0:
        subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield folder
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o500)
        (folder / "cove-home").chmod(0o500)
        yield folder
        (folder / "cove-home").chmod(0o700)
        folder.chmod(0o700)


def cove(*args, env=None):
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


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


def test_a_read_only_data_folder_is_named_with_the_fix(read_only_folder, monkeypatch):
    home = read_only_folder / "cove-home"
    monkeypatch.setenv("COVE_HOME", str(home))
    with pytest.raises(CoveError, match="(?i)read-only|cannot write") as caught:
        paths.current().ensure()
    assert str(home) in str(caught.value)
    assert os.listdir(home) == []
    for command in (["search", "x"], ["export", "--out", str(read_only_folder.parent / "out")], ["models", "list"]):
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
