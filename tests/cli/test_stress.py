"""Four processes write to one data folder at once, and some are killed: nothing reported as sent is lost.

The window (tests/cli/stress_window.py: the real window and chat controller, offscreen)
and three `cove chat` slots, all with the real small model, ask questions for
COVE_STRESS_SECONDS (default 60, the minute the issue asks for). Two slots continue the conversation the window
writes to, one starts a new conversation each time. Every few seconds one process,
chosen at random, is killed with SIGKILL (with its engine: each runs in a process
group of its own) and started again. A question counts as sent when its process
reported it: a `cove chat` that exited 0 (logged here, after it exits) or the window
having committed it (logged by the window). Afterwards the database passes
PRAGMA integrity_check and holds every question reported as sent, and no `cove chat`
that was not killed failed (the bug: "database is locked", the question not stored).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.core import paths
from app.core.store import Store
from tests.support.settings import write_settings

DURATION = float(os.environ.get("COVE_STRESS_SECONDS", "60"))
ROOT = Path(__file__).resolve().parents[2]
FLAGS = ["--temperature", "0", "--seed", "42", "--max-tokens", "8"]


class Slot:
    """One `cove chat` at a time, started again when it ends or is killed."""

    def __init__(self, name: str, conversation: int | None, stderr_dir: Path, model: Path):
        self.name, self.conversation, self.model = name, conversation, model
        self.stderr_dir = stderr_dir
        self.proc: subprocess.Popen | None = None
        self.question = ""
        self.count = 0
        self.sent: list[str] = []
        self.failures: list[str] = []
        self.killed = 0

    def start(self) -> None:
        self.count += 1
        self.question = f"{self.name} question {self.count}: name a colour."
        args = [sys.executable, "-m", "app", "chat", "--model", str(self.model), *FLAGS]
        if self.conversation is not None:
            args += ["--conversation", str(self.conversation)]
        self.stderr = (self.stderr_dir / f"{self.name}-{self.count}.err").open("w")
        self.proc = subprocess.Popen([*args, self.question], cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=self.stderr, start_new_session=True, env=os.environ.copy())

    def poll(self, log) -> None:
        if self.proc is None or self.proc.poll() is None:
            return
        self.stderr.close()
        error = Path(self.stderr.name).read_text()
        if self.proc.returncode == 0:
            log.write(self.question + "\n")  # after the CLI reported success
            log.flush()
            self.sent.append(self.question)
        else:
            self.failures.append(f"{self.question}: exit {self.proc.returncode}: {error}")
        self.proc = None

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.stderr.close()
            self.proc = None
            self.killed += 1


def start_window(log: Path, deadline: float, conversation: int, err: Path) -> subprocess.Popen:
    # As a module from the repository root: it imports this checkout's `app`.
    return subprocess.Popen([sys.executable, "-m", "tests.cli.stress_window", str(log), "window",
                             str(deadline), str(conversation)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=err.open("a"), start_new_session=True, env=os.environ.copy())


def test_four_processes_with_kills_lose_nothing_reported_as_sent(smollm2, cove_home, tmp_path):
    # The model in Cove's models folder, as "Add model file…" puts it: the window lists only what is
    # installed there (CI installs no starter model), and `cove chat` finds it the same way.
    models = paths.current().ensure().models_dir
    models.mkdir(parents=True, exist_ok=True)
    model = models / smollm2.name
    model.symlink_to(smollm2)
    write_settings(cove_home, {"temperature": 0.0, "seed": 42, "max_tokens": 8}, last_model=str(model),
                   engine={"n_threads": 1, "n_threads_batch": 1, "n_ctx": 1024, "saved_states_mb": 0,
                           "typeahead": False})
    database = paths.current().ensure().database
    store = Store(database)
    shared = store.create_conversation(title="Shared").id
    store.close()
    logs = tmp_path / "logs"  # outside the data folder
    logs.mkdir()
    cli_log, window_log = logs / "cli-sent.log", logs / "window-sent.log"
    window_log.touch()
    rng = random.Random(12)
    end = time.time() + DURATION
    slots = [Slot("cli-a", shared, logs, smollm2), Slot("cli-b", shared, logs, smollm2),
             Slot("cli-c", None, logs, smollm2)]
    window = start_window(window_log, end, shared, logs / "window.err")
    window_kills = 0
    next_kill = time.time() + rng.uniform(3, 6)
    with cli_log.open("w") as log:
        while time.time() < end:
            for slot in slots:
                slot.poll(log)
                if slot.proc is None and time.time() < end - 2:
                    slot.start()
            if time.time() >= next_kill:
                victim = rng.randrange(4)
                if victim == 3:
                    if window.poll() is None:
                        os.killpg(window.pid, signal.SIGKILL)
                        window.wait()
                        window_kills += 1
                    window = start_window(window_log, end, shared, logs / "window.err")
                else:
                    slots[victim].kill()
                next_kill = time.time() + rng.uniform(3, 6)
            time.sleep(0.05)
        # Time is up: the running commands finish (they were not killed), the window stops itself.
        for slot in slots:
            if slot.proc is not None:
                slot.proc.wait(timeout=180)
            slot.poll(log)
        window.wait(timeout=180)

    kills = {slot.name: slot.killed for slot in slots} | {"window": window_kills}
    print(f"sent: {len(cli_log.read_text().splitlines())} by cove chat, {len(window_log.read_text().splitlines())} "
          f"by the window; kills: {kills}")
    db = sqlite3.connect(database)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in db.execute("SELECT content FROM messages WHERE role = 'user'")}
    cli_sent = [line for line in cli_log.read_text().splitlines() if line]
    window_sent = [line for line in window_log.read_text().splitlines() if line]
    missing = [q for q in cli_sent + window_sent if q not in stored]
    assert not missing, missing
    failures = [f for slot in slots for f in slot.failures]
    assert not failures, failures  # a `cove chat` that was not killed never fails
    assert "locked" not in (logs / "window.err").read_text()
    # The run did what it says: every kind of process sent questions and some were killed.
    assert len(cli_sent) >= 3 and len(window_sent) >= 1, (cli_sent, window_sent)
    assert window_kills + sum(slot.killed for slot in slots) >= 2
    db.close()
