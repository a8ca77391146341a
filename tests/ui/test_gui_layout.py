"""The window at 1366×860 and at 800×500: the status line, the header and the transcript's scrolling."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core import store as st

LONG_ERROR = ("Export failed: Cove cannot write /home/someone/Documents/a folder with a long name/and another/"
              "2026-11-30 Planning the offsite.md (Permission denied). Choose another folder.")
TITLE = "Planning the team offsite in Lisbon for Q3"  # 43 characters


def settle(qtbot, ms=150):
    qtbot.wait(ms)
    QApplication.processEvents()


def long_conversation(controller, answers=12):
    store = controller.store
    c = store.create_conversation(title=TITLE)
    q = store.add_user_message(c.id, "Where should the team offsite be?")
    for i in range(answers):
        a = store.begin_answer(c.id, "m.gguf", {}, parent_id=q.id)
        store.finish_answer(a.id, ("Lisbon is a good choice for a team of twelve. " * 12 + "\n\n") * 2, st.COMPLETE)
        q = store.add_user_message(c.id, f"And question {i}?")
    controller.conversations.refresh()
    controller.open_conversation(c.id)
    return c


def at_bottom(transcript) -> bool:
    bar = transcript.verticalScrollBar()
    return bar.maximum() > 0 and bar.value() == bar.maximum()


def test_a_long_status_message_never_widens_the_window(qtbot, open_window, no_starter):
    window, controller = open_window()
    window.resize(800, 500)
    settle(qtbot)
    controller.status.show_error(LONG_ERROR)
    window.model_label.setText("SmolLM2-135M-Instruct.Q4_1 · 31.2 tok/s · context 1,234 / 8,192 tokens")
    settle(qtbot)
    assert window.minimumSizeHint().width() <= 800 and window.minimumWidth() <= 800
    window.resize(800, 500)
    settle(qtbot)
    assert window.width() == 800
    state, model = window.state_label, window.model_label
    assert state.geometry().right() < model.geometry().left()  # the message stops before the model line
    assert state.is_elided() and state.toolTip() == LONG_ERROR and state.text() == LONG_ERROR
    assert not model.is_elided()  # the model line keeps its room


def test_the_header_gives_the_title_its_room_and_labels_its_buttons(qtbot, open_window, no_starter):
    window, controller = open_window()
    long_conversation(controller, answers=1)
    window.resize(1366, 860)
    settle(qtbot)
    title, picker, models, add = (window.conversation_title, window.model_picker, window.models_button,
                                  window.add_model_button)
    assert title.text() == TITLE and not title.is_elided()  # was cut at ~20 characters
    assert models.geometry().left() - picker.geometry().right() >= 6  # the drop-down no longer touches it
    assert add.text() == "Add file…" and not add.is_compact() and add.toolTip().startswith("Add a model file")
    assert add.width() > add.fontMetrics().horizontalAdvance("Add file…")  # the words are shown
    window.resize(800, 500)
    settle(qtbot)
    assert window.width() == 800
    assert title.width() >= 120 and title.geometry().right() < window.system_prompt_button.geometry().left()
    assert all(b.is_compact() and b.toolTip() and b.accessibleName() for b in window.header.buttons)
    buttons = [window.sidebar_button, title, *window.header.buttons, picker]
    assert all(b.geometry().right() <= window.header.width() for b in buttons)  # nothing pushed out of sight
    window.resize(1366, 860)
    settle(qtbot)
    assert not add.is_compact() and not title.is_elided()


def test_after_a_resize_the_view_stays_at_the_bottom(qtbot, open_window, no_starter):
    window, controller = open_window()
    window.resize(1366, 860)
    long_conversation(controller)
    settle(qtbot)
    transcript = window.transcript
    assert at_bottom(transcript) and not transcript.jump_button.isVisible()
    for size in ((800, 500), (1100, 720), (800, 500)):
        window.resize(*size)
        settle(qtbot)
        assert at_bottom(transcript), size
        assert not transcript.jump_button.isVisible()


def test_jump_to_latest_sits_under_the_text_and_brings_the_view_down(qtbot, open_window, no_starter):
    window, controller = open_window()
    window.resize(1366, 860)
    long_conversation(controller)
    settle(qtbot)
    transcript = window.transcript
    bar = transcript.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the user scrolls up to read
    settle(qtbot)
    button = transcript.jump_button
    assert button.isVisible()
    assert not button.geometry().intersects(transcript.viewport().geometry())  # never over the words
    window.resize(800, 500)  # reading on, the window made smaller: not yanked to the bottom
    settle(qtbot)
    assert not at_bottom(transcript) and button.isVisible()
    assert not button.geometry().intersects(transcript.viewport().geometry())
    assert transcript.rect().contains(button.geometry())
    qtbot.mouseClick(button, Qt.LeftButton)
    settle(qtbot)
    assert at_bottom(transcript) and not button.isVisible()
    assert transcript.viewportMargins().bottom() == 0  # the strip goes with the button


def test_a_reader_a_little_above_the_bottom_stays_put_while_the_answer_streams(qtbot):
    """Each re-render replaces the streaming answer, which shrinks the document for a moment: the scroll
    value was clamped to the new end, taken for "at the bottom", and the reader pulled down."""
    from app.ui.widgets.transcript import TranscriptView

    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    messages = [st.Message(1, 1, "user", "Tell me a long story.", "complete", "x"),
                st.Message(2, 1, "assistant", "", "streaming", "x")]
    view.show_messages(messages, live_answer_id=2, live_text="")
    for i in range(60):
        view.append_answer_text(f"Line {i} of the story, long enough to take some room on the page.\n\n")
    view._render_live()
    settle(qtbot)
    bar = view.verticalScrollBar()
    assert bar.value() == bar.maximum()  # following the answer
    bar.setValue(bar.maximum() - 150)  # the reader scrolls up a little, within the answer
    settle(qtbot)
    reading = bar.value()
    for i in range(5):
        view.append_answer_text(f"More of the story, part {i}.\n\n")
        view._render_live()
        settle(qtbot, 20)
    assert bar.value() == reading and not view.follow.at_bottom
    view.follow.scroll_to_bottom()  # and back at the bottom, it follows again
    view.append_answer_text("The end.\n")
    view._render_live()
    settle(qtbot, 20)
    assert bar.value() == bar.maximum()


def test_showing_the_conversation_again_neither_flashes_jump_to_latest_nor_lays_it_out_twice(
        qtbot, open_window, no_starter):
    """setHtml() puts the scroll bar near the top of the new text: that read as "the user scrolled up",
    so Jump to latest showed and hid (its strip resizing the view, the conversation laid out twice
    more) each time an answer started or ended, which re-shows the conversation."""
    window, controller = open_window()
    window.resize(1366, 860)
    c = long_conversation(controller)
    settle(qtbot)
    transcript = window.transcript
    margins = []
    transcript.setViewportMargins = lambda *args: margins.append(args)  # what the strip's showing does
    for _ in range(3):
        controller.open_conversation(c.id)  # what an answer's start and end do
        settle(qtbot, 50)
    assert margins == [] and at_bottom(transcript) and not transcript.jump_button.isVisible()
