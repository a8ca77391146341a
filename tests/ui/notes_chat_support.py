"""Shared by the notes-in-the-window tests: a small vault, indexed; an answer with stored sources."""

from pathlib import Path

from PySide6.QtCore import QUrl

from app.core import paths
from app.core.notes import asking
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer

FERRY = ("# Trips\n\n## Ferry\n\nThe ferry to Tallinn leaves at nine in the morning from pier four.\n\n"
         "## Food\n\nEat at the covered market near the station.\n")
PASSAGE = "The ferry to Tallinn leaves at nine in the morning from pier four."
MARKET = "Eat at the covered market near the station."
QUESTION = "When does the ferry to Tallinn leave?"


def make_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "ferry.md").write_text(FERRY)
    (folder / "garden.md").write_text("# Garden\n\nWater the tomatoes every second day.\n")
    return folder


def add_folder(folder: Path) -> None:
    """As `cove notes add` does: the folder added and indexed."""
    with NotesIndex(paths.current().ensure().notes_index) as index:
        Indexer(index).sync(index.add_root(folder))


def answer_with_sources(store, text: str = "It leaves at nine [1].", question: str = QUESTION) -> tuple[int, int]:
    """A conversation with a question and an answer based on the indexed notes: (conversation id, answer id)."""
    conversation = store.create_conversation(title="Ferry")
    store.add_user_message(conversation.id, question)
    answer = store.begin_answer(conversation.id, "model.gguf", {})
    store.finish_answer(answer.id, text, "complete")
    prompt = [{"role": "user", "content": question}]
    found = asking.find(paths.current().notes_index, question, prompt, 4096, 256)
    store.add_sources(answer.id, found.sources)
    asking.record_citations(store, answer.id, text, found.sources)
    return conversation.id, answer.id


def click_link(transcript, href: str) -> None:
    """Activate a link of the transcript as a click does (the link must be on the page)."""
    assert f'href="{href}"' in transcript.toHtml(), href
    transcript.anchorClicked.emit(QUrl(href))
