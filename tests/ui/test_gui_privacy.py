"""Help › Privacy… and Settings › Privacy › Delete all my data…, driven in the real window."""

import os
import stat

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core import network_log, paths
from app.ui.settings import privacy_dialog
from app.ui.settings.data_deletion_actions import DataDeletionActions
from tests.support.settings import write_settings
from tests.support.starter_model import PARIS_QUESTION
from tests.ui.test_privacy_session import ask, wait_ready


def test_privacy_page_lists_the_requests_the_endpoint_and_the_log(qtbot, open_window, no_starter, monkeypatch):
    network_log.record("127.0.0.1:9", "search")
    network_log.record("127.0.0.1:9", "download acme/Tiny-GGUF/tiny.gguf")
    window, controller = open_window()
    assert window.privacy_action.text().replace("&", "") == "Privacy…"
    help_menu = window.privacy_action.associatedObjects()[0]
    texts = [a.text() for a in help_menu.actions()]
    assert texts.index(window.privacy_action.text()) == texts.index(window.shortcuts_action.text()) + 1
    window.privacy_action.trigger()
    page = controller.privacy_actions.dialog
    assert page.isVisible()
    summary = page.summary.text()
    assert "http://127.0.0.1:9" in summary  # HF_ENDPOINT, from conftest
    for key, _text in privacy_dialog.REQUESTS:
        assert key in summary.lower() or key.split()[0] in summary.lower()
    assert "online" in page.offline_label.text()
    # Newest first: time, host, purpose.
    assert page.table.rowCount() == 2
    assert [page.table.item(0, c).text() for c in (1, 2)] == ["127.0.0.1:9", "download acme/Tiny-GGUF/tiny.gguf"]
    assert page.table.item(1, 2).text() == "search"
    network_log.record("127.0.0.1:9", "file list acme/Tiny-GGUF")
    qtbot.mouseClick(page.refresh_button, Qt.LeftButton)
    assert page.table.rowCount() == 3 and page.table.item(0, 2).text() == "file list acme/Tiny-GGUF"
    opened = []
    monkeypatch.setattr(privacy_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    qtbot.mouseClick(page.open_folder_button, Qt.LeftButton)
    assert opened == [str(paths.current().log_dir)]


def test_privacy_page_says_when_cove_is_offline(qtbot, open_window, no_starter, cove_home):
    write_settings(cove_home, hub={"endpoint": "https://models.example.com", "offline": True})
    window, controller = open_window()
    page = controller.privacy_actions.show()
    assert "https://models.example.com" in page.summary.text()
    assert "offline" in page.offline_label.text() and "no network requests at all" in page.offline_label.text()
    assert page.table.rowCount() == 0


def modes(app_paths):
    return stat.S_IMODE(app_paths.data_dir.stat().st_mode), stat.S_IMODE(app_paths.database.stat().st_mode)


def test_delete_all_my_data_from_settings_keeps_the_window_working(
        qtbot, open_window, starter_installed, greedy, monkeypatch):
    window, controller = open_window()
    wait_ready(qtbot, controller)
    assert ask(qtbot, window, controller, PARIS_QUESTION)[1] == "complete"
    assert ask(qtbot, window, controller, "And of Italy?")[1] == "complete"
    app_paths = paths.current()
    qtbot.waitUntil(lambda: any((app_paths.data_dir / "kv-cache").rglob("*")), timeout=10_000)
    network_log.record("huggingface.co", "search")
    extra_model = app_paths.models_dir / "acme" / "other.gguf"
    extra_model.parent.mkdir(parents=True)
    extra_model.write_bytes(b"GGUF")
    if os.name == "posix":
        assert modes(app_paths) == (0o700, 0o600)

    asked = []
    monkeypatch.setattr(DataDeletionActions, "confirm", lambda self, parent: asked.append(parent) or (True, False))
    dialog = controller.settings_actions.open_settings()
    assert dialog.delete_all_button.text() == "Delete all my data…"
    privacy_tab = next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == "Privacy")
    assert dialog.tabs.widget(privacy_tab).isAncestorOf(dialog.delete_all_button)
    qtbot.mouseClick(dialog.delete_all_button, Qt.LeftButton)
    assert asked == [dialog]

    box = controller.settings_actions.data_deletion.result_box
    assert box is not None and "Conversations:" in box.text() and "Saved engine states:" in box.text()
    assert "Downloaded models" not in box.text()
    box.close()
    assert controller.conversations.rowCount() == 0
    assert controller.store.conversations() == []
    assert not (app_paths.data_dir / "kv-cache").exists()
    assert not network_log.log_path().exists()
    assert extra_model.is_file()  # models stay unless asked
    if os.name == "posix":
        assert modes(app_paths) == (0o700, 0o600)

    # The window keeps working: the model loads again and a new chat is saved in the new database.
    wait_ready(qtbot, controller)
    assert ask(qtbot, window, controller, PARIS_QUESTION)[1] == "complete"
    assert "Paris" in window.transcript.plain_text()
    assert controller.conversations.rowCount() == 1 and len(controller.store.conversations()) == 1
    if os.name == "posix":
        assert modes(app_paths) == (0o700, 0o600)

    # Now with the models too.
    monkeypatch.setattr(DataDeletionActions, "confirm", lambda self, parent: (True, True))
    qtbot.mouseClick(dialog.delete_all_button, Qt.LeftButton)
    assert "Downloaded models: 1 file" in controller.settings_actions.data_deletion.result_box.text()
    assert not extra_model.exists() and app_paths.models_dir.is_dir()
    assert controller.store.conversations() == []
    wait_ready(qtbot, controller)  # the built-in model is not in the models folder: still there


def test_the_confirmation_lists_what_goes_and_cancel_deletes_nothing(qtbot, open_window, no_starter, monkeypatch):
    window, controller = open_window()
    controller.store.create_conversation(title="Keep me")
    shown = []

    def fake_exec(box):
        shown.append(box.text())
        box.checkBox().setChecked(True)
        shown.append(box.text())
        return 0  # closed without choosing Delete

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert controller.settings_actions.data_deletion.run(window) is None
    app_paths = paths.current()
    assert "Conversations" in shown[0] and str(app_paths.database) in shown[0]
    assert "Saved engine states" in shown[0] and "Backups" in shown[0] and "Logs" in shown[0]
    assert "Downloaded models" not in shown[0] and "Downloaded models" in shown[1]
    assert [c.title for c in controller.store.conversations()] == ["Keep me"]


def test_privacy_page_shows_the_administrators_mirror(qtbot, open_window, no_starter, admin_policy):
    admin_policy('endpoint = "https://models.example.com"\nhub_search = false\n')
    window, controller = open_window()
    page = controller.privacy_actions.show()
    assert "https://models.example.com" in page.summary.text()
    assert "127.0.0.1:9" not in page.summary.text()  # HF_ENDPOINT gives way to the policy
    assert "Searching is turned off by your administrator." in page.summary.text()
