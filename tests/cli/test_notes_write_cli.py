"""`cove notes new` and `cove notes save`: quick capture and saving conversations as notes."""

import io
import json
import sys

import pytest

from app.cli import main
from app.core import paths
from app.core import store as st
from app.core.notes import writing


@pytest.fixture
def vault(tmp_path, capsys):
    folder = tmp_path / "vault"
    (folder / "ideas").mkdir(parents=True)
    (folder / "old.md").write_text("# Old\n\nherons\n")
    assert main(["notes", "add", str(folder)]) == 0
    capsys.readouterr()
    return folder


def run(capsys, *args):
    code = main(["notes", *args])
    out, err = capsys.readouterr()
    return code, out, err


def files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


class Pipe(io.TextIOWrapper):
    def isatty(self):
        return False


def test_new_writes_prints_indexes_and_remembers_the_folder(vault, capsys):
    code, out, err = run(capsys, "new", "--folder", "vault", "--title", "Call the plumber", "--tag", "home",
                         "The sink drips; plumber Zebulon comes Tuesday.")
    path = vault / "Call the plumber.md"
    assert (code, out) == (0, f"{path}\n") and "Traceback" not in err
    front = writing.parse_front_matter(path.read_text())
    assert front["title"] == "Call the plumber" and front["tags"] == ["home"]
    code, out, _ = run(capsys, "search", "Zebulon", "--json")
    assert code == 0 and [hit["path"] for hit in json.loads(out)] == ["Call the plumber.md"]
    # remembered: the next note goes to the same folder without --folder
    code, out, _ = run(capsys, "new", "--folder", str(vault / "ideas"), "a sub-folder idea")
    assert code == 0 and out == f"{vault / 'ideas' / 'a sub-folder idea.md'}\n"
    code, out, _ = run(capsys, "new", "another idea")
    assert code == 0 and out == f"{vault / 'ideas' / 'another idea.md'}\n"


def test_new_from_standard_input_with_invalid_utf8(vault, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Pipe(io.BytesIO(b"# Groceries\nbeans \xff\xfe and rice\n"), encoding="utf-8"))
    code, out, _ = run(capsys, "new", "--folder", str(vault))
    path = vault / "Groceries.md"
    assert (code, out) == (0, f"{path}\n")
    assert "beans \ufffd\ufffd and rice" in path.read_text(encoding="utf-8")


def test_new_with_a_template(vault, capsys):
    code, out, _ = run(capsys, "new", "--folder", str(vault), "--template", "Meeting notes", "--title", "Standup",
                       "we shipped")
    text = (vault / "Standup.md").read_text()
    assert code == 0 and "# Standup" in text and "we shipped" in text and "## Decisions" in text
    before = files(vault)
    code, out, err = run(capsys, "new", "--folder", str(vault), "--template", "Nope", "x")
    assert (code, out) == (1, "") and "There is no note template 'Nope'. Templates: Meeting notes, Summary." in err
    assert files(vault) == before


def test_errors_are_one_line_and_write_nothing(vault, capsys, tmp_path, admin_policy):
    outside = tmp_path / "outside"
    outside.mkdir()
    before = files(vault), files(outside)
    cases = [
        (["new", "--folder", str(outside), "x"], "is not one of your notes folders"),
        (["new", "--folder", str(vault / ".." / "outside"), "x"], "is not one of your notes folders"),
        (["new", "x"], "Say which notes folder to save into"),
        (["new", "--folder", str(vault), "   "], "There is no text to save"),
        (["save", "--conversation", "99", "--folder", str(vault)], "There is no conversation 99"),
    ]
    for args, message in cases:
        code, out, err = run(capsys, *args)
        assert (code, out) == (1, "") and message in err and len(err.strip().splitlines()) == 1, (args, err)
    admin_policy("notes = false\n")
    code, out, err = run(capsys, "new", "--folder", str(vault), "x")
    assert (code, out) == (1, "") and "turned off by your administrator" in err
    assert (files(vault), files(outside)) == before


def test_save_an_answer_and_a_conversation(vault, capsys):
    store = st.Store(paths.current().database)
    try:
        c = store.create_conversation(title="Bread")
        store.add_user_message(c.id, "How long does sourdough rise?")
        answer = store.finish_answer(store.begin_answer(c.id, "/m/Smol.gguf", {}).id, "About eight hours.",
                                     st.COMPLETE)
        other = store.create_conversation(title="Other")
    finally:
        store.close()
    code, out, _ = run(capsys, "save", "--conversation", str(c.id), "--message", str(answer.id),
                       "--folder", str(vault))
    path = vault / "How long does sourdough rise.md"
    assert (code, out) == (0, f"{path}\n")
    front = writing.parse_front_matter(path.read_text())
    assert (front["source_conversation"], front["source_message"], front["source_uuid"]) == (c.id, answer.id, c.uuid)
    code, out, _ = run(capsys, "save", "--conversation", str(c.id), "--folder", str(vault), "--tag", "baking")
    text = (vault / "Bread.md").read_text()
    assert code == 0 and "## You" in text and "About eight hours." in text
    code, out, err = run(capsys, "save", "--conversation", str(other.id), "--message", str(answer.id),
                         "--folder", str(vault))
    assert (code, out) == (1, "") and f"is not in conversation {other.id}" in err
