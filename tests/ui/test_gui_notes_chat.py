"""Notes in the window, without the model: the "Use my notes" toggle, the Sources under an answer,
the note viewer (current, changed, deleted note), Save as note, and the admin policy."""

import errno
import os
import re
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from app.core import paths
from app.core.notes import retrieval, writing
from app.core.notes.index import NotesIndex
from app.ui.notes.note_viewer_dialog import NoteViewerDialog
from tests.ui.notes_chat_support import (
    MARKET,
    PASSAGE,
    add_folder,
    answer_with_sources,
    click_link,
    make_vault,
)


def open_source(qtbot, controller, answer_id, number=1) -> NoteViewerDialog:
    with qtbot.waitSignal(controller.notes_chat.viewer_opened, timeout=10_000) as opened:
        click_link(controller.window.transcript, f"cove:source/{answer_id}-{number}")
    return opened.args[0]


def test_toggle_is_remembered_per_conversation_across_reopening(qtbot, open_window, no_starter, tmp_path):
    add_folder(make_vault(tmp_path))
    window, controller = open_window()
    store = controller.store
    first = store.create_conversation(title="With notes").id
    second = store.create_conversation(title="Without").id
    controller.conversations.refresh()
    controller.open_conversation(first)
    button = window.use_notes_button
    assert button.isEnabled() and not button.isChecked() and "notes folders" in button.toolTip()
    qtbot.mouseClick(button, Qt.LeftButton)
    assert button.isChecked() and store.conversation(first).use_notes
    controller.open_conversation(second)
    assert not button.isChecked()
    controller.shutdown()
    window.close()

    window2, controller2 = open_window()
    assert not window2.use_notes_button.isChecked()  # a new chat starts without
    controller2.open_conversation(first)
    assert window2.use_notes_button.isChecked()
    qtbot.mouseClick(window2.use_notes_button, Qt.LeftButton)
    assert not controller2.store.conversation(first).use_notes


def test_no_notes_folder_offers_to_add_one(qtbot, open_window, no_starter, monkeypatch):
    window, controller = open_window()
    asked = []
    monkeypatch.setattr("app.ui.chat.notes_chat_actions.QMessageBox.question",
                        lambda *a, **k: asked.append(a[2]) or 0x00004000)  # Yes
    button = window.use_notes_button
    assert button.isEnabled() and "no notes folders yet" in button.toolTip().lower()
    with qtbot.waitSignal(controller.notes_chat.add_folder_requested, timeout=2000):
        qtbot.mouseClick(button, Qt.LeftButton)
    assert not button.isChecked() and "Add a notes folder now?" in asked[0]


def test_policy_off_disables_the_toggle(qtbot, open_window, no_starter, admin_policy, tmp_path):
    add_folder(make_vault(tmp_path))
    admin_policy('notes = false\nmessage = "Ask IT."\n')
    window, controller = open_window()
    conversation = controller.store.create_conversation(title="x")
    controller.store.set_use_notes(conversation.id, True)  # remembered from before the policy
    controller.open_conversation(conversation.id)
    button = window.use_notes_button
    assert not button.isEnabled() and not button.isChecked()
    assert "administrator" in button.toolTip() and "Ask IT." in button.toolTip()


def test_sources_are_listed_and_a_citation_opens_the_passage(qtbot, open_window, no_starter, tmp_path,
                                                            monkeypatch):
    add_folder(make_vault(tmp_path))
    window, controller = open_window()
    conversation_id, answer_id = answer_with_sources(controller.store)
    controller.conversations.refresh()
    controller.open_conversation(conversation_id)
    shown = window.transcript.plain_text()
    assert "Sources" in shown and "[1] ferry.md › Trips > Ferry · line 5 · cited" in shown
    assert "garden.md" not in shown  # only what was retrieved
    page = window.transcript.toHtml()
    # "[1]" in the answer is a link (Qt wraps the link's text in a styled span)
    assert re.search(rf'nine \[<a href="cove:source/{answer_id}-1"><span[^>]*>1</span></a>\]', page)
    dialog = open_source(qtbot, controller, answer_id)
    assert dialog.isVisible() and dialog.highlighted_text() == PASSAGE
    assert not dialog.state.isVisible() and dialog.text.toPlainText().startswith("# Trips")
    opened = []
    monkeypatch.setattr("app.ui.notes.note_viewer_dialog.QDesktopServices.openUrl", opened.append)
    qtbot.mouseClick(dialog.open_button, Qt.LeftButton)
    assert opened and opened[0].toLocalFile() == str(tmp_path / "vault" / "ferry.md")


