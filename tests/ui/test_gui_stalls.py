"""The window's thread does no disk work and no long build where benchmarks/ui_latency.py found stalls.

Each test counts work done on the GUI thread (the parts built per turn of the event loop, the
threads the disk is read on), never wall time: issue 14's "ui_latency still meets its target".
"""

import threading

from PySide6.QtCore import QTimer

from app.core import download_queue as q
from app.core import paths
from app.core.models import ModelLibrary
from app.ui.chat.status_presenter import GENERATING
from tests.core.test_downloads import REPO, payload


def record_threads(monkeypatch, owner, name: str) -> list:
    """Patch owner.name to note the thread each call runs on (then do what it did)."""
    calls, real = [], getattr(owner, name)

    def recorded(*args, **kwargs):
        calls.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return calls


def test_the_notes_dialog_shows_at_once_then_builds_one_part_a_turn_reading_nothing_on_the_gui_thread(
        qtbot, open_window, no_starter, monkeypatch):
    """Built and filled in one turn it froze the window 35-50 ms on a busy machine, while a pass ran;
    which embedding model is installed (a header read per model file) was looked for on the GUI thread."""
    from app.ui.notes import meaning_search, notes_dialog

    looked = record_threads(monkeypatch, meaning_search, "installed_embedding_model")
    built = []
    real_build = notes_dialog.NotesDialog.build_part
    monkeypatch.setattr(notes_dialog.NotesDialog, "build_part",
                        lambda self, part: built.append(part) or real_build(self, part))
    window, controller = open_window()
    notes = controller.notes_actions
    looked.clear()
    notes.open_dialog()
    dialog = notes.dialog
    assert dialog.isVisible() and built == [] and not notes.is_filled()  # shown first, built after
    notes._step_timer.timeout.connect(lambda: built.append("|"))  # marks the end of each turn's step
    qtbot.waitUntil(notes.is_filled, timeout=10_000)
    assert built == ["folders", "|", "unreadable", "|", "progress", "|"]  # one part a turn, the folders first
    qtbot.waitUntil(lambda: "Download an embedding model" in dialog.meaning_label.text(), timeout=10_000)
    assert looked and threading.main_thread() not in looked
    assert dialog.folders_table.model() is notes.folders and dialog.add_button.isEnabled()

    # Opened again: nothing is built again, and the model is looked for off the GUI thread again.
    dialog.hide()
    looked.clear()
    notes.open_dialog()
    qtbot.waitUntil(lambda: bool(looked), timeout=10_000)
    assert threading.main_thread() not in looked and built == ["folders", "|", "unreadable", "|", "progress", "|"]


def test_a_part_of_the_notes_dialog_asked_for_before_its_turn_is_there_at_once(qtbot, open_window, no_starter):
    window, controller = open_window()
    notes = controller.notes_actions
    notes.open_dialog()
    assert not notes.is_filled()
    assert notes.dialog.pause_button.text() == "Pause"  # built, wired and filled now
    assert notes.is_filled() and notes.dialog.folders_table.model() is notes.folders
    qtbot.wait(50)  # the steps left in the event loop find nothing to do
    assert notes.is_filled() and notes.dialog.body.count() == 4


def test_a_finished_download_is_listed_off_the_gui_thread(qtbot, open_window, no_starter, hub_server, monkeypatch):
    """The picker, the installed list, the embedding section and the notes' meaning line each looked
    through the models folder on the GUI thread when a download completed, reading the new file's
    header (a 234 ms stall on a busy machine)."""
    data = payload(11, 300_000)
    hub_server.add_file(REPO, "done-Q4_K_M.gguf", data)
    window, controller = open_window()
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    qtbot.waitUntil(mc.is_filled, timeout=10_000)
    listed = record_threads(monkeypatch, ModelLibrary, "installed")
    finished = []
    controller.model_sources.downloads.item_changed.connect(
        lambda item: finished.append(item) if item.state == q.DONE else None)
    QTimer.singleShot(0, lambda: mc.start_download(REPO, "done-Q4_K_M.gguf"))
    qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
    installed = paths.current().models_dir / "acme" / "Tiny-GGUF" / "done-Q4_K_M.gguf"
    qtbot.waitUntil(lambda: window.model_picker.findData(str(installed)) >= 0, timeout=10_000)
    qtbot.waitUntil(lambda: controller.tasks.running() == 0, timeout=10_000)
    assert installed.read_bytes() == data and models.isVisible()
    assert len(listed) >= 3 and threading.main_thread() not in listed  # picker, rows, embedding section


