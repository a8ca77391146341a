"""Message controls and the reading column: arrows one can hit and see, even spacing, lines one can read."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from app.ui.widgets import message_html
from app.ui.widgets import transcript as tr

CODE = "\n\n```python\n" + "total = total + value * factor; " * 12 + "\n```\n"
LONG_PARAGRAPH = " ".join(["Reading is easier when a line holds about seventy to ninety characters."] * 12)


def _two_versions(store):
    conversation = store.create_conversation(title="Versions")
    question = store.add_user_message(conversation.id, "Tell me about rivers.")
    first = store.begin_answer(conversation.id, "m.gguf", {}, parent_id=question.id)
    store.finish_answer(first.id, "First version. " + LONG_PARAGRAPH + CODE, "complete", {"completion_tokens": 9})
    second = store.begin_answer(conversation.id, "m.gguf", {}, parent_id=question.id)
    store.finish_answer(second.id, "Second version.", "complete", {"completion_tokens": 3})
    follow = store.add_user_message(conversation.id, "And lakes?", parent_id=second.id)
    third = store.begin_answer(conversation.id, "m.gguf", {}, parent_id=follow.id)
    store.finish_answer(third.id, "Lakes are still.", "complete", {"completion_tokens": 3})
    return conversation.id, first, second


def _link(view, href):
    """(block, fragment) of the link with this address in the transcript."""
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().anchorHref() == href:
                return block, it.fragment()
            it += 1
        block = block.next()
    raise AssertionError(f"no {href} in the transcript")


def _hit_box(view, href):
    """The link's width and line height in pixels, and its centre in viewport coordinates."""
    block, fragment = _link(view, href)
    start, end = fragment.position() - block.position(), fragment.position() + fragment.length() - block.position()
    line = block.layout().lineForTextPosition(start)
    width = line.cursorToX(end)[0] - line.cursorToX(start)[0]
    cursor = QTextCursor(view.document())
    cursor.setPosition(fragment.position() + fragment.length() // 2)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    return width, line.height(), view.cursorRect(cursor).center()


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(colour):
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_version_arrows_are_big_visible_targets_that_step_between_versions(qtbot, open_window, theme):
    window, controller = open_window()
    controller.update_settings(replace(controller.settings, appearance=replace(controller.settings.appearance,
                                                                                 theme=theme)))
    conversation_id, first, second = _two_versions(controller.store)
    controller.conversations.refresh()
    controller.open_conversation(conversation_id)
    view = window.transcript
    assert "Second version." in view.plain_text() and "First version." not in view.plain_text()
    href = tr.action_url(tr.VERSION, first.id)
    width, height, centre = _hit_box(view, href)
    assert width >= 24 and height >= 24, (width, height)
    colour = _link(view, href)[1].charFormat().foreground().color()
    assert _contrast(colour, view.palette().base().color()) >= 4.5  # the text's own colour, not light grey
    assert view.anchorAt(centre) == href
    with qtbot.waitSignal(view.action_requested, timeout=2000):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=centre)
    assert "First version." in view.plain_text() and "Second version." not in view.plain_text()


def test_links_are_as_far_from_the_next_question_as_from_the_next_answer(qtbot, open_window):
    window, controller = open_window()
    conversation_id, _first, _second = _two_versions(controller.store)
    controller.open_conversation(conversation_id)
    view = window.transcript
    layout = view.document().documentLayout()

    def rect(text):
        block = view.document().find(text).block()
        return layout.blockBoundingRect(block)

    answer_links = layout.blockBoundingRect(_link(view, tr.action_url(tr.REGENERATE, _second.id))[0])
    question_box_top = rect("And lakes?").top() - 10 - rect("You").height()  # the box's padding, its "You"
    question_links = layout.blockBoundingRect(_link(view, tr.action_url(tr.EDIT, _second.id + 1))[0])
    answer_top = rect("Lakes are still.").top() - rect("Lakes are still.").height()  # the model's name above
    to_question = question_box_top - answer_links.bottom()
    to_answer = answer_top - question_links.bottom()
    assert to_question >= message_html.MESSAGE_GAP - 2 and abs(to_question - to_answer) <= 4, (to_question, to_answer)


def test_text_keeps_a_reading_column_centred_in_a_wide_window(qtbot, open_window):
    window, controller = open_window()
    conversation_id, first, _second = _two_versions(controller.store)
    controller.store.show_version(first.id)
    window.resize(1366, 860)
    controller.open_conversation(conversation_id)
    qtbot.waitUntil(lambda: window.transcript.viewport().width() > 1000)
    view = window.transcript
    em = view.fontInfo().pixelSize()
    root = view.document().rootFrame().frameFormat()
    column = view.viewport().width() - root.leftMargin() - root.rightMargin()
    assert 40 * em <= column <= 50 * em and root.leftMargin() == root.rightMargin()
    block = view.document().find("First version.").block()
    lines = [block.layout().lineAt(i) for i in range(block.layout().lineCount())]
    assert len(lines) > 3 and max(line.naturalTextWidth() for line in lines) <= 50 * em
    assert view.horizontalScrollBar().maximum() == 0  # a long code line wraps in its block
    # A narrower window: the column takes what there is, the margins stay even.
    window.resize(window.minimumSizeHint().width(), 500)
    qtbot.waitUntil(lambda: view.viewport().width() < 900)
    root = view.document().rootFrame().frameFormat()
    assert root.leftMargin() == root.rightMargin() == max(tr.MARGIN, (view.viewport().width()
                                                                      - view.reading_width()) // 2)
    assert view.horizontalScrollBar().maximum() == 0
