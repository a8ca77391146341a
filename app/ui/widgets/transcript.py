"""The conversation as the user reads it: the branch on screen, with each message's actions.

The whole branch is built as one HTML document in one go (no widget per message),
and a long conversation shows its newest PAGE messages with a link to the earlier
ones, so opening a chat of thousands of messages stays quick. Streaming appends
each piece at the end of the document (no re-render per token) and keeps the view
at the bottom only if the user was already there, so scrolling up to read is never
yanked away.

Answers are Markdown, rendered by markdown_html (code highlighted, a Copy link per
code block). While an answer streams, only its own part of the document is
rendered again, at most every RENDER_INTERVAL_MS, so a token costs an append to a
string, not a layout of the whole transcript.

Actions (copy, edit, regenerate, continue, delete, step between versions) are links
under each message; clicking one emits action_requested and the controller acts.
Web links in answers open in the browser only when clicked.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QToolButton

from app.core.attachments import Attachment
from app.core.store import COMPLETE, ERROR, STOPPED, STREAMING, Message, Versions
from app.ui.widgets import markdown_html

PAGE = 200  # messages shown at first; the rest on request
RENDER_INTERVAL_MS = 80  # how often a streaming answer's Markdown is laid out again
RENDER_CACHE = 1000  # rendered answers kept

# Actions a message link can ask for.
COPY, COPY_TEXT, EDIT, REGENERATE, CONTINUE, DELETE, VERSION, EARLIER, COPY_CODE = (
    "copy", "copytext", "edit", "regenerate", "continue", "delete", "version", "earlier", "copycode")
MESSAGE_ACTIONS = (COPY, COPY_TEXT, EDIT, REGENERATE, CONTINUE, DELETE, VERSION, EARLIER)

_STYLE = """
p { margin: 0; }
.who { font-weight: 600; }
.meta { color: #888; font-size: small; }
.actions { color: #888; font-size: small; margin-top: 4px; margin-bottom: 18px; }
.versions { color: palette(text); font-size: medium; font-weight: 600; }
a { color: #5b7fa6; text-decoration: none; }
.off { color: #bbb; }
.error { color: #c0392b; }
"""


def _text_html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def action_url(action: str, message_id: int = 0) -> str:
    return f"cove:{action}/{message_id}"


def parse_action(url: QUrl) -> tuple[str, int, int] | None:
    """(action, message id, code block index) from a cove: link."""
    if url.scheme() != "cove":
        return None
    action, _, rest = url.path().partition("/")
    number, _, index = rest.partition("-")
    if not number.isdigit() or (index and not index.isdigit()):
        return None
    return action, int(number), int(index or 0)


class TranscriptView(QTextBrowser):
    action_requested = Signal(str, int)  # action, message id
    code_copied = Signal(str)  # the code block's text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.document().setDefaultStyleSheet(_STYLE)
        self.document().setDocumentMargin(16)
        self.setAccessibleName(self.tr("Conversation transcript"))
        self._streaming = False
        self._anchors: set[int] = set()  # ids of the messages shown
        self._code_blocks: dict[int, list[str]] = {}  # message id -> its code blocks, for Copy
        self._rendered: dict[tuple, markdown_html.RenderedMarkdown] = {}
        self._live_id = 0
        self._live_text = ""
        self._live_start = 0  # where the streaming answer's text begins in the document
        self.render_timer = QTimer(self)
        self.render_timer.setSingleShot(True)
        self.render_timer.setInterval(RENDER_INTERVAL_MS)
        self.render_timer.timeout.connect(self._render_live)
        self.anchorClicked.connect(self._on_link)
        # Shown when the user has scrolled up (the stream no longer follows): one click back down.
        self.jump_button = QToolButton(self)
        self.jump_button.setText(self.tr("Jump to latest"))
        self.jump_button.setAccessibleName(self.tr("Jump to latest"))
        self.jump_button.setToolTip(self.tr("Jump to the latest message (Ctrl+End)"))
        self.jump_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.jump_button.setCursor(Qt.PointingHandCursor)
        self.jump_button.setStyleSheet("QToolButton { border: 1px solid palette(mid); border-radius: 14px; "
                                       "padding: 4px 12px; background: palette(base); }")
        self.jump_button.clicked.connect(self.scroll_to_bottom)
        self.jump_button.hide()
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._update_jump_button)
        bar.rangeChanged.connect(self._update_jump_button)
        self.set_placeholder(self.tr("Type a message below to start."))

    def _update_jump_button(self, *_args) -> None:
        bar = self.verticalScrollBar()
        away = bar.maximum() - bar.value() > 40
        if away != self.jump_button.isVisible():
            self.jump_button.setVisible(away)
        if away:
            self._place_jump_button()

    def _place_jump_button(self) -> None:
        from app.ui.theme import icon

        self.jump_button.setIcon(icon("arrow-down"))
        self.jump_button.adjustSize()
        viewport = self.viewport().geometry()
        self.jump_button.move(viewport.right() - self.jump_button.width() - 16,
                              viewport.bottom() - self.jump_button.height() - 12)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_jump_button()

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)  # only ever on a click
            return
        parsed = parse_action(url)
        if parsed is None:
            return
        action, message_id, index = parsed
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
        self.set_html(f"<p class='meta' align='center'><br><br>{_text_html(text)}</p>")

    def set_html(self, page: str) -> None:
        """A page that is not a conversation (the welcome, an empty chat)."""
        self._streaming = False
        self._anchors = set()
        self.render_timer.stop()
        self.setHtml(page)

    def show_messages(self, messages: list[Message], versions: dict[int, Versions] | None = None,
                      live_answer_id: int | None = None, live_text: str = "", hidden_before: int = 0,
                      model_name: str = "", attachments: dict[int, list[Attachment]] | None = None) -> None:
        """Show a branch; the live answer (being written) must be its last message.
        attachments: {user message id: its attached files} (names and sizes are enough)."""
        versions = versions or {}
        self._attachments = attachments or {}
        self._code_blocks = {}  # filled again as the answers are rendered
        parts = []
        if hidden_before:
            parts.append(f"<p class='actions' align='center'><a href='{action_url(EARLIER)}'>"
                         + html.escape(self.tr("Show {:,} earlier messages").format(hidden_before))
                         + "</a></p><p></p>")
        busy = live_answer_id is not None
        for message in messages:
            live = message.id == live_answer_id
            parts.append(self._message_html(message, versions.get(message.id), model_name, live, busy))
        self._anchors = {m.id for m in messages}
        self._streaming = busy
        self.render_timer.stop()
        self.setHtml("".join(parts))
        if busy:
            self._live_id, self._live_text = live_answer_id, live_text
            self._live_start = self.document().lastBlock().position()
            self._render_live()
        self.scroll_to_bottom()

    def _who(self, message: Message, model_name: str) -> str:
        if message.role == "user":
            return self.tr("You")
        if message.model_file:
            return message.model_file.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".gguf")
        return model_name or self.tr("Assistant")

    def _message_html(self, message: Message, versions: Versions | None, model_name: str,
                      live: bool, busy: bool) -> str:
        anchor = f"<a name='m{message.id}'></a>"
        who = html.escape(self._who(message, model_name))
        if live:  # the text streams in at the end of the document
            return f"<p class='who'>{anchor}{who}</p><p></p>"
        body = _text_html(message.content) if message.role == "user" else self._markdown(message.content, message.id)
        # While an answer is written the links wait (the space they take stays, so nothing jumps).
        actions = "<p class='actions'>&nbsp;</p>" if busy else self._actions_html(message, versions)
        if message.role == "user":
            # The user's words in a tinted box, the answers on the page: easy to scan.
            tint = self.palette().alternateBase().color().darker(104).name()
            return (f"<table width='100%' cellpadding='10' cellspacing='0' bgcolor='{tint}'>"
                    f"<tr><td><p class='who'>{anchor}{who}</p><p>{body}</p>{self._attachments_html(message)}"
                    f"</td></tr></table>{actions}")
        return f"<p class='who'>{anchor}{who}</p>{body}{self._footer_html(message)}{actions}"

    _attachments: dict = {}  # of the messages shown: set by show_messages

    def _attachments_html(self, message: Message) -> str:
        """A line per attached file: its name and tokens (≈ from its size when it was never counted)."""
        lines = []
        for attachment in self._attachments.get(message.id, []):
            tokens = (f"{attachment.tokens:,}" if attachment.tokens is not None
                      else f"≈{math.ceil(attachment.size / 4):,}")
            lines.append(html.escape(self.tr("Attached: {} · {} tokens").format(attachment.name, tokens)))
        return f"<p class='meta' style='margin-top: 6px'>{'<br>'.join(lines)}</p>" if lines else ""

    def _actions_html(self, message: Message, versions: Versions | None) -> str:
        links = [(COPY, self.tr("Copy"))]
        if message.role == "user":
            links.append((EDIT, self.tr("Edit")))
        else:
            links = [(COPY, self.tr("Copy Markdown")), (COPY_TEXT, self.tr("Copy text")),
                     (REGENERATE, self.tr("Regenerate"))]
            if message.status in (STOPPED, ERROR) and message.content.strip():
                links.append((CONTINUE, self.tr("Continue")))
        links.append((DELETE, self.tr("Delete")))
        items = [f"<a href='{action_url(a, message.id)}'>{html.escape(label)}</a>" for a, label in links]
        if versions is not None:
            def step(target, arrow):
                if target is None:
                    return f"<span class='off'>{arrow}</span>"
                return f"<a href='{action_url(VERSION, target)}'>{arrow}</a>"
            items.insert(0, f"<span class='versions'>{step(versions.previous_id, '‹')}&nbsp;"
                            f"{versions.index}/{versions.count}&nbsp;{step(versions.next_id, '›')}</span>")
        return "<p class='actions'>" + " &nbsp;·&nbsp; ".join(items) + "</p>"

    def _stats_line(self, message: Message) -> str:
        parts = []
        if message.completion_tokens is not None:
            parts.append(self.tr("{:,} tokens").format(message.completion_tokens))
        if message.tokens_per_second:
            parts.append(self.tr("{:.1f} tokens/s").format(message.tokens_per_second))
        if message.time_to_first_token is not None:
            parts.append(self.tr("first token in {:.2f} s").format(message.time_to_first_token))
        if message.prompt_tokens is not None:
            parts.append(self.tr("prompt {:,} tokens ({:,} new)").format(
                message.prompt_tokens, message.processed_tokens or 0))
        return " · ".join(parts)

    def _footer_html(self, message: Message) -> str:
        lines = []
        if message.dropped_messages:
            lines.append("<p class='meta'>" + html.escape(self.tr(
                "{} earlier messages were left out to fit the model's context.").format(message.dropped_messages))
                + "</p>")
        if message.status == ERROR:
            lines.append(f"<p class='error'>{_text_html(message.error or self.tr('This answer failed.'))}</p>")
        elif message.status == STOPPED:
            lines.append(f"<p class='meta'>{self.tr('Stopped')}</p>")
        elif message.status == STREAMING:
            lines.append(f"<p class='meta'>{self.tr('Interrupted')}</p>")
        elif message.status == COMPLETE and message.completion_tokens is not None:
            lines.append(f"<p class='meta'>{html.escape(self._stats_line(message))}</p>")
        return "".join(lines)

    # Streaming ------------------------------------------------------------

    def append_answer_text(self, text: str) -> None:
        if not self._streaming or not text:
            return
        self._live_text += text
        if not self.render_timer.isActive():
            self.render_timer.start()

    def _render_live(self) -> None:
        """Lay out the streaming answer again: only its part of the document, from its start to the end."""
        if not self._streaming:
            return
        bar = self.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._live_start, self.document().characterCount() - 1))
        cursor.movePosition(QTextCursor.End, QTextCursor.KeepAnchor)
        cursor.insertHtml(self._markdown(self._live_text, self._live_id, cache=False)
                          if self._live_text.strip() else " ")
        if at_bottom:
            bar.setValue(bar.maximum())

    @property
    def live_text(self) -> str:
        return self._live_text

    def scroll_to_message(self, message_id: int) -> bool:
        """Bring a message to the top of the view (from a search result)."""
        if message_id not in self._anchors:
            return False
        self.scrollToAnchor(f"m{message_id}")
        return True

    def scroll_to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def plain_text(self) -> str:
        return self.toPlainText()
