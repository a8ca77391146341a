"""Attaching files in the window: the button, drag and drop, token counts, the context warning,
and the file's answer, with the real starter model."""

import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.core import attachments as at
from app.ui.widgets import transcript as tr
from tests.support.settings import GREEDY, write_settings
from tests.ui.test_gui import ask, wait_ready
from tests.ui.test_gui_branches import click_link

NOTE = ("# Launch notes\n\nThe team met on Monday to plan the launch.\n"
        "The secret launch code word is PELICAN.\nBring snacks.\n")
QUESTION = "What is the secret launch code word in the attached file? Answer in one word."


def attach_with_button(qtbot, window, monkeypatch, *paths):
    monkeypatch.setattr("app.ui.chat.attachment_actions.QFileDialog.getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in paths], ""))
    qtbot.mouseClick(window.composer.attach_button, Qt.LeftButton)
    wait_read(window)


def wait_read(window, seconds=10.0):
    """Files are read off the GUI thread: let the window take them in (the events keep flowing)."""
    bar = window.composer.attachment_bar
    deadline = time.monotonic() + seconds
    while bar.reading and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    QApplication.processEvents()
    assert not bar.reading, "the files were still being read"


def drop_files(widget, *paths):
    """Drag files from a file manager and drop them on the widget."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    try:  # Qt 6.11 takes a QPoint here, 6.12 a QPointF
        enter = QDragEnterEvent(centre, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    except TypeError:
        enter = QDragEnterEvent(QPointF(centre), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(centre), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()
    wait_read(widget.window())


def exact_counts(bar):
    return bool(bar.isVisible() and bar.chip_texts()) and not any("≈" in text for text in bar.chip_texts())


def test_attach_a_file_ask_about_it_and_see_it_after_reopening(qtbot, open_window, starter_installed, greedy,
                                                               tmp_path, monkeypatch):
    path = tmp_path / "notes.md"
    path.write_text(NOTE)
    window, controller = open_window()
    wait_ready(qtbot, controller)
    bar = window.composer.attachment_bar
    assert not bar.isVisible()
    assert window.composer.attach_button.accessibleName() == "Attach files"
    assert window.composer.attach_button.toolTip() == "Attach text or Markdown files"

    attach_with_button(qtbot, window, monkeypatch, path)
    assert len(bar.attachments()) == 1
    qtbot.waitUntil(lambda: exact_counts(bar), timeout=30_000)  # the estimate, then the model's count
    tokens = controller.attachment_actions.count_for(bar.attachments()[0])[0]
    assert bar.chip_texts() == [f"notes.md · {tokens:,} tokens"] and 20 < tokens < 60
    assert bar.warning() == ""

    with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as finished:
        ask(qtbot, window, QUESTION)
    answer = controller.store.message(finished.args[0])
    assert "PELICAN" in answer.content.upper()
    question = controller.store.message(answer.parent_id)
    assert question.content == QUESTION  # what was typed; the file is stored beside it
    stored = controller.store.attachments_for([question.id])[question.id]
    assert stored == [at.Attachment("notes.md", NOTE, len(NOTE), tokens=tokens)]
    assert answer.prompt_tokens > tokens  # the model was given the file
    assert bar.attachments() == [] and not bar.isVisible()  # sent: the bar is empty again
    line = f"Attached: notes.md · {tokens:,} tokens"
    assert line in window.transcript.plain_text()
    history = controller.attachment_actions.conversation_tokens(controller.store.conversation(answer.conversation_id))
    assert history == answer.prompt_tokens + answer.completion_tokens

    # Editing the question offers its file again; cancelling gives the draft (with its files) back.
    draft = tmp_path / "draft.txt"
    draft.write_text("a draft's own file\n")
    qtbot.keyClicks(window.composer.edit, "half-written")
    attach_with_button(qtbot, window, monkeypatch, draft)
    click_link(qtbot, window, tr.EDIT, question.id)
    assert [a.name for a in bar.attachments()] == ["notes.md"]
    window.composer.cancel_edit()
    assert window.composer.edit.toPlainText() == "half-written"
    assert [a.name for a in bar.attachments()] == ["draft.txt"]
    controller.session.typeahead_timer.stop()  # the draft came back: its type-ahead must not run on the closed store
    window.close()
    controller.store.close()

    window2, controller2 = open_window()
    window2.conversation_list.setCurrentIndex(controller2.conversations.index(0, 0))
    assert line in window2.transcript.plain_text()
    window2.grab().save(str(tmp_path / "transcript.png"))


def test_drop_files_on_the_composer_or_the_transcript(qtbot, open_window, no_starter, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text(NOTE)
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    old = tmp_path / "old.txt"
    old.write_bytes("café".encode("latin-1"))
    window, controller = open_window()
    bar = window.composer.attachment_bar
    qtbot.keyClicks(window.composer.edit, "Summarise these")

    drop_files(window.composer.edit.viewport(), notes, picture, old)
    assert [a.name for a in bar.attachments()] == ["notes.md"]
    assert bar.chip_texts() == [f"notes.md · ≈{at.estimate_tokens(at.file_block(bar.attachments()[0])):,} tokens"]
    warning = bar.warning()
    assert "“photo.png” is not a text file" in warning and "save or export it as plain text" in warning
    assert "“old.txt” is not UTF-8 text" in warning and "save it with the UTF-8 encoding" in warning
    assert window.composer.edit.toPlainText() == "Summarise these"  # nothing typed is lost
    window.grab().save(str(tmp_path / "refused.png"))

    drop_files(window.transcript.viewport(), notes)  # the same file again: not twice
    assert len(bar.attachments()) == 1 and "already attached" in bar.warning()
    other = tmp_path / "more.txt"
    other.write_text("more notes\n")
    drop_files(window.transcript.viewport(), other)
    assert [a.name for a in bar.attachments()] == ["notes.md", "more.txt"] and bar.warning() == ""
    window.grab().save(str(tmp_path / "two-files.png"))

    chip = bar._chips[0]
    assert chip.remove_button.accessibleName() == "Remove notes.md"
    qtbot.mouseClick(chip.remove_button, Qt.LeftButton)
    assert [a.name for a in bar.attachments()] == ["more.txt"]
    qtbot.mouseClick(bar._chips[0].remove_button, Qt.LeftButton)
    assert bar.attachments() == [] and not bar.isVisible()
    assert window.composer.edit.toPlainText() == "Summarise these"


def test_a_file_too_big_for_the_context_is_flagged_before_sending(qtbot, open_window, starter_installed,
                                                                  cove_home, tmp_path, monkeypatch):
    write_settings(cove_home, GREEDY, engine={"n_ctx": 512})
    big = tmp_path / "report.md"
    big.write_text("The quarterly report covers sales, hiring and the new office in Lisbon.\n" * 60)
    window, controller = open_window()
    wait_ready(qtbot, controller)
    bar = window.composer.attachment_bar
    attach_with_button(qtbot, window, monkeypatch, big)
    qtbot.waitUntil(lambda: exact_counts(bar) and bool(bar.warning()), timeout=30_000)
    warning = bar.warning()
    assert "too many for the model's context of 512 tokens" in warning
    assert "Remove a file" in warning and "raise “Context size” in Settings" in warning
    assert bar.warning_label.isVisible()
    window.grab().save(str(tmp_path / "warning.png"))

    # A file that fits by itself, but not with the conversation so far: the oldest messages would go.
    small = tmp_path / "small.md"
    small.write_text("A short note about the office.\n")
    attach_with_button(qtbot, window, monkeypatch, small)
    qtbot.mouseClick(bar._chips[0].remove_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bar.warning() == "", timeout=5_000)
    monkeypatch.setattr(controller.attachment_actions, "conversation_tokens", lambda conversation: 480)
    controller.attachment_actions.check()
    assert "the conversation takes about" in bar.warning()
    assert "the oldest messages will be left out" in bar.warning() and "start a new chat" in bar.warning()
