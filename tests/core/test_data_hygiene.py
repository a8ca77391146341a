"""Delete all my data (the Qt-free part): what goes, what stays, and what is reported."""

import os
import stat

from app.core import backups, data_hygiene, network_log, paths
from app.core.hub import save_token
from app.core.store import Store
from tests.support.settings import write_settings


def populated(cove_home):
    app_paths = paths.current().ensure()
    store = Store(app_paths.database)
    conversation = store.create_conversation(title="Secret plans")
    store.add_user_message(conversation.id, "my secret")
    backups.make_backup(app_paths.database)
    store.close()
    app_paths.log_file.write_text("a log line\n")
    network_log.record("huggingface.co", "search")
    kv = app_paths.data_dir / "kv-cache" / "abc"
    kv.mkdir(parents=True)
    (kv / "state.bin").write_bytes(b"k" * 5000)
    model = app_paths.models_dir / "acme" / "m.gguf"
    model.parent.mkdir(parents=True)
    model.write_bytes(b"GGUF" + b"\0" * 1000)
    (app_paths.data_dir / "model-hashes.json").write_text("{}")
    write_settings(cove_home, {"temperature": 0.5})
    save_token(app_paths.data_dir, "hf_secret")
    return app_paths, model


def test_delete_all_removes_conversations_backups_logs_and_states_but_keeps_models(cove_home):
    app_paths, model = populated(cove_home)
    described = data_hygiene.describe(app_paths, include_models=False)
    assert "Conversations" in described and "Backups" in described and "Saved engine states" in described
    assert "Downloaded models" not in described

    report = data_hygiene.delete_all_data(app_paths, include_models=False)

    database = app_paths.database
    for gone in (database, database.with_name("cove.db-wal"), database.with_name("cove.db-shm"),
                 backups.backup_dir(database), app_paths.log_file, network_log.log_path(app_paths),
                 app_paths.data_dir / "kv-cache"):
        assert not gone.exists(), gone
    assert model.is_file()
    assert app_paths.settings_file.is_file() and (app_paths.data_dir / "hub-token").is_file()
    what = {r.what: r for r in report.removed}
    assert what["Conversations"].files >= 1 and what["Conversations"].size > 0
    assert what["Backups"].files == 1
    assert what["Saved engine states"].files == 1 and what["Saved engine states"].size == 5000
    assert what["Logs (including the network request log)"].files == 2
    assert "Downloaded models" not in what
    assert report.failed == []
    assert "Saved engine states: 1 file" in report.summary()
    # The folders Cove needs are back, private, and the database opens empty.
    for folder in (app_paths.data_dir, app_paths.log_dir, app_paths.models_dir):
        assert folder.is_dir()
        if os.name == "posix":
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    store = Store(database)
    assert store.conversations() == []
    store.close()
    if os.name == "posix":
        assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_models_go_only_when_asked(cove_home):
    app_paths, model = populated(cove_home)
    assert "Downloaded models" in data_hygiene.describe(app_paths, include_models=True)
    report = data_hygiene.delete_all_data(app_paths, include_models=True)
    assert not model.exists() and not (app_paths.data_dir / "model-hashes.json").exists()
    assert app_paths.models_dir.is_dir()
    models = next(r for r in report.removed if r.what == "Downloaded models")
    assert models.files == 2 and models.size == 1004 + 2


def test_nothing_to_delete_says_so(cove_home):
    app_paths = paths.current().ensure()
    report = data_hygiene.delete_all_data(app_paths)
    assert report.removed == [] and report.summary() == "There was nothing to delete."


def test_a_file_that_cannot_be_deleted_is_reported(cove_home, monkeypatch):
    app_paths, _ = populated(cove_home)
    real_unlink = os.unlink

    def refuse(path, *args, **kwargs):
        if str(path).endswith("state.bin"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", refuse)
    report = data_hygiene.delete_all_data(app_paths)
    assert any("state.bin" in line for line in report.failed)
    assert "Could not delete" in report.summary()
    assert not app_paths.database.exists()  # the rest still went
