"""Asking the notes in the window with the real SmolLM2: the toggle on a new chat, passages stored
with the answer and listed under it, the citation opening the passage, regenerate, and a question
the notes do not answer (a quiet line, the answer still comes), Save as note; all of it with every
network socket refused (the privacy tests' guard). The model's wording is not asserted."""

from PySide6.QtCore import Qt

from app.core import paths
from app.core.notes import retrieval
from app.core.notes.index import NotesIndex
from tests.ui.notes_chat_support import PASSAGE, QUESTION, add_folder, click_link, make_vault
from tests.ui.test_gui import ask, wait_ready
from tests.ui.test_privacy_session import no_network  # noqa: F401 - the fixture


def test_question_with_notes_on_stores_and_shows_sources(qtbot, open_window, starter_installed, greedy,
                                                         tmp_path, no_network):  # noqa: F811
    guard, audit = no_network
    add_folder(make_vault(tmp_path))
    window, controller = open_window()
    wait_ready(qtbot, controller)
    qtbot.mouseClick(window.use_notes_button, Qt.LeftButton)  # a new chat: kept until its first message
    assert window.use_notes_button.isChecked()
    with qtbot.waitSignal(controller.answer_finished, timeout=120_000) as done:
        ask(qtbot, window, QUESTION)
    answer_id = done.args[0]
    store = controller.store
    assert store.conversation(controller.conversation_id).use_notes  # remembered by the new conversation
    assert window.use_notes_button.isChecked()
    sources = store.sources_for([answer_id])[answer_id]
    assert sources[0].path == "ferry.md" and sources[0].text == PASSAGE
    assert store.message(store.message(answer_id).parent_id).content == QUESTION  # stored as typed
    shown = window.transcript.plain_text()
    assert "Sources" in shown and "[1] ferry.md › Trips > Ferry · line 5" in shown

    with qtbot.waitSignal(controller.notes_chat.viewer_opened, timeout=10_000) as opened:
        click_link(window.transcript, f"cove:source/{answer_id}-1")
    viewer = opened.args[0]
    assert viewer.highlighted_text() == PASSAGE
    viewer.close()

    with qtbot.waitSignal(controller.answer_finished, timeout=120_000) as again:
        click_link(window.transcript, f"cove:regenerate/{answer_id}")
    regenerated = again.args[0]
    assert regenerated != answer_id
    assert store.sources_for([regenerated])[regenerated][0].text == PASSAGE  # its own passages
    assert store.sources_for([answer_id])[answer_id][0].text == PASSAGE  # the old version keeps its own

    with qtbot.waitSignal(controller.notes_chat.noted, timeout=30_000) as noted, \
            qtbot.waitSignal(controller.answer_finished, timeout=120_000) as other:
        ask(qtbot, window, "Describe a zebra.")
    assert noted.args[0].startswith("Nothing in your notes matches this question")
    assert other.args[0] not in store.sources_for([other.args[0]])
    assert store.message(other.args[0]).status == "complete"

    with qtbot.waitSignal(controller.note_saving.dialog_opened, timeout=5000) as opened:
        click_link(window.transcript, f"cove:savenote/{regenerated}")  # the version on screen
    with qtbot.waitSignal(controller.note_saving.saved, timeout=10_000) as saved:
        qtbot.mouseClick(opened.args[0].save_button, Qt.LeftButton)
    with NotesIndex(paths.current().notes_index) as index:
        words = store.message(regenerated).content.split()[:6]
        assert any(h.file.as_posix() == saved.args[0] for h in retrieval.search(index, " ".join(words) or "x"))
    window.close()
    assert guard.seen == []  # no socket, no name lookup: not in the window, not in the engine
    lines = audit.read_text().splitlines()
    assert [line for line in lines if " start " not in line] == []
