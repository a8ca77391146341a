"""A fast start must not cost safety: what `cove chat` relies on to start and end quickly.

The engine starts before the rest of Cove is imported (app/engine/prestart.py), the command
line imports no numpy, pandas, Qt or llama.cpp (app/core/sqlite_lib.py), and `cove chat`
exits without waiting for the engine once the answer is saved: the answer is in the
database when the command ends, and no engine is left behind.
"""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.support.starter_model import PARIS_QUESTION

HEAVY = ("numpy", "pandas", "PySide6", "llama_cpp")
# What `cove chat` with a local model does not use: imported by the commands (or the turns) that do.
NOT_FOR_CHAT = ("app.core.notes.writing", "app.core.exporting", "app.core.notes.meaning", "app.core.notes.index",
                "app.core.notes.retrieval", "app.core.notes.indexer", "app.cli_meaning", "app.core.remote_client",
                "app.engine.remote_engine", "app.cli_models")
# What the engine process does not need before its first answer (the embedding model's code is imported with one).
# cryptography seals saved states only for an encrypted store (kv_store.py); the policy file is the app's to read
# (its verdict reaches the engine in LoadOptions).
NOT_FOR_THE_ENGINE = ("app.core.models", "app.core.notes.embedding", "importlib.metadata", "cryptography", "PySide6",
                      "app.core.policy")


def _engines_of(home: Path) -> list[int]:
    """Processes (ours) whose environment names this COVE_HOME: the command and its engine."""
    marker = f"COVE_HOME={home}".encode() + b"\0"
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _wait_until_gone(home: Path, seconds: float = 15.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _engines_of(home)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_the_command_line_imports_nothing_heavy():
    code = ("import sys, app.__main__, app.cli, app.core.store; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "none"


def _loaded(code: str, names: tuple[str, ...], *args: str) -> list[str]:
    code += f"; import sys; print('loaded:' + ','.join(m for m in {names!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("loaded:"), result.stdout
    return [name for name in line.removeprefix("loaded:").split(",") if name]


def test_the_command_line_imports_each_command_s_modules_only_for_that_command():
    # Every command's parser is built (`cove --help` lists them all) without importing what they run.
    assert _loaded("import app.cli; app.cli.build_parser()", NOT_FOR_CHAT) == []


def test_a_chat_imports_no_notes_export_or_remote_code(tmp_path, cove_home):
    # The whole command up to the model: settings, policy, the store's encryption check, the model's lookup.
    code = ("import sys; from app.cli import main; "
            "assert main(['chat', '--model', sys.argv[1], 'Hi']) == 1")  # the missing model, said in one line
    assert _loaded(code, NOT_FOR_CHAT, str(tmp_path / "missing.gguf")) == []
    # Those commands still import what they need when they run.
    assert _loaded("from app.cli import main; main(['notes', 'list'])", ("app.core.notes.index",)) == [
        "app.core.notes.index"]


def test_the_engine_process_imports_only_what_a_chat_needs():
    assert _loaded("import app.engine.worker", NOT_FOR_THE_ENGINE) == []


def test_the_window_imports_the_markdown_renderer_after_it_shows():
    # markdown-it and Pygments are for the first message shown; main.py loads them on a thread once the window is up.
    assert _loaded("import app.ui.main", ("markdown_it", "pygments")) == []


# What the window's start does without, each imported where first needed: watchdog with a notes folder to watch,
# ssl and urllib's HTTP client with a request (0.15 s of the start on 2 cores).
NOT_FOR_THE_WINDOW_START = ("watchdog", "ssl", "urllib.request", "http.client", "app.core.notes.watcher")


def test_the_window_starts_without_network_or_folder_watching_code(cove_home):
    code = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'; "
            "from PySide6.QtWidgets import QApplication; qt = QApplication([]); "
            "from app.core import paths; from app.engine import prestart; import app.ui.main as m; "
            "prestart.start(window=True); prestart.load_default(); "
            "window, controller = m.build(paths.current().ensure()); window.show(); qt.processEvents(); "
            "controller.shutdown()")
    assert _loaded(code, NOT_FOR_THE_WINDOW_START) == []


WINDOW_SHOWN = """
import gc, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from app.core import startup_gc
startup_gc.pause()  # as `python -m app` does first
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
qt = QApplication([])
import app.ui.main as m
def look():
    print("collecting:", gc.isenabled(), gc.get_freeze_count() > 0, flush=True)
    qt.closeAllWindows()
QTimer.singleShot(0, look)  # the first thing the shown window's event loop does
raise SystemExit(m.run_gui())
"""


def test_the_window_collects_cycles_again_once_it_is_shown(cove_home):
    result = subprocess.run([sys.executable, "-c", WINDOW_SHOWN], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "collecting: True True" in result.stdout.splitlines(), result.stdout + result.stderr


def test_the_store_still_works_with_numpy_imported_later(tmp_path):
    # sqlite_utils was imported without numpy; the notes' vectors import numpy afterwards.
    code = ("import app.core.store as st, numpy, pathlib, sys; s = st.Store(pathlib.Path(sys.argv[1])); "
            "c = s.create_conversation(title='t'); print(s.conversation(c.id).title, numpy.__name__); s.close()")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.db")], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["t", "numpy"]


def test_chat_has_saved_the_answer_when_it_exits_and_leaves_no_engine(smollm2, cove_home):
    chat = subprocess.Popen([sys.executable, "-m", "app", "chat", "--model", str(smollm2), "--temperature", "0",
                             "--seed", "42", PARIS_QUESTION], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    code = chat.wait(timeout=120)  # the command itself, not the engine it leaves to end on its own
    # Read at once, before the engine has necessarily ended: the answer must already be saved.
    db = sqlite3.connect(cove_home / "cove.db")
    rows = db.execute("SELECT role, content, status FROM messages ORDER BY id").fetchall()
    out, err = chat.communicate(timeout=60)
    assert code == 0, err
    assert [(role, status) for role, _, status in rows] == [("user", "complete"), ("assistant", "complete")]
    assert rows[1][1].strip() == out.decode().strip() and "Paris" in rows[1][1]
    assert _wait_until_gone(cove_home) == []


def test_a_chat_that_fails_early_ends_the_engine_started_for_it(tmp_path, cove_home):
    before = _engines_of(cove_home)
    result = subprocess.run([sys.executable, "-m", "app", "chat", "--model", str(tmp_path / "missing.gguf"), "Hi"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("cove: ")
    assert before == [] and _wait_until_gone(cove_home) == []