def test_a_changed_or_deleted_note_shows_the_stored_passage(qtbot, open_window, no_starter, tmp_path):
    vault = make_vault(tmp_path)
    add_folder(vault)
    window, controller = open_window()
    conversation_id, answer_id = answer_with_sources(controller.store)
    controller.open_conversation(conversation_id)
    note = vault / "ferry.md"
    note.write_text(note.read_text().replace("nine", "ten"))
    changed = open_source(qtbot, controller, answer_id)
    assert changed.highlighted_text() == PASSAGE and changed.text.toPlainText() == PASSAGE
    assert changed.state.isVisible() and "changed" in changed.state.text()
    note.unlink()
    gone = open_source(qtbot, controller, answer_id)
    assert gone.highlighted_text() == PASSAGE and "no longer there" in gone.state.text()
    assert not gone.open_button.isEnabled()
    gone.close()
    controller.shutdown()
    window.close()
    window2, controller2 = open_window()  # reopened: the old answer still lists what it was based on
    controller2.open_conversation(conversation_id)
    assert "[1] ferry.md › Trips > Ferry · line 5 · cited" in window2.transcript.plain_text()
    assert open_source(qtbot, controller2, answer_id).highlighted_text() == PASSAGE


def test_save_answer_as_note_writes_markdown_found_by_search(qtbot, open_window, no_starter, tmp_path):
    vault = make_vault(tmp_path)
    add_folder(vault)
    window, controller = open_window()
    conversation_id, answer_id = answer_with_sources(controller.store, "Pack a zebra-striped umbrella [1].")
    controller.open_conversation(conversation_id)
    with qtbot.waitSignal(controller.note_saving.dialog_opened, timeout=5000) as opened:
        click_link(window.transcript, f"cove:savenote/{answer_id}")
    dialog = opened.args[0]
    assert dialog.title_edit.text() == "When does the ferry to Tallinn leave?"
    assert dialog.folder() == str(vault)
    dialog.tags_edit.setText("travel, ferry")
    with qtbot.waitSignal(controller.note_saving.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    path = saved.args[0]
    assert path == str(vault / "When does the ferry to Tallinn leave.md")
    front = writing.parse_front_matter(Path(path).read_text())
    assert front["tags"] == ["travel", "ferry"] and front["source_conversation"] == conversation_id
    assert front["source_message"] == answer_id
    assert window.statusBar().currentMessage() == f"Saved to {path}"
    assert controller.settings.notes_folder == str(vault)
    with NotesIndex(paths.current().notes_index) as index:
        hits = retrieval.search(index, "zebra-striped umbrella")
    assert hits and hits[0].path == "When does the ferry to Tallinn leave.md"


def test_save_conversation_and_selection_and_a_full_disk(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    vault = make_vault(tmp_path)
    add_folder(vault)
    window, controller = open_window()
    conversation_id, _answer_id = answer_with_sources(controller.store)
    controller.open_conversation(conversation_id)
    with qtbot.waitSignal(controller.note_saving.dialog_opened, timeout=5000) as opened:
        window.save_conversation_note_action.trigger()
    dialog = opened.args[0]
    assert dialog.title_edit.text() == "Ferry"
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr("app.core.notes.writing.os.link", full)  # the disk fills up as the note is written
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert "is full" in dialog.error_label.text() and "No note was written" in dialog.error_label.text()
    assert dialog.isVisible()
    assert sorted(p.name for p in vault.iterdir()) == ["ferry.md", "garden.md"]  # nothing half-written
    assert dialog.title_edit.text() == "Ferry"  # what was typed is still there
    with qtbot.waitSignal(controller.note_saving.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)  # and saving again works
    saved_text = Path(saved.args[0]).read_text()
    assert "When does the ferry to Tallinn leave?" in saved_text and "It leaves at nine [1]." in saved_text

    cursor = window.transcript.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(cursor.MoveOperation.End, cursor.MoveMode.KeepAnchor)
    window.transcript.setTextCursor(cursor)
    menu = controller.note_saving.menu_for(QPoint(20, 20))  # the right-click menu
    texts = [a.text() for a in menu.actions()]
    [save] = [a for a in menu.actions() if a.text() == "Save selection as note…"]
    assert save.isEnabled() and any("Copy" in t for t in texts)
    with qtbot.waitSignal(controller.note_saving.dialog_opened, timeout=5000) as opened:
        save.trigger()
    selection = opened.args[0]
    selection.title_edit.setText("Selected bit")
    with qtbot.waitSignal(controller.note_saving.saved, timeout=10_000) as saved:
        qtbot.mouseClick(selection.save_button, Qt.LeftButton)
    assert "It leaves at nine" in Path(saved.args[0]).read_text()


def test_screenshots_of_an_answer_with_sources_and_of_the_viewer(qtbot, open_window, no_starter, tmp_path):
    """Light and dark, a large and a small window: saved where COVE_SCREENSHOTS says (to look at)."""
    from dataclasses import replace

    add_folder(make_vault(tmp_path))
    window, controller = open_window()
    conversation_id, answer_id = answer_with_sources(
        controller.store, "The ferry to Tallinn leaves at **nine in the morning** from pier four [1]. "
                          "Eat at the covered market near the station [2].",
        question="When does the ferry to Tallinn leave, and where do we eat at the market?")
    controller.store.set_use_notes(conversation_id, True)
    sources = controller.store.sources_for([answer_id])[answer_id]
    assert {s.text for s in sources} >= {PASSAGE, MARKET}
    controller.conversations.refresh()
    controller.open_conversation(conversation_id)
    out = Path(os.environ.get("COVE_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        controller.update_settings(replace(controller.settings, appearance=replace(
            controller.settings.appearance, theme=theme)))
        for width, height in ((1366, 860), (800, 500)):
            # The conversation list needs room: at 800 pixels it is hidden (Ctrl+B), as a user would.
            if window.sidebar.isVisible() != (width > 860):
                window.toggle_sidebar_action.trigger()
                qtbot.wait(50)  # the window's minimum size follows at the next layout
            window.resize(width, height)
            qtbot.wait(50)
            image = window.grab()
            assert image.width() == width and image.height() == height
            assert image.save(str(out / f"answer-sources-{theme}-{width}.png"))
            wanted = PASSAGE if width > 1000 else MARKET  # the other passage in the small window
            number = next(s.number for s in sources if s.text == wanted)
            viewer = open_source(qtbot, controller, answer_id, number)
            viewer.resize(min(720, width - 40), min(560, height - 40))
            qtbot.wait(50)
            assert viewer.highlighted_text() == wanted
            assert viewer.grab().save(str(out / f"viewer-{theme}-{width}.png"))
            viewer.close()
        with qtbot.waitSignal(controller.note_saving.dialog_opened, timeout=5000) as opened:
            click_link(window.transcript, f"cove:savenote/{answer_id}")
        qtbot.wait(50)
        assert opened.args[0].grab().save(str(out / f"save-note-{theme}.png"))
        opened.args[0].reject()
    assert len(list(out.glob("*.png"))) == 10


def test_viewer_scrolls_to_a_passage_far_down_a_long_note(qtbot, open_window, no_starter, tmp_path):
    vault = make_vault(tmp_path)
    filler = "\n\n".join(f"Filler paragraph number {n} about nothing much." for n in range(300))
    (vault / "long.md").write_text(f"# Log\n\n{filler}\n\n## Lighthouse\n\nThe lighthouse keeper feeds the cat at dawn.\n")
    add_folder(vault)
    window, controller = open_window()
    conversation_id, answer_id = answer_with_sources(controller.store, "At dawn [1].",
                                                     question="Who feeds the lighthouse cat?")
    controller.open_conversation(conversation_id)
    [number] = [s.number for s in controller.store.sources_for([answer_id])[answer_id] if "lighthouse" in s.text]
    viewer = open_source(qtbot, controller, answer_id, number)
    qtbot.waitExposed(viewer)
    assert viewer.highlighted_text() == "The lighthouse keeper feeds the cat at dawn."
    text = viewer.text
    assert text.verticalScrollBar().value() > 0  # scrolled down to it
    assert text.viewport().rect().contains(text.cursorRect().center())  # and it is in view
