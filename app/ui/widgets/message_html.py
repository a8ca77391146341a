"""How each message of the transcript reads, as HTML: who, the text, its files, its links, its footer.

A mixin of TranscriptView (transcript.py), kept apart so that each stays readable: this
part decides what a message looks like and how much of it is shown, the view decides
when the document is built and how streaming updates it.

How much is shown is bounded so that no message can freeze the window (a one-line
1 MB answer took 60 s to lay out, a 1 MB question 63 s to open): a message shows at
most DISPLAY_CHARS at first, with a "Show all" link (MORE) that shows up to
SHOW_ALL_CHARS, and the messages of one page share PAGE_CHARS: the newest, at the
bottom where the reader is, get it first, older long ones show PREVIEW_CHARS. Copy
and export always give the whole stored text. Fields that an imported row may hold
in any shape (the text, the model file, the error) are read defensively.
"""

from __future__ import annotations

import html
import math

from app.core.model_names import display_name
from app.core.store import COMPLETE, ERROR, STOPPED, STREAMING, Message, Versions
from app.ui.i18n import decimal, number
from app.ui.widgets import markdown_html
from app.ui.widgets.citation_html import link_citations, sources_html
from app.ui.widgets.model_guard import text as capped

DISPLAY_CHARS = 30_000  # of one message, shown at first ("Show all" for the rest)
SHOW_ALL_CHARS = 2_000_000  # what "Show all" shows at most: about a second of layout
PAGE_CHARS = 400_000  # of all the messages shown at once; past it, older long messages are cut shorter
PREVIEW_CHARS = 2_000  # a long message's start once PAGE_CHARS is spent

# Actions a message link can ask for.
COPY, COPY_TEXT, EDIT, REGENERATE, CONTINUE, DELETE, VERSION, EARLIER, COPY_CODE = (
    "copy", "copytext", "edit", "regenerate", "continue", "delete", "version", "earlier", "copycode")
MORE = "more"  # "Show all" of a long message: handled by the view itself
SAVE_NOTE = "savenote"  # "Save as note" under an answer: handled by notes_chat_actions
MESSAGE_ACTIONS = (COPY, COPY_TEXT, EDIT, REGENERATE, CONTINUE, DELETE, VERSION, EARLIER)
READING_COUNT_FROM = 512  # prompts of this many new tokens or more show "1,200 / 3,400 tokens" while read
READING_BAR = 24  # the bar's width in characters
MESSAGE_GAP = 18  # px between one message's links and the next message (the links' bottom margin)
ARROW_SIZE = "xx-large"  # the version arrows ‹ ›: big enough to hit (24 px and more)


def text_html(text: str) -> str:
    return markdown_html.plain_html(text)


def action_url(action: str, message_id: int = 0) -> str:
    return f"cove:{action}/{message_id}"


def _content(message: Message) -> str:
    return message.content if isinstance(message.content, str) else ""


