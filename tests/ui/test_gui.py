"""The window, driven like a user drives it, with the real model."""

import os
import signal
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit, QMessageBox

from app.core import paths
from app.ui.chat import status_presenter as ctl
from tests.support.settings import write_settings
from tests.support.starter_model import PARIS_QUESTION
from tests.ui.dialog_support import click, when_open

LONG_QUESTION = "Write a very long story about a dragon."



def wait_ready(qtbot, controller):
    qtbot.waitUntil(lambda: controller.state in (ctl.READY, ctl.ERROR), timeout=30_000)
    assert controller.state == ctl.READY, controller.window.state_label.text()


def ask(qtbot, window, text):
    window.composer.edit.setFocus()
    qtbot.keyClicks(window.composer.edit, text)
    qtbot.keyClick(window.composer.edit, Qt.Key_Return)


def test_ask_watch_stream_and_find_it_after_reopening(qtbot, open_window, starter_installed, greedy, cove_home):
    window, controller = open_window()
    # First launch, nothing else installed: the built-in starter is picked.
    assert window.model_picker.currentData() == str(starter_installed)
    assert "built-in" in window.model_picker.currentText()
    wait_ready(qtbot, controller)
    tokens = []
    controller.bridge.token_received.connect(lambda rid, text: tokens.append(text))
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as finished:
        ask(qtbot, window, PARIS_QUESTION)
        assert window.composer.button.text() == "Stop"  # generating
    message_id, status = finished.args
    assert status == "complete"
    # it streamed, piece by piece: the first word at once, the rest as it came (every 80 ms at most, so a
    # seven-token answer at 50 tokens/s comes in two or three pieces)
    assert len(tokens) >= 2 and tokens[0].strip()
    shown = window.transcript.plain_text()
    assert PARIS_QUESTION in shown and "Paris" in shown
    assert "tok/s" in window.model_label.text()
    assert window.composer.edit.toPlainText() == ""
    assert controller.conversations.rowCount() == 1
    assert controller.conversations.index(0, 0).data() == PARIS_QUESTION
    window.close()
    controller.store.close()

    window2, controller2 = open_window()
    assert controller2.conversations.rowCount() == 1
    window2.conversation_list.setCurrentIndex(controller2.conversations.index(0, 0))
    shown = window2.transcript.plain_text()
    assert PARIS_QUESTION in shown and "Paris" in shown
    assert controller2.store.message(message_id).content in shown


def start_long_answer(qtbot, open_window, cove_home, min_chars=40):
    """Open the window and ask for a long answer; return once some of it has streamed in."""
    write_settings(cove_home, {"temperature": 0.0, "repeat_penalty": 1.0, "max_tokens": 4000})
    window, controller = open_window()
    wait_ready(qtbot, controller)
    ask(qtbot, window, LONG_QUESTION)
    qtbot.waitUntil(lambda: controller.session.recorder is not None and len(controller.session.recorder.text) > min_chars,
                    timeout=30_000)
    return window, controller


def test_shift_enter_adds_a_line_instead_of_sending(qtbot, open_window, starter_installed, greedy):
    window, controller = open_window()
    qtbot.keyClicks(window.composer.edit, "first line")
    qtbot.keyClick(window.composer.edit, Qt.Key_Return, Qt.ShiftModifier)
    qtbot.keyClicks(window.composer.edit, "second line")
    assert window.composer.edit.toPlainText() == "first line\nsecond line"
    assert controller.session.request_id is None and controller.conversations.rowCount() == 0


def test_escape_stops_promptly_and_keeps_the_text(qtbot, open_window, starter_installed, cove_home):
    window, controller = start_long_answer(qtbot, open_window, cove_home)
    with qtbot.waitSignal(controller.answer_finished, timeout=5_000) as finished:
        shown_at_press = len(controller.session.recorder.text)
        qtbot.keyClick(window, Qt.Key_Escape)
    # The stop is a flag the engine reads per token: what came after the press is what was already in
    # flight, a few tokens, not the rest of a 4000-token answer. (A wall-clock bound failed on a loaded
    # machine: the bound that holds under load is the amount of text.)
    message_id, status = finished.args
    assert status == "stopped" and controller.state == ctl.STOPPED
    saved = controller.store.message(message_id)
    assert saved.status == "stopped" and len(saved.content) > 40
    assert len(saved.content) - shown_at_press < 300
    assert saved.content in window.transcript.plain_text()
    assert "Stopped" in window.transcript.plain_text()


