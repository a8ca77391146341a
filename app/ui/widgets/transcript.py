"""The conversation as the user reads it: the branch on screen, with each message's actions.

The whole branch is built as one HTML document in one go (no widget per message),
and a long conversation shows its newest PAGE messages with a link to the earlier
ones, so opening a chat of thousands of messages stays quick. Streaming appends
each piece at the end of the document (no re-render per token) and keeps the view
at the bottom only if the user was already there, so scrolling up to read is never
yanked away.

Answers are Markdown, rendered by markdown_html (code highlighted, a Copy link per
code block). The answer being written is live_answer's part (a mixin of this view):
only its own part of the document is rendered again, at most every RENDER_INTERVAL_MS,
so a token costs an append to a string, not a layout of the whole transcript. In a
wide window the text keeps a column of READING_WIDTH_EM, centred.

A message of megabytes must not freeze the window (a one-line 1 MB answer took 60 s
to lay out): how much of each message is shown is decided by message_html (the HTML
of one message, a mixin of this view), "Show all" is handled here, and a streaming
answer stops being laid out again once its shown part is complete (DISPLAY_CHARS).
markdown_html keeps each rendering step linear in the text's size.

Actions (copy, edit, regenerate, continue, delete, step between versions) are links
under each message; clicking one emits action_requested and the controller acts.
Web links in answers open in the browser only when clicked.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QTextBrowser

from app.core.attachments import Attachment
from app.core.store import Message, Versions
from app.ui.i18n import number
from app.ui.widgets import markdown_html
from app.ui.widgets.attachment_bar import local_files
from app.ui.widgets.citation_html import SOURCE
from app.ui.widgets.follow_bottom import FollowBottom
from app.ui.widgets.live_answer import READING_FRAME_MS, RENDER_INTERVAL_MS, LiveAnswer  # noqa: F401 (transcript.X)
from app.ui.widgets.message_html import (  # noqa: F401 - the actions and limits are read as transcript.X too
    CONTINUE,
    COPY,
    COPY_CODE,
    COPY_TEXT,
    DELETE,
    DISPLAY_CHARS,
    EARLIER,
    EDIT,
    MESSAGE_ACTIONS,
    MORE,
    PAGE_CHARS,
    PREVIEW_CHARS,
    REGENERATE,
    SAVE_NOTE,
    SHOW_ALL_CHARS,
    VERSION,
    MessageHtml,
    action_url,
    text_html,
)

PAGE = 200  # messages shown at first; the rest on request
RENDER_CACHE = 1000  # rendered answers kept
READING_WIDTH_EM = 48  # the text's column at most (about 90 characters a line), centred in a wide window
MARGIN = 16  # px around the text

_STYLE = """
p { margin: 0; }
.who { font-weight: 600; }
.meta { color: #888; font-size: small; }
.actions { color: #888; font-size: small; margin-top: 4px; margin-bottom: 18px; }  /* = MESSAGE_GAP */
.versions { color: palette(text); font-size: medium; font-weight: 600; }
a { color: #5b7fa6; text-decoration: none; }
.off { color: #bbb; }
.error { color: #c0392b; }
.sources { color: #888; font-size: small; margin-top: 8px; }
.cited { color: #2e8b57; }
"""


def parse_action(url: QUrl) -> tuple[str, int, int] | None:
    """(action, message id, code block index) from a cove: link."""
    if url.scheme() != "cove":
        return None
    action, _, rest = url.path().partition("/")
    number, _, index = rest.partition("-")
    if not number.isdigit() or (index and not index.isdigit()):
        return None
    return action, int(number), int(index or 0)


class TranscriptView(LiveAnswer, MessageHtml, QTextBrowser):
    action_requested = Signal(str, int)  # action, message id
    files_dropped = Signal(list)  # local files dropped on the conversation (paths), to attach
    code_copied = Signal(str)  # the code block's text
    source_requested = Signal(int, int)  # answer id, the number of the note passage cited

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.viewport().setAcceptDrops(True)
        self.document().setDefaultStyleSheet(_STYLE)
        self.document().setDocumentMargin(MARGIN)
        self.setAccessibleName(self.tr("Conversation transcript"))
        self._streaming = False
        self._anchors: set[int] = set()  # ids of the messages shown
        self._code_blocks: dict[int, list[str]] = {}  # message id -> its code blocks, for Copy
        self._rendered: dict[tuple, markdown_html.RenderedMarkdown] = {}
        self._expanded: set[int] = set()  # messages shown in full ("Show all")
        self._shown: dict = {}  # show_messages' arguments, to show the same again with a message in full
        self._init_live()
        self.anchorClicked.connect(self._on_link)
        # Stays at the newest message while the user is there, "Jump to latest" when not (follow_bottom.py).
        self.follow = FollowBottom(self, applies=lambda: bool(self._anchors))
        self.jump_button = self.follow.button
        self.set_placeholder(self.tr("Type a message below to start."))

    # Files dropped here are attached. Handled by these overrides, which Qt calls for drags only, not by an
    # event filter on the viewport: a filter is Python code run for every event there, each paint of a
    # streaming answer included, and each call waited for the GIL behind the busy background threads.
    def dragEnterEvent(self, event) -> None:
        self._take_files(event) or super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        self._take_files(event) or super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if self._take_files(event):
            self.files_dropped.emit(local_files(event.mimeData()))
        else:
            super().dropEvent(event)

    @staticmethod
    def _take_files(event) -> bool:
        if not local_files(event.mimeData()):
            return False  # text, links: the view's own handling
        event.setDropAction(Qt.CopyAction)
        event.accept()
        return True

    def resizeEvent(self, event) -> None:
        self._apply_reading_width()
        super().resizeEvent(event)

    def reading_width(self) -> int:
        """The widest the text's column gets, in pixels (READING_WIDTH_EM of the transcript's font)."""
        return round(READING_WIDTH_EM * QFontInfo(self.font()).pixelSize())

    def _apply_reading_width(self) -> None:
        """Lines of 150 characters are hard to read: in a wide window the text keeps a column, centred.
        As side margins of the document (not of the viewport), so the whole width still scrolls and selects."""
        side = max(MARGIN, (self.viewport().width() - self.reading_width()) // 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)  # only ever on a click
            return
        parsed = parse_action(url)
        if parsed is None:
            return
        action, message_id, index = parsed
        if action == MORE:
            self.show_all(message_id)
            return
        if action == SOURCE:
            self.source_requested.emit(message_id, index)
            return
        if action == COPY_CODE:
            blocks = self._code_blocks.get(message_id, [])
            if index < len(blocks):
                QGuiApplication.clipboard().setText(blocks[index])
                self.code_copied.emit(blocks[index])
            return
        self.action_requested.emit(action, message_id)

    @property
    def dark(self) -> bool:
        return self.palette().base().color().lightness() < 128

    def _markdown(self, text: str, message_id: int, cache: bool = True) -> str:
        # Finished answers are rendered once: the branch is shown again at the end of every
        # answer, and re-running Markdown for fifty earlier answers would stall the window.
        key = (message_id, text, self.dark)
        rendered = self._rendered.pop(key, None) or markdown_html.render(
            text, message_id, self.dark, copy_label=self.tr("Copy"))
        if cache:  # not the partial texts of a streaming answer
            self._rendered[key] = rendered  # most recently used last
        if len(self._rendered) > RENDER_CACHE:
            del self._rendered[next(iter(self._rendered))]
        self._code_blocks[message_id] = rendered.code_blocks
        return rendered.html

    # Whole conversations ------------------------------------------------

    def set_placeholder(self, text: str) -> None:
        self.set_html(f"<p class='meta' align='center'><br><br>{text_html(text)}</p>")

    def set_html(self, page: str) -> None:
        """A page that is not a conversation (the welcome, an empty chat)."""
        self._streaming = False
        self._anchors = set()
        self.render_timer.stop()
        self.reading_timer.stop()
        self.setHtml(page)
        self._apply_reading_width()

    def show_messages(self, messages: list[Message], versions: dict[int, Versions] | None = None,
                      live_answer_id: int | None = None, live_text: str = "", hidden_before: int = 0,
                      model_name: str = "", attachments: dict[int, list[Attachment]] | None = None,
                      sources: dict | None = None) -> None:
        """Show a branch; the live answer (being written) must be its last message.
        attachments: {user message id: its attached files} (names and sizes are enough);
        sources: {answer id: the note passages it was based on (app.core.sources.Source)}."""
        self._shown = dict(messages=messages, versions=versions, live_answer_id=live_answer_id,
                           hidden_before=hidden_before, model_name=model_name, attachments=attachments,
                           sources=sources)
        versions = versions or {}
        self._attachments = attachments or {}
        self._sources = sources or {}
        self._code_blocks = {}  # filled again as the answers are rendered
        parts = []
        if hidden_before:
            parts.append(f"<p class='actions' align='center'><a href='{action_url(EARLIER)}'>"
                         + html.escape(self.tr("Show {} earlier messages").format(number(hidden_before)))
                         + "</a></p><p></p>")
        busy = live_answer_id is not None
        limits = self._limits(messages)
        for message in messages:
            live = message.id == live_answer_id
            parts.append(self._message_html(message, versions.get(message.id), model_name, live, busy,
                                            limits[message.id]))
        self._anchors = {m.id for m in messages}
        self._streaming = busy
        self.render_timer.stop()
        self.reading_timer.stop()
        with self.follow.replacing():  # ends at the bottom (below) or at a message: not "scrolled up"
            self.setHtml("".join(parts))
            self._apply_reading_width()
        if busy:
            self._live_id, self._live_capped = live_answer_id, False
            self._live_parts = [live_text] if live_text else []
            self._render_every_ms = RENDER_INTERVAL_MS
            self._live_start = self.document().lastBlock().position()
            if live_answer_id != self._reading_id:
                self._reading_id, self._reading = live_answer_id, (0, 0)
            if not live_text:
                self.reading_timer.start()
            self._render_live()
        self.scroll_to_bottom()

    def show_all(self, message_id: int) -> None:
        """Show a long message in full (up to SHOW_ALL_CHARS), staying at it."""
        if message_id not in self._anchors or not self._shown:
            return
        self._expanded.add(message_id)
        self.show_messages(**self._shown, live_text=self.live_text)
        self.scroll_to_message(message_id)

    def scroll_to_message(self, message_id: int) -> bool:
        """Bring a message to the top of the view (from a search result)."""
        if message_id not in self._anchors:
            return False
        self.scrollToAnchor(f"m{message_id}")
        return True

    def shows(self, message_id: int) -> bool:
        return message_id in self._anchors

    def scroll_to_bottom(self) -> None:
        self.follow.scroll_to_bottom()

    def plain_text(self) -> str:
        return self.toPlainText()
