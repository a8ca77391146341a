"""Passages follow the note's structure: heading paths, pages, paragraphs, line ranges, overlap."""

from app.core.notes import chunking
from app.core.notes.chunking import OVERLAP_CHARS, TARGET_CHARS, chunk_pages, chunk_text

NOTE = """---
title: Plans
tags: [work]
---
# Project

Intro paragraph.

## Budget

The budget is forty thousand euros.

### 2024

Spent half by June.

```python
# a comment, not a heading
print("hi")
```

## People

Ana leads it.
"""


def test_headings_give_each_passage_its_heading_path_and_lines():
    passages = chunk_text(NOTE)
    by_text = {p.text.splitlines()[0]: p for p in passages}
    assert [p.ordinal for p in passages] == list(range(len(passages)))
    front = by_text["---"]  # front matter is kept as text, and its lines are not headings
    assert front.heading == "" and "title: Plans" in front.text and (front.line_start, front.line_end) == (1, 4)
    assert by_text["Intro paragraph."].heading == "Project"
    budget = by_text["The budget is forty thousand euros."]
    assert budget.heading == "Project > Budget" and (budget.line_start, budget.line_end) == (11, 11)
    spent = by_text["Spent half by June."]
    assert spent.heading == "Project > Budget > 2024"
    # The code fence stays whole and its "# a comment" is not taken for a heading.
    assert "# a comment, not a heading" in spent.text and 'print("hi")' in spent.text
    assert (spent.line_start, spent.line_end) == (15, 20)
    assert by_text["Ana leads it."].heading == "Project > People"  # H2 after H3 drops the H3
    lines = NOTE.splitlines()
    for p in passages:  # every line range points at exactly the passage's text
        assert "\n".join(lines[p.line_start - 1:p.line_end]).replace("\n\n", "\n") == p.text.replace("\n\n", "\n")


def test_long_sections_are_split_with_overlap_and_exact_line_ranges():
    paragraphs = [f"Paragraph {i} " + "word " * 30 for i in range(40)]  # ~180 chars each, below the overlap size
    text = "# Long\n\n" + "\n\n".join(paragraphs) + "\n"
    passages = chunk_text(text)
    assert len(passages) > 5
    assert all(len(p.text) <= TARGET_CHARS for p in passages)
    assert all(p.heading == "Long" for p in passages)
    for before, after in zip(passages, passages[1:]):
        # The last paragraph of one passage opens the next: a sentence at a boundary is found whole.
        assert after.text.startswith(before.text.split("\n\n")[-1])
        assert after.line_start == before.line_end
    assert sorted({p for passage in passages for p in range(passage.line_start, passage.line_end + 1)
                   if text.splitlines()[p - 1].strip()}) == [i for i, line in enumerate(text.splitlines(), 1)
                                                              if line.strip() and not line.startswith("#")]


def test_a_huge_paragraph_and_a_huge_line_are_cut_into_windows():
    lines = [f"line {i} " + "x" * 60 for i in range(200)]
    passages = chunk_text("\n".join(lines), markdown=False)
    assert len(passages) > 10 and all(len(p.text) <= TARGET_CHARS for p in passages)
    assert passages[0].line_start == 1 and passages[-1].line_end == 200
    assert all(b.line_start <= a.line_end for a, b in zip(passages, passages[1:]))  # windows overlap by lines
    one_line = "y" * (TARGET_CHARS * 5)
    windows = chunk_text(one_line, markdown=False)
    assert len(windows) >= 5 and all(w.line_start == w.line_end == 1 for w in windows)
    assert "".join(w.text[:TARGET_CHARS - OVERLAP_CHARS] for w in windows[:-1]) + windows[-1].text == one_line


def test_plain_text_has_no_headings():
    passages = chunk_text("# not a heading in a .txt\n\nbody\n", markdown=False)
    assert [p.heading for p in passages] == [""] and "# not a heading" in passages[0].text


def test_pages_never_share_a_passage_and_know_their_page():
    pages = ["First page text.", "", "Third page.\n\nSecond paragraph of page three."]
    passages = chunk_pages(pages)
    assert [(p.page, p.text) for p in passages] == [(1, "First page text."),
                                                     (3, "Third page.\n\nSecond paragraph of page three.")]
    assert passages[1].line_start == 1 and passages[1].line_end == 3


def test_passage_hash_follows_its_text():
    a, b = chunk_text("alpha\n\nbeta"), chunk_text("alpha\n\nbeta")
    assert a[0].sha256 == b[0].sha256 and a[0].sha256 != chunk_text("alpha!")[0].sha256
    assert chunking.chunk_text("") == [] and chunking.chunk_text("\n\n  \n") == []


def test_a_huge_file_costs_linear_work_and_a_bounded_number_of_passages():
    size = 3 * 1024 * 1024
    text = ("word " * (size // 5))[:size]  # one 3 MB line: no structure to find
    passages = chunk_text(text, markdown=True)
    step = TARGET_CHARS - OVERLAP_CHARS
    assert len(passages) == -(-(size - TARGET_CHARS) // step) + 1
    assert all(len(p.text) <= TARGET_CHARS and p.line_start == 1 for p in passages)
    many_lines = "\n".join("x" for _ in range(200_000))  # 200,000 one-character lines, one paragraph
    windows = chunk_text(many_lines, markdown=False)
    assert windows[-1].line_end == 200_000 and len(windows) < 200_000 * 2 // (TARGET_CHARS - OVERLAP_CHARS) + 2
