"""The Notes folders dialog's item models and texts, without any widget."""

from pathlib import Path

from PySide6.QtCore import Qt

from app.core import paths
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer, Progress, SyncResult
from app.ui.notes.notes_actions import sync_report
from app.ui.notes.notes_folder_model import (
    NotesFolderModel,
    UnreadableFilesModel,
    percent,
    progress_text,
    read_overview,
)


def test_progress_reads_as_files_passages_and_time_left():
    p = Progress("/notes", 120, 200, 640, 7.5, 5.2)
    assert progress_text(p) == "120 of 200 files · 640 passages · about 5 s left"
    assert percent(p) == 60
    done = Progress("/notes", 1, 1, 1, 0.1, 0.0)
    assert progress_text(done) == "1 of 1 file · 1 passage" and percent(done) == 100
    assert progress_text(Progress("/n", 3, 10, 4, 1.0, None)) == "3 of 10 files · 4 passages"
    assert progress_text(Progress("/n", 1200, 5000, 64000, 60.0, 190.0)).endswith("about 3 min 10 s left")
    assert percent(Progress("/n", 0, 0, 0, 0.0, None)) == 100  # an empty folder is finished at once


def test_folder_rows_show_counts_and_when_last_indexed(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    for i in range(3):
        (folder / f"n{i}.md").write_text(f"# Note {i}\n\nText of note {i} about otters.\n")
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    index_path = paths.current().ensure().notes_index
    assert read_overview(index_path).roots == []  # no index yet: nothing, and no file created
    assert not index_path.exists()
    with NotesIndex(index_path) as index:
        root = index.add_root(folder)
        never = NotesFolderModel()
        never.set_rows(index.roots())
        assert never.index(0, 3).data() == "not yet"
        Indexer(index).sync(root)
    overview = read_overview(index_path)
    model = NotesFolderModel()
    model.set_rows(overview.roots)
    assert model.rowCount() == 1 and model.columnCount() == 4
    assert [model.headerData(c, Qt.Horizontal) for c in range(4)] == ["Folder", "Files", "Passages", "Last indexed"]
    assert model.index(0, 0).data() == str(folder) and model.path_at(0) == str(folder)
    assert model.index(0, 1).data() == "3" and int(model.index(0, 2).data()) >= 3
    assert model.index(0, 3).data()[:2] == "20"  # a date, shown in local time
    assert model.path_at(5) is None

    bad = UnreadableFilesModel()
    bad.set_rows(overview.unreadable)
    assert bad.rowCount() == 1
    assert bad.index(0, 0).data() == "broken.pdf" and bad.index(0, 1).data()
    assert bad.index(0, 0).data(Qt.ToolTipRole) == str(Path(folder) / "broken.pdf")


def test_a_pass_is_reported_in_the_same_words_as_the_command_line():
    result = SyncResult(files=200, read=198, unchanged=0, renamed=1, unreadable=1, passages=640, seconds=1.26)
    assert sync_report("/notes", result) == ("200 files in /notes; 198 read; 0 unchanged; 1 renamed; "
                                             "640 new passages in 1.3 s. 1 file could not be read: see the list.")
    assert "cancelled" in sync_report("/notes", SyncResult(cancelled=True))
