"""A streaming answer wakes the window's process only when the engine's text comes (issue 17 item 5).

On a small machine each wake-up of the window takes a core from llama.cpp's threads, which wait for
each other at every token: a lay-out timer and a save timer that fired between the engine's messages
cost the engine 9% of its speed. Text that comes once the lay-out interval has passed is laid out in
the wake-up that brought it; the save timer fires only when the engine pauses."""

import time

from PySide6.QtWidgets import QApplication

from app.core import store as st
from app.ui.widgets import live_answer
from app.ui.widgets import transcript as tr
from tests.ui.test_answer_session import parts  # noqa: F401 (the fixture: a session with a fake engine bridge)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def streaming_view(qtbot, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(live_answer, "time", type("T", (), {"perf_counter": staticmethod(clock)}))
    view = tr.TranscriptView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    question = st.Message(id=1, conversation_id=1, role="user", content="Go", status="complete", created="",
                          updated="")
    answer = st.Message(id=2, conversation_id=1, role="assistant", content="", status="streaming", created="",
                        updated="")
    view.show_messages([question, answer], live_answer_id=2)
    renders = []
    real = view._render_live
    view._render_live = lambda: renders.append(clock.now) or real()
    view.render_timer.timeout.disconnect()
    view.render_timer.timeout.connect(view._render_live)
    fired = []
    view.render_timer.timeout.connect(lambda: fired.append(clock.now))
    return view, clock, renders, fired


def test_text_coming_every_80_ms_is_laid_out_at_once_without_a_timer(qtbot, monkeypatch):
    view, clock, renders, fired = streaming_view(qtbot, monkeypatch)
    words = [f" word{i}" for i in range(12)]
    for word in words:
        clock.now += live_answer.RENDER_INTERVAL_MS / 1000  # the engine's batches: every SEND_INTERVAL
        view.append_answer_text(word)
        assert not view.render_timer.isActive()  # no second wake-up for this piece
        QApplication.processEvents()
    assert len(renders) == len(words) and fired == []
    assert view.plain_text().rstrip().endswith("".join(words).strip())  # each piece shown as it came


def test_text_coming_faster_is_laid_out_at_most_once_per_interval_and_the_rest_follows(qtbot, monkeypatch):
    view, clock, renders, fired = streaming_view(qtbot, monkeypatch)
    view.append_answer_text("First")  # laid out at once
    for i in range(7):  # 70 ms of pieces, 10 ms apart: none laid out before the interval is over
        clock.now += 0.01
        view.append_answer_text(f" w{i}")
    assert len(renders) == 1 and view.render_timer.isActive()
    # Started by the first early piece, 10 ms in, for what was left of the interval: not a whole one.
    assert view.render_timer.interval() == live_answer.RENDER_INTERVAL_MS - 10
    qtbot.waitUntil(lambda: len(renders) == 2, timeout=5000)
    assert "First w0 w1 w2 w3 w4 w5 w6" in view.plain_text()  # the last pieces are not left waiting


def test_the_save_timer_waits_while_text_streams_and_saves_it_when_the_engine_pauses(parts, qtbot):  # noqa: F811
    """Text streaming is saved by the recorder on its way (every SAVE_INTERVAL); the timer that saves
    what came before a pause fired every 0.5 s during the answer as well, a wake-up for nothing."""
    store, bridge, _models, session, _record, _draft = parts
    assert session.send(None, "Tell me a story.")
    fired = []
    session.save_timer.timeout.connect(lambda: fired.append(1))
    session.recorder.interval = 3600  # what the timer saves, not the recorder on a piece's way
    words = [f" word{i}" for i in range(10)]
    for word in words[:-1]:  # 1.1 s of text, a piece every 120 ms
        bridge.stream(word)
        qtbot.wait(120)
    assert fired == []
    bridge.stream(words[-1])  # then the engine pauses (a long prompt, a busy machine): nothing is lost
    answer_id, text = session.recorder.message_id, session.recorder.text
    assert text == "".join(words) and store.message(answer_id).content != text
    qtbot.waitUntil(lambda: fired == [1], timeout=5000)
    assert store.message(answer_id).content == text
    qtbot.wait(700)
    assert fired == [1]  # once: nothing new came, nothing to save again


def test_a_save_that_fails_is_tried_again_without_waiting_for_the_next_word(parts, qtbot):  # noqa: F811
    """The save timer fires once per pause now; a save it makes that fails (a locked database) starts it again."""
    store, bridge, _models, session, _record, _draft = parts
    assert session.send(None, "Tell me a story.")
    recorder = session.recorder
    recorder.interval = 3600  # what the timer saves, not the recorder on a piece's way
    tries, real_flush = [], recorder.flush

    def locked_once():
        tries.append(1)
        if len(tries) == 1:
            recorder.save_error = "database is locked"
            return
        real_flush()

    recorder.flush = locked_once
    bridge.stream(" word")  # and then nothing more for a while
    qtbot.waitUntil(lambda: len(tries) >= 2, timeout=5000)
    assert store.message(recorder.message_id).content == recorder.text == " word"
    assert recorder.save_error is None


def test_a_signal_reaches_its_python_handler_while_qt_waits_with_no_timer(qapp):
    """Ctrl+C or `kill` closes the window: a 250 ms timer used to wake the process four times a second
    so that Python could run the handler; the signal now wakes Qt itself (signal.set_wakeup_fd)."""
    import os
    import signal
    import threading

    from PySide6.QtCore import QEventLoop, QTimer

    from app.ui.main import wake_on_signals

    loop = QEventLoop()
    handled = []
    previous_handler = signal.signal(signal.SIGUSR1, lambda *_: handled.append(time.monotonic()) or loop.quit())
    previous_fd = signal.set_wakeup_fd(-1)
    notifier = wake_on_signals(qapp)
    try:
        QTimer.singleShot(5000, loop.quit)  # the test's limit: a handler left waiting ends the loop here
        sent = []
        threading.Timer(0.2, lambda: sent.append(time.monotonic()) or os.kill(os.getpid(), signal.SIGUSR1)).start()
        loop.exec()
    finally:
        signal.set_wakeup_fd(previous_fd)
        signal.signal(signal.SIGUSR1, previous_handler)
        notifier.setEnabled(False)
        for sock in notifier.sockets:
            sock.close()
    assert handled and handled[0] - sent[0] < 2.0  # at once, not when something else woke the loop


def test_without_a_socket_pair_signals_still_reach_python_through_a_timer_and_the_fd_is_undone(qapp, monkeypatch):
    import signal
    import socket

    from PySide6.QtCore import QTimer

    from app.ui import main

    previous_fd = signal.set_wakeup_fd(-1)
    try:
        notifier = main.signal_waker(qapp)
        assert signal.set_wakeup_fd(-1) >= 0  # it was set to the socket's number
        signal.set_wakeup_fd(notifier.sockets[1].fileno())
        main.stop_waking_on_signals(notifier)
        assert signal.set_wakeup_fd(-1) == -1  # undone after the window: no late writes to a closed number
        assert all(sock.fileno() == -1 for sock in notifier.sockets)

        def refused():
            raise OSError("loopback refused")

        monkeypatch.setattr(socket, "socketpair", refused)
        fallback = main.signal_waker(qapp)
        assert isinstance(fallback, QTimer) and fallback.isActive() and fallback.interval() == 250
        main.stop_waking_on_signals(fallback)  # nothing to undo
        fallback.stop()
    finally:
        signal.set_wakeup_fd(previous_fd)
