"""The status line says when other programs slow the answer being written (issue 14, point 2)."""

from PySide6.QtWidgets import QLabel

from app.ui.chat.status_presenter import GENERATING, READY, StatusPresenter


class FakeWatch:
    def __init__(self):
        self.answers = []

    def busy(self):
        return self.answers.pop(0) if self.answers else None


def make(qtbot):
    labels = [QLabel(), QLabel(), QLabel()]
    for label in labels:
        qtbot.addWidget(label)
    presenter = StatusPresenter(*labels)
    presenter.cpu_watch = FakeWatch()
    return presenter, labels[0]


def test_a_busy_machine_is_named_while_generating_and_forgotten_after(qtbot):
    presenter, label = make(qtbot)
    presenter.set_state(GENERATING, "Generating… (Esc to stop)")
    assert presenter.busy_timer.isActive()
    presenter.cpu_watch.answers = [True]
    presenter.check_busy()
    assert label.text() == "Generating… (Esc to stop) · Your computer is busy: answers are slower"
    assert "Other programs" in label.toolTip()
    presenter.cpu_watch.answers = [False]
    presenter.check_busy()
    assert label.text() == "Generating… (Esc to stop)" and label.toolTip() == ""
    presenter.cpu_watch.answers = [True]
    presenter.check_busy()
    presenter.set_state(READY, "Ready.")
    assert label.text() == "Ready." and not presenter.busy and not presenter.busy_timer.isActive()


def test_a_busy_machine_is_not_reported_when_no_answer_is_written(qtbot):
    presenter, label = make(qtbot)
    presenter.set_state(READY, "Ready.")
    presenter.cpu_watch.answers = [True]
    presenter.check_busy()
    assert label.text() == "Ready." and not presenter.busy_timer.isActive()


def test_the_real_watch_runs_on_this_machine(qtbot):
    presenter, label = make(qtbot)
    from app.core import system

    presenter.cpu_watch = system.CpuWatch()
    presenter.set_state(GENERATING, "Generating…")
    presenter.check_busy()  # a real sample: busy or not, the line starts with the state's text
    assert label.text().startswith("Generating…") and presenter.busy in (True, False)


def test_the_timer_samples_off_the_gui_thread(qtbot):
    import threading

    presenter, label = make(qtbot)
    threads = []

    class ThreadWatch(FakeWatch):
        def busy(self):
            threads.append(threading.current_thread())
            return super().busy()

    presenter.cpu_watch = ThreadWatch()
    presenter.set_state(GENERATING, "Generating…")
    qtbot.waitUntil(lambda: len(threads) == 1 and not presenter._sampling)  # the baseline: not reported
    assert label.text() == "Generating…"
    presenter.cpu_watch.answers = [True]
    presenter.busy_timer.timeout.emit()
    qtbot.waitUntil(lambda: presenter.busy)
    assert threading.main_thread() not in threads and len(threads) == 2
    assert label.text() == "Generating… · Your computer is busy: answers are slower"


def test_a_sample_that_comes_back_after_the_window_closed_changes_nothing(qtbot):
    label = QLabel()  # not qtbot's: this test deletes it, as closing the window does
    presenter = StatusPresenter(label, QLabel(), QLabel())
    presenter.cpu_watch = FakeWatch()
    presenter.set_state(GENERATING, "Generating…")
    text = label.text()
    presenter._on_sampled(False)  # the labels still there: applied (not busy: the line is unchanged)
    assert label.text() == text and not presenter.busy
    label.deleteLater()
    qtbot.waitUntil(lambda: not presenter._labels_alive)
    presenter._on_sampled(True)  # the window's labels are gone: no RuntimeError, nothing changed
    assert presenter.busy is False