def test_showing_a_conversation_again_does_not_read_the_disk_on_the_gui_thread(
        qtbot, open_window, starter_installed, monkeypatch):
    """Each time a conversation was shown, the notes index was opened (is there a folder?) and the
    models folder listed (which model is picked?), on the GUI thread."""
    from app.ui.chat import notes_chat_actions

    window, controller = open_window()
    store = controller.store
    ids = []
    for text in ("first chat", "second chat"):
        conversation = store.create_conversation()
        store.add_user_message(conversation.id, text)
        answer = store.begin_answer(conversation.id, "model.gguf", {})
        store.finish_answer(answer.id, f"An answer to the {text}.", "complete")
        ids.append(conversation.id)
    controller.conversations.refresh()
    assert controller.models.current_model() is not None  # a model is picked: its line is shown
    listed = record_threads(monkeypatch, ModelLibrary, "installed")
    looked = record_threads(monkeypatch, notes_chat_actions.asking, "has_folders")
    for conversation_id in ids * 2:
        controller.open_conversation(conversation_id)
    controller.new_chat()
    assert "first chat" in (controller.open_conversation(ids[0]) or window.transcript.plain_text())
    assert listed == [] and looked == []
    assert controller.models.current_model().path == starter_installed


def test_a_streaming_answer_calls_no_python_slot_of_the_message_highlight(qtbot, open_window, no_starter,
                                                                         monkeypatch):
    """Every change of the transcript's document called MessageFlash.clear (several per render of a
    streaming answer), and every event of its viewport (each paint) the file-drop event filter: each
    Python call from Qt waited for the GIL behind the busy background threads."""
    from app.ui.widgets import message_flash

    cleared = []
    real_clear = message_flash.MessageFlash.clear
    monkeypatch.setattr(message_flash.MessageFlash, "clear", lambda self: cleared.append(1) or real_clear(self))
    window, controller = open_window()
    store, transcript = controller.store, window.transcript
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "Tell me a story.")
    answer = store.begin_answer(conversation.id, "model.gguf", {})
    cleared.clear()
    transcript.show_messages(store.branch(conversation.id), live_answer_id=answer.id, live_text="")
    for word in ("Once", " upon", " a", " time", "\n\n", "a dragon", " slept."):
        transcript.append_answer_text(word)
        transcript._render_live()
    assert "a dragon slept." in transcript.plain_text() and cleared == []
    drops = controller.attachment_actions.drops  # no Python event filter on the transcript: it takes drops itself
    assert window.composer.edit.viewport() in drops.watched and transcript.viewport() not in drops.watched

    # A highlight shown is still cleared by the next change of the document.
    flash = controller.search_actions.flash
    assert flash.flash(answer.id) and flash.range is not None
    transcript.append_answer_text(" The end.")
    transcript._render_live()
    assert flash.range is None and cleared and transcript.extraSelections() == []


def test_the_busy_sample_starts_no_thread_of_its_own(qtbot, monkeypatch):
    """Each sample started a threading.Thread, and Thread.start() waits until the new thread has run:
    on a busy machine the window froze as an answer started and every 2 s after."""
    import threading

    from tests.ui.test_status_busy import FakeWatch, make

    started = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda self: started.append(
        getattr(getattr(self, "_target", None), "__qualname__", "")) or real_start(self))
    presenter, label = make(qtbot)
    sampled = []

    class ThreadWatch(FakeWatch):
        def busy(self):
            sampled.append(threading.current_thread())
            return super().busy()

    presenter.cpu_watch = ThreadWatch()
    presenter.set_state(GENERATING, "Generating…")
    qtbot.waitUntil(lambda: len(sampled) == 1 and not presenter._sampling)
    presenter.cpu_watch.answers = [True]
    presenter.busy_timer.timeout.emit()
    qtbot.waitUntil(lambda: presenter.busy)
    assert not [name for name in started if "_sample_in_background" in name]  # the sample's own thread
    assert threading.main_thread() not in sampled and len(sampled) == 2


def test_the_window_takes_the_gil_back_within_a_millisecond(qtbot, open_window, no_starter):
    """Notes indexing and downloads run Python on their own threads; each Python call Qt makes on the
    GUI thread (a slot, a delegate, a filter) waited up to 5 ms (Python's default switch interval) for
    the GIL: twenty in one layout froze the window for up to 100 ms while notes were indexed."""
    import sys

    from app.ui import main as ui_main

    window, _controller = open_window()
    assert window.isVisible() and sys.getswitchinterval() <= ui_main.GIL_SWITCH_INTERVAL_S == 0.001
