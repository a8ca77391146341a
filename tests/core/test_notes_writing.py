"""Writing notes (app/core/notes/writing.py): safe unique names, no overwrite, no symlink followed,
front matter that reads back, policy and folder checks, templates, indexed at once."""

import os
import stat
from datetime import datetime, timezone

import pytest

from app.core import policy
from app.core import store as st
from app.core.errors import CoveError
from app.core.notes import writing
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.retrieval import search

NOON = datetime(2026, 3, 4, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def vault(tmp_path):
    folder = tmp_path / "vault"
    (folder / "meetings").mkdir(parents=True)
    (folder / "old.md").write_text("# Old\n\nA note about herons.\n")
    os.chmod(folder, 0o755)
    os.chmod(folder / "meetings", 0o700)
    return folder


@pytest.fixture
def index(tmp_path, vault):
    with NotesIndex(tmp_path / "data" / "notes.db") as idx:
        Indexer(idx).sync(idx.add_root(vault))
        yield idx


def listing(folder):
    return sorted((p.relative_to(folder).as_posix(), p.read_bytes() if p.is_file() else None)
                  for p in folder.rglob("*"))


@pytest.mark.parametrize("title, expected", [
    ("a/b\\c", "a b c"),
    ("../../etc/passwd", "etc passwd"),
    ("..", "Untitled note"),
    ("nul\x00byte\nnew line", "nul byte new line"),
    ("CON", "CON note"),
    ("nul.txt", "nul.txt note"),
    ("com1", "com1 note"),
    ("   ", "Untitled note"),
    (".hidden", "hidden"),
    ("Trip 🏔️ plans", "Trip 🏔️ plans"),
    ("bad \ud800 surrogate", "bad \ufffd surrogate"),
])
def test_safe_titles(title, expected):
    assert writing.safe_title(title) == expected


def test_long_titles_are_cut_at_100_bytes_on_a_character_boundary():
    cut = writing.safe_title("é" * 1000)
    assert len(cut.encode("utf-8")) <= 100 and cut == "é" * 50
    words = writing.safe_title("word " * 200)
    assert len(words.encode()) <= 100 and not words.endswith(" ") and words.endswith("word")


def test_hostile_titles_land_inside_the_folder(index, vault):
    for title in ("../escape", "/abs/path", "a\x00b", "x" * 1000, "NUL", "🙂" * 60, "\n\n"):
        path = writing.save(index, str(vault), writing.from_selection("body", title), policy.current(), now=NOON)
        assert path.parent == vault and path.is_file()
        assert "/" not in path.name and "\x00" not in path.name and len(path.name.encode()) <= 110
    assert not (vault.parent / "escape.md").exists()


def test_collisions_get_numbers_and_never_overwrite(index, vault):
    first = writing.save(index, str(vault), writing.from_selection("one", "Plan"), policy.current(), now=NOON)
    second = writing.save(index, str(vault), writing.from_selection("two", "Plan"), policy.current(), now=NOON)
    third = writing.save(index, str(vault), writing.from_selection("three", "Plan"), policy.current(), now=NOON)
    assert [first.name, second.name, third.name] == ["Plan.md", "Plan (2).md", "Plan (3).md"]
    assert "one" in first.read_text() and "two" in second.read_text() and "three" in third.read_text()
    assert not [p for p in vault.iterdir() if p.name.startswith(".cove-note")]  # no temporary file left


def test_a_symlink_at_the_name_is_not_followed(index, vault, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("keep me")
    (vault / "Plan.md").symlink_to(outside)
    (vault / "Plan (2).md").symlink_to(tmp_path / "dangling")
    path = writing.save(index, str(vault), writing.from_selection("new words", "Plan"), policy.current(), now=NOON)
    assert path.name == "Plan (3).md" and not path.is_symlink()
    assert outside.read_text() == "keep me" and not (tmp_path / "dangling").exists()


def test_front_matter_reads_back_and_mode_follows_the_folder(index, vault):
    os.umask(0o077)  # as Cove runs: the note's mode must not come from Cove's private umask
    draft = writing.Draft('He said "hi": yes', "Body\n", ("work", 'odd "tag"', "work"),
                          writing.Source(7, "uuid-7", 12))
    path = writing.save(index, str(vault), draft, policy.current(), now=NOON)
    front = writing.parse_front_matter(path.read_text())
    assert front == {"title": 'He said "hi": yes', "date": "2026-03-04T12:00:00+00:00",
                     "tags": ["work", 'odd "tag"'], "source_conversation": 7, "source_uuid": "uuid-7",
                     "source_message": 12}
    assert path.read_text().endswith("---\n\nBody\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    sub = writing.save(index, str(vault / "meetings"), writing.from_selection("x", "Sub"), policy.current(),
                       now=NOON)
    assert sub.parent == vault / "meetings" and stat.S_IMODE(sub.stat().st_mode) == 0o600


def test_indexed_at_once(index, vault):
    assert search(index, "zeppelin") == []
    path = writing.save(index, "vault", writing.from_selection("A zeppelin over the bay", "Sky"), policy.current())
    hits = search(index, "zeppelin")
    assert [hit.file for hit in hits] == [path]


def test_folder_outside_the_notes_folders_is_refused(index, vault, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    before = listing(vault), listing(elsewhere)
    for folder in (str(elsewhere), str(vault / ".." / "elsewhere"), str(vault.parent), "nope"):
        with pytest.raises(CoveError, match="is not one of your notes folders"):
            writing.save(index, folder, writing.from_selection("x", "T"), policy.current())
    link = vault / "link-out"
    link.symlink_to(elsewhere)
    with pytest.raises(CoveError, match="is not one of your notes folders"):
        writing.save(index, str(link), writing.from_selection("x", "T"), policy.current())
    link.unlink()
    assert (listing(vault), listing(elsewhere)) == before


def test_policy_is_respected(index, vault, admin_policy, tmp_path):
    before = listing(vault)
    admin_policy("notes = false\n")
    with pytest.raises(CoveError, match="turned off by your administrator"):
        writing.save(index, str(vault), writing.from_selection("x", "T"), policy.current())
    admin_policy(f'notes_roots = ["{tmp_path / "other"}"]\n')
    with pytest.raises(CoveError, match="administrator"):
        writing.save(index, str(vault), writing.from_selection("x", "T"), policy.current())
    assert listing(vault) == before


def test_no_notes_folders_and_empty_text(tmp_path):
    with NotesIndex(tmp_path / "n.db") as idx, pytest.raises(CoveError, match="no notes folders yet"):
        writing.choose_folder("x", idx.roots(), policy.current())
    with pytest.raises(CoveError, match="no text to save"):
        writing.from_selection(" \n ")


def test_templates_fill_only_their_placeholders(index, vault):
    text = writing.fill_template("# {title}\n{date}\n{text}\n{other} {{x}}", "T", "body {title}", "2026-03-04")
    assert text == "# T\n2026-03-04\nbody {title}\n{other} {{x}}"
    from app.core.settings import Settings

    template = Settings().note_template("Meeting notes")
    path = writing.save(index, str(vault), writing.from_selection("we met", "Standup"), policy.current(),
                        template=template, now=NOON)
    body = path.read_text()
    assert "# Standup" in body and "Date: 2026-03-04" in body and "we met" in body and "## Action items" in body


def test_answer_and_conversation_become_notes(index, vault, tmp_path):
    store = st.Store(tmp_path / "cove.db")
    try:
        c = store.create_conversation(title="Lisbon trip")
        store.add_user_message(c.id, "Where should we eat?")
        answer = store.finish_answer(store.begin_answer(c.id, "/m/Smol.gguf", {}).id, "Try the pastel place.",
                                     st.COMPLETE)
        question = store.branch(c.id)[0]
        draft = writing.from_answer(store, answer.id, tags=["travel"])
        assert (draft.title, draft.body, draft.source) == ("Where should we eat?", "Try the pastel place.",
                                                         writing.Source(c.id, c.uuid, answer.id))
        with pytest.raises(CoveError, match="not an answer"):
            writing.from_answer(store, question.id)
        whole = writing.from_conversation(store, c.id)
        path = writing.save(index, str(vault), whole, policy.current(), now=NOON)
    finally:
        store.close()
    text = path.read_text()
    assert path.name == "Lisbon trip.md" and text.count("\n---\n") == 1  # only the note's front matter
    assert "## You" in text and "Where should we eat?" in text and "Try the pastel place." in text
    assert writing.parse_front_matter(text)["source_conversation"] == c.id


def test_without_hard_links_the_name_is_still_created_exclusively(index, vault, tmp_path, monkeypatch):
    import errno

    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    outside = tmp_path / "secret.txt"
    outside.write_text("keep me")
    (vault / "Plan.md").symlink_to(outside)
    monkeypatch.setattr(writing.os, "link", no_links)  # FAT drives and some network shares
    path = writing.save(index, str(vault), writing.from_selection("words", "Plan"), policy.current(), now=NOON)
    assert path.name == "Plan (2).md" and "words" in path.read_text() and outside.read_text() == "keep me"
    assert not [p for p in vault.iterdir() if p.name.startswith(".cove-note")]


def test_a_failed_write_leaves_no_file(index, vault, monkeypatch):
    import errno

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    before = listing(vault)
    monkeypatch.setattr(writing.os, "fsync", full)
    with pytest.raises(CoveError, match="is full"):
        writing.save(index, str(vault), writing.from_selection("words", "Plan"), policy.current(), now=NOON)
    assert listing(vault) == before


def test_hidden_sub_folders_are_refused_and_titles_are_one_clean_line(index, vault):
    (vault / ".obsidian").mkdir()
    before = listing(vault)
    with pytest.raises(CoveError, match="hidden folder"):
        writing.save(index, str(vault / ".obsidian"), writing.from_selection("x", "T"), policy.current())
    assert listing(vault) == before
    draft = writing.from_selection("body", "two\nlines \ud800 here", tags=["t\udcff"])
    path = writing.save(index, str(vault), draft, policy.current(), now=NOON)
    front = writing.parse_front_matter(path.read_text(encoding="utf-8"))
    assert front["title"] == "two lines \ufffd here" and front["tags"] == ["t\ufffd"]
