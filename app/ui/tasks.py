"""Background work for the window: one shared thread pool, results delivered on the GUI thread.

Anything that may take longer than a frame (a search over a large database, a Hub
request, copying a model file, a backup, an integrity check, reading the machine's
memory) runs through TaskRunner.run(call, on_success, on_failure). The call runs on a
pool thread; its result or its failure comes back to the GUI thread as a queued
signal, so callbacks may touch widgets and the store. A failure is turned into one
line by the window's ErrorPresenter (a CoveError's own message; anything else is
logged with its traceback and named in one line), then given to on_failure, or shown
by the presenter when the caller has nothing better to do with it.

The engine bridge keeps its own process and reader thread (app/ui/engine_bridge.py):
it streams events for the life of the window, which is not a task.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import CoveError

log = logging.getLogger("cove.ui")
MAX_THREADS = 4  # searches, Hub requests, a copy and a backup at once; the engine has its own process


class ErrorPresenter(QObject):
    """The one way the window turns a failure into a line for the user, and shows it."""

    shown = Signal(str)  # the line shown (the status bar shows it; tests read it)

    def __init__(self, show: Callable[[str], None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._show = show

    def message(self, error: BaseException | str) -> str:
        if isinstance(error, str):
            return error
        if isinstance(error, CoveError):
            return str(error)
        log.error("background task failed", exc_info=(type(error), error, error.__traceback__))
        return self.tr("Something went wrong ({}: {}). Details are in Cove's log.").format(
            type(error).__name__, error)

    def show(self, error: BaseException | str) -> str:
        text = self.message(error)
        if self._show is not None:
            self._show(text)
        self.shown.emit(text)
        return text


class Task(QObject):
    """One call on the pool. Lives in the GUI thread, so its signals reach slots there as queued calls."""

    progressed = Signal(int, int)   # done, total (for calls that report progress)
    succeeded = Signal(object)
    failed = Signal(object)         # the exception

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancelled = threading.Event()
        self._done = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def report_progress(self, done: int, total: int) -> None:
        """For the call to use from its thread."""
        self.progressed.emit(done, total)

    def wait(self, seconds: float = 10.0) -> bool:
        """Block until the call has returned (e.g. a copy being cancelled as the window closes)."""
        return self._done.wait(seconds)

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def mark_done(self) -> None:
        """For the pool thread: the call has returned (wait() returns; the result is on its way)."""
        self._done.set()


class _Runnable(QRunnable):
    def __init__(self, task: Task, call: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(False)  # the runner holds it until the result is delivered
        self.task, self.call = task, call

    def run(self) -> None:
        try:
            result = self.call()
        except BaseException as exc:  # noqa: BLE001 - every failure ends the task with a message
            self.task.mark_done()
            self.task.failed.emit(exc)
        else:
            self.task.mark_done()
            self.task.succeeded.emit(result)


class TaskRunner(QObject):
    def __init__(self, errors: ErrorPresenter, parent: QObject | None = None, max_threads: int = MAX_THREADS):
        super().__init__(parent)
        self.errors = errors
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: dict[Task, _Runnable] = {}

    def run(self, call: Callable[..., Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[str], None] | None = None, *, with_task: bool = False) -> Task:
        """Run call() on the pool (call(task) with with_task, to report progress or see a cancel).

        on_success gets the result, on_failure the failure as one line for the user; without
        on_failure the error presenter shows it."""
        task = Task(self)
        runnable = _Runnable(task, (lambda: call(task)) if with_task else call)
        self._running[task] = runnable

        def finished() -> None:
            self._running.pop(task, None)
            task.deleteLater()

        def succeeded(result) -> None:
            finished()
            if on_success is not None:
                on_success(result)

        def failed(error) -> None:
            finished()
            text = self.errors.message(error)
            if on_failure is not None:
                on_failure(text)
            else:
                self.errors.show(text)

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        self.pool.start(runnable)
        return task

    def running(self) -> int:
        return len(self._running)

    def wait_for_done(self, seconds: float = 10.0) -> bool:
        """Wait for every call to return (their results are delivered at the next event loop turn)."""
        return self.pool.waitForDone(int(seconds * 1000))
