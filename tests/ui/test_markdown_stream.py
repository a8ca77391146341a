"""A streaming answer never shows something that changes meaning when the answer completes.

Every prefix of several answers is rendered as the transcript renders a streaming answer
and compared with the rendering of the whole answer: first the Markdown structure (blocks,
list numbers, emphasis) and words, then the transcript's own document (list items, numbers).
"""

import re

import pytest

from app.core.store import Message
from app.ui.widgets.markdown_html import _parser
from app.ui.widgets.markdown_stream import shown_text
from app.ui.widgets.transcript import TranscriptView

ANSWERS = [
    "Steps:\n\n1. Open the file.\n2. Edit **the title** line.\n3. Save it.\n\nPopulation:\nParis: 100\nLyon: 50\n",
    "Example:\n\n```python\ndef f(x):\n    return x * 2  # **not bold**\n1. not a list\n```\n\nDone with `f` and *g*.\n",
    "## Summary\n\n- one\n- two *three* and __four__\n  - nested\n\n---\n\n> quoted ~~gone~~ text\n\nEnd.",
    "| City | People |\n|---|---:|\n| Paris | 100 |\n| Lyon | 50 |\n\n10. ten\n11. eleven\n\n"
    "A snake_case_name and 2 * 3 * 4 = 24.",
    "Cities by size:\n1. Paris: 100\n2. Lyon: 50\n3. Nice: 30\n\nThe **largest** is Paris.",
]
_BLOCKS = {"paragraph_open", "heading_open", "bullet_list_open", "ordered_list_open", "list_item_open", "fence",
           "code_block", "table_open", "tr_open", "th_open", "td_open", "hr", "blockquote_open"}
_INLINE = {"strong_open", "em_open", "s_open", "code_inline", "link_open"}


def structure(text: str) -> list[tuple]:
    """Blocks and emphasis in order, with list items' numbers and lists' starts."""
    out = []
    for token in _parser().parse(text):
        if token.type in _BLOCKS:
            out.append((token.type, token.tag, token.info if token.type == "list_item_open" else "",
                        token.attrGet("start") or ""))
        elif token.type == "inline":
            out += [(child.type,) for child in token.children or [] if child.type in _INLINE]
    return out


def words(text: str) -> str:
    """The text the reader sees, without white space (markers that are syntax are not in it)."""
    out = []
    for token in _parser().parse(text):
        if token.type in ("fence", "code_block"):
            out.append(token.content)
        elif token.type == "inline":
            out += [child.content for child in token.children or [] if child.type in ("text", "code_inline")]
    return re.sub(r"\s+", "", "".join(out))


@pytest.mark.parametrize("answer", ANSWERS)
def test_every_prefix_shows_the_structure_and_words_of_the_complete_answer(answer):
    final_structure, final_words = structure(answer), words(answer)
    assert words(shown_text(answer)) == final_words  # the whole answer: nothing held back
    for end in range(len(answer) + 1):
        shown = shown_text(answer[:end])
        partial = structure(shown)
        assert partial == final_structure[:len(partial)], (answer[:end], shown)
        assert final_words.startswith(words(shown)), (answer[:end], shown)


def test_without_it_the_prefixes_do_change_meaning():
    """The comparison above can fail: raw prefixes do (a "2" in item 1, literal asterisks)."""
    answer = ANSWERS[0]
    bad = [end for end in range(len(answer) + 1)
           if structure(answer[:end]) != structure(answer)[:len(structure(answer[:end]))]
           or not words(answer).startswith(words(answer[:end]))]
    assert bad


@pytest.mark.parametrize(("partial", "shown"), [
    ("Open the file.\n2", "Open the file."),           # "2" may start item 2: held back
    ("Open the file.\n2. ", "Open the file."),
    ("Say **bol", "Say **bol**"),                     # bold from the start, never literal asterisks
    ("Say **bold*", "Say **bold**"),                  # half a closer is not an italic
    ("x * 2 is", "x * 2 is"),                         # not emphasis: nothing added
    ("Use `pri", "Use `pri`"),
    ("Text\n\n```py\nprint(1)\n``", "Text\n\n```py\nprint(1)"),  # an unclosed fence stays code
    ("| a | b |\n|--", ""),                           # a table once its delimiter row is complete
    ("Name\n-", "Name"),                              # not a heading for a moment
])
def test_what_is_held_back_or_closed(partial, shown):
    assert shown_text(partial) == shown


def test_an_unclosed_fence_renders_as_code():
    tokens = [t.type for t in _parser().parse(shown_text("Here:\n\n```python\ndef f():\n    return 1"))]
    assert "fence" in tokens


def _document_structure(view: TranscriptView) -> list[tuple[str, str]]:
    """The answer's blocks in the transcript's document: (list number or "", text), from its start."""
    block, out = view.document().findBlock(view._live_start), []
    while block.isValid():
        listed = block.textList()
        out.append((listed.itemText(block) if listed else "", block.text().strip()))
        block = block.next()
    return out


def _messages():
    return [Message(1, 1, "user", "q", "complete", "x"), Message(2, 1, "assistant", "", "streaming", "x")]


@pytest.mark.parametrize("answer", [ANSWERS[0], ANSWERS[4]])
def test_the_transcript_numbers_list_items_while_streaming_as_when_complete(qapp, answer):
    """Root cause of "1, 1, 2": replacing the streaming part left its first block in the old list."""
    view = TranscriptView()
    view.resize(700, 500)
    view.show_messages(_messages(), live_answer_id=2, live_text="")
    final = TranscriptView()
    final.resize(700, 500)
    final.show_messages(_messages(), live_answer_id=2, live_text=answer)  # rendered once, whole
    whole = [(number, text) for number, text in _document_structure(final) if text]
    for char in answer:
        view.append_answer_text(char)
        view._render_live()
        shown = [(number, text) for number, text in _document_structure(view) if text]
        numbers = [number for number, _ in shown]
        assert numbers == [number for number, _ in whole][:len(numbers)], (view.live_text, shown)
        for (number, text), (whole_number, whole_text) in zip(shown[:-1], whole):
            assert (number, text) == (whole_number, whole_text), view.live_text  # finished blocks are final
    assert "1." in [number for number, _ in whole] and "3." in [number for number, _ in whole]
