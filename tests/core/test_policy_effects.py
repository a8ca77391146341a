"""What each key of the administrator's policy does, in `cove` and in the window."""

import hashlib
import os

from app import cli
from app.core import hub as hub_mod
from app.core import policy
from app.core import store as st
from app.core.models import ModelLibrary
from app.core.settings import HubOptions
from tests.core.test_downloads import payload
from tests.support.starter_model import PARIS_QUESTION

REPO = "acme/Tiny-GGUF"


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_downloads_off_refuses_with_the_admins_reason_and_hides_the_buttons(
        qtbot, admin_policy, hub_server, capsys, open_window, no_starter):
    admin_policy('downloads = false\nmessage = "Ask IT for models: help@example.com."\n')
    hub_server.add_file(REPO, "tiny-Q4_K_M.gguf", payload(3))
    code, out, err = run(capsys, "models", "download", REPO, "tiny-Q4_K_M.gguf")
    assert code == 1 and "turned off by your administrator's policy" in err and "help@example.com" in err
    assert hub_server.requests == []  # refused before asking the server anything
    window, controller = open_window()
    models = controller.model_sources.open_dialog()
    qtbot.waitUntil(lambda: models.isVisible())
    assert not models.catalog_download_button.isVisible() and not models.search_download_button.isVisible()
    assert models.policy_label.isVisible() and "downloading models is turned off" in models.policy_label.text()
    assert "Download it" not in window.transcript.plain_text()  # the welcome recommends nothing to download


def test_hub_search_off(admin_policy, hub_server, capsys):
    admin_policy("hub_search = false\n")
    code, _out, err = run(capsys, "models", "search", "tiny")
    assert code == 1 and "Searching the Hub is turned off" in err


def test_the_admins_endpoint_replaces_the_users(admin_policy, hub_server, capsys, cove_home):
    admin_policy(f'endpoint = "{hub_server.url}"\n')
    hub = hub_mod.hub_for(HubOptions(endpoint="https://elsewhere.example"), cove_home)
    assert hub.endpoint == hub_server.url.rstrip("/")
    os.environ["HF_ENDPOINT"] = "http://127.0.0.1:9"  # the user's own setting points nowhere useful
    hub_server.add_file(REPO, "tiny-Q4_K_M.gguf", payload(4))
    code, out, err = run(capsys, "models", "files", REPO)
    assert code == 0 and "tiny-Q4_K_M.gguf" in out


def test_only_allowed_models_load(admin_policy, capsys, smollm2, cove_home, tmp_path):
    admin_policy(f'allowed_models = ["sha256:{"0" * 64}"]\nmessage = "See the intranet."\n')
    code, _out, err = run(capsys, "chat", "--model", str(smollm2), "--temperature", "0", PARIS_QUESTION)
    assert code == 1 and "not among the models your administrator allows" in err and "intranet" in err
    digest = hashlib.sha256(smollm2.read_bytes()).hexdigest()
    admin_policy(f'allowed_models = ["sha256:{digest}"]\n')
    code, out, err = run(capsys, "chat", "--model", str(smollm2), "--temperature", "0", PARIS_QUESTION)
    assert code == 0 and "Paris" in out
    assert not (cove_home / "model-hashes.json").exists()  # no hash file a user could edit to pass


def test_a_shared_read_only_models_folder(admin_policy, tmp_path, smollm2, cove_home, no_starter):
    shared = tmp_path / "network-drive"
    shared.mkdir()
    (shared / "Team-Model-Q4_K_M.gguf").symlink_to(smollm2)
    admin_policy(f'shared_models_folder = "{shared}"\n')
    library = ModelLibrary(cove_home / "models", shared_dir=policy.current().shared_models_folder)
    [entry] = library.installed()
    assert entry.shared and "(shared)" in entry.label
    try:
        library.remove(entry)
    except Exception as exc:
        assert "only deletes models it manages" in str(exc)
    else:
        raise AssertionError("a shared model was removed")
    assert (shared / "Team-Model-Q4_K_M.gguf").exists()


def test_retention_deletes_old_conversations(admin_policy, capsys, cove_home):
    cove_home.mkdir(parents=True, exist_ok=True)
    store = st.Store(cove_home / "cove.db")
    old = store.create_conversation(title="old")
    store.add_user_message(old.id, "an old note about otters")
    store.db["conversations"].update(old.id, {"updated": "2020-01-01T00:00:00+00:00"})
    recent = store.create_conversation(title="recent")
    store.add_user_message(recent.id, "a recent note about otters")
    store.close()
    admin_policy("retention_days = 90\n")
    code, out, err = run(capsys, "search", "otters")
    assert code == 0 and "recent" in out and "old " not in out
    assert [c.title for c in st.Store(cove_home / "cove.db").conversations()] == ["recent"]


def test_export_off(admin_policy, capsys, cove_home, tmp_path, qtbot, open_window, no_starter):
    cove_home.mkdir(parents=True, exist_ok=True)
    store = st.Store(cove_home / "cove.db")
    store.add_user_message(store.create_conversation().id, "keep this here")
    store.close()
    admin_policy("export = false\n")
    code, _out, err = run(capsys, "export", "--format", "md", "--out", str(tmp_path / "out"))
    assert code == 1 and "Exporting conversations is turned off" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    window, controller = open_window()
    assert not window.export_action.isEnabled() and not window.export_all_action.isEnabled()


def test_a_broken_policy_is_reported_and_read_most_restrictively(admin_policy, capsys, hub_server, qtbot,
                                                                 monkeypatch, no_starter):
    admin_policy("downloads = [oops\n")
    code, _out, err = run(capsys, "models", "search", "tiny")
    assert code == 1 and "not valid TOML" in err and "turned off" in err
    warnings = []
    monkeypatch.setattr("app.ui.main.QMessageBox.warning", lambda parent, title, text: warnings.append(text))
    from app.core import paths
    from app.ui.main import build

    window, controller = build(paths.current().ensure())
    qtbot.addWidget(window)
    assert any("policy file" in w and "most restrictive" in w for w in warnings)
    dialog = controller.settings_actions.open_settings()
    assert not dialog.policy_label.isHidden() and not dialog.policy_label.isEnabled()  # shown, greyed
    assert "Model downloads: off" in dialog.policy_label.text()
    assert policy.current().problems
    controller.shutdown()
