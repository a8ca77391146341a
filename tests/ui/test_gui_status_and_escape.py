"""The status bar says only what is true now; Esc in the search box clears the search."""

from PySide6.QtCore import Qt

from app.ui.chat import status_presenter
from tests.support.settings import write_settings
from tests.ui.test_gui import LONG_QUESTION, ask, wait_ready


def _answered_conversation(store):
    conversation = store.create_conversation(title="Speeds")
    question = store.add_user_message(conversation.id, "How fast?")
    answer = store.begin_answer(conversation.id, "m.gguf", {"n_ctx": 4096}, parent_id=question.id)
    store.finish_answer(answer.id, "Quite fast.", "complete", {
        "completion_tokens": 20, "tokens_per_second": 14.2, "prompt_tokens": 300, "processed_tokens": 30})
    return conversation.id


def test_an_empty_new_chat_shows_no_speed_or_context_of_the_previous_one(qtbot, open_window, no_starter):
    window, controller = open_window()
    conversation_id = _answered_conversation(controller.store)
    controller.conversations.refresh()
    window.conversation_list.setCurrentIndex(controller.conversations.index(0, 0))
    assert controller.conversation_id == conversation_id
    assert "14.2 tok/s" in window.model_label.text() and "context" in window.model_label.text()
    qtbot.mouseClick(window.new_chat_button, Qt.LeftButton)
    assert controller.conversation_id is None
    assert "tok/s" not in window.model_label.text() and "context" not in window.model_label.text()


def test_a_model_being_loaded_keeps_saying_so_in_a_new_chat(qtbot, open_window, no_starter):
    window, controller = open_window()
    controller.status.set_model_text("Loading m…")
    qtbot.mouseClick(window.new_chat_button, Qt.LeftButton)
    assert window.model_label.text() == "Loading m…"


def test_restored_clears_after_a_few_seconds_and_the_state_comes_back(qtbot, open_window, no_starter, monkeypatch):
    monkeypatch.setattr(status_presenter, "NOTE_MS", 300)
    window, controller = open_window()
    _answered_conversation(controller.store)
    controller.conversations.refresh()
    window.conversation_list.setCurrentIndex(controller.conversations.index(0, 0))
    state_text = window.state_label.text()
    window.delete_action.trigger()
    assert "trash" in window.state_label.text() and window.undo_button.isVisible()
    qtbot.mouseClick(window.undo_button, Qt.LeftButton)
    assert window.state_label.text() == "Restored."
    qtbot.waitUntil(lambda: window.state_label.text() == state_text, timeout=3000)
    # A new state replaces a note at once, and the note's timer does not bring the old line back.
    controller.status.show_note("Exported 1 file to /tmp.")
    controller.status.set_state(status_presenter.READY, "Ready.")
    qtbot.wait(500)
    assert window.state_label.text() == "Ready."


def test_esc_in_the_search_box_clears_the_search_not_the_answer(qtbot, open_window, starter_installed, cove_home):
    write_settings(cove_home, {"temperature": 0.0, "repeat_penalty": 1.0, "max_tokens": 4000})
    window, controller = open_window()
    wait_ready(qtbot, controller)
    ask(qtbot, window, LONG_QUESTION)
    qtbot.waitUntil(lambda: controller.session.recorder is not None and len(controller.session.recorder.text) > 20,
                    timeout=30_000)
    window.search_edit.setFocus()
    qtbot.keyClicks(window.search_edit, "dragon")
    qtbot.waitUntil(lambda: window.search_results.isVisible(), timeout=5000)
    qtbot.keyClick(window.search_edit, Qt.Key_Escape)
    assert window.search_edit.text() == "" and window.conversation_list.isVisible()
    assert not window.search_results.isVisible()
    assert controller.session.generating  # the answer goes on
    # Esc again, the box empty: back to the message box, still not a stop.
    qtbot.keyClick(window.search_edit, Qt.Key_Escape)
    assert window.composer.edit.hasFocus() and controller.session.generating
    # Esc where no field uses it stops the answer, as before.
    with qtbot.waitSignal(controller.answer_finished, timeout=30_000) as finished:
        qtbot.keyClick(window.composer.edit, Qt.Key_Escape)
    assert finished.args[1] == "stopped"
