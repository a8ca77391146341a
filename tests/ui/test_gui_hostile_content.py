"""The window never freezes on hostile content: megabytes on one line, a title of ten megabytes,
an answer of a megabyte streaming in, a FIFO attached by the button or by drag and drop.

Each check bounds the work itself (how much text reaches the document, how often the
streaming answer is laid out again, that a file is refused before it is opened), and a
wall-clock ceiling is only a safety net. Before the fixes these cases took a minute or
hung for ever, so each test runs under an alarm: a regression fails instead of hanging.
"""

import faulthandler
import os
import signal
import stat
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QApplication

from app.core import attachments as at
from app.core.errors import CoveError
from app.ui.chat import attachment_actions
from app.ui.widgets import markdown_html
from app.ui.widgets import transcript as tr
from app.ui.widgets.model_guard import TIP_CHARS, TITLE_CHARS
from tests.ui.test_gui_attachments import attach_with_button, drop_files, wait_read
from tests.ui.test_gui_branches import click_link

ONE_LINE_MB = "x" * 1_000_000  # no place to wrap: the worst case for Qt's layout (about a minute before)
MARKDOWN_MB = "[a](" * 250_000  # a megabyte that keeps markdown-it busy (seconds before)
TEN_MB_TITLE = "T" * 10_000_000


class Deadline(Exception):
    """Not an OSError: code that catches those (reading a file does) must not swallow it."""


@pytest.fixture
def deadline():
    """Fail (not hang) when the test runs past its time: an alarm, and a hard stop behind it."""
    def expired(*_):
        raise Deadline("the window was blocked past the test's deadline")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    faulthandler.dump_traceback_later(120, exit=True)  # stuck inside C: print where, and end the run
    yield
    faulthandler.cancel_dump_traceback_later()
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def timed(fn) -> float:
    started = time.monotonic()
    fn()
    QApplication.processEvents()
    return time.monotonic() - started


# Opening a conversation ------------------------------------------------------------------

def test_a_1mb_line_and_a_10mb_title_open_bounded_with_show_all(qtbot, open_window, no_starter, deadline):
    window, controller = open_window()
    store = controller.store
    conversation = store.create_conversation(title=TEN_MB_TITLE)
    question = store.add_user_message(conversation.id, ONE_LINE_MB)
    answer = store.begin_answer(conversation.id, "m.gguf", {}, parent_id=question.id)
    store.finish_answer(answer.id, MARKDOWN_MB, "complete")
    store.set_system_prompt(conversation.id, "S" * 10_000_000)
    controller.conversations.refresh()

    seconds = timed(lambda: window.conversation_list.setCurrentIndex(controller.conversations.index(0, 0)))
    assert controller.conversation_id == conversation.id
    view = window.transcript
    shown = view.plain_text()
    # Each message shows its start, and says how to see the rest: the document stays small.
    assert view.document().characterCount() < 2 * tr.DISPLAY_CHARS + 2000
    assert shown.count("Show all (") == 2
    assert f"Show all ({1_000_000 - len(markdown_html.preview(ONE_LINE_MB, tr.DISPLAY_CHARS)[0]):,} more" in shown
    # The title is cut before Qt measures it, in the title bar and in the list.
    assert len(window.conversation_title.text()) <= TITLE_CHARS
    assert len(window.conversation_title.toolTip()) <= TITLE_CHARS
    assert len(controller.conversations.index(0, 0).data()) <= TITLE_CHARS + 2
    assert len(controller.conversations.index(0, 0).data(Qt.ToolTipRole)) < TITLE_CHARS + 100
    assert len(window.system_prompt_button.toolTip()) <= TIP_CHARS
    assert seconds < 10, seconds  # a safety net: it took 63 s (and 18 s for the title) before
    assert not window.grab().isNull()

    # "Show all" shows the whole answer, as plain text (no Markdown work on a megabyte), still quickly.
    seconds = timed(lambda: click_link(qtbot, window, tr.MORE, answer.id))
    text = view.plain_text().replace("\u200b", "")
    assert MARKDOWN_MB in text and shown.count("Show all (") - 1 == view.plain_text().count("Show all (")
    assert view.document().characterCount() > 1_000_000
    assert seconds < 10, seconds
    # The stored words are untouched: Copy gives them all, exactly.
    click_link(qtbot, window, tr.COPY, answer.id)
    assert QApplication.clipboard().text() == MARKDOWN_MB

    # Editing the 1 MB question brings all of it into the box, which wraps it anywhere (linear), quickly.
    edit = window.composer.edit
    seconds = timed(lambda: click_link(qtbot, window, tr.EDIT, question.id))
    assert edit.toPlainText() == ONE_LINE_MB and edit.wordWrapMode() == QTextOption.WrapAnywhere
    assert seconds < 10, seconds  # over a minute before
    seconds = timed(window.composer.cancel_edit)  # back to word wrapping only once the long line is gone
    assert edit.toPlainText() == "" and edit.wordWrapMode() == QTextOption.WrapAtWordBoundaryOrAnywhere
    assert seconds < 10, seconds


