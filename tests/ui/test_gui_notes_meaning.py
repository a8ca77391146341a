"""Meaning search in the window, with the real all-MiniLM-L6-v2 in the window's own engine: after a
folder's pass its passages are embedded (progress in the Notes dialog), the dialog says meaning search
is on, and the notes toggle's lookup finds a note worded unlike the question."""

import shutil

from PySide6.QtCore import Qt

from app.core import paths
from app.core.notes import asking, retrieval
from app.core.notes.index import NotesIndex
from app.core.notes.vectors import VectorStore
from tests.ui.test_gui_notes_folders import open_notes, pick_folder

QUESTION = "cost of mending our water heater"  # not one word in common with any note


def write_vault(folder):
    folder.mkdir()
    (folder / "house.md").write_text("# House\n\n## Heating\n\nInvoice for the boiler repair: 2,340 EUR, "
                                     "paid to Lopez Plumbing in March.\n")
    (folder / "garden.md").write_text("# Garden\n\nPlant the tulip bulbs in October, ten centimetres deep.\n")
    (folder / "trip.md").write_text("# Lisbon\n\nThe hotel is near the river; the flight leaves at 7:40.\n")
    return folder


def test_meaning_search_in_the_window(qtbot, open_window, no_starter, minilm, tmp_path, monkeypatch):
    folder = write_vault(tmp_path / "vault")
    window, controller = open_window()
    dialog = open_notes(qtbot, window, controller)
    qtbot.waitUntil(lambda: "Download an embedding model" in dialog.meaning_label.text(), timeout=5_000)  # what the user gains, and how (looked for on the pool)

    models_dir = paths.current().models_dir
    models_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(minilm, models_dir / minilm.name)  # as a finished download would leave it
    meaning = controller.notes_actions.meaning
    progress = []
    meaning.progressed.connect(lambda done, total: progress.append((done, total)))
    pick_folder(monkeypatch, folder)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(progress) and progress[-1][0] == progress[-1][1] == 3, timeout=120_000)
    assert f"Meaning search is on ({minilm.name})" in dialog.meaning_label.text()
    with VectorStore(paths.current().notes_vectors) as vectors:
        assert vectors.count() == 3

    with NotesIndex(paths.current().notes_index) as index:
        assert retrieval.search(index, QUESTION) == []  # keyword search alone finds nothing
        with meaning.opened() as pair:
            assert pair is not None
            hits = retrieval.search(index, QUESTION, meaning=pair)
    assert hits[0].path == "house.md"

    # The lookup "Use my notes" runs for a question, through the same hook.
    with controller.notes_chat.meaning() as pair:
        found = asking.find(paths.current().notes_index, QUESTION, [{"role": "user", "content": QUESTION}],
                            4096, 256, meaning=pair)
    assert found.sources and found.sources[0].path == "house.md"
