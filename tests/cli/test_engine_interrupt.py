"""Ctrl+C ends `cove chat` within a second, whatever the engine is busy with."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.support.settings import write_settings
from tests.support.tiny_models import write_tiny_model

FOREVER = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def engine_has_mapped(pid: int, model: Path) -> bool:
    """Whether a child of `pid` (the engine) has the model file mapped: llama.cpp has loaded it."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return any(str(model) in Path(f"/proc/{child}/maps").read_text() for child in children)
    except OSError:
        return False


def test_ctrl_c_ends_a_chat_stuck_in_a_hostile_template(tmp_path, cove_home):
    model = write_tiny_model(tmp_path / "tiny.gguf", "smollm2")
    write_settings(cove_home, models={"tiny": {"chat_template": FOREVER}})
    chat = subprocess.Popen([sys.executable, "-m", "app", "chat", "--model", str(model), "Hi"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    db_path = cove_home / "cove.db"
    deadline = time.monotonic() + 60
    while not engine_has_mapped(chat.pid, model) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # loaded: the engine is inside the template now (it gives up after 5 s)
    sent = time.monotonic()
    chat.send_signal(signal.SIGINT)
    out, err = chat.communicate(timeout=30)
    took = time.monotonic() - sent
    # Well under the 5 s after which the engine gives up on the template by itself (so waiting for it
    # fails), with room for a busy CI machine (1.6 s seen under load; a quiet one takes ~0.2 s).
    assert took < 3.0, f"Ctrl+C took {took:.2f} s to end cove chat"
    assert chat.returncode == 130 and "Traceback" not in err
    rows = sqlite3.connect(db_path).execute("SELECT role, content, status FROM messages ORDER BY id").fetchall()
    assert [(r[0], r[2]) for r in rows] == [("user", "complete"), ("assistant", "stopped")]
    assert rows[0][1] == "Hi"