class MessageHtml:
    """Needs, from the view: tr(), palette(), _markdown(), _expanded, _attachments and _sources."""

    _attachments: dict = {}  # of the messages shown: set by show_messages
    _sources: dict = {}  # {answer id: the note passages it was based on}: set by show_messages
    _expanded: set[int]  # messages shown in full: set by the view

    def _limits(self, messages: list[Message]) -> dict[int, int]:
        """How much of each message to show: the newest (at the bottom, read first) get the page's budget."""
        limits, budget = {}, PAGE_CHARS
        for message in reversed(messages):
            if message.id in self._expanded:
                limit = SHOW_ALL_CHARS
            else:
                limit = max(PREVIEW_CHARS, min(DISPLAY_CHARS, budget))
            limits[message.id] = limit
            budget -= min(len(_content(message)), limit)
        return limits

    def _more_html(self, message_id: int, hidden: int) -> str:
        if not hidden:
            return ""
        if message_id in self._expanded:
            return "<p class='meta'>" + html.escape(self.tr(
                "… {} more characters are not shown here: Copy or export gives the whole message.").format(
                number(hidden))) + "</p>"
        return (f"<p class='actions'>… <a href='{action_url(MORE, message_id)}'>"
                + html.escape(self.tr("Show all ({} more characters)").format(number(hidden))) + "</a></p>")

    def _who(self, message: Message, model_name: str) -> str:
        if message.role == "user":
            return self.tr("You")
        if message.model_file and isinstance(message.model_file, str):
            return capped(display_name(message.model_file), 200)
        return model_name or self.tr("Assistant")

    def _message_html(self, message: Message, versions: Versions | None, model_name: str,
                      live: bool, busy: bool, limit: int = DISPLAY_CHARS) -> str:
        anchor = f"<a name='m{message.id}'></a>"
        who = html.escape(self._who(message, model_name))
        if live:  # the text streams in at the end of the document
            return f"<p class='who'>{anchor}{who}</p><p></p>"
        shown, hidden = markdown_html.preview(_content(message), limit)
        sources = self._sources.get(message.id, [])
        body = text_html(shown) if message.role == "user" else self._markdown(shown, message.id)
        if sources:  # "[1]" as a link to the passage, for the numbers that name one
            body = link_citations(body, message.id, {s.number for s in sources})
        more = self._more_html(message.id, hidden)
        # While an answer is written the links wait (the space they take stays, so nothing jumps).
        actions = "<p class='actions'>&nbsp;</p>" if busy else self._actions_html(message, versions)
        if message.role == "user":
            # The user's words in a tinted box, the answers on the page: easy to scan.
            tint = self.palette().alternateBase().color().darker(104).name()
            # The margin: Qt lets a table ignore the margin of the block above, so the links of the answer
            # before were 1 px from this box while the box's own links were 20 px from the next answer.
            return (f"<table width='100%' cellpadding='10' cellspacing='0' bgcolor='{tint}' "
                    f"style='margin-top:{MESSAGE_GAP}px'>"
                    f"<tr><td><p class='who'>{anchor}{who}</p><p>{body}</p>{more}{self._attachments_html(message)}"
                    f"</td></tr></table>{actions}")
        listed = sources_html(sources, message.id, self.tr("Sources"), self.tr("cited"))
        return f"<p class='who'>{anchor}{who}</p>{body}{more}{listed}{self._footer_html(message)}{actions}"

    def _reading_html(self, done: int, total: int, frame: int) -> str:
        """Where the answer will appear, before its first word: the prompt being read, with a bar that
        fills (a long prompt, counted) or a segment that moves (a short one, or before the first count)."""
        label = html.escape(self.tr("Loading the model…") if done < 0 else self.tr("Reading your message…"))
        palette = self.palette()
        accent, track = palette.highlight().color().name(), palette.mid().color().name()
        if total >= READING_COUNT_FROM:
            label += "&nbsp;&nbsp;<span class='meta'>" + html.escape(
                self.tr("{} / {} tokens").format(number(done), number(total))) + "</span>"
            lit = range(0, round(READING_BAR * min(done, total) / total))
        else:
            start = frame % (READING_BAR + 6) - 6
            lit = range(max(0, start), start + 6)
        cells = "".join(f"<span style='color:{accent if i in lit else track}'>━</span>" for i in range(READING_BAR))
        return (f"<p class='meta' style='margin-top:2px'>{label}</p>"
                f"<p style='margin-top:4px; margin-bottom:12px; font-size:small'>{cells}</p>")

    def _attachments_html(self, message: Message) -> str:
        """A line per attached file: its name and tokens (≈ from its size when it was never counted)."""
        lines = []
        for attachment in self._attachments.get(message.id, []):
            tokens = (number(attachment.tokens) if attachment.tokens is not None
                      else "≈" + number(math.ceil(attachment.size / 4)))
            name = capped(attachment.name, 300)
            lines.append(html.escape(self.tr("Attached: {} · {} tokens").format(name, tokens)))
        return f"<p class='meta' style='margin-top: 6px'>{'<br>'.join(lines)}</p>" if lines else ""

    def _actions_html(self, message: Message, versions: Versions | None) -> str:
        links = [(COPY, self.tr("Copy"))]
        if message.role == "user":
            links.append((EDIT, self.tr("Edit")))
        else:
            links = [(COPY, self.tr("Copy Markdown")), (COPY_TEXT, self.tr("Copy text")),
                     (REGENERATE, self.tr("Regenerate"))]
            if message.status in (STOPPED, ERROR) and _content(message).strip():
                links.append((CONTINUE, self.tr("Continue")))
            if _content(message).strip():
                links.append((SAVE_NOTE, self.tr("Save as note")))
        links.append((DELETE, self.tr("Delete")))
        items = [f"<a href='{action_url(a, message.id)}'>{html.escape(label)}</a>" for a, label in links]
        if versions is not None:
            items.insert(0, self._versions_html(versions))
        return "<p class='actions'>" + " &nbsp;·&nbsp; ".join(items) + "</p>"

    def _versions_html(self, versions: Versions) -> str:
        """‹ 2/3 › in the text's own colour, the arrows large and padded: targets of at least 24 px."""
        palette = self.palette()
        on, off = palette.text().color().name(), palette.placeholderText().color().name()

        def step(target, arrow, label):
            # The no-break spaces are part of the link: they widen what can be clicked.
            glyph = f"&nbsp;{arrow}&nbsp;"
            style = f"font-size:{ARROW_SIZE}; font-weight:600; text-decoration:none"
            if target is None:
                return f"<span style='{style}; color:{off}'>{glyph}</span>"
            return (f"<a href='{action_url(VERSION, target)}' title='{html.escape(label)}' "
                    f"style='{style}; color:{on}'>{glyph}</a>")
        return (step(versions.previous_id, "‹", self.tr("Previous version"))
                + f"<span class='versions'>{versions.index}/{versions.count}</span>"
                + step(versions.next_id, "›", self.tr("Next version")))

    def _stats_line(self, message: Message) -> str:
        parts = []
        if message.completion_tokens is not None:
            parts.append(self.tr("{} tokens").format(number(message.completion_tokens)))
        if message.tokens_per_second:
            parts.append(self.tr("{} tokens/s").format(decimal(message.tokens_per_second, 1)))
        if message.time_to_first_token is not None:
            parts.append(self.tr("first token in {} s").format(decimal(message.time_to_first_token, 2)))
        if message.prompt_tokens is not None:
            parts.append(self.tr("prompt {} tokens ({} new)").format(
                number(message.prompt_tokens), number(message.processed_tokens or 0)))
        accepted = (message.generation_settings or {}).get("draft_acceptance")
        if isinstance(accepted, (int, float)):  # drafts from the prompt were checked (speculative decoding)
            parts.append(self.tr("drafts accepted {:.0%}").format(accepted))
        problem = (message.generation_settings or {}).get("draft_problem")
        if isinstance(problem, str) and problem:  # the engine's own line, in the app's language
            parts.append(problem)
        return " · ".join(parts)

    def _footer_html(self, message: Message) -> str:
        lines = []
        if message.dropped_messages:
            lines.append("<p class='meta'>" + html.escape(self.tr(
                "{} earlier messages were left out to fit the model's context.").format(message.dropped_messages))
                + "</p>")
        if message.status == ERROR:
            error = capped(message.error, 5000) or self.tr("This answer failed.")
            lines.append(f"<p class='error'>{text_html(error)}</p>")
        elif message.status == STOPPED:
            lines.append("<p class='meta'>" + self.tr("Stopped") + "</p>")  # tr() outside f-strings: lupdate sees it
        elif message.status == STREAMING:
            lines.append("<p class='meta'>" + self.tr("Interrupted") + "</p>")
        elif message.status == COMPLETE and message.completion_tokens is not None:
            lines.append(f"<p class='meta'>{html.escape(self._stats_line(message))}</p>")
        return "".join(lines)
