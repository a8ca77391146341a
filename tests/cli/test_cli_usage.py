"""`cove` used wrongly, read in a narrow terminal, or fed a question on standard input."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def cove(*args, env_extra=None, **kwargs):
    env = os.environ.copy()
    env.pop("COLUMNS", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=120,
                          env=env, **kwargs)


def usage_error(result) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("cove: "), result.stderr
    return lines[0]


def test_an_unknown_flag_after_chat_shows_the_usage_of_chat(cove_home):
    assert not cove_home.exists()
    line = usage_error(cove("chat", "--bogus", "What is a GGUF file?"))
    assert "unrecognized arguments: --bogus" in line
    assert "Usage: cove chat [--model MODEL]" in line and "(more: `cove chat --help`)" in line
    assert "COMMAND" not in line  # not the top-level usage
    assert not (cove_home / "cove.db").exists()  # nothing was asked, nothing was saved


def test_an_unknown_flag_is_blamed_on_the_innermost_command():
    line = usage_error(cove("models", "catalog", "--wide"))
    assert "unrecognized arguments: --wide. Usage: cove models catalog (more: `cove models catalog --help`)" in line
    line = usage_error(cove("--bogus"))
    assert "Usage: cove [--version] [COMMAND ...]" in line and "(more: `cove --help`)" in line
    line = usage_error(cove("export"))  # a missing option: the command's usage says which
    assert "required: --out/-o. Usage: cove export" in line


def test_a_bad_value_is_one_line_without_the_usage():
    line = usage_error(cove("chat", "--seed", "x", "hi"))
    assert line == "cove: argument --seed: 'x' is not a whole number (more: `cove chat --help`)"


def test_the_readme_says_what_a_usage_error_does():
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert "Errors print one line on stderr and exit with status 1" in text
    assert "prints one line, with that command's usage, and exits with status 2" in text  # usage_error()


def test_help_says_that_plain_cove_opens_the_window():
    result = cove("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Run `cove` alone to open the window" in text
    assert text.startswith("usage: cove [-h] [--version] [COMMAND ...]")


def _catalog_lines(columns):
    result = cove("models", "catalog", env_extra={"COLUMNS": str(columns)} if columns else None)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_catalog_fits_an_80_column_terminal():
    wide = _catalog_lines(None)  # a pipe: one line per model, whatever the width (for scripts)
    assert max(len(line) for line in wide) > 120
    narrow = _catalog_lines(80)
    assert max(len(line) for line in narrow) <= 80
    # Every repo and file is still there, whole, to paste into `cove models download`.
    wanted = [line.split()[-2:] for line in wide[1:] if line.endswith(".gguf")]
    words = " ".join(narrow).split()
    assert len(wanted) == 24 + 3 and all(repo in words and name in words for repo, name in wanted)
    star_rows = [line for line in narrow if line.startswith("★")]
    assert len(star_rows) == len([line for line in wide if line.startswith("★")]) > 0


def test_a_very_narrow_terminal_gets_repo_and_file_on_lines_of_their_own():
    narrow = _catalog_lines(50)
    assert "    bartowski/microsoft_Phi-4-mini-instruct-GGUF" in narrow
    assert "    microsoft_Phi-4-mini-instruct-Q4_K_M.gguf" in narrow
    assert all(len(line) <= 50 for line in narrow if not line.startswith("    "))


@pytest.mark.parametrize("piped, expected", [
    (b"What is a GGUF file?\n", "What is a GGUF file?"),
    (b"What is a GGUF file?\r\n\r\n", "What is a GGUF file?"),
    (b"Line one\n\nLine two\n", "Line one\n\nLine two"),  # only the end is trimmed
    (b"    indented code\n", "    indented code"),
])
def test_a_question_piped_on_stdin_loses_its_trailing_newline(monkeypatch, piped, expected):
    stdin = io.TextIOWrapper(io.BytesIO(piped), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    args = cli.build_parser().parse_args(["chat"])
    assert args.question is None
    assert cli._read_question(args) == expected


def test_a_question_given_as_an_argument_is_kept_as_typed():
    args = cli.build_parser().parse_args(["chat", "two lines\n"])
    assert cli._read_question(args) == "two lines\n"

