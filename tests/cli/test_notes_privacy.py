"""A notes session opens no network connection: add a folder, search it, watch it, check its status.

Twice over, as tests/test_privacy_session.py does for the window: under an audit
hook that refuses every socket connect and name lookup in this process, and in
a separate process inside a Linux network namespace with no network (`unshare -n`).
"""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from app.cli import main
from app.core import network_log, paths
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from app.core.notes.retrieval import search
from app.core.notes.watcher import Watcher
from tests.support.network_guard import namespace_command, sockets_refused

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repository, where `-m app` is found


@pytest.fixture
def no_network():
    with sockets_refused() as guard:
        yield guard


def make_vault(folder):
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("# Trip\n\nThe ferry to the island leaves at nine.\n")
    (folder / "sub" / "b.html").write_text("<h1>Recipe</h1><p>Bake the bread for forty minutes.</p>")
    (folder / "c.txt").write_text("Call the plumber about the leak.\n")


def session(folder, capsys) -> list:
    """Add, search (text and JSON), status, then the watcher following an edit."""
    assert main(["notes", "add", str(folder)]) == 0
    assert main(["notes", "search", "ferry island"]) == 0
    assert main(["notes", "search", "bread", "--json"]) == 0
    assert main(["notes", "status"]) == 0
    out = capsys.readouterr().out
    assert "a.md" in out and '"path": "sub/b.html"' in out
    with NotesIndex(paths.current().notes_index) as db:
        indexer = Indexer(db)
        watcher = Watcher(indexer, db.roots(), debounce=0.2)
        watcher.start()
        try:
            (folder / "c.txt").write_text("Call the electrician about the lights.\n")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not search(db, "electrician"):
                time.sleep(0.05)
        finally:
            watcher.stop()
        return search(db, "electrician")


def test_a_notes_session_opens_no_network_socket(tmp_path, no_network, capsys):
    make_vault(tmp_path / "vault")
    hits = session(tmp_path / "vault", capsys)
    assert [h.path for h in hits] == ["c.txt"]
    assert no_network.seen == []
    assert not network_log.log_path().exists()



def test_notes_commands_work_in_a_network_namespace(tmp_path):
    make_vault(tmp_path / "vault")
    command = namespace_command() or []  # no namespaces here: still a separate process, still checked below
    env = {**os.environ, "COVE_HOME": str(tmp_path / "home")}
    probe = "import socket; print([n for _i, n in socket.if_nameindex()])"

    def cove(*args):
        return subprocess.run(command + [sys.executable, "-m", "app", "notes", *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    assert cove("add", str(tmp_path / "vault")).returncode == 0
    found = cove("search", "plumber leak", "--json")
    assert found.returncode == 0, found.stderr
    assert [hit["path"] for hit in json.loads(found.stdout)] == ["c.txt"]
    if command:
        interfaces = subprocess.run(command + [sys.executable, "-c", probe], capture_output=True, text=True)
        assert interfaces.stdout.strip() == "['lo']"  # really no network in there
    else:
        assert not sys.platform.startswith("linux") or shutil.which("unshare") is None