def test_killed_engine_is_reported_and_the_next_question_works(qtbot, open_window, starter_installed, cove_home):
    window, controller = start_long_answer(qtbot, open_window, cove_home)
    qtbot.wait(600)  # let at least one throttled save happen
    with qtbot.waitSignal(controller.answer_finished, timeout=10_000) as finished:
        os.kill(controller.bridge.client.pid, signal.SIGKILL)
    message_id, status = finished.args
    assert status == "error" and controller.state == ctl.ERROR
    assert "model engine" in window.state_label.text() and "saved" in window.state_label.text()
    saved = controller.store.message(message_id)
    assert saved.status == "error" and len(saved.content) > 40
    assert "model engine" in window.transcript.plain_text()
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as again:
        ask(qtbot, window, PARIS_QUESTION)
    assert again.args[1] == "complete"
    assert "Paris" in controller.store.message(again.args[0]).content
    db = sqlite3.connect(paths.current().database)
    assert db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 4


def test_no_model_state(qtbot, open_window, no_starter):
    window, controller = open_window()
    assert controller.state == ctl.NO_MODEL
    assert not window.model_picker.isEnabled()
    assert "Add model file" in window.state_label.text()
    ask(qtbot, window, "hello?")
    assert controller.conversations.rowCount() == 0  # nothing half-started
    assert window.composer.edit.toPlainText() == "hello?"  # and nothing lost


