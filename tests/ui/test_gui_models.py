"""The Models window, driven with pytest-qt, against a local server that answers like the Hub."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from app.core import download_queue as q
from app.core import paths
from app.ui.main import build
from tests.core.test_downloads import REPO, payload


@pytest.fixture
def app_window(qtbot, no_starter):
    window, controller = build(paths.current().ensure())
    qtbot.addWidget(window)
    window.show()
    yield window, controller
    controller.shutdown()


def wait_for_rows(qtbot, model, text=None):
    """The Models window lists its rows a moment after it is shown (read off the GUI thread)."""
    qtbot.waitUntil(lambda: model.rowCount() > 0 and (text is None or any(
        text in model.index(r, 0).data() for r in range(model.rowCount()))), timeout=10_000)


def row_of(model, text, column=0):
    for row in range(model.rowCount()):
        if text in model.index(row, column).data():
            return row
    raise AssertionError(f"{text} not in the table")


def test_catalog_shows_fit_labels_and_a_pick_per_family(qtbot, app_window):
    window, controller = app_window
    qtbot.keyClick(window, Qt.Key_M, Qt.ControlModifier)
    models = controller.model_sources.dialog
    assert models is not None and models.isVisible()
    catalog = controller.model_sources.actions.catalog
    wait_for_rows(qtbot, catalog)
    assert catalog.rowCount() == 24
    labels = [catalog.index(r, 3).data() for r in range(catalog.rowCount())]
    assert all(label.split(" ·")[0] in ("fits", "tight", "too large") for label in labels)
    families = {catalog.index(r, 0).data().split()[1] for r in range(catalog.rowCount())
                if catalog.index(r, 0).data().startswith("★")}
    assert len(families) >= 1 and "free memory" in models.machine_label.text()


def test_catalog_says_how_fast_each_model_answers_here_and_stars_none_that_is_slow(qtbot, app_window):
    import json

    from app.core import speed

    window, controller = app_window
    # This machine's answers: a 1 GB model wrote 2 tokens/s, so every catalog model of a few GB is slow here.
    paths.current().speed_file.write_text(json.dumps({"measured": {str(1 << 30): 2.0}}))
    controller.model_sources.open_dialog()
    catalog = controller.model_sources.actions.catalog
    wait_for_rows(qtbot, catalog)
    big = [r for r in range(catalog.rowCount()) if "Qwen2.5 7B" in catalog.index(r, 0).data()
           or "Gemma 2 9B" in catalog.index(r, 0).data()]
    assert len(big) == 4
    for row in big:
        label = catalog.index(row, 3).data()
        assert label.endswith(speed.SLOW) and "recommended" not in label
        assert not catalog.index(row, 0).data().startswith("★")
    if catalog.index(big[0], 3).data().startswith("fits"):  # fits in memory, slow: not shown as a good fit
        assert catalog.index(big[0], 3).data(Qt.ForegroundRole).name() == "#b9770e"
    assert "slow here" in controller.model_sources.dialog.machine_label.text()


def test_search_download_pause_resume_and_use(qtbot, app_window, hub_server):
    data = payload(41, 4_000_000)
    hub_server.add_file(REPO, "tiny-Q4_K_M.gguf", data)
    hub_server.add_file(REPO, "tiny-Q8_0.gguf", payload(42, 1000))
    hub_server.chunk_delay = 0.02  # a slow line, so there is time to pause
    window, controller = app_window
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    models.tabs.setCurrentIndex(2)
    qtbot.keyClicks(models.search_edit, "tiny")
    qtbot.mouseClick(models.search_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: models.search_results.count() == 1, timeout=10_000)
    models.search_results.setCurrentRow(0)
    qtbot.waitUntil(lambda: mc.hub_files.rowCount() == 2, timeout=10_000)
    row = row_of(mc.hub_files, "tiny-Q4_K_M.gguf")
    assert mc.hub_files.index(row, 1).data() == "Q4_K_M" and mc.hub_files.index(row, 2).data() == "4.0 MB"
    models.files_table.selectRow(row)
    qtbot.mouseClick(models.search_download_button, Qt.LeftButton)
    assert models.tabs.currentIndex() == 3
    queue = controller.model_sources.downloads.queue
    qtbot.waitUntil(lambda: queue.items()[0].done > 500_000, timeout=10_000)
    models.downloads_table.selectRow(0)
    assert "%" in mc.download_rows.index(0, 1).data()

    qtbot.mouseClick(models.pause_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: mc.download_rows.index(0, 4).data() == "paused", timeout=10_000)
    assert queue.items()[0].state == q.PAUSED
    part = paths.current().models_dir / "acme" / "Tiny-GGUF" / "tiny-Q4_K_M.gguf.part"
    kept = part.stat().st_size
    assert 0 < kept < len(data)

    hub_server.chunk_delay = 0
    with qtbot.waitSignal(mc.models_changed, timeout=20_000):
        qtbot.mouseClick(models.resume_button, Qt.LeftButton)
    assert hub_server.ranges("tiny-Q4_K_M.gguf")[-1] == f"bytes={kept}-"
    installed = paths.current().models_dir / "acme" / "Tiny-GGUF" / "tiny-Q4_K_M.gguf"
    assert installed.read_bytes() == data
    # The new model is offered in the main window's picker (listed on the pool) and listed as installed.
    qtbot.waitUntil(lambda: window.model_picker.findData(str(installed)) >= 0, timeout=10_000)
    wait_for_rows(qtbot, mc.installed, "tiny-Q4_K_M")
    assert row_of(mc.installed, "tiny-Q4_K_M") >= 0


def test_a_download_row_says_connecting_and_why_it_failed_with_a_retry_link(qtbot, app_window, hub_server):
    window, controller = app_window
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    rows = mc.download_rows
    # Before the Hub has answered: every column says something, the state says what is happening.
    rows.update_item(q.QueueItem(id=999, repo_id=REPO, filename="x.gguf", state=q.DOWNLOADING, connecting=True))
    cells = [rows.index(0, column).data() for column in range(5)]
    assert cells[4] == "connecting…" and all(cells), cells
    rows.set_rows([])

    mc.start_download("nobody/Missing-GGUF", "missing.gguf")
    qtbot.waitUntil(lambda: rows.index(0, 4).data().startswith("failed:"), timeout=10_000)
    state = rows.index(0, 4).data()
    assert "has no such model or file" in state and state.endswith(" — Retry") and "Check the name" not in state
    models.downloads_table.selectRow(0)
    assert models.resume_button.text() == "Retry" and models.resume_button.isEnabled()
    assert "Check the name" in models.downloads_note.text()  # the whole reason, with what to do

    # The link in the row retries: with the file now on the Hub, the download completes.
    hub_server.add_file("nobody/Missing-GGUF", "missing.gguf", payload(43, 2000))
    table = models.downloads_table
    cell = table.visualRect(rows.index(0, 4))
    link = QPoint(cell.right() - 6 - table.fontMetrics().horizontalAdvance("Retry") // 2, cell.center().y())
    with qtbot.waitSignal(mc.models_changed, timeout=20_000):
        qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=link)
    assert rows.index(0, 4).data() == "done" and models.resume_button.text() == "Resume"
    assert models.downloads_note.text() == models.downloads_help


def test_delete_frees_the_disk(qtbot, app_window, smollm2, monkeypatch):
    window, controller = app_window
    target = paths.current().models_dir / smollm2.name
    target.write_bytes(smollm2.read_bytes())
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    qtbot.waitUntil(mc.is_filled, timeout=10_000)
    mc.refresh_installed()
    wait_for_rows(qtbot, mc.installed, "SmolLM2")
    row = row_of(mc.installed, "SmolLM2")
    assert mc.installed.index(row, 2).data() == "Q4_1" and mc.installed.index(row, 4).data() == "8,192"
    models.tabs.setCurrentIndex(0)
    models.installed_table.selectRow(row)
    monkeypatch.setattr("app.ui.models.models_actions.QMessageBox.question", lambda *a, **k: QMessageBox.Yes)
    with qtbot.waitSignal(mc.models_changed):
        qtbot.mouseClick(models.delete_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: mc.installed.rowCount() == 0, timeout=10_000)
    assert not target.exists() and mc.installed.rowCount() == 0
    qtbot.waitUntil(lambda: not window.model_picker.isEnabled(), timeout=10_000)  # listed on the pool


def test_network_settings_are_validated_and_saved(qtbot, app_window):
    window, controller = app_window
    models = controller.model_sources.open_dialog()
    models.tabs.setCurrentIndex(4)
    models.endpoint_edit.setText("mirror.local")
    qtbot.mouseClick(models.network_save_button, Qt.LeftButton)
    assert "not a web address" in models.network_status.text()
    assert controller.settings.hub.endpoint == ""
    models.endpoint_edit.setText("http://mirror.corp.example:8080/")
    models.token_edit.setText("hf_secret_token")
    models.offline_check.setChecked(True)
    qtbot.mouseClick(models.network_save_button, Qt.LeftButton)
    assert controller.settings.hub.endpoint == "http://mirror.corp.example:8080"
    assert controller.settings.hub.offline is True
    saved = paths.current().settings_file.read_text()
    assert "mirror.corp.example" in saved and "hf_secret_token" not in saved
    assert (paths.current().data_dir / "hub-token").read_text() == "hf_secret_token"
    assert models.token_edit.text() == "" and "saved" in models.token_edit.placeholderText()
    # Offline: searching refuses at once, with a message.
    models.tabs.setCurrentIndex(2)
    models.search_edit.setText("anything")
    qtbot.mouseClick(models.search_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "offline" in models.search_status.text(), timeout=5_000)


def test_embedding_models_have_their_own_section_and_never_reach_the_picker(qtbot, app_window):
    from tests.support.embedding_models import write_tiny_bert
    from tests.support.tiny_models import write_tiny_model

    window, controller = app_window
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    section = mc.embedding_catalog.model
    assert section.rowCount() == 3 and mc.catalog.rowCount() == 24  # the chat catalog is unchanged
    names = {section.index(r, 0).data() for r in range(section.rowCount())}
    assert names == {"nomic-embed-text v1.5", "bge-small-en v1.5", "multilingual-e5-small"}
    assert models.embedding_note.text().startswith("Find notes by meaning, not only by their words")
    assert "None installed" in models.embedding_status.text()
    assert "Not confirmed:" in section.index(0, 0).data(Qt.ToolTipRole)

    folder = paths.current().models_dir
    chat = write_tiny_model(folder / "chat-Q4_K_M.gguf", "smollm2")
    bert = write_tiny_bert(folder / "nomic-embed-text-v1.5.Q8_0.gguf")
    mc.refresh_installed()
    mc.embedding_catalog.refresh()
    assert models.embedding_status.text() == "In use for your notes: nomic-embed-text-v1.5.Q8_0.gguf."
    wait_for_rows(qtbot, mc.installed, "nomic-embed-text")
    row = row_of(mc.installed, "nomic-embed-text")
    assert mc.installed.index(row, 1).data() == "Embedding (notes)"
    mc.models_changed.emit()  # as after a download: the main window refreshes its picker
    qtbot.waitUntil(lambda: window.model_picker.findData(str(chat)) >= 0, timeout=5_000)
    assert window.model_picker.findData(str(bert)) == -1

    # Downloading from the section queues the selected file.
    row = next(r for r in range(section.rowCount()) if section.index(r, 0).data() == "bge-small-en v1.5")
    models.embedding_table.selectRow(row)
    queued = []
    mc.embedding_catalog.start_download = lambda repo, file: queued.append((repo, file))
    qtbot.mouseClick(models.embedding_download_button, Qt.LeftButton)
    assert queued == [("ChristianAzinn/bge-small-en-v1.5-gguf", "bge-small-en-v1.5.Q8_0.gguf")]


def test_download_progress_is_shown_in_batches_and_a_new_state_at_once(qtbot, app_window):
    from app.ui.models import models_actions

    _window, controller = app_window
    controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    rows = mc.download_rows
    item = q.QueueItem(id=77, repo_id=REPO, filename="x.gguf", state=q.DOWNLOADING, done=10, total=1000)
    mc._download_changed(item)
    assert rows.index(0, 1).data().startswith("1.0%")
    mc._download_changed(replace(item, done=500))  # progress alone: waits for the batch
    assert rows.index(0, 1).data().startswith("1.0%") and mc._progress_timer.isActive()
    qtbot.waitUntil(lambda: rows.index(0, 1).data().startswith("50.0%"),
                    timeout=models_actions.PROGRESS_MS * 8)
    mc._download_changed(replace(item, done=600))
    mc._download_changed(replace(item, done=600, state=q.PAUSED))  # a new state: at once, progress dropped
    assert rows.index(0, 4).data() == "paused" and rows.index(0, 1).data().startswith("60.0%")
    assert mc._progress == {}


def test_model_tables_are_sized_when_their_rows_change_not_on_every_layout(qtbot, app_window):
    from PySide6.QtWidgets import QHeaderView

    _window, controller = app_window
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    table, header = models.installed_table, models.installed_table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.Interactive  # ResizeToContents re-measured each layout
    name = "a-model-with-a-rather-long-name-Q4_K_M"
    mc.installed.set_rows([{"name": name, "path": "/m/x.gguf", "size": 1, "builtin": False}])
    qtbot.waitUntil(lambda: table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(name), timeout=2000)


def test_the_models_window_shows_at_once_and_fills_its_pages_in_steps_reading_files_off_the_gui_thread(
        qtbot, app_window, smollm2, monkeypatch):
    """Opening it built and filled five pages at once (100+ ms of a frozen window on a busy machine),
    with the installed models' files and the catalogs read on the GUI thread."""
    import threading

    from app.ui.models import models_dialog, models_facts

    window, controller = app_window
    (paths.current().models_dir / smollm2.name).write_bytes(smollm2.read_bytes())
    reads, built = [], []
    real_read, real_build = models_facts.read_gguf, models_dialog.ModelsDialog.build_part
    monkeypatch.setattr(models_facts, "read_gguf",
                        lambda path: reads.append(threading.current_thread()) or real_read(path))
    monkeypatch.setattr(models_dialog.ModelsDialog, "build_part",
                        lambda self, name: built.append(name) or real_build(self, name))
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    assert models.isVisible() and built == [] and not mc.is_filled()  # shown first, filled after
    models.tabs.setCurrentIndex(models.PAGES.index("downloads"))  # the user looks at a page: it comes first
    qtbot.waitUntil(mc.is_filled, timeout=10_000)
    assert sorted(built) == sorted(models.PAGES) and built.index("downloads") <= 1
    wait_for_rows(qtbot, mc.installed, "SmolLM2")
    assert reads and threading.main_thread() not in reads
    assert mc.catalog.rowCount() == 24 and "free memory" in models.machine_label.text()

    # Opened again: the installed models are listed again, their files read off the GUI thread too.
    models.hide()
    reads.clear()
    controller.model_sources.open_dialog()
    qtbot.waitUntil(lambda: bool(reads), timeout=10_000)
    assert threading.main_thread() not in reads


def test_a_models_window_part_asked_for_before_its_turn_is_there_at_once(qtbot, app_window):
    _window, controller = app_window
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    assert not mc.is_filled()
    assert models.network_status.text().startswith("Models come from")  # built, wired and filled now
    assert mc.is_filled() and mc.catalog.rowCount() == 24 and mc.embedding_catalog.model.rowCount() == 3
    qtbot.wait(50)  # the steps left in the event loop find nothing to do
    assert mc.is_filled() and models.tabs.count() == len(models.PAGES)
