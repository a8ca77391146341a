"""Markdown answers as HTML for the transcript: structure, safety, code blocks, streaming."""

from html.parser import HTMLParser

import pytest

from app.ui.widgets.markdown_html import render, to_plain_text

CODE = 'def f(x):\n    if x < 1 & 2:\n        return "<b>"\n\n    pass'


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML fragment."""

    def __init__(self, fragment: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def named(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]

    def hrefs(self):
        return [attrs.get("href") for attrs in self.named("a")]


def test_headings_emphasis_and_paragraphs():
    tags = _Tags(render("# Title\n\n## Sub\n\nSome **bold**, *it* and ~~gone~~.\n\nNext", 1).html)
    names = [name for name, _ in tags.tags]
    assert names == ["h1", "h2", "p", "strong", "em", "s", "p"]
    assert "Title" in tags.text and "bold" in tags.text


def test_nested_and_ordered_lists():
    fragment = render("- a\n  - b\n- c\n\n1. one\n2. two", 1).html
    names = [name for name, _ in _Tags(fragment).tags]
    assert names == ["ul", "li", "ul", "li", "li", "ol", "li", "li"]
    assert fragment.index("<li>b") < fragment.index("</ul>\n</li>")  # b sits inside a's item


def test_tables_have_borders_and_alignment():
    tags = _Tags(render("| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |", 1).html)
    (table,) = tags.named("table")
    assert table["border"] == "1" and table["cellspacing"] == "0" and table["cellpadding"] == "4"
    assert "border-collapse:collapse" in table["style"]
    assert len(tags.named("th")) == 2 and len(tags.named("td")) == 4
    assert [cell["align"] for cell in tags.named("td")] == ["left", "right", "left", "right"]


def test_blockquote_rule_and_inline_code():
    fragment = render("> said\n\n---\n\nrun `ls <dir> & x`", 1).html
    names = [name for name, _ in _Tags(fragment).tags]
    assert names[:3] == ["blockquote", "p", "hr"]
    assert '<code style="font-family:monospace; background-color:' in fragment
    assert "ls &lt;dir&gt; &amp; x</code>" in fragment


def test_code_blocks_are_kept_exactly_and_numbered_in_order():
    text = f"Intro\n\n```python\n{CODE}\n```\n\nthen\n\n    indented\n      more\n\n```\nplain <x> & y\n```\n"
    result = render(text, 42)
    assert result.code_blocks == [CODE, "indented\n  more", "plain <x> & y"]
    tags = _Tags(result.html)
    assert [h for h in tags.hrefs() if h.startswith("cove:")] == [
        "cove:copycode/42-0", "cove:copycode/42-1", "cove:copycode/42-2"]
    assert len(tags.named("pre")) == 3
    assert "plain &lt;x&gt; &amp; y</pre>" in result.html
    assert "<span style=" in result.html.split("<pre")[1]  # python is highlighted
    assert "<span style=" not in result.html.split("<pre")[3]  # no language: plain text
    assert "python \xa0·\xa0 " in tags.text and "text \xa0·\xa0 " in tags.text  # the header names the language


def test_unknown_language_is_plain_and_info_string_is_escaped():
    result = render('```"><a href="cove:delete/1">x\nbody\n```', 3)
    assert result.code_blocks == ["body"]
    assert [h for h in _Tags(result.html).hrefs()] == ["cove:copycode/3-0"]


def test_raw_html_is_shown_as_text_never_markup():
    text = ('Click <a href="cove:delete/1">here</a> <script>alert(1)</script>\n\n'
            '<div onclick="x">block</div>\n\n<cove:delete/2> <img src="file:///etc/passwd">')
    result = render(text, 1)
    tags = _Tags(result.html)
    assert {name for name, _ in tags.tags} == {"p"}
    assert tags.hrefs() == []
    assert '<a href="cove:delete/1">' in "".join(tags.text)  # the reader sees what the model wrote
    assert "&lt;script&gt;" in result.html


@pytest.mark.parametrize("link", [
    "[x](javascript:alert(1))", "[x](cove:delete/1)", "[x](file:///etc/passwd)", "[x](relative/page)",
    "<javascript:alert(1)>", "[x](JAVASCRIPT:alert(1))", "![x](file:///etc/passwd)"])
def test_only_web_and_mail_links_are_links(link):
    tags = _Tags(render(link, 1).html)
    assert tags.hrefs() == []
    assert tags.named("img") == []


def test_web_and_mail_links():
    text = '[a](https://x.org/?q=1&r="2") <http://y.org> [m](mailto:me@x.org) ![pic](https://z/p.png)'
    tags = _Tags(render(text, 1).html)
    assert tags.hrefs() == ["https://x.org/?q=1&r=%222%22", "http://y.org", "mailto:me@x.org", "https://z/p.png"]
    assert tags.named("img") == []  # an image is a link to it, never loaded


@pytest.mark.parametrize("text", [
    "Some **bold", "trailing **", "```python\ndef f():\n    return 1", "```",
    "| a | b |\n|--", "| a | b |\n|---|---|\n| 1",
    "- a\n  - ", "[link](https://x", "> quote\n> ```js\n> let", "1. x\n2.", "`unclosed code", "\n\n\n", ""])
def test_partial_markdown_renders(text):
    render(text, 1)
    render(text, 1, dark=True)
    to_plain_text(text)


def test_every_prefix_of_an_answer_renders():
    answer = ("# T\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\nSee **this** and [l](https://x).\n\n"
              "```py\nx = [1,\n  2]\n```\n- i\n  - j")
    for end in range(len(answer) + 1):
        render(answer[:end], 1)


def test_an_unclosed_fence_is_already_a_code_block():
    result = render("Here:\n\n```python\ndef f():\n    return 1 **", 9)
    assert result.code_blocks == ["def f():\n    return 1 **"]
    assert "cove:copycode/9-0" in _Tags(result.html).hrefs()
    assert "<pre" in result.html


def test_plain_text_drops_the_markdown():
    text = ("# Title\n\nSome **bold** and `code` [link](https://x.org).\nNext line\n\n- a\n  - b\n- c\n\n"
            "1. one\n2. two\n\n> quoted\n\n| h | i |\n|---|---|\n| 1 | 2 |\n\n```python\n    indented <x>\n```\nEnd")
    assert to_plain_text(text) == (
        "Title\n\nSome bold and code link.\nNext line\n\n- a\n  - b\n- c\n\n1. one\n2. two\n\n"
        "quoted\n\nh\ti\n1\t2\n\n    indented <x>\n\nEnd")


def test_dark_changes_the_colours():
    text = "```python\nx = 1\n```\n\n`inline`\n\n| a |\n|---|\n| 1 |"
    light, dark = render(text, 1).html, render(text, 1, dark=True).html
    light_bg = _Tags(light).named("table")[0]["bgcolor"]
    dark_bg = _Tags(dark).named("table")[0]["bgcolor"]
    assert light_bg != dark_bg
    assert light.split("<code")[1] != dark.split("<code")[1]
    assert light.split("<pre")[1] != dark.split("<pre")[1]
    assert render(text, 1).code_blocks == render(text, 1, dark=True).code_blocks


def test_copy_label_can_be_translated():
    assert ">Kopieren</a>" in render("```\nx\n```", 1, copy_label="Kopieren").html


def test_what_qt_shows(qapp):
    """Rendered into a QTextDocument, as the transcript does: the code keeps its layout."""
    from PySide6.QtGui import QTextDocument

    text = (f"Intro [site](https://x.org)\n\n```python\n{CODE}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            "```\n\ttab <&>\n```\n\n```python\n\nx = 1  # after a blank line\n```")
    document = QTextDocument()
    document.setDefaultStyleSheet("p { margin: 0; }")  # as the transcript's
    document.setHtml(render(text, 5).html)
    shown = document.toPlainText()
    assert CODE in shown
    assert "\ttab <&>" in shown
    assert "Copy\n\nx = 1  # after a blank line" in shown  # Qt drops a newline right after <pre>
    assert "<span" not in shown and "&amp;" not in shown

    anchors, monospace = [], set()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            href = fragment.charFormat().anchorHref()
            if href:
                anchors.append((href, fragment.text()))
            if "monospace" in (fragment.charFormat().fontFamilies() or []):
                monospace.add(fragment.text())
            fragments += 1
        block = block.next()
    assert anchors == [("https://x.org", "site"), ("cove:copycode/5-0", "Copy"), ("cove:copycode/5-1", "Copy"),
                       ("cove:copycode/5-2", "Copy")]
    assert "    " in monospace and "def" in monospace  # the code is set in a fixed-width font

    tables = [frame for frame in document.rootFrame().childFrames()]
    assert len(tables) == 4
    assert tables[0].format().background().color().name() == render(text, 5).html.split('bgcolor="')[1][:7]
    assert tables[1].format().border() == 1
