"""The window's one background-task runner: results on the GUI thread, failures through one presenter."""

from __future__ import annotations

import threading
import time

from app.core.errors import CoveError
from app.ui.tasks import ErrorPresenter, TaskRunner


def make_runner(qapp):
    shown: list[str] = []
    return TaskRunner(ErrorPresenter(shown.append)), shown


def test_result_arrives_on_the_gui_thread(qtbot, qapp):
    runner, shown = make_runner(qapp)
    results = []
    worker = []

    def call():
        worker.append(threading.current_thread())
        return 42

    runner.run(call, lambda value: results.append((value, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(results), timeout=5_000)
    assert results == [(42, threading.main_thread())]
    assert worker and worker[0] is not threading.main_thread()
    assert shown == [] and runner.running() == 0


def test_failures_become_one_line_for_the_caller_or_the_presenter(qtbot, qapp):
    runner, shown = make_runner(qapp)
    failures = []

    def refused():
        raise CoveError("This file is not a model.")

    def bug():
        raise ZeroDivisionError("division by zero")

    runner.run(refused, on_failure=failures.append)
    runner.run(bug)  # no on_failure: the presenter shows it
    qtbot.waitUntil(lambda: bool(failures and shown), timeout=5_000)
    assert failures == ["This file is not a model."]
    assert len(shown) == 1 and "ZeroDivisionError" in shown[0] and "\n" not in shown[0]
    assert "Traceback" not in shown[0] and "unexpected" not in shown[0].lower()


def test_a_task_reports_progress_and_sees_its_cancel(qtbot, qapp):
    runner, _shown = make_runner(qapp)
    progress, outcome = [], []

    def copy(task):
        for done in range(1, 1000):
            if task.is_cancelled():
                return "cancelled"
            task.report_progress(done, 1000)
            time.sleep(0.005)
        return "finished"

    task = runner.run(copy, outcome.append, with_task=True)
    task.progressed.connect(lambda done, total: progress.append(done))
    qtbot.waitUntil(lambda: bool(progress), timeout=5_000)
    task.cancel()
    assert task.wait(5)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5_000)
    assert outcome == ["cancelled"] and progress[-1] < 999
