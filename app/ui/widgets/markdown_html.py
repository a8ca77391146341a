"""Models answer in Markdown; this turns it into HTML that a QTextDocument shows well.

Why a module of its own: Qt's rich text understands only a subset of HTML and CSS, so
the HTML is shaped for it (tables with border attributes, code blocks as one-cell tables
with a background colour, inline styles instead of classes), and the model's text is
untrusted: raw HTML is escaped, never interpreted, images are never loaded, and links are
kept only for http, https and mailto, so an answer cannot make a link that looks like one
of the app's own `cove:` actions. The only `cove:` links here are the "Copy" links of code
blocks, `cove:copycode/{message_id}-{index}`, whose text is in RenderedMarkdown.code_blocks.

An answer is rendered again and again while it streams, so partial Markdown (an unclosed
fence, half a table, a lone `**`) must render without error and quickly: markdown-it runs
an unclosed fence to the end of the text, so a half-written code block already shows as
one. Qt-free so that it can be tested with plain pytest.

Big texts are bounded here (measured, 300 KB on one line: markdown-it 1.4 s when the
text is full of `[` or `*`, Pygments about 3 s a megabyte, and Qt's layout of one
unbreakable run of characters grows with its square: 0.4 s for 100 KB, 3.7 s for
300 KB, about a minute for 1 MB). So a text over MARKDOWN_CHARS is shown as plain,
escaped text (plain_html) instead of going through markdown-it, a code block over
HIGHLIGHT_CHARS is not coloured, and plain_html gives a run of more than LONG_RUN
characters without a space a place to wrap (a zero-width space) every LONG_RUN
characters, which keeps Qt's layout linear. How much of a message is shown at all is
the transcript's business (preview).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

# markdown-it and Pygments are imported when the first message is rendered, not with the window:
# about 45 ms of the window's start (benchmarks/coldstart.py); main.py has them imported on a
# thread once the window is shown (warm_up).

COPY_URL = "cove:copycode/{message_id}-{index}"
MARKDOWN_CHARS = 100_000  # longer texts are shown as plain text (see above)
HIGHLIGHT_CHARS = 20_000  # longer code blocks are shown without colours
LONG_RUN = 1000  # a run of non-space characters longer than this gets wrap points
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")
LINK_SCHEMES = ("http:", "https:", "mailto:")


@dataclass(frozen=True)
class _Theme:
    pygments_style: str
    code_background: str
    code_text: str
    muted: str
    inline_code_background: str
    table_border: str


_LIGHT = _Theme("friendly", "#f3f4f6", "#1f2328", "#6e7781", "#eceef0", "#cccccc")
_DARK = _Theme("monokai", "#17181b", "#f8f8f2", "#a0a4a8", "#3a3d41", "#555555")


@dataclass
class RenderedMarkdown:
    html: str
    code_blocks: list[str] = field(default_factory=list)  # each without its final line break


def _allowed_link(url: str) -> bool:
    return url.strip().lower().startswith(LINK_SCHEMES)


@lru_cache(maxsize=64)
def _lexer(language: str):
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False) if language else None
    except ClassNotFound:
        return None


@lru_cache(maxsize=2)
def _formatter(style: str):
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(noclasses=True, nowrap=True, style=style)


@lru_cache(maxsize=2)
def _code_text_colour(theme: _Theme) -> str:
    """The style's own colour for plain text (the default when it sets none)."""
    from pygments.styles import get_style_by_name
    from pygments.token import Token

    colour = get_style_by_name(theme.pygments_style).style_for_token(Token.Text).get("color")
    return f"#{colour}" if colour else theme.code_text


def _language(info: str) -> str:
    """The language named by a fence's info string: ```python, ``` {.rust}, ```js title=x."""
    word = info.strip().split(maxsplit=1)[0] if info.strip() else ""
    return word.strip("{}.").lower()


@lru_cache(maxsize=128)  # while an answer streams, its finished code blocks are not redone
def _highlighted(code: str, language: str, style: str) -> str:
    from pygments import highlight
    from pygments.lexers import TextLexer

    lexer = _lexer(language) if len(code) <= HIGHLIGHT_CHARS else None
    if lexer is None or isinstance(lexer, TextLexer):
        return html.escape(code, quote=False)
    body = highlight(code, lexer, _formatter(style))
    return body[:-1] if body.endswith("\n") and not code.endswith("\n") else body  # added by Pygments


def _code_html(code: str, language: str, index: int, env: dict) -> str:
    theme: _Theme = env["theme"]
    body = _highlighted(code, language, theme.pygments_style)
    href = COPY_URL.format(message_id=env["message_id"], index=index)
    label = html.escape(language or "text")
    return (f'<table width="100%" cellspacing="0" cellpadding="8" bgcolor="{theme.code_background}"'
            ' style="margin-top:4px; margin-bottom:10px"><tr><td>'
            f'<p style="margin:0; font-size:small; color:{theme.muted}">{label} &nbsp;·&nbsp; '
            f'<a href="{href}">{html.escape(env["copy_label"])}</a></p>'
            f'<pre style="margin:0; white-space:pre-wrap; color:{_code_text_colour(theme)}">\n{body}</pre>'  # Qt drops a first \n
            "</td></tr></table>\n")


