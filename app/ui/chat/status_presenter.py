"""The status bar: what the window is doing (a coloured dot and a line of text) and the model line.

The states are plain strings so that the answer session and the model picker, which
know nothing of widgets, can report them; this presenter alone decides how they look.
While an answer is being written it also watches how busy other programs keep the
CPUs, and says so: a slow answer then has a reason the user can act on. That sample
(psutil reading /proc for Cove's processes) runs on a thread of its own: on the GUI
thread each of its many small reads gave the GIL away to the busy engine-bridge and
download threads, and the window froze 20-40 ms every 2 s of an answer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from app.core import store as st
from app.core import system
from app.ui.i18n import decimal, number

# What the window is doing, for the status bar (and tests).
NO_MODEL, LOADING, READY, GENERATING, STOPPED, ERROR = (
    "no model", "loading", "ready", "generating", "stopped", "error")
NOTE_MS = 6000  # how long a note ("Restored.", "Exported …") stays before the state's own line returns
STATE_COLOURS = {NO_MODEL: "#d4a017", LOADING: "#3d7be0", READY: "#2e9d5b", GENERATING: "#3d7be0",
                 STOPPED: "#8c959f", ERROR: "#c0392b"}


class StatusPresenter(QObject):
    state_changed = Signal(str)
    _sampled = Signal(object)  # a background sample's answer (True, False, None), delivered on the GUI thread

    def __init__(self, state_label, state_dot, model_label, parent: QObject | None = None):
        super().__init__(parent)
        self.state_label, self.state_dot, self.model_label = state_label, state_dot, model_label
        self.state = ""
        self._state_text = ""  # what the state said: shown again when a note has had its time
        self._stats_of: str | None = None  # the model named in a line that may show an answer's numbers
        self.note_timer = QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.timeout.connect(self._show_text)
        self.busy = False  # other programs slow the answer being written
        self.cpu_watch = system.CpuWatch()
        self.busy_timer = QTimer(self)
        self.busy_timer.setInterval(2000)
        self.busy_timer.timeout.connect(lambda: self._sample_in_background(report=True))
        self._sampling = False  # one sample at a time: the watch keeps state between calls
        self._sampled.connect(self._on_sampled)
        self._labels_alive = True  # a sample that comes back after the window closed has nothing to show
        state_label.destroyed.connect(self._labels_gone)

    def set_state(self, state: str, text: str) -> None:
        self.state, self._state_text = state, text
        self.note_timer.stop()
        if state == GENERATING and not self.busy_timer.isActive():
            # Starts the measurement (the next tick reports on this answer), once back in the event loop.
            QTimer.singleShot(0, self, lambda: self._sample_in_background(report=False))
            self.busy_timer.start()
        elif state != GENERATING:
            self.busy_timer.stop()
            self.busy = False
        self._show_text()
        self.state_label.setStyleSheet("color: #c0392b;" if state == ERROR else "")
        self.state_dot.setStyleSheet(f"color: {STATE_COLOURS.get(state, '#8c959f')};")
        self.state_dot.setToolTip(state)
        self.state_changed.emit(state)

    def _sample_in_background(self, report: bool) -> None:
        if self._sampling:
            return
        self._sampling = True
        watch = self.cpu_watch

        def sample():
            try:
                answer = watch.busy()
            except Exception:  # a sample is advice: never a traceback for it
                answer = None
            try:
                self._sampled.emit(answer if report else "baseline")
            except RuntimeError:
                pass  # the window closed meanwhile: nobody to tell


        # On a pool thread, not a new threading.Thread: Thread.start() waits until the new thread has
        # run, and on a busy machine that wait (for a CPU, then for the GIL) froze the window as an
        # answer started and every 2 s after. The pool's start() only queues the call.
        QThreadPool.globalInstance().start(sample)
    def _labels_gone(self) -> None:
        self._labels_alive = False

    def _on_sampled(self, answer) -> None:
        self._sampling = False
        if answer != "baseline" and self._labels_alive and self.busy_timer.isActive():
            self._apply_busy(answer is True)

    def check_busy(self) -> None:
        """Sample now, on this thread (the timer samples on a thread of its own)."""
        self._apply_busy(self.cpu_watch.busy() is True)

    def _apply_busy(self, busy: bool) -> None:
        if busy != self.busy and self.state == GENERATING:
            self.busy = busy
            self._show_text()

    def _show_text(self) -> None:
        note = self.tr("Your computer is busy: answers are slower") if self.busy else ""
        if not note:
            self.state_label.setToolTip("")  # before setText: an eliding label then sets its own (the full text)
        self.state_label.setText(f"{self._state_text} · {note}" if note else self._state_text)
        if note:
            self.state_label.setToolTip(self.tr(
                "Other programs are using most of the processor, so this answer comes slower than usual. "
                "Closing them speeds it up."))

    def show_error(self, text: str) -> None:
        self.set_state(ERROR, text)

    def show_note(self, text: str, ms: int | None = None) -> None:
        """A line that reports something done (exported, restored…) without changing the state; it goes
        after `ms` (it stayed for minutes, long after it meant anything)."""
        self.state_label.setText(text)
        self.note_timer.start(NOTE_MS if ms is None else ms)

    def set_model_text(self, text: str) -> None:
        self._stats_of = None
        self.model_label.setText(text)

    def clear_answer_stats(self) -> None:
        """An empty new chat: the model line loses the last answer's speed and context (not "Loading…")."""
        if self._stats_of is not None:
            self.show_model_line(self._stats_of, None)

    def show_model_line(self, model_name: str | None, message: st.Message | None) -> None:
        """Right side: the model, its last speed, and how full the context is."""
        parts = [model_name] if model_name else []
        self._stats_of = model_name or ""  # the line shows an answer's numbers (or may): clear_answer_stats
        if message is not None and message.role == "assistant":
            if message.tokens_per_second:
                parts.append(self.tr("{} tok/s").format(decimal(message.tokens_per_second, 1)))
            n_ctx = (message.generation_settings or {}).get("n_ctx")
            if n_ctx and message.prompt_tokens is not None:
                used = message.prompt_tokens + (message.completion_tokens or 0)
                parts.append(self.tr("context {} / {} tokens").format(number(used), number(n_ctx)))
        self.model_label.setText(" · ".join(parts))
