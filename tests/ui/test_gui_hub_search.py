"""The Models window's Hub search shows that it is waiting, can be cancelled, and fails fast offline."""

import socket
import threading

import pytest
from PySide6.QtCore import Qt

from app.core import paths
from app.ui.main import build

REAL_GETADDRINFO = socket.getaddrinfo


@pytest.fixture
def silent_server():
    """A server on 127.0.0.1 that takes connections and never answers (a mirror that hangs)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []
    stop = threading.Event()

    def serve():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", accepted
    stop.set()
    thread.join(2)
    for connection in accepted:  # the request waiting on it ends at once
        connection.close()
    listener.close()


def open_search(qtbot, monkeypatch, endpoint):
    monkeypatch.setenv("HF_ENDPOINT", endpoint)
    window, controller = build(paths.current().ensure())
    qtbot.addWidget(window)
    window.show()
    models = controller.model_sources.open_dialog()
    models.tabs.setCurrentIndex(2)
    return controller, models


def test_a_hanging_search_shows_it_is_waiting_and_can_be_cancelled(qtbot, monkeypatch, silent_server, no_starter):
    url, accepted = silent_server
    controller, models = open_search(qtbot, monkeypatch, url)
    tasks = controller.model_sources.actions.tasks
    try:
        assert not models.search_busy.isVisible() and not models.search_cancel_button.isVisible()
        models.search_edit.setText("qwen")
        qtbot.mouseClick(models.search_button, Qt.LeftButton)
        assert models.search_status.text() == "Searching…"
        assert models.search_busy.isVisible() and models.search_cancel_button.isVisible()
        qtbot.waitUntil(lambda: len(accepted) == 1, timeout=5_000)  # the request is on its way
        qtbot.mouseClick(models.search_cancel_button, Qt.LeftButton)
        assert models.search_status.text() == "Cancelled."
        assert not models.search_busy.isVisible() and not models.search_cancel_button.isVisible()
        assert models.search_results.count() == 0
        # The request's late end (its connection closed) changes nothing on screen.
        for connection in accepted:
            connection.close()
        qtbot.waitUntil(lambda: tasks.running() == 0, timeout=10_000)
        qtbot.wait(50)
        assert models.search_status.text() == "Cancelled." and models.search_results.count() == 0
        assert not models.search_busy.isVisible()
    finally:
        controller.shutdown()


def test_searching_with_no_network_says_so_within_seconds(qtbot, monkeypatch, no_starter):
    looked_up = []

    def resolver(host, *args, **kwargs):
        if host in ("localhost", "127.0.0.1"):
            return REAL_GETADDRINFO("127.0.0.1", *args, **kwargs)
        assert host.endswith(".invalid"), f"a test tried to look up {host}"
        looked_up.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    controller, models = open_search(qtbot, monkeypatch, "https://hub.cove-test.invalid")
    try:
        models.search_edit.setText("qwen")
        qtbot.mouseClick(models.search_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: "offline" in models.search_status.text(), timeout=5_000)
        assert models.search_status.text().startswith("Could not reach hub.cove-test.invalid to search the Hub")
        assert not models.search_busy.isVisible() and not models.search_cancel_button.isVisible()
        assert looked_up == ["hub.cove-test.invalid"]  # once: no retries
    finally:
        controller.shutdown()
