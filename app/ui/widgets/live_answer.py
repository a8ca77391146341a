"""The answer being written, in the transcript: a mixin of TranscriptView (transcript.py).

Streaming appends each piece to a list and lays out only the answer's own part of the
document again, at most every RENDER_INTERVAL_MS (slower when a layout takes long), so a
token costs an append, not a layout of the whole conversation. The engine sends its text
about as often (stream_text.SEND_INTERVAL), so a piece that comes once the interval has (nearly)
passed is laid out at once, in the wake-up that brought it: a timer of its own would wake
the process again a moment later, and on a small machine each wake-up of the window's
process takes a core from the engine's threads. What is laid out goes
through markdown_stream first, so nothing shown changes meaning when more text comes.
Before the first word it shows "Reading your message…" with a bar: moving, or filling
with "1,200 / 3,400 tokens" as the engine reports how much of a long prompt it has read.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor

from app.ui.widgets import markdown_html, markdown_stream
from app.ui.widgets.message_html import DISPLAY_CHARS

RENDER_INTERVAL_MS = 80  # how often a streaming answer's Markdown is laid out again
# A piece that comes this much before the interval is over is laid out now rather than by a timer
# a few ms later: the engine's batches come every SEND_INTERVAL, give or take the pipe's delay.
RENDER_SLACK_MS = 20
READING_FRAME_MS = 150  # how often the bar moves while the prompt is read


class LiveAnswer:
    """Needs, from the view: document(), verticalScrollBar(), tr(), _markdown(), _reading_html()
    and _streaming (set by show_messages, which also sets _live_id, _live_start and the first text)."""

    _streaming: bool

    def _init_live(self) -> None:
        self._live_id = 0
        self._live_parts: list[str] = []  # the streaming answer's pieces (joined when laid out)
        self._live_capped = False  # its shown part is complete: nothing to lay out until it ends
        self._live_start = 0  # where the streaming answer's text begins in the document
        self.render_timer = QTimer(self)  # started for what is left of the interval, when a piece comes early
        self.render_timer.setSingleShot(True)
        self.render_timer.timeout.connect(self._render_live)
        self._render_every_ms = RENDER_INTERVAL_MS  # longer for a long answer (see _render_live)
        self._rendered_at = 0.0  # perf_counter() when the last lay-out started
        # Before the first word, "Reading your message…" with a moving bar (or tokens read of how many).
        self._reading, self._reading_frame, self._reading_id = (0, 0), 0, None
        self.reading_timer = QTimer(self)
        self.reading_timer.setInterval(READING_FRAME_MS)
        self.reading_timer.timeout.connect(self._render_live)

    def append_answer_text(self, text: str) -> None:
        if not self._streaming or not text:
            return
        first = not self._live_parts
        self._live_parts.append(text)  # not +=: a string of megabytes copied per token is quadratic
        if first:  # "Reading your message…" goes at once
            self._render_live()
        elif not self._live_capped and not self.render_timer.isActive():
            wait_ms = self._render_every_ms - (time.perf_counter() - self._rendered_at) * 1000
            if wait_ms <= RENDER_SLACK_MS:
                self._render_live()  # in this wake-up: no timer to wake the process again
            else:
                self.render_timer.start(int(wait_ms))

    def show_reading(self, done: int, total: int) -> None:
        """The engine has read `done` of the prompt's `total` new tokens (before the answer's first word)."""
        self._reading = (done, total)
        if self._streaming and not self._live_parts:
            self._render_live()

    def _render_live(self) -> None:
        """Lay out the streaming answer again: only its part of the document, from its start to the end.
        Once more than DISPLAY_CHARS have come, the part shown is final: it is laid out once more, with a
        line saying the rest is shown when the answer is complete, and then no more while it streams."""
        if not self._streaming or self._live_capped:
            return
        started = time.perf_counter()
        shown, hidden = markdown_html.preview(self.live_text, DISPLAY_CHARS)
        shown = markdown_stream.shown_text(shown)  # nothing shown may change meaning when more comes
        if self.live_text:
            self.reading_timer.stop()
            page = self._markdown(shown, self._live_id, cache=False) if shown.strip() else " "
        else:  # no word yet: the model reads the prompt (seconds for a long one)
            self._reading_frame += 1
            page = self._reading_html(*self._reading, self._reading_frame)
        if hidden:
            self._live_capped = True
            page += "<p class='meta'>… " + html.escape(self.tr(
                "The answer goes on: all of it can be shown when it is complete.")) + "</p>"
        bar = self.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        # Replacing the answer shrinks the document for a moment, which clamps the scroll value to the new
        # end: without this, a reader a little above the bottom was taken for one at the bottom and pulled
        # down on every re-render. The user did not scroll; where they were is kept.
        follow, value = getattr(self, "follow", None), bar.value()
        if follow is not None:
            at_bottom = follow.at_bottom
            follow._resizing = True
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._live_start, self.document().characterCount() - 1))
        cursor.movePosition(QTextCursor.End, QTextCursor.KeepAnchor)
        cursor.removeSelectedText()
        # The emptied block keeps the format of a block that was removed (a list item, say): without this the
        # answer's first paragraph joined that list and the items were numbered 1, 1, 2 until the answer ended.
        listed = cursor.currentList()
        if listed is not None:
            listed.remove(cursor.block())
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setCharFormat(QTextCharFormat())
        cursor.insertHtml(page)
        if follow is not None:
            follow._resizing = False
            follow.at_bottom = at_bottom
        bar.setValue(bar.maximum() if at_bottom else value)
        # A long answer costs more to lay out each time: the window gets at least three quarters of the time.
        spent_ms = (time.perf_counter() - started) * 1000
        self._render_every_ms = max(RENDER_INTERVAL_MS, min(2000, int(spent_ms * 4)))
        self._rendered_at = started  # from start to start, as the engine keeps time between its batches

    @property
    def live_text(self) -> str:
        if len(self._live_parts) > 1:
            self._live_parts[:] = ["".join(self._live_parts)]
        return self._live_parts[0] if self._live_parts else ""