def test_pasting_a_1mb_line_into_the_box_does_not_freeze_it(qtbot, open_window, no_starter, deadline):
    window, controller = open_window()
    edit = window.composer.edit
    qtbot.keyClicks(edit, "before ")
    assert edit.wordWrapMode() == QTextOption.WrapAtWordBoundaryOrAnywhere  # ordinary text wraps at words
    QApplication.clipboard().setText(ONE_LINE_MB)
    seconds = timed(lambda: qtbot.keyClick(edit, Qt.Key_V, Qt.ControlModifier))
    assert edit.toPlainText() == "before " + ONE_LINE_MB
    assert seconds < 10, seconds
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Delete)
    assert edit.toPlainText() == "" and edit.wordWrapMode() == QTextOption.WrapAtWordBoundaryOrAnywhere


def test_many_long_messages_share_one_budget(qtbot, no_starter, deadline):
    from app.core.store import Message

    view = tr.TranscriptView()
    qtbot.addWidget(view)
    messages = [Message(id=i, conversation_id=1, role="assistant" if i % 2 else "user", content=ONE_LINE_MB,
                        status="complete", created="", updated="") for i in range(1, 101)]
    seconds = timed(lambda: view.show_messages(messages))
    count = view.document().characterCount()
    # The newest get the page's budget, the older a short start each: never 100 MB in a document.
    assert count < tr.PAGE_CHARS + len(messages) * (tr.PREVIEW_CHARS + 200)
    assert view.plain_text().count("Show all (") == 100
    assert seconds < 20, seconds


# Streaming -----------------------------------------------------------------------------

