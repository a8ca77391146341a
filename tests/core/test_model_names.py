"""Model names: one rule for display, split parts, quantization and where a download is saved."""

from pathlib import Path

import pytest

from app.core import exporting, model_names
from app.core.models import ModelEntry


@pytest.mark.parametrize("path, name", [
    ("/models/SmolLM2-135M-Instruct.Q4_1.gguf", "SmolLM2-135M-Instruct.Q4_1"),
    ("C:\\models\\Qwen.Q8_0.GGUF", "Qwen.Q8_0"), ("plain", "plain"), ("", "")])
def test_one_display_name_for_cli_window_and_exports(path, name):
    assert model_names.display_name(path) == name
    assert exporting.model_name(path) == name
    if path:
        assert ModelEntry(Path(path), 1).name == model_names.display_name(path)


def test_saved_path_and_policy_entry_are_two_directions_of_one_rule():
    rel = model_names.saved_relpath("owner/repo", "sub/dir/file-Q4_K_M.gguf")
    assert rel.parts == ("owner", "repo", "sub", "dir", "file-Q4_K_M.gguf")
    assert model_names.origin_entry(rel.parts) == "owner/repo/sub/dir/file-Q4_K_M.gguf"
    assert model_names.origin_entry(("loose.gguf",)) is None


@pytest.mark.parametrize("path", ["a.gguf", "sub/a.gguf", "é" * 120 + ".gguf", "x" * 250 + ".gguf"])
def test_names_a_file_system_takes_are_accepted(path):
    assert model_names.repo_path_problem(path) is None


@pytest.mark.parametrize("path", ["", "../a.gguf", "a/../../b.gguf", "/a.gguf", "a//b.gguf", "./a.gguf",
                                  "a\x00.gguf", "a\x1b[31m.gguf", "a\\..\\b.gguf", "x" * 256 + ".gguf",
                                  "a:b.gguf", "a.gguf.", " a.gguf", "/".join(["d"] * 20) + "/a.gguf", None, 3])
def test_names_that_escape_or_break_the_file_system_are_refused(path):
    assert model_names.repo_path_problem(path)


@pytest.mark.parametrize("repo_id, ok", [("owner/repo", True), ("Qwen/Qwen2.5-7B-Instruct-GGUF", True),
                                         ("a/..", False), ("../b", False), ("a/b/c", False), ("a", False),
                                         ("a/b c", False), ("a/" + "b" * 97, False), ("a/b..c", False)])
def test_repo_ids(repo_id, ok):
    assert model_names.valid_repo_id(repo_id) is ok