def _fence(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    code = token.content[:-1] if token.content.endswith("\n") else token.content
    env["code_blocks"].append(code)
    language = _language(token.info) if token.type == "fence" else ""
    return _code_html(code, language, len(env["code_blocks"]) - 1, env)


def _code_inline(self, tokens, idx, options, env) -> str:
    background = env["theme"].inline_code_background
    return (f'<code style="font-family:monospace; background-color:{background}">'
            f"{html.escape(tokens[idx].content, quote=False)}</code>")


def _image(self, tokens, idx, options, env) -> str:
    """Never an <img>: Qt would load it (local files included). A link to it instead."""
    token = tokens[idx]
    alt = html.escape(self.renderInlineAsText(token.children or [], options, env) or token.attrGet("src"))
    return f'<a href="{html.escape(token.attrGet("src") or "")}">{alt}</a>'


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(["table", "strikethrough"])
    md.validateLink = _allowed_link  # anything else stays as the text the model wrote
    md.add_render_rule("fence", _fence)
    md.add_render_rule("code_block", _fence)
    md.add_render_rule("code_inline", _code_inline)
    md.add_render_rule("image", _image)
    return md


# Inline styles so the look does not depend on the stylesheet of the page it lands in.
_HEADING_SIZES = {"h1": "x-large", "h2": "large", "h3": "medium", "h4": "medium", "h5": "medium", "h6": "medium"}
_BLOCK_STYLES = {
    "paragraph_open": "margin-top:0px; margin-bottom:8px",
    "blockquote_open": "margin-left:12px; margin-top:4px; margin-bottom:8px",
    "bullet_list_open": "margin-top:0px; margin-bottom:8px",
    "ordered_list_open": "margin-top:0px; margin-bottom:8px",
}


def _shape_for_qt(tokens, theme: _Theme) -> None:
    for token in tokens:
        kind = token.type
        if kind in _BLOCK_STYLES:
            token.attrSet("style", _BLOCK_STYLES[kind])
        elif kind == "heading_open":
            token.attrSet("style", f"font-size:{_HEADING_SIZES[token.tag]}; margin-top:10px; margin-bottom:6px")
        elif kind == "table_open":
            token.attrs.update({"border": "1", "cellspacing": "0", "cellpadding": "4",
                                "style": f"border-collapse:collapse; border-color:{theme.table_border};"
                                         " margin-bottom:8px"})
        elif kind in ("th_open", "td_open"):
            match = re.fullmatch(r"text-align:(\w+)", str(token.attrGet("style") or ""))
            if match:  # Qt honours the align attribute, not this CSS
                del token.attrs["style"]
                token.attrSet("align", match.group(1))


def _wrap_points(run: re.Match) -> str:
    text = run.group()
    return "\u200b".join(text[i:i + LONG_RUN] for i in range(0, len(text), LONG_RUN))


def plain_html(text: str) -> str:
    """Text as it is, escaped, its line breaks kept, long runs given places to wrap: cheap for any size."""
    return html.escape(_LONG_RUN.sub(_wrap_points, text or "")).replace("\n", "<br>")  # split, then escape


def preview(text: str, limit: int) -> tuple[str, int]:
    """(the start of the text to show, how many characters are left out): cut at a line end
    when there is one in the last tenth, so a paragraph or a code line is not broken."""
    text = text or ""
    if len(text) <= limit:
        return text, 0
    cut = text.rfind("\n", limit - limit // 10, limit)
    cut = cut if cut > 0 else limit
    return text[:cut], len(text) - cut


def render(markdown_text: str, message_id: int, dark: bool = False, *, copy_label: str = "Copy") -> RenderedMarkdown:
    """The HTML of one message, and the text of each of its code blocks (for the Copy links)."""
    if len(markdown_text or "") > MARKDOWN_CHARS:
        return RenderedMarkdown(f"<p>{plain_html(markdown_text)}</p>")
    theme = _DARK if dark else _LIGHT
    env = {"code_blocks": [], "message_id": int(message_id), "theme": theme, "copy_label": copy_label}
    parser = _parser()
    tokens = parser.parse(markdown_text or "", env)
    _shape_for_qt(tokens, theme)
    return RenderedMarkdown(parser.renderer.render(tokens, parser.options, env), env["code_blocks"])


def to_plain_text(markdown_text: str) -> str:
    """The message as plain text, Markdown syntax removed: for "Copy as plain text"."""
    if len(markdown_text or "") > MARKDOWN_CHARS:
        return markdown_text  # shown as plain text, so copied as it is
    out: list[str] = []
    lists: list[str] = []  # "bullet" or "ordered", one per open list
    for token in _parser().parse(markdown_text or "", {}):
        kind = token.type
        if kind == "inline":
            out.append(_inline_text(token.children or []))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind)
            if out and not out[-1].endswith("\n"):
                out.append("\n")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                out.append("\n")
        elif kind == "list_item_open":
            marker = f"{token.info}{token.markup} " if lists[-1] == "ordered_list_open" else "- "
            out.append("  " * (len(lists) - 1) + marker)
        elif kind == "paragraph_close":
            out.append("\n" if token.hidden or lists else "\n\n")
        elif kind == "heading_close":
            out.append("\n\n")
        elif kind in ("fence", "code_block"):
            out.append(token.content.rstrip("\n") + "\n\n")
        elif kind == "hr":
            out.append("\n")
        elif kind in ("th_close", "td_close"):
            out.append("\t")
        elif kind == "tr_close":
            out[-1] = out[-1].removesuffix("\t")
            out.append("\n")
        elif kind == "table_close":
            out.append("\n")
    return re.sub(r"\n{3,}", "\n\n", "".join(out)).strip("\n")


def _inline_text(children) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)


def warm_up() -> None:
    """Import markdown-it and Pygments and build what the first answer uses (main.py: on a thread, after
    the window shows)."""
    from app.ui.widgets import markdown_stream

    render("**Cove**\n\n```python\nprint(1)\n```", 0, dark=False)
    render("`Cove`", 0, dark=True)
    markdown_stream.warm_up()
