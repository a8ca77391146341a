"""The conversation as the user reads it: plain text in message blocks.

Streaming appends each piece at the end of the document (no re-render of the
transcript per token) and keeps the view at the bottom only if the user was
already there, so scrolling up to read is never yanked away.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from app.core.store import COMPLETE, ERROR, STOPPED, STREAMING, Message

_STYLE = """
p { margin: 0; }
.who { font-weight: 600; }
.user { color: palette(text); }
.meta { color: #888; font-size: small; }
.error { color: #c0392b; }
"""


def _text_html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class TranscriptView(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.document().setDefaultStyleSheet(_STYLE)
        self.document().setDocumentMargin(16)
        self.setAccessibleName(self.tr("Conversation transcript"))
        self._streaming = False
        self._anchors: dict[int, int] = {}  # message id -> where it starts in the document
        self.set_placeholder(self.tr("Type a message below to start."))

    # Whole conversations ------------------------------------------------

    def set_placeholder(self, text: str) -> None:
        self._streaming = False
        self.setHtml(f"<p class='meta' align='center'><br><br>{_text_html(text)}</p>")

    def show_messages(self, messages: list[Message], model_name: str = "",
                      live_answer_id: int | None = None, live_text: str = "") -> None:
        self.clear()
        self._anchors = {}
        self._streaming = False
        for message in messages:
            if message.id == live_answer_id:
                self.begin_answer(self._who(message, model_name))
                self.append_answer_text(live_text)
            else:
                self.add_message(message, model_name)
        self.scroll_to_bottom()

    def _who(self, message: Message, model_name: str) -> str:
        if message.role == "user":
            return self.tr("You")
        if message.model_file:
            return message.model_file.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".gguf")
        return model_name or self.tr("Assistant")

    def add_message(self, message: Message, model_name: str = "") -> None:
        self._anchors[message.id] = self.document().characterCount()
        who = html.escape(self._who(message, model_name))
        body = _text_html(message.content)
        if message.role == "user":
            # The user's words in a tinted box, the answers on the page: easy to scan.
            tint = self.palette().alternateBase().color().darker(104).name()
            self.append(f"<table width='100%' cellpadding='10' cellspacing='0' bgcolor='{tint}'>"
                        f"<tr><td><p class='who'>{who}</p><p>{body}</p></td></tr></table>")
        else:
            self.append(f"<p class='who'>{who}</p>")
            self.append(f"<p>{body}</p>" if body else "<p></p>")
            self._append_footer(message)
        self.append("<p></p>")

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

    def _append_footer(self, message: Message) -> None:
        if message.role != "assistant":
            return
        if message.dropped_messages:
            self.append("<p class='meta'>" + html.escape(self.tr(
                "{} earlier messages were left out to fit the model's context.").format(message.dropped_messages))
                + "</p>")
        if message.status == ERROR:
            self.append(f"<p class='error'>{_text_html(message.error or self.tr('This answer failed.'))}</p>")
        elif message.status == STOPPED:
            self.append(f"<p class='meta'>{self.tr('Stopped')}</p>")
        elif message.status == STREAMING:
            self.append(f"<p class='meta'>{self.tr('Interrupted')}</p>")
        elif message.status == COMPLETE and message.completion_tokens is not None:
            self.append(f"<p class='meta'>{html.escape(self._stats_line(message))}</p>")

    # Streaming ------------------------------------------------------------

    def begin_answer(self, who: str) -> None:
        self.append(f"<p class='who'>{html.escape(who)}</p>")
        self.append("<p></p>")
        self._streaming = True
        self.scroll_to_bottom()

    def append_answer_text(self, text: str) -> None:
        if not self._streaming or not text:
            return
        bar = self.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.End)
        cursor.insertText(text)
        if at_bottom:
            bar.setValue(bar.maximum())

    def end_answer(self, message: Message) -> None:
        self._streaming = False
        self._append_footer(message)
        self.append("<p></p>")
        self.scroll_to_bottom()

    def scroll_to_message(self, message_id: int) -> bool:
        """Bring a message to the top of the view (from a search result)."""
        position = self._anchors.get(message_id)
        if position is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.verticalScrollBar().setValue(int(self.cursorRect(cursor).top()) + self.verticalScrollBar().value())
        self.setTextCursor(cursor)
        return True

    def scroll_to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def plain_text(self) -> str:
        return self.toPlainText()
