"""After Enter, before the first word: the answer's place says the model is reading the message."""

import re

from PySide6.QtCore import Qt

from app.ui.chat import status_presenter as ctl
from app.ui.chat.answer_session import LOADING_MODEL
from tests.support.settings import GREEDY, write_settings

NOTES = " ".join(f"Note {i}: the meeting about budget item {i} moved to room {i % 7}." for i in range(70))


def test_a_long_message_shows_reading_with_tokens_read_until_the_first_word(qtbot, open_window, starter_installed,
                                                                              cove_home):
    write_settings(cove_home, {**GREEDY, "max_tokens": 8}, engine={"typeahead": False})
    window, controller = open_window()
    qtbot.waitUntil(lambda: controller.state == ctl.READY, timeout=30_000)
    while_reading, at_first_token = [], []
    # Connected after the window's own handlers: each sees the transcript as the user does then.
    controller.session.reading.connect(
        lambda _cid, done, total: while_reading.append((done, total, window.transcript.plain_text())))
    controller.bridge.token_received.connect(
        lambda *_: at_first_token.append(window.transcript.plain_text()) if not at_first_token else None)
    window.composer.edit.setPlainText(NOTES + "\nWhich room is item 3 in?")
    with qtbot.waitSignal(controller.answer_finished, timeout=90_000):
        qtbot.keyClick(window.composer.edit, Qt.Key_Return)
        right_after = window.transcript.plain_text()
    # At once, where the answer will appear (after the model's name), before the engine has counted anything.
    assert "Reading your message…" in right_after.split(window.model_picker.currentText().split(" (")[0])[-1]
    # The engine's counts. If the engine loads the model first, "Loading the model…" and then "Reading your
    # message…" without numbers (the model loaded, nothing counted yet) come before them: they are not counts.
    counted = [re.search(r"Reading your message…\s+([\d,]+) / ([\d,]+) tokens", text)
               for done, total, text in while_reading if done != LOADING_MODEL and total]
    assert all("Reading your message…" in text for done, total, text in while_reading
               if done != LOADING_MODEL and not total), while_reading
    assert len(counted) >= 2 and all(counted), while_reading
    done = [int(m.group(1).replace(",", "")) for m in counted]
    totals = {int(m.group(2).replace(",", "")) for m in counted}
    assert done == sorted(done) and len(totals) == 1 and totals.pop() > 512
    # Gone at the first word, and after the answer.
    assert at_first_token and "Reading your message" not in at_first_token[0]
    assert "Reading your message" not in window.transcript.plain_text()


def test_a_short_message_shows_reading_without_numbers(qtbot, open_window, starter_installed, cove_home):
    write_settings(cove_home, {**GREEDY, "max_tokens": 4})
    window, controller = open_window()
    qtbot.waitUntil(lambda: controller.state == ctl.READY, timeout=30_000)
    window.composer.edit.setPlainText("Hi")
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000):
        qtbot.keyClick(window.composer.edit, Qt.Key_Return)
        shown = window.transcript.plain_text()
        assert "Reading your message…" in shown and "tokens" not in shown
        assert window.transcript.reading_timer.isActive()  # the bar moves while it waits
    assert not window.transcript.reading_timer.isActive()
    assert "Reading your message" not in window.transcript.plain_text()


def test_the_answer_place_says_loading_then_reading_then_shows_the_words(qapp):
    from app.core.store import Message
    from app.ui.widgets.transcript import TranscriptView

    view = TranscriptView()
    messages = [Message(1, 1, "user", "q", "complete", "x"), Message(2, 1, "assistant", "", "streaming", "x")]
    view.show_messages(messages, live_answer_id=2, live_text="")
    view.show_reading(-1, 0)
    assert "Loading the model…" in view.plain_text() and "Reading" not in view.plain_text()
    view.show_reading(0, 0)
    assert "Reading your message…" in view.plain_text() and "tokens" not in view.plain_text()
    view.show_reading(600, 1500)
    assert "Reading your message…  600 / 1,500 tokens" in view.plain_text().replace("\xa0", " ")
    view.show_messages(messages, live_answer_id=2, live_text="")  # shown again (another chat and back)
    assert "600 / 1,500 tokens" in view.plain_text().replace("\xa0", " ")
    view.append_answer_text("Hello")
    assert "Hello" in view.plain_text() and "Reading" not in view.plain_text()
