"""The Models window, driven with pytest-qt, against a local server that answers like the Hub."""

import pytest
from PySide6.QtCore import Qt
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
    assert catalog.rowCount() == 24
    labels = [catalog.index(r, 3).data() for r in range(catalog.rowCount())]
    assert all(label.split(" ·")[0] in ("fits", "tight", "too large") for label in labels)
    families = {catalog.index(r, 0).data().split()[1] for r in range(catalog.rowCount())
                if catalog.index(r, 0).data().startswith("★")}
    assert len(families) >= 1 and "free memory" in models.machine_label.text()


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
    # The new model is offered in the main window's picker and listed as installed.
    assert window.model_picker.findData(str(installed)) >= 0
    assert row_of(mc.installed, "tiny-Q4_K_M") >= 0


def test_delete_frees_the_disk(qtbot, app_window, smollm2, monkeypatch):
    window, controller = app_window
    target = paths.current().models_dir / smollm2.name
    target.write_bytes(smollm2.read_bytes())
    models = controller.model_sources.open_dialog()
    mc = controller.model_sources.actions
    mc.refresh_installed()
    row = row_of(mc.installed, "SmolLM2")
    assert mc.installed.index(row, 2).data() == "Q4_1" and mc.installed.index(row, 4).data() == "8,192"
    models.tabs.setCurrentIndex(0)
    models.installed_table.selectRow(row)
    monkeypatch.setattr("app.ui.models.models_actions.QMessageBox.question", lambda *a, **k: QMessageBox.Yes)
    with qtbot.waitSignal(mc.models_changed):
        qtbot.mouseClick(models.delete_button, Qt.LeftButton)
    assert not target.exists() and mc.installed.rowCount() == 0
    assert not window.model_picker.isEnabled()


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
