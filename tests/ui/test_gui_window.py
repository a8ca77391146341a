"""The window as a keyboard user, a dark-theme user and a first-time user meet it."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QPlainTextEdit

from app.core import store as st
from app.ui.widgets import transcript as tr
from tests.ui.test_gui_branches import click_link


def conversations(store, *titles):
    ids = []
    for title in titles:
        c = store.create_conversation(title=title)
        store.add_user_message(c.id, title)
        ids.append(c.id)
    return ids


def test_keyboard_shortcuts_move_around_the_window(qtbot, open_window, no_starter):
    window, controller = open_window()
    first, second, third = conversations(controller.store, "first", "second", "third")
    controller.conversations.refresh()
    qtbot.keyClick(window, Qt.Key_K, Qt.ControlModifier)
    assert window.search_edit.hasFocus()
    qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)
    assert window.composer.edit.hasFocus()
    qtbot.keyClick(window, Qt.Key_PageDown, Qt.ControlModifier)  # from a new chat: the first in the list
    assert controller.conversation_id == third
    qtbot.keyClick(window, Qt.Key_PageDown, Qt.ControlModifier)
    assert controller.conversation_id == second
    qtbot.keyClick(window, Qt.Key_PageUp, Qt.ControlModifier)
    assert controller.conversation_id == third
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    assert controller.conversation_id is None
    assert window.sidebar.isVisible()
    qtbot.keyClick(window, Qt.Key_B, Qt.ControlModifier)
    assert not window.sidebar.isVisible()
    qtbot.mouseClick(window.sidebar_button, Qt.LeftButton)
    assert window.sidebar.isVisible()


def test_the_cheat_sheet_lists_the_shortcuts_that_work(qtbot, open_window, no_starter):
    window, controller = open_window()
    qtbot.keyClick(window, Qt.Key_Slash, Qt.ControlModifier)
    dialog = controller.window_actions.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {dialog.table.item(r, 1).text(): dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert rows["New chat"] == "Ctrl+N" and rows["Write a message"] == "Ctrl+L"
    assert rows["Keyboard shortcuts"] == "Ctrl+/" and "Ctrl+K" in rows["Search all chats"]
    assert rows["Regenerate answer"] == "Ctrl+R" and rows["Settings…"] == "Ctrl+,"
    assert rows["Stop answer"] == "Esc" and rows["Send the message"] == "Enter"


def test_every_control_has_a_name_for_screen_readers(qtbot, open_window, no_starter):
    window, controller = open_window()
    unnamed = []
    controls = [w for kind in (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox) for w in window.findChildren(kind)]
    assert len(controls) > 10
    for widget in controls:
        if widget.focusPolicy() == Qt.NoFocus or not widget.isVisibleTo(window):
            continue
        if not (widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text().strip())):
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_code_blocks_have_copy_buttons(qtbot, open_window, no_starter):
    window, controller = open_window()
    c = controller.store.create_conversation()
    q = controller.store.add_user_message(c.id, "two snippets please")
    answer = controller.store.begin_answer(c.id, "m.gguf", {}, parent_id=q.id)
    controller.store.finish_answer(answer.id, "First:\n\n```python\nprint('a < b')\n```\n\nThen:\n\n```bash\n"
                                              "ls -la\n```\n", st.COMPLETE)
    controller.conversations.refresh()
    controller.open_conversation(c.id)
    with qtbot.waitSignal(window.transcript.code_copied):
        click_link(qtbot, window, "copycode", f"{answer.id}-1")
    assert QGuiApplication.clipboard().text() == "ls -la"
    click_link(qtbot, window, "copycode", f"{answer.id}-0")
    assert QGuiApplication.clipboard().text() == "print('a < b')"
    click_link(qtbot, window, tr.COPY, answer.id)  # the whole message, as Markdown
    assert QGuiApplication.clipboard().text().startswith("First:\n\n```python")
    click_link(qtbot, window, tr.COPY_TEXT, answer.id)  # or as plain text
    copied = QGuiApplication.clipboard().text()
    assert "```" not in copied and "print('a < b')" in copied and copied.startswith("First:")


def test_dark_theme_from_settings_and_font_size(qtbot, open_window, no_starter):
    window, controller = open_window()
    dialog = controller.settings_actions.open_settings()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_size.setValue(17)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    assert controller.settings.appearance.theme == "dark" and controller.settings.appearance.font_size == 17
    assert QApplication.instance().palette().color(QPalette.Base).lightness() < 80
    assert window.transcript.dark and window.transcript.font().pointSize() == 17
    dialog = controller.settings_actions.open_settings()
    assert dialog.theme.currentData() == "dark"  # saved
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    assert QApplication.instance().palette().color(QPalette.Base).lightness() > 200


def test_settings_are_validated_and_saved(qtbot, open_window, no_starter):
    from app.core import paths
    from app.core import settings as settings_mod

    window, controller = open_window()
    dialog = controller.settings_actions.open_settings()
    dialog.trash_days.setValue(7)
    dialog.offline.setChecked(True)
    dialog.storage_values = lambda: {"trash_days": 0, "backups_kept": 7}  # out of range
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    assert "trash_days" in dialog.message.text() and dialog.isVisible()  # refused, said why, still open
    assert controller.settings.storage.trash_days == 30
    del dialog.storage_values
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    saved, problems = settings_mod.load(paths.current().settings_file)
    assert problems == [] and saved.storage.trash_days == 7 and saved.hub.offline is True
    assert str(paths.current().data_dir) in dialog.data_folder.text()


def test_first_run_welcome_offers_the_starter_and_a_better_model(qtbot, open_window, starter_installed, monkeypatch):
    window, controller = open_window()
    qtbot.waitUntil(lambda: not controller.welcome_actions.looking, timeout=10_000)
    shown = window.transcript.plain_text()
    assert "Welcome to Cove" in shown and "stays on this computer" in shown
    assert "built-in SmolLM2-135M-Instruct" in shown and "Start chatting" in shown
    choice, fit = controller.welcome_actions.recommendation
    assert choice.name in shown and fit in shown and not choice.gated
    window.search_edit.setFocus()
    click_link(qtbot, window, "welcome-start", 0)
    assert window.composer.edit.hasFocus()
    started = []
    monkeypatch.setattr("app.ui.models.models_actions.ModelsActions.start_download",
                        lambda self, repo, filename: started.append((repo, filename)))
    click_link(qtbot, window, "welcome-download", 0)
    assert started == [(choice.repo, choice.first_file)] and controller.model_sources.dialog.isVisible()
    conversations(controller.store, "a first note")
    controller.new_chat()
    assert "Welcome to Cove" not in window.transcript.plain_text()  # only until there is a conversation


def test_a_translation_file_changes_the_window_without_code_changes(qtbot, tmp_path, monkeypatch):
    from app.ui import i18n
    from app.ui.widgets.composer import Composer

    bin_dir = Path(sys.executable).parent
    lupdate, lrelease = bin_dir / "pyside6-lupdate", bin_dir / "pyside6-lrelease"
    ts = tmp_path / "cove_fr.ts"
    source = Path(__file__).resolve().parents[2] / "app" / "ui" / "widgets" / "composer.py"
    subprocess.run([str(lupdate), str(source), "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text()
    assert "<source>Send</source>" in text  # the string was found for translators
    text = text.replace("<source>Send</source>\n        <translation type=\"unfinished\"></translation>",
                        "<source>Send</source>\n        <translation>Envoyer</translation>")
    ts.write_text(text)
    folder = tmp_path / "translations"
    folder.mkdir()
    subprocess.run([str(lrelease), str(ts), "-qm", str(folder / "cove_fr.qm")], check=True, capture_output=True)
    monkeypatch.setenv("COVE_TRANSLATIONS", str(folder))
    app = QApplication.instance()
    used = i18n.install(app, QLocale("fr_FR"))
    try:
        assert used and used.endswith("cove_fr.qm")
        assert Composer().button.text() == "Envoyer"
    finally:
        for translator in i18n._installed:
            app.removeTranslator(translator)
        i18n._installed.clear()
    assert Composer().button.text() == "Send"
