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
