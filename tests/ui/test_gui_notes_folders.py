"""Notes › Notes folders…, driven with pytest-qt through its real buttons: add, progress, pause, watch, remove, quit."""

import sqlite3
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core import paths
from app.core.notes import indexer as indexer_mod
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.retrieval import search


def make_notes(folder, count: int):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"note-{i:04d}.md").write_text(
            f"# Meeting {i}\n\nWe talked about project {i} and the budget.\n\n## Actions\n\n- call supplier {i}\n")
    return folder


def slow_passages(monkeypatch, seconds: float):
    """Each file takes `seconds` to read, so there is time to pause, look and quit in the middle."""
    real = indexer_mod.passages_of

    def slow(name, data):
        time.sleep(seconds)
        return real(name, data)

    monkeypatch.setattr(indexer_mod, "passages_of", slow)
    return real


def pick_folder(monkeypatch, folder):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))


def open_notes(qtbot, window, controller):
    qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier)
    dialog = controller.notes_actions.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def folder_rows(controller) -> dict:
    model = controller.notes_actions.folders
    return {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
            for r in range(model.rowCount())}


def test_add_200_notes_with_progress_pause_and_resume(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    folder = make_notes(tmp_path / "vault", 200)
    slow_passages(monkeypatch, 0.01)
    window, controller = open_window()
    dialog = open_notes(qtbot, window, controller)
    service = controller.notes_actions.service
    seen = []
    service.progressed.connect(seen.append)
    pick_folder(monkeypatch, folder)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1].files_done >= 10, timeout=20_000)
    assert dialog.progress_box.isVisible() and "of 200 files" in dialog.progress_bar.format()
    assert window.notes_indicator.isVisible() and window.notes_indicator.text().startswith("Indexing notes ")

    qtbot.mouseClick(dialog.pause_button, Qt.LeftButton)
    assert dialog.resume_button.isVisible() and not dialog.pause_button.isVisible()
    qtbot.wait(1000)  # the file being read when Pause was clicked finishes (slowly on a busy machine)
    held = seen[-1].files_done
    bar = dialog.progress_bar.value()
    qtbot.wait(800)
    assert seen[-1].files_done == held < 200 and dialog.progress_bar.value() == bar
    assert "paused" in window.notes_indicator.text()

    # The indicator opens the dialog.
    dialog.close()
    qtbot.mouseClick(window.notes_indicator, Qt.LeftButton)
    assert dialog.isVisible()

    qtbot.mouseClick(dialog.resume_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: folder_rows(controller).get(str(folder), ("", ""))[0] == "200", timeout=30_000)
    assert seen[-1].files_done == seen[-1].files_total == 200
    assert dialog.progress_bar.format().startswith("200 of 200 files · ")
    files, passages = folder_rows(controller)[str(folder)]
    assert int(passages.replace(",", "")) >= 200
    qtbot.waitUntil(lambda: not window.notes_indicator.isVisible(), timeout=5_000)
    assert "200 files in" in dialog.message_label.text() and not dialog.unreadable_box.isVisible()


def test_the_window_keeps_the_index_current(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    folder = make_notes(tmp_path / "vault", 5)
    window, controller = open_window()
    dialog = open_notes(qtbot, window, controller)
    pick_folder(monkeypatch, folder)
    with qtbot.waitSignal(controller.notes_actions.service.folder_synced, timeout=20_000):
        qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    reader = NotesIndex(paths.current().notes_index)
    try:
        assert [h.path for h in search(reader, "supplier 3")][0] == "note-0003.md"
        # Edited on disk while the window is open: the watcher the window started follows it.
        (folder / "note-0003.md").write_text("# Meeting 3\n\nThe pelicans approved the harbour plan.\n")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and [h.path for h in search(reader, "pelicans harbour")] != ["note-0003.md"]:
            qtbot.wait(50)
        assert [h.path for h in search(reader, "pelicans harbour")] == ["note-0003.md"]

        # Edited while Cove is closed: the next start reads it again.
        window.close()
        controller.shutdown()
        (folder / "note-0004.md").write_text("# Meeting 4\n\nWalruses chaired the meeting.\n")
        assert search(reader, "walruses") == []
        window2, controller2 = open_window()  # its start-up pass may end before a signal could be awaited
        qtbot.waitUntil(lambda: [h.path for h in search(reader, "walruses")] == ["note-0004.md"], timeout=20_000)
        assert controller2.notes_actions.service.running
    finally:
        reader.close()


def test_remove_asks_first_and_leaves_the_files(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    folder = make_notes(tmp_path / "vault", 3)
    window, controller = open_window()
    dialog = open_notes(qtbot, window, controller)
    pick_folder(monkeypatch, folder)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: folder_rows(controller).get(str(folder), ("", ""))[0] == "3", timeout=20_000)
    assert not dialog.remove_button.isEnabled()  # nothing selected yet
    header = dialog.folders_table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() >= dialog.folders_table.viewport().width() - 2)  # the folder's
    # name takes the room the counts leave (the stretch was lost when the model was set)
    assert header.sectionSize(0) > max(header.sectionSize(c) for c in range(1, header.count()))
    dialog.folders_table.selectRow(0)
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.No))
    qtbot.mouseClick(dialog.remove_button, Qt.LeftButton)
    qtbot.wait(300)
    assert list(folder_rows(controller)) == [str(folder)] and "untouched" in asked[0]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Yes))
    qtbot.mouseClick(dialog.remove_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: folder_rows(controller) == {}, timeout=10_000)
    assert "the files themselves are untouched" in dialog.message_label.text()
    assert sorted(p.name for p in folder.iterdir()) == ["note-0000.md", "note-0001.md", "note-0002.md"]
    with NotesIndex(paths.current().notes_index) as index:
        assert index.counts() == (0, 0, 0)