def test_add_model_file_imports_and_selects_it(qtbot, open_window, no_starter, smollm2, monkeypatch):
    window, controller = open_window()
    monkeypatch.setattr("app.ui.models.model_import_actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(smollm2), ""))
    with qtbot.waitSignal(controller.model_sources.import_finished, timeout=30_000) as done:
        qtbot.mouseClick(window.add_model_button, Qt.LeftButton)
    assert done.args[0] is True
    imported = paths.current().models_dir / smollm2.name
    assert imported.is_file() and window.model_picker.currentData() == str(imported)
    wait_ready(qtbot, controller)


def test_add_model_file_refuses_a_fake_file(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    fake = tmp_path / "model.gguf"
    fake.write_text("I am a text file")
    warnings = []
    monkeypatch.setattr("app.ui.models.model_import_actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(fake), ""))
    monkeypatch.setattr("app.ui.models.model_import_actions.QMessageBox.warning", lambda parent, title, text: warnings.append(text))
    window, controller = open_window()
    qtbot.mouseClick(window.add_model_button, Qt.LeftButton)
    assert len(warnings) == 1 and "not a GGUF model file" in warnings[0]
    assert list(paths.current().models_dir.iterdir()) == []
    assert controller.state == ctl.NO_MODEL


def test_rename_delete_undo_trash_and_delete_forever(qtbot, open_window, no_starter, monkeypatch):
    window, controller = open_window()
    first = controller.store.create_conversation()
    controller.store.add_user_message(first.id, "older chat")
    second = controller.store.create_conversation()
    controller.store.add_user_message(second.id, "newer chat")
    controller.conversations.refresh()
    assert [controller.conversations.index(r, 0).data() for r in range(2)] == ["newer chat", "older chat"]
    window.conversation_list.setCurrentIndex(controller.conversations.index(1, 0))
    assert "older chat" in window.transcript.plain_text()

    def rename(dialog):
        dialog.findChild(QLineEdit).setText("Budget notes")
        click(qtbot, dialog, QDialogButtonBox.Ok)

    when_open(QInputDialog, rename)
    controller.conversation_actions.rename_current()
    assert controller.store.conversation(first.id).title == "Budget notes"
    assert window.conversation_title.text() == "Budget notes"

    # Delete moves it to the trash at once, with Undo in the status bar.
    qtbot.keyClick(window.conversation_list, Qt.Key_Delete)
    assert [c.id for c in controller.store.conversations()] == [second.id]
    assert controller.conversations.rowCount() == 1 and controller.conversation_id is None
    assert window.undo_button.isVisible() and "trash" in window.state_label.text()
    qtbot.mouseClick(window.undo_button, Qt.LeftButton)
    assert [c.id for c in controller.store.conversations()] == [second.id, first.id]
    assert controller.conversation_id == first.id and not window.undo_button.isVisible()
    window.conversation_list.setCurrentIndex(controller.conversations.index(1, 0))
    qtbot.keyClick(window.conversation_list, Qt.Key_Delete)
    # In the trash view: delete forever, after a confirmation.
    window.view_picker.setCurrentIndex(window.view_picker.findData("trash"))
    assert controller.conversations.rowCount() == 1 and window.empty_trash_button.isVisible()
    window.conversation_list.setCurrentIndex(controller.conversations.index(0, 0))
    assert "older chat" in window.transcript.plain_text()  # still readable in the trash
    assert window.composer.edit.isReadOnly() and not window.composer.button.isEnabled()
    saved_states = paths.current().data_dir / "kv-cache" / "model"
    saved_states.mkdir(parents=True)
    (saved_states / "1.state").write_bytes(b"tokens of every chat")
    monkeypatch.setattr("app.ui.chat.conversation_actions.QMessageBox.question", lambda *a, **k: QMessageBox.Cancel)
    qtbot.keyClick(window.conversation_list, Qt.Key_Delete)
    assert controller.store.count_conversations("trash") == 1  # cancelled: nothing deleted
    monkeypatch.setattr("app.ui.chat.conversation_actions.QMessageBox.question", lambda *a, **k: QMessageBox.Yes)
    qtbot.keyClick(window.conversation_list, Qt.Key_Delete)
    assert not saved_states.exists()  # a deleted chat does not live on in saved engine states
    assert controller.store.count_conversations("trash") == 0 and controller.store.messages(first.id) == []
    assert controller.conversations.rowCount() == 0


def test_closing_the_window_mid_answer_keeps_what_was_written(qtbot, open_window, starter_installed, cove_home):
    window, controller = start_long_answer(qtbot, open_window, cove_home)
    shown_before_close = controller.session.recorder.text
    answer_id = controller.session.recorder.message_id
    window.close()
    saved = controller.store.message(answer_id)
    assert saved.status == "stopped"
    assert saved.content.startswith(shown_before_close)
    assert not controller.bridge.client.is_running()


def test_ctrl_n_starts_a_new_chat(qtbot, open_window, no_starter):
    window, controller = open_window()
    existing = controller.store.create_conversation()
    controller.store.add_user_message(existing.id, "an old chat")
    controller.conversations.refresh()
    window.conversation_list.setCurrentIndex(controller.conversations.index(0, 0))
    assert controller.conversation_id == existing.id
    qtbot.keyClick(window.composer.edit, Qt.Key_N, Qt.ControlModifier)
    assert controller.conversation_id is None
    assert window.conversation_title.text() == "New chat"
    assert "stays on this computer" in window.transcript.plain_text()


def test_search_box_finds_and_opens_the_message(qtbot, open_window, no_starter):
    window, controller = open_window()
    target = controller.store.create_conversation()
    for i in range(30):
        controller.store.add_user_message(target.id, f"filler message number {i} " * 5)
    hit = controller.store.add_user_message(target.id, "The Lisbon offsite budget is 12,000 euros")
    for i in range(30):
        controller.store.add_user_message(target.id, f"more filler {i} " * 5)
    other = controller.store.create_conversation()
    controller.store.add_user_message(other.id, "Nothing to see here")
    controller.conversations.refresh()
    qtbot.keyClick(window, Qt.Key_K, Qt.ControlModifier)
    assert window.search_edit.hasFocus()
    qtbot.keyClicks(window.search_edit, "lisbon budg")
    qtbot.waitUntil(lambda: window.search_results.isVisible() and window.search_results.count() == 1)
    assert not window.conversation_list.isVisible()
    item = window.search_results.item(0)
    assert "[Lisbon]" in item.toolTip() and "[budget]" in item.toolTip()
    rect = window.search_results.visualItemRect(item)
    qtbot.mouseClick(window.search_results.viewport(), Qt.LeftButton, pos=rect.center())
    assert controller.conversation_id == target.id
    bar = window.transcript.verticalScrollBar()
    assert bar.maximum() > 0 and 0.3 * bar.maximum() < bar.value() < 0.7 * bar.maximum()  # at the match
    window.search_edit.clear()
    qtbot.waitUntil(lambda: window.conversation_list.isVisible())
    assert not window.search_results.isVisible()
    assert hit.id in window.transcript._anchors


def test_opening_the_window_makes_the_daily_backup(qtbot, open_window, no_starter):
    from app.core import backups

    window, controller = open_window()
    qtbot.waitUntil(lambda: len(backups.backups(paths.current().database, backups.DAILY)) == 1, timeout=10_000)
