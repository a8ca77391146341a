"""Edit, regenerate, continue, copy, delete and step between versions, by clicking the links
under the messages, with the real model."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMessageBox

from app.ui.widgets import transcript as tr
from tests.support.settings import write_settings
from tests.support.starter_model import PARIS_QUESTION
from tests.ui.test_gui import ask, wait_ready

ITALY_QUESTION = "What is the capital of Italy? Answer in one word."


def click_link(qtbot, window, action, message_id=0):
    """Click a link in the transcript as a user does: find it, scroll to it, click it."""
    view = window.transcript
    href = tr.action_url(action, message_id)
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.cursorRect(cursor).center())
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href} in the transcript:\n{view.toHtml()[-3000:]}")


def has_link(window, action, message_id):
    return tr.action_url(action, message_id) in window.transcript.toHtml()


def answer_after(qtbot, controller, act):
    # A bound for a hang, not a speed: on a machine loaded 4x over (a CI run beside other work) the 2-thread
    # engine made 2 tokens a second and a 120-token answer took past a minute.
    with qtbot.waitSignal(controller.answer_finished, timeout=240_000) as finished:
        act()
    return controller.store.message(finished.args[0])


def test_regenerate_edit_and_step_between_versions(qtbot, open_window, starter_installed, greedy):
    window, controller = open_window()
    wait_ready(qtbot, controller)
    first = answer_after(qtbot, controller, lambda: ask(qtbot, window, PARIS_QUESTION))
    assert "Paris" in first.content
    question = controller.store.message(first.parent_id)

    # Regenerate: a second version of the answer, shown as 2/2.
    second = answer_after(qtbot, controller, lambda: click_link(qtbot, window, tr.REGENERATE, first.id))
    assert second.id != first.id and second.parent_id == question.id and "Paris" in second.content
    assert "2/2" in window.transcript.plain_text()
    click_link(qtbot, window, tr.VERSION, first.id)  # ‹ back to the first version
    assert "1/2" in window.transcript.plain_text()
    assert controller.store.conversation(controller.conversation_id).current_message_id == first.id

    # Edit the question: the composer takes its text, Enter sends a new version of it.
    click_link(qtbot, window, tr.EDIT, question.id)
    assert window.composer.edit.toPlainText() == PARIS_QUESTION and window.composer.edit_banner.isVisible()
    window.composer.edit.clear()
    italy = answer_after(qtbot, controller, lambda: ask(qtbot, window, ITALY_QUESTION))
    assert "Rome" in italy.content and not window.composer.edit_banner.isVisible()
    edited = controller.store.message(italy.parent_id)
    assert edited.parent_id == question.parent_id and edited.content == ITALY_QUESTION
    shown = window.transcript.plain_text()
    assert ITALY_QUESTION in shown and PARIS_QUESTION not in shown and "2/2" in shown

    # Back to the first question: its branch comes back with the answer last shown there.
    click_link(qtbot, window, tr.VERSION, question.id)
    shown = window.transcript.plain_text()
    assert PARIS_QUESTION in shown and ITALY_QUESTION not in shown and first.content in shown
    assert len(controller.store.messages(controller.conversation_id)) == 5  # nothing overwritten

    # The model was told only the branch on screen: the next question continues it.
    follow = answer_after(qtbot, controller, lambda: ask(qtbot, window, "And of Spain? Answer in one word."))
    assert follow.prompt_tokens is not None and "Madrid" in follow.content

    # Copy puts the message's text on the clipboard.
    click_link(qtbot, window, tr.COPY, follow.id)
    assert QGuiApplication.clipboard().text() == follow.content


def test_continue_a_stopped_answer_and_delete_a_message(qtbot, open_window, starter_installed, cove_home,
                                                        monkeypatch):
    write_settings(cove_home, {"temperature": 0.0, "repeat_penalty": 1.0, "max_tokens": 120})
    window, controller = open_window()
    wait_ready(qtbot, controller)
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as finished:
        ask(qtbot, window, "Write a long story about a dragon.")
        qtbot.waitUntil(lambda: controller.session.recorder is not None and len(controller.session.recorder.text) > 40,
                        timeout=30_000)
        qtbot.keyClick(window, Qt.Key_Escape)
    stopped = controller.store.message(finished.args[0])
    assert stopped.status == "stopped" and has_link(window, tr.CONTINUE, stopped.id)

    continued = answer_after(qtbot, controller, lambda: click_link(qtbot, window, tr.CONTINUE, stopped.id))
    assert continued.id == stopped.id and continued.status == "complete"
    assert continued.content.startswith(stopped.content) and len(continued.content) > len(stopped.content)
    assert not has_link(window, tr.CONTINUE, stopped.id)

    monkeypatch.setattr("app.ui.chat.message_actions.QMessageBox.question", lambda *a, **k: QMessageBox.Yes)
    click_link(qtbot, window, tr.DELETE, continued.id)
    assert [m.role for m in controller.store.branch(controller.conversation_id)] == ["user"]
    assert continued.content not in window.transcript.plain_text()


def test_a_long_conversation_shows_its_newest_messages_first(qtbot, open_window, no_starter):
    window, controller = open_window()
    store = controller.store
    conversation = store.create_conversation()
    for i in range(tr.PAGE + 50):
        store.add_user_message(conversation.id, f"note number {i}")
    controller.conversations.refresh()
    controller.open_conversation(conversation.id)
    shown = window.transcript.plain_text()
    assert f"note number {tr.PAGE + 49}" in shown and "note number 49\n" not in shown + "\n"
    assert "Show 50 earlier messages" in shown
    click_link(qtbot, window, tr.EARLIER)
    shown = window.transcript.plain_text()
    assert "note number 0\n" in shown and "earlier messages" not in shown


def test_system_prompt_presets_for_a_conversation(qtbot, open_window, starter_installed, greedy, monkeypatch):
    from app.ui.chat.system_prompt_dialog import SystemPromptDialog

    window, controller = open_window()
    wait_ready(qtbot, controller)

    def choose(dialog_steps):
        def fake_exec(dialog):
            dialog_steps(dialog)
            return SystemPromptDialog.Accepted
        monkeypatch.setattr(SystemPromptDialog, "exec", fake_exec)
        qtbot.mouseClick(window.system_prompt_button, Qt.LeftButton)

    def pick_translate(dialog):
        dialog.preset_picker.setCurrentIndex(dialog.preset_picker.findText("Translate to English"))
        dialog.preset_picker.activated.emit(dialog.preset_picker.currentIndex())
        assert "Translate everything" in dialog.edit.toPlainText()

    choose(pick_translate)  # before the first message: kept for the new chat
    assert window.system_prompt_button.text() == "System prompt: Translate to English"
    answer = answer_after(qtbot, controller, lambda: ask(qtbot, window, "Bonjour, comment allez-vous ?"))
    conversation = controller.store.conversation(answer.conversation_id)
    assert conversation.system_prompt.startswith("Translate everything")

    def save_new_preset(dialog):
        dialog.edit.setPlainText("You are a pirate. Answer like one.")
        dialog.save_preset("Pirate")
        assert dialog.preset_picker.currentText() == "Pirate"

    choose(save_new_preset)
    assert controller.store.conversation(conversation.id).system_prompt == "You are a pirate. Answer like one."
    assert {"name": "Pirate", "text": "You are a pirate. Answer like one."} in controller.settings.presets
    from app.core import paths
    from app.core import settings as settings_mod
    saved, _ = settings_mod.load(paths.current().settings_file)
    assert saved.presets == controller.settings.presets  # presets are saved for next time
    assert window.system_prompt_button.text() == "System prompt: Pirate"
    controller.new_chat()
    assert window.system_prompt_button.text() == "System prompt…"
