"""`cove notes add | list | remove | refresh | status | search`, Delete all my data, and exports."""

import contextlib
import json
import os
import stat
from pathlib import Path

import pytest

from app.cli import main
from app.core import data_hygiene, exporting, paths
from app.core.store import Store


@pytest.fixture
def vault(tmp_path):
    folder = tmp_path / "vault"
    (folder / "projects").mkdir(parents=True)
    (folder / ".obsidian").mkdir()
    (folder / ".obsidian" / "workspace.md").write_text("hidden settings about flamingos\n")
    (folder / "projects" / "garden.md").write_text("# Garden\n\n## Budget\n\nForty euros for tulip bulbs.\n")
    (folder / "journal.txt").write_text("Saw a heron by the canal today.\n")
    (folder / "odd\nname.md").write_text("a note about capybaras\n")
    (folder / "blob.txt").write_bytes(b"\0\0binary")
    return folder


def snapshot(folder):
    """Every entry under the folder with its bytes and times: proof nothing was written there."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            out[path] = (st.st_mtime_ns, st.st_size, Path(path).read_bytes() if os.path.isfile(path) else None)
    return out


def run(capsys, *args):
    code = main(["notes", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_search_status_remove(vault, capsys):
    before = snapshot(vault)
    code, out, err = run(capsys, "add", str(vault))
    assert code == 0 and out == ""
    assert f"Indexing {vault}" in err and "4/4 files" in err and "1 file could not be read" in err
    assert snapshot(vault) == before  # nothing written into the notes folder
    index = paths.current().notes_index
    assert stat.S_IMODE(index.stat().st_mode) == 0o600

    code, out, _ = run(capsys, "list")
    assert code == 0 and out == f"{vault}\t3 files\t3 passages\n"

    code, out, _ = run(capsys, "search", "tulip budget")
    assert code == 0 and out.splitlines()[0].startswith("[1] projects/garden.md › Garden > Budget (line 5)")
    assert "[tulip]" in out

    code, out, _ = run(capsys, "search", "capybaras heron", "--json", "--limit", "5")
    hits = json.loads(out)
    assert {h["path"] for h in hits} == {"odd\nname.md", "journal.txt"}
    assert all(set(h) >= {"path", "heading", "lines", "page", "score", "text"} for h in hits)
    assert hits[0]["score"] >= hits[-1]["score"]

    code, out, err = run(capsys, "search", "capybaras")
    assert code == 0 and "odd\\nname.md" in out and "odd\nname.md" not in out  # one line per name

    code, out, _ = run(capsys, "status")
    assert code == 0 and "1 notes folder, 3 files indexed, 3 passages, 1 unreadable" in out
    assert f"{vault}/blob.txt: looks like a binary file" in out and "flamingos" not in out

    code, out, err = run(capsys, "search", "flamingos")
    assert code == 0 and out == "" and "Nothing found in your notes for 'flamingos'" in err

    code, _, err = run(capsys, "remove", str(vault))
    assert code == 0 and "the files themselves are untouched" in err
    code, out, err = run(capsys, "list")
    assert out == "" and "No notes folders yet" in err
    assert snapshot(vault) == before


def test_add_again_and_refresh_read_only_what_changed(vault, capsys):
    assert run(capsys, "add", str(vault))[0] == 0
    code, _, err = run(capsys, "add", str(vault))
    assert code == 0 and f"Re-reading {vault}" in err and "0 read; 3 unchanged" in err
    (vault / "journal.txt").write_text("Saw an otter by the canal today.\n")
    os.utime(vault / "journal.txt", ns=(0, 10**18))
    code, _, err = run(capsys, "refresh")
    assert code == 0 and "1 read; 2 unchanged" in err
    assert json.loads(run(capsys, "search", "otter", "--json")[1])[0]["path"] == "journal.txt"


def rows(capsys):
    return run(capsys, "list")[1]


@pytest.mark.parametrize("args, message", [
    (["add", "/nonexistent/folder"], "cove: The folder /nonexistent/folder does not exist."),
    (["remove", "/nonexistent/folder"], "cove: /nonexistent/folder is not a notes folder."),
    (["search", "   "], "cove: Give some words to search for"),
    (["search", "x", "--limit", "0"], "cove: --limit must be a whole number from 1 to 1000."),
    (["search", "x", "--limit", "many"], "cove: argument --limit: invalid int value"),
])
def test_mistakes_are_one_line_and_change_nothing(vault, capsys, args, message):
    assert run(capsys, "add", str(vault))[0] == 0
    before = rows(capsys)
    with pytest.raises(SystemExit) if "many" in args else contextlib.nullcontext():
        code, out, err = run(capsys, *args)
        assert code == 1 and out == ""
    if "many" in args:
        err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err
    assert rows(capsys) == before


def test_policy_turns_notes_off_or_limits_the_folders(vault, tmp_path, capsys, admin_policy):
    assert run(capsys, "add", str(vault))[0] == 0
    admin_policy("notes = false\n")
    for args in (["add", str(vault)], ["search", "heron"], ["refresh"]):
        code, out, err = run(capsys, *args)
        assert code == 1 and out == "" and "Reading notes folders is turned off by your administrator" in err
    assert run(capsys, "list")[1] == f"{vault}\t3 files\t3 passages\n"  # still listed, and removable

    allowed_root = tmp_path / "allowed"
    (allowed_root / "ok").mkdir(parents=True)
    admin_policy(f'notes_roots = ["{allowed_root}"]\n')
    code, _, err = run(capsys, "add", str(tmp_path / "elsewhere"))
    assert code == 1
    code, _, err = run(capsys, "add", str(vault))
    assert code == 1 and f"Allowed notes folders: {allowed_root}" in err
    # A folder added before the policy is no longer searched.
    assert json.loads(run(capsys, "search", "heron", "--json")[1]) == []
    assert run(capsys, "add", str(allowed_root / "ok"))[0] == 0


def test_delete_all_my_data_removes_the_index_and_exports_never_include_it(vault, capsys, tmp_path):
    assert run(capsys, "add", str(vault))[0] == 0
    app_paths = paths.current()
    store = Store(app_paths.database)
    conversation = store.create_conversation(title="Plans")
    store.add_user_message(conversation.id, "hello")
    written = exporting.export_json(store, tmp_path / "out", [conversation.id])
    markdown = exporting.export_markdown(store, tmp_path / "md", [conversation.id])
    store.close()
    for path in [written, *markdown]:
        text = path.read_text()
        assert "tulip" not in text and "heron" not in text and "notes-index" not in text

    assert "Notes index — 1 file" in data_hygiene.describe(app_paths, include_models=False)
    report = data_hygiene.delete_all_data(app_paths)
    assert "Notes index" in [r.what for r in report.removed] and report.failed == []
    assert not app_paths.notes_index.exists()
    assert not app_paths.notes_index.with_name("notes-index.db-wal").exists()
    assert (vault / "journal.txt").read_text().startswith("Saw a heron")  # the notes themselves are kept
    assert run(capsys, "list")[1] == ""  # the folder list went with it