def test_a_1mb_answer_streamed_is_laid_out_a_bounded_number_of_times(qtbot, monkeypatch, deadline):
    from app.core.store import Message

    monkeypatch.setattr(tr, "RENDER_INTERVAL_MS", 0)  # every chance to lay it out again is taken
    rendered = []
    real_render = markdown_html.render
    monkeypatch.setattr(markdown_html, "render", lambda text, *a, **k: rendered.append(len(text))
                        or real_render(text, *a, **k))
    view = tr.TranscriptView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    question = Message(id=1, conversation_id=1, role="user", content="Go", status="complete", created="",
                       updated="")
    answer = Message(id=2, conversation_id=1, role="assistant", content="", status="streaming", created="",
                     updated="")
    view.show_messages([question, answer], live_answer_id=2)
    piece = "[a](" * 4 + " "  # 17 characters a token, one line
    started = time.monotonic()
    sent = 0
    while sent < 1_000_000:
        for _ in range(600):
            view.append_answer_text(piece)
        sent += 600 * len(piece)
        QApplication.processEvents()
    qtbot.waitUntil(lambda: not view.render_timer.isActive(), timeout=10_000)  # the last lay-out is done
    elapsed = time.monotonic() - started
    assert view.live_text == piece * (sent // len(piece))  # nothing lost
    assert "The answer goes on" in view.plain_text()
    assert view.document().characterCount() < tr.DISPLAY_CHARS + 2000
    # Laid out while it grew to DISPLAY_CHARS, then no more: not a megabyte every 80 ms.
    assert sum(rendered) < 3 * tr.DISPLAY_CHARS * 10 and max(rendered) <= tr.DISPLAY_CHARS
    assert elapsed < 20, elapsed

    done = Message(id=2, conversation_id=1, role="assistant", content=view.live_text, status="complete",
                   created="", updated="")
    view.show_messages([question, done])
    assert "Show all (" in view.plain_text() and "The answer goes on" not in view.plain_text()


# Markdown on big input -----------------------------------------------------------------

def test_big_texts_skip_markdown_and_long_runs_get_wrap_points(deadline):
    started = time.monotonic()
    page = markdown_html.render(MARKDOWN_MB, 1)
    assert time.monotonic() - started < 2
    assert "<a " not in page.html and page.code_blocks == []  # plain, escaped text
    assert markdown_html.to_plain_text(MARKDOWN_MB) == MARKDOWN_MB
    plain = markdown_html.plain_html("<b>" + "y" * 2500 + "</b>\nnext")
    assert plain.startswith("&lt;b&gt;") and plain.endswith("&lt;/b&gt;<br>next")
    assert plain.count("\u200b") == 2 and "<b>" not in plain
    assert markdown_html.plain_html("short words stay as they are") == "short words stay as they are"
    code = "```python\n" + "x = 1\n" * 10_000 + "```"
    assert "<span" not in markdown_html.render(code, 1).html  # past HIGHLIGHT_CHARS: no colours
    assert "<span" in markdown_html.render("```python\nx = 1\n```", 1).html


def test_preview_cuts_at_a_line_end_and_counts_the_rest():
    text = "a" * 95 + "\n" + "b" * 100
    assert markdown_html.preview(text, 100) == ("a" * 95, 101)
    assert markdown_html.preview("c" * 300, 100) == ("c" * 100, 200)
    assert markdown_html.preview("short", 100) == ("short", 0)
    assert markdown_html.preview(None, 100) == ("", 0)


# Attachments ---------------------------------------------------------------------------

@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_non_regular_files_are_refused_before_they_are_opened(fifo, deadline):
    for path, words in ((fifo, "not a regular file"), ("/dev/zero", "not a regular file"),
                        (fifo.parent, "is a folder")):
        started = time.monotonic()
        with pytest.raises(CoveError, match=words) as refused:
            at.read_attachment(path)
        assert time.monotonic() - started < 1
        assert "\n" not in str(refused.value) and "attach" in str(refused.value).lower()
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # nothing was done to it


def refused_in_the_bar(window, words):
    bar = window.composer.attachment_bar
    return bar.attachments() == [] and words in bar.warning()


def test_a_fifo_attached_with_the_button_is_refused_without_blocking(qtbot, open_window, no_starter, fifo,
                                                                     monkeypatch, deadline):
    window, controller = open_window()
    qtbot.keyClicks(window.composer.edit, "keep this")
    seconds = timed(lambda: attach_with_button(qtbot, window, monkeypatch, fifo))
    assert seconds < 5, seconds
    assert refused_in_the_bar(window, "“pipe.txt” is not a regular file")
    assert "Save its content to a text file" in window.composer.attachment_bar.warning()
    assert window.composer.edit.toPlainText() == "keep this"


def test_a_fifo_dropped_is_refused_and_the_other_files_still_come(qtbot, open_window, no_starter, fifo, tmp_path,
                                                                  deadline):
    notes = tmp_path / "notes.md"
    notes.write_text("some notes\n")
    window, controller = open_window()
    seconds = timed(lambda: drop_files(window.transcript.viewport(), fifo, notes))
    assert seconds < 5, seconds
    bar = window.composer.attachment_bar
    assert [a.name for a in bar.attachments()] == ["notes.md"]
    assert "“pipe.txt” is not a regular file" in bar.warning()


def test_files_are_read_off_the_gui_thread(qtbot, open_window, no_starter, tmp_path, monkeypatch, deadline):
    """A file that takes its time (a stalled network drive) leaves the window working meanwhile."""
    slow = tmp_path / "slow.txt"
    slow.write_text("slow but fine\n")
    release, threads = threading.Event(), []
    real_read = at.read_attachment

    def stalled(path):
        threads.append(threading.current_thread())
        release.wait(30)
        return real_read(path)

    monkeypatch.setattr(attachment_actions, "read_attachment", stalled)
    monkeypatch.setattr("app.ui.chat.attachment_actions.QFileDialog.getOpenFileNames",
                        lambda *a, **k: ([str(slow)], ""))
    window, controller = open_window()
    bar = window.composer.attachment_bar
    seconds = timed(lambda: qtbot.mouseClick(window.composer.attach_button, Qt.LeftButton))
    assert seconds < 2, seconds  # the click came back while the file was still being read
    assert bar.reading and "Reading slow.txt…" in bar.reading_label.text() and bar.isVisible()
    qtbot.keyClicks(window.composer.edit, "typing meanwhile")  # the window still answers
    assert window.composer.edit.toPlainText() == "typing meanwhile"
    with qtbot.waitSignal(controller.attachment_actions.files_read, timeout=10_000) as read:
        release.set()
    assert [a.name for a in read.args[0]] == ["slow.txt"] and [a.name for a in bar.attachments()] == ["slow.txt"]
    assert not bar.reading and threads and threads[0] is not threading.main_thread()
    wait_read(window)


def test_a_search_hit_in_a_10mb_title_is_cut_before_it_is_laid_out(qtbot, open_window, no_starter, deadline):
    from types import SimpleNamespace

    from app.ui.chat.search_actions import MARKS

    window, controller = open_window()
    panel = controller.search_actions
    window.search_results.setVisible(True)
    hit = SimpleNamespace(conversation_id=1, message_id=1, role="user", created="2024-01-01T00:00:00",
                          conversation_title=TEN_MB_TITLE, snippet=f"{MARKS[0]}x{MARKS[1]}" + "y" * 2_000_000)
    seconds = timed(lambda: panel._show(panel.generation, [hit]))
    item = window.search_results.item(0)
    assert len(item.text()) < TITLE_CHARS + 1100 and len(item.toolTip()) < TITLE_CHARS + 1100
    assert item.text().startswith("T" * (TITLE_CHARS - 1) + "…\n[x]")
    assert not window.grab().isNull() and seconds < 10, seconds
