"""The note viewer's content: the note with the cited passage located, or the stored passage when the
note changed or is gone; and the shared ask steps (find, record_citations) the window and CLI use."""

from app.core.notes import asking, viewing
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer

NOTE = "# Trips\n\n## Ferry\n\nThe ferry to Tallinn leaves at nine from pier four.\n\n## Food\n\nEat at the market.\n"


def sources_for(tmp_path, question="When does the ferry to Tallinn leave?"):
    folder = tmp_path / "vault"
    folder.mkdir(exist_ok=True)
    (folder / "ferry.md").write_text(NOTE)
    index_path = tmp_path / "notes-index.db"
    with NotesIndex(index_path) as index:
        Indexer(index).sync(index.add_root(folder))
    prompt = [{"role": "user", "content": question}]
    return folder, index_path, asking.find(index_path, question, prompt, 4096, 256)


def test_viewer_locates_the_passage_in_the_current_note(tmp_path):
    folder, _index, found = sources_for(tmp_path)
    shown = viewing.view(found.sources[0])
    assert shown.state == viewing.CURRENT and shown.text == NOTE
    assert shown.passage == "The ferry to Tallinn leaves at nine from pier four."


def test_viewer_shows_the_stored_passage_when_the_note_changed_or_is_gone(tmp_path):
    folder, _index, found = sources_for(tmp_path)
    source = found.sources[0]
    (folder / "ferry.md").write_text(NOTE.replace("nine", "ten"))
    changed = viewing.view(source)
    assert changed.state == viewing.CHANGED and changed.passage == source.text and "nine" in changed.text
    (folder / "ferry.md").unlink()
    gone = viewing.view(source)
    assert gone.state == viewing.GONE and gone.text == source.text


def test_find_gives_a_reason_instead_of_sources(tmp_path):
    prompt = [{"role": "user", "content": "anything"}]
    assert asking.find(tmp_path / "none.db", "anything", prompt, 4096, 256).reason == asking.NO_FOLDERS
    assert not asking.has_folders(tmp_path / "none.db")
    _folder, index_path, found = sources_for(tmp_path)
    assert found.sources and found.reason == "" and asking.has_folders(index_path)
    nothing = asking.find(index_path, "zebra", [{"role": "user", "content": "zebra"}], 4096, 256)
    assert nothing.sources == [] and nothing.reason == asking.NOTHING_FOUND


def test_record_citations_marks_what_the_answer_cites(tmp_path):
    _folder, _index, found = sources_for(tmp_path)
    marked = _FakeStore()
    cited = asking.record_citations(marked, 5, "At nine [1].", found.sources)
    assert cited[0].cited and not any(s.cited for s in cited[1:])
    assert marked.calls == [(5, [1])]
    assert asking.record_citations(marked, 6, "At nine [1].", []) == [] and len(marked.calls) == 1


class _FakeStore:
    def __init__(self):
        self.calls = []

    def mark_cited(self, message_id, numbers):
        self.calls.append((message_id, numbers))


def test_viewer_shows_a_pdf_page_with_its_passage(tmp_path):
    from tests.core.test_notes_readers import make_pdf

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(make_pdf(["Alpha page one", "Beta budget page two", "Gamma page three"]))
    index_path = tmp_path / "notes-index.db"
    with NotesIndex(index_path) as index:
        Indexer(index).sync(index.add_root(folder))
    found = asking.find(index_path, "budget", [{"role": "user", "content": "budget"}], 4096, 256)
    source = found.sources[0]
    assert source.page == 2
    shown = viewing.view(source)
    assert shown.state == viewing.CURRENT and "Beta budget page two" in shown.text
    assert "Alpha" not in shown.text and "budget" in shown.passage  # the page's text, not the whole file


def test_find_passes_meaning_search_through_when_given(tmp_path, monkeypatch):
    _folder, index_path, _found = sources_for(tmp_path)
    seen = []

    def retrieve(index, question, tokens, folders, **kwargs):
        seen.append(kwargs)
        return []

    monkeypatch.setattr(asking.citing, "retrieve", retrieve)
    prompt = [{"role": "user", "content": "ferry"}]
    sentinel = ("vectors", "embedder")
    assert asking.find(index_path, "ferry", prompt, 4096, 256, meaning=sentinel).reason == asking.NOTHING_FOUND
    asking.find(index_path, "ferry", prompt, 4096, 256)
    assert seen == [{"meaning": sentinel, "on_meaning_error": None}, {"meaning": None, "on_meaning_error": None}]
