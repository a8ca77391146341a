"""Citation links and the Sources list as HTML: only numbers that name a passage, never inside code
or a tag, hostile file names escaped; and continuing a stopped answer sends the passages it had."""

from app.core import chat
from app.core.settings import Sampling
from app.core.sources import Source
from app.ui.widgets.citation_html import link_citations, source_line, sources_html
from tests.ui.notes_chat_support import PASSAGE, QUESTION, add_folder, answer_with_sources, make_vault


def source(number: int, path: str = "a.md", heading: str = "H", cited: bool = False) -> Source:
    return Source(number, "/notes", path, heading, 3, 4, None, "x" * 64, "text", cited)


def test_only_citations_of_existing_passages_become_links_and_code_is_left_alone():
    page = ("<p>Fact [1], other [1, 2] and [3]; a year [2024].</p>"
            "<pre><code>items[1] = 2 [1]</code></pre><p><a href='https://x'>[1]</a> [2]</p>")
    linked = link_citations(page, 7, {1, 2})
    assert "Fact [<a href='cove:source/7-1'>1</a>]" in linked
    assert "[<a href='cove:source/7-1'>1</a>, <a href='cove:source/7-2'>2</a>]" in linked
    assert "and [3];" in linked and "[2024]" in linked  # no such passage: plain text
    assert "<code>items[1] = 2 [1]</code>" in linked  # code stays code
    assert "<a href='https://x'>[1]</a>" in linked  # no link inside a link
    assert linked.endswith("[<a href='cove:source/7-2'>2</a>]</p>")
    assert link_citations(page, 7, set()) == page


def test_sources_list_escapes_names_and_marks_what_is_cited():
    hostile = source(1, "<img src=x onerror=alert(1)>.md", "<b>bold</b>", cited=True)
    page = sources_html([hostile, source(2)], 9, "Sources", "cited")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;.md › &lt;b&gt;bold&lt;/b&gt;" in page
    assert page.count("cove:source/9-") == 2 and page.count("· cited") == 1
    assert source_line(source(3, "x" * 5000)).endswith("… · lines 3-4") and len(source_line(source(3, "x" * 5000))) < 320
    assert sources_html([], 9, "Sources", "cited") == ""


def test_continuing_a_stopped_answer_sends_the_passages_it_started_with(qtbot, open_window, no_starter,
                                                                        tmp_path):
    add_folder(make_vault(tmp_path))
    _window, controller = open_window()
    conversation_id, answer_id = answer_with_sources(controller.store, "It leaves at")
    store = controller.store
    answer = store.message(answer_id)
    before = store.sources_for([answer_id])[answer_id]
    prompt = [{"role": "user", "content": QUESTION}]
    turn = chat.TurnStart(store.conversation(conversation_id), None, answer, prompt, continue_text="It leaves at")
    sent = controller.notes_chat.prepare(turn, None, Sampling(), lambda _prompt: None)
    assert sent is not None and PASSAGE in sent[-1]["content"] and sent[-1]["content"].endswith(QUESTION)
    assert prompt[-1]["content"] == QUESTION  # the turn's own prompt is left as it was
    assert store.sources_for([answer_id])[answer_id] == before  # nothing looked up or stored again
