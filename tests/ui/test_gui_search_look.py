"""Search results look finished: compact rows, plain words, a readable scroll bar, the opened message lit up."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.ui import theme
from app.ui.chat.search_actions import plain_snippet, short_date
from app.ui.widgets.message_flash import message_range
from app.ui.widgets.search_hit_delegate import MARKS, HitViewRole, split_marks

A, B = MARKS


def test_snippets_lose_their_markdown_markers_and_keep_their_words_and_marks():
    assert plain_snippet(f"In **Fluent {A}French{B}** you say *bonjour*") == f"In Fluent {A}French{B} you say bonjour"
    assert plain_snippet("see [the docs](https://x.org/a_b) and ![logo](l.png)") == "see the docs and logo"
    assert plain_snippet("# Title\n- item one\n> quoted\n```python\nx = `code`") == "Title item one quoted x = code"
    assert plain_snippet("| Tool | Good for |") == "Tool Good for"
    # What is not a marker stays: snake_case names, arithmetic, a lone underscore.
    assert plain_snippet("call my_function_name with 2 * 3 * 4 and _") == "call my_function_name with 2 * 3 * 4 and _"
    assert split_marks(f"a {A}bc{B} d {A}e{B}") == ("a bc d e", [(2, 2), (7, 1)])
    assert split_marks(f"{B}x{A}") == ("x", [])  # marks out of order: plain text, nothing marked


def test_result_dates_are_short():
    from datetime import date
    assert short_date("2020-05-12T08:00:00", today=date(2026, 1, 2)) == "12 May 2020"
    assert short_date("2026-05-12T08:00:00", today=date(2026, 6, 2)) == "12 May"
    assert short_date("not a date") == ""


def test_hits_are_compact_rows_the_track_is_not_black_and_the_opened_message_flashes(qtbot, open_window,
                                                                                     no_starter):
    window, controller = open_window()
    window.resize(1366, 860)
    store = controller.store
    for week in range(12):
        conversation = store.create_conversation(title=f"Learning French, week {week}, with a title that goes on")
        question = store.add_user_message(conversation.id, "How do I say hello in French? **Fluent French** please")
        answer = store.begin_answer(conversation.id, "m.gguf", {}, parent_id=question.id)
        store.finish_answer(answer.id, "In **Fluent French** you say *bonjour*.", "complete", {})
    controller.conversations.refresh()
    controller.apply_appearance()
    qtbot.keyClicks(window.search_edit, "French")
    results = window.search_results
    qtbot.waitUntil(lambda: results.isVisible() and results.count() == 24, timeout=10_000)
    item = results.item(0)
    view = item.data(HitViewRole)
    assert "**" not in view["snippet"] and view["title"].startswith("Learning French")
    assert view["title"] not in view["snippet"]  # the title once, in its own small line
    line = results.fontMetrics().lineSpacing()
    heights = [results.visualItemRect(results.item(i)).height() for i in range(results.count())]
    assert max(heights) <= 4 * line + 16, (heights, line)  # a small title line and two of snippet
    assert results.viewport().height() // max(heights) >= 8  # five used to fill the sidebar
    # The scroll bar's track is light in the light theme (it was solid black).
    bar = results.verticalScrollBar()
    assert bar.isVisible()
    image = window.grab().toImage()
    corner = bar.mapTo(window, bar.rect().bottomLeft())
    track = QColor(image.pixel(corner.x() + bar.width() // 2, corner.y() - 4))  # below the handle
    assert track.lightness() > 150, track.name()

    results.setCurrentRow(3)
    target = results.item(3)
    qtbot.mouseClick(results.viewport(), Qt.LeftButton, pos=results.visualItemRect(target).center())
    conversation_id, message_id = target.data(Qt.UserRole + 1)
    assert controller.conversation_id == conversation_id
    transcript = window.transcript
    [lit] = transcript.extraSelections()
    start, end = message_range(transcript.document(), message_id)
    # (A selection that leaves a table starts where the table does: the user's message is in one.)
    assert lit.cursor.selectionStart() <= start < end == lit.cursor.selectionEnd()
    assert "How do I say hello" in lit.cursor.selectedText() and "bonjour" not in lit.cursor.selectedText()
    assert lit.format.background().color().alpha() > 0
    qtbot.waitUntil(lambda: not transcript.extraSelections(), timeout=5_000)  # it fades away


def test_scroll_bars_follow_the_theme():
    assert "#c3c8cf" in theme.scrollbar_style(False) and "#5a5e66" in theme.scrollbar_style(True)
    assert "add-page" in theme.scrollbar_style(False)
