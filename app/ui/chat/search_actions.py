"""The search box above the conversation list: results replace the list while there is text.

Each result is one compact row (search_hit_delegate.py): its conversation's title
in small type, who and when, and the words around the match as plain text (the
Markdown markers that would show as ** and # are taken out), the matching words
marked. Opening one shows that conversation scrolled to the message (on the branch
it belongs to, if it is in another version), lit up for a moment (message_flash.py).

The query runs on a thread with its own read-only connection: most searches take
milliseconds, but a short common prefix over hundreds of thousands of messages can
take half a second, and typing must never wait for it. Results of a query the
user has typed past are dropped.
"""

from __future__ import annotations

import html
import re
import sqlite3
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem

from app.core.search import search_file
from app.ui.widgets.html_item_delegate import HtmlRole
from app.ui.widgets.message_flash import MessageFlash
from app.ui.widgets.model_guard import elide, text, when
from app.ui.widgets.search_hit_delegate import MARKS, HitViewRole, SearchHitDelegate

HitRole = Qt.UserRole + 1
SEARCH_PAUSE_MS = 200
SNIPPET_CHARS = 1000  # a snippet is a few words around the match; never more than this is laid out
# Markdown's markers, as they would show in a snippet cut out of an answer: taken out, the words kept.
_MARKDOWN = (
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),          # [text](address), ![alt](image)
    (re.compile(r"^[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|```\w*)", re.M), ""),  # heading, quote, list, fence
    (re.compile(r"\*\*|__|~~|`"), ""),                                 # bold, strikethrough, code
    (re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"), ""),         # *emphasis*
    (re.compile(r"(?<!\w)_(?=[^\s_])|(?<=[^\s_])_(?!\w)"), ""),          # _emphasis_, not snake_case
    (re.compile(r"[ \t]*\|[ \t]*"), " "),                                # table cells
)


def plain_snippet(snippet: str) -> str:
    """A snippet of Markdown as the words a reader sees, on one line (the match marks kept)."""
    for pattern, replacement in _MARKDOWN:
        snippet = pattern.sub(replacement, snippet)
    return " ".join(snippet.split())


def snippet_html(snippet: str) -> str:
    """The snippet as rich text, the matches highlighted (the item's HtmlRole, for whoever reads it)."""
    text = html.escape(" ".join(snippet.split()))
    return (text.replace(MARKS[0], "<b style='background-color:#ffe58a; color:#000'>")
            .replace(MARKS[1], "</b>"))


def short_date(created, today=None) -> str:
    """"14:05" today, "12 May" this year, "12 May 2024" before."""
    moment = when(created)
    if moment is None:
        return ""
    moment = moment.astimezone() if moment.tzinfo else moment
    today = today or datetime.now().date()
    if moment.date() == today:
        return f"{moment:%H:%M}"
    return f"{moment.day} {moment:%b}" + ("" if moment.year == today.year else f" {moment.year}")


class SearchActions(QObject):
    def __init__(self, window, store, tasks, nav, parent=None):
        """`tasks` is the window's TaskRunner, `nav` its Navigation."""
        super().__init__(parent)
        self.store, self.tasks, self.nav = store, tasks, nav
        self.conversation_list = window.conversation_list
        self.edit, self.results = window.search_edit, window.search_results
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.flash = MessageFlash(window.transcript, self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(self.run)
        self.edit.textChanged.connect(self.timer.start)
        self.edit.returnPressed.connect(self.run)
        self.results.itemActivated.connect(self.open)
        self.results.itemClicked.connect(self.open)
        self.generation = 0  # which query the shown results belong to
        self.composer_edit = window.composer.edit
        self.edit.installEventFilter(self)  # Esc here clears the search (it stopped the answer instead)

    def eventFilter(self, watched, event) -> bool:
        """Esc in the search box belongs to it: clear the search, or with nothing to clear go back to the
        message box. The window's Esc (stop the answer) is for when the focus is not in a field that uses Esc."""
        if watched is self.edit and event.type() in (QEvent.ShortcutOverride, QEvent.KeyPress) \
                and event.key() == Qt.Key_Escape and event.modifiers() == Qt.NoModifier:
            event.accept()  # on ShortcutOverride: the key comes here as a key press, not to the shortcut
            if event.type() == QEvent.KeyPress:
                if self.edit.text():
                    self.edit.clear()
                    self.run()  # at once: the conversation list is back
                else:
                    self.composer_edit.setFocus(Qt.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)

    def run(self) -> None:
        text = self.edit.text().strip()
        searching = bool(text)
        self.results.setVisible(searching)
        self.conversation_list.setVisible(not searching)
        self.generation += 1
        if not searching:
            self.results.clear()
            return
        generation, database = self.generation, self.store.path

        def query():
            try:
                return search_file(database, text, marks=MARKS)
            except sqlite3.Error as exc:
                return str(exc)

        self.tasks.run(query, lambda hits: self._show(generation, hits),
                       lambda message: self._show(generation, message))

    def _show(self, generation: int, hits) -> None:
        if generation != self.generation:
            return  # the user typed on; a newer query is on its way
        self.results.clear()
        if isinstance(hits, str):
            self.results.addItem(self.tr("Search failed ({}).").format(hits))
            return
        if not hits:
            self.results.addItem(self.tr("Nothing found."))
        for hit in hits:
            who = self.tr("You") if hit.role == "user" else self.tr("Answer")
            # Titles and snippets are cut before Qt lays them out: an imported title can be megabytes.
            title, snippet = elide(hit.conversation_title), plain_snippet(text(hit.snippet, SNIPPET_CHARS))
            plain = snippet.replace(MARKS[0], "[").replace(MARKS[1], "]")
            meta = " · ".join(part for part in (who, short_date(hit.created)) if part)
            item = QListWidgetItem(f"{title}\n{plain}")
            item.setData(HitRole, (hit.conversation_id, hit.message_id))
            item.setData(HitViewRole, {"title": title, "meta": meta, "snippet": snippet})
            item.setData(HtmlRole, snippet_html(snippet))
            item.setToolTip(f"{title}\n{plain}")
            self.results.addItem(item)

    def open(self, item: QListWidgetItem) -> None:
        target = item.data(HitRole)
        if not target:
            return
        conversation_id, message_id = target
        self.nav.open(conversation_id, focus_message_id=message_id)
        self.flash.flash(message_id)