def test_unreadable_files_are_listed_with_why(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    folder = make_notes(tmp_path / "vault", 2)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    window, controller = open_window()
    dialog = open_notes(qtbot, window, controller)
    pick_folder(monkeypatch, folder)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    unreadable = controller.notes_actions.unreadable
    qtbot.waitUntil(lambda: unreadable.rowCount() == 1, timeout=20_000)
    assert unreadable.index(0, 0).data() == "scan.pdf" and unreadable.index(0, 1).data()
    assert dialog.unreadable_box.isVisible() and "(1)" in dialog.unreadable_label.text()
    assert folder_rows(controller)[str(folder)][0] == "2"


def test_a_folder_outside_the_allowed_roots_is_refused(qtbot, open_window, no_starter, tmp_path, monkeypatch,
                                                       admin_policy):
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    admin_policy(f'notes_roots = ["{allowed}"]\n')
    outside = make_notes(tmp_path / "elsewhere", 2)
    window, controller = open_window()
    dialog = open_notes(qtbot, window, controller)
    assert dialog.policy_label.isVisible() and str(allowed) in dialog.policy_label.text()
    pick_folder(monkeypatch, outside)
    with qtbot.waitSignal(controller.notes_actions.service.failed, timeout=10_000) as failed:
        qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert "administrator" in failed.args[0] and f"Allowed notes folders: {allowed}" in failed.args[0]
    assert dialog.message_label.text() == failed.args[0] and "\n" not in failed.args[0]
    qtbot.wait(300)
    assert folder_rows(controller) == {}
    with NotesIndex(paths.current().notes_index) as index:
        assert index.roots() == []


def test_notes_turned_off_does_nothing_and_says_so(qtbot, open_window, no_starter, admin_policy):
    admin_policy("notes = false\n")
    window, controller = open_window()
    service = controller.notes_actions.service
    assert not service.running
    dialog = open_notes(qtbot, window, controller)
    assert not dialog.add_button.isEnabled() and "turned off" in dialog.policy_label.text()
    with qtbot.waitSignal(service.failed, timeout=2_000) as failed:
        service.add_folder("/tmp")
    assert "turned off" in failed.args[0] and not service.running
    assert not paths.current().notes_index.exists()


def test_quitting_while_indexing_returns_promptly_and_keeps_the_index(qtbot, open_window, no_starter, tmp_path,
                                                                        monkeypatch):
    folder = make_notes(tmp_path / "vault", 200)
    real = slow_passages(monkeypatch, 0.05)  # ten seconds of indexing
    window, controller = open_window()
    dialog = open_notes(qtbot, window, controller)
    seen = []
    controller.notes_actions.service.progressed.connect(seen.append)
    pick_folder(monkeypatch, folder)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1].files_done >= 5, timeout=20_000)
    started = time.monotonic()
    window.close()  # what File › Quit does
    controller.shutdown()
    took = time.monotonic() - started
    print(f"closed in {took:.2f} s")
    assert took < 3.0
    assert not controller.notes_actions.service.running

    index_path = paths.current().notes_index
    assert sqlite3.connect(index_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    monkeypatch.setattr(indexer_mod, "passages_of", real)
    with NotesIndex(index_path) as index:
        files, passages, _bad = index.counts()
        assert 5 <= files < 200 and passages >= files
        root = index.root(folder)
        assert root.last_indexed is None  # the pass did not finish: it is not marked done
        result = Indexer(index).sync(root)
        assert result.unchanged == files and index.counts()[0] == 200


def test_delete_all_my_data_removes_the_index_and_indexing_starts_afresh(qtbot, open_window, no_starter, tmp_path,
                                                                          monkeypatch):
    from app.ui.settings.data_deletion_actions import DataDeletionActions

    folder = make_notes(tmp_path / "vault", 3)
    window, controller = open_window()
    dialog = open_notes(qtbot, window, controller)
    pick_folder(monkeypatch, folder)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: folder_rows(controller).get(str(folder), ("", ""))[0] == "3", timeout=20_000)
    index_path = paths.current().notes_index
    assert index_path.exists()

    monkeypatch.setattr(DataDeletionActions, "confirm", lambda self, parent: (True, False))
    report = controller.settings_actions.data_deletion.run()
    assert "Notes index" in report.summary() and not index_path.exists()
    qtbot.waitUntil(lambda: folder_rows(controller) == {}, timeout=5_000)
    (folder / "note-0000.md").write_text("# Changed\n\nA change after the deletion.\n")
    qtbot.wait(1500)  # the old watcher is gone: nothing recreates the index behind the user's back
    assert not index_path.exists() and sorted(p.name for p in folder.iterdir())[0] == "note-0000.md"

    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)  # and Notes works again
    qtbot.waitUntil(lambda: folder_rows(controller).get(str(folder), ("", ""))[0] == "3", timeout=20_000)
