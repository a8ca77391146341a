"""No user-visible English sentence is added to the core, the CLI, the engine or the server unmarked.

A message written without _() is never collected into the catalogues, so a Spanish user meets it in
English however complete the translations are. This scan reads the code (AST) for string literals and
f-strings handed to the places messages go out: `raise ...Error(...)` and Cove's other error classes,
print(), argparse's help/description/epilog, and the helpers that carry a message on (policy reasons,
the engine's Failed/LoadFailed events, unreadable-file reasons…). Each must be wrapped in _() or
ngettext() (or be N_() marked). The few that must stay English are in ALLOWED, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "app" / "core").rglob("*.py")), *sorted((ROOT / "app").glob("cli*.py")),
           *sorted((ROOT / "app" / "engine").rglob("*.py")), *sorted((ROOT / "app" / "server").rglob("*.py"))]

# Calls whose string arguments reach the user (besides every `...Error(...)`).
MESSAGE_CALLS = {
    "print", "exit", "SystemExit", "CoveError", "NotAModelFile", "ModelNotFound", "DatabaseDamaged", "DatabaseBusy",
    "NotSaved", "Locked", "WrongPassphrase", "KeyringUnavailable", "OfflineError", "Unreachable", "Unreadable",
    "ContextFull", "TemplateLimit", "Failed", "LoadFailed", "_Damaged", "Verdict",
    "reason", "require", "ensure_online", "_set_aside", "bad", "listen", "_ask",
}
ARGPARSE_KEYWORDS = {"help", "description", "epilog"}
MARKERS = {"_", "ngettext", "N_"}
# Calls whose text is for programs or for us, never shown to a person in Cove's language:
NOT_FOR_PEOPLE = {
    "ApiError", "_bad",  # cove serve's OpenAI-API error bodies: programs parse them; kept English (README)
    "debug", "info", "warning", "exception", "critical",  # log lines (a `log.error(...)` is one too)
}
# (file, start of the text): the few literals in MESSAGE_CALLS that must stay as written.
ALLOWED = {
    ("app/core/store.py", "malformed: "),  # an sqlite3.DatabaseError caught and reported by db_access in words
    # The ImportError sqlite_utils catches while numpy and pandas are hidden from it: nobody sees it
    ("app/core/sqlite_lib.py", ""),
    # llama.cpp's own failures, named as llama-cpp-python names them (its Llama.eval raises the first), inside
    # the translated "llama.cpp failed while answering ({exc})."
    ("app/engine/speculative.py", "llama_decode returned "),
    ("app/engine/sampler.py", "llama_get_logits_ith("),
}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _is_log(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            and func.value.id in ("log", "logger", "logging"))


def _literals(node: ast.expr):
    """The string literals an argument is made of (not looking inside _() calls: those are marked)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) or isinstance(node, ast.JoinedStr):
        yield node
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _literals(value)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        yield from _literals(node.func.value)  # "...".format(): the literal itself is unmarked


def _text(node: ast.expr) -> str:
    if isinstance(node, ast.Constant):
        return node.value
    return "".join(v.value if isinstance(v, ast.Constant) else " " for v in node.values)


def _has_words(text: str) -> bool:
    """English words a person reads ("cove:" before a message is the program's name, not a word; a lone
    lower-case identifier such as "retention_days" is a key in a file, named as written)."""
    if re.fullmatch(r"[a-z][a-z0-9_.]*", text):
        return False
    return re.search(r"[A-Za-z]{2,}", re.sub(r"\bcove\b", "", text)) is not None


def unmarked(source: str, filename: str = "<test>") -> list[tuple[int, str]]:
    """(line, text) of every unmarked message literal in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _is_log(node.func):
            continue
        name = _name(node.func)
        if name in NOT_FOR_PEOPLE or name in MARKERS:
            continue
        args = list(node.args) if name.endswith("Error") or name in MESSAGE_CALLS else []
        args += [k.value for k in node.keywords if k.arg in ARGPARSE_KEYWORDS]
        for arg in args:
            for literal in _literals(arg):
                text = _text(literal)
                if _has_words(text) and not any(filename == f and text.startswith(t) for f, t in ALLOWED):
                    found.append((literal.lineno, text))
    return found


def test_every_message_of_the_core_cli_engine_and_server_is_marked():
    problems = [f"{path.relative_to(ROOT)}:{line}: {text[:70]!r}"
                for path in SOURCES
                for line, text in unmarked(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert problems == [], ("wrap these in _() (named placeholders: _(\"... {name}\").format(name=...)), "
                            "ngettext() for counts, then run `python tools/compile_translations.py update`:\n"
                            + "\n".join(problems))


def test_the_scan_finds_a_deliberately_unmarked_string():
    source = '''
import argparse
def f(n, parser, log):
    log.error("a log line stays English")
    parser.add_argument("--x", help="a helpful flag")
    print(f"Saved {n} files")
    print(_("Saved {n} files").format(n=n))
    print(f"cove: {n}")
    raise CoveError("Something broke. Try again.")
'''
    found = unmarked(source)
    assert [text for _line, text in found] == ["a helpful flag", "Saved   files", "Something broke. Try again."]
    assert [line for line, _text in found] == [5, 6, 9]
    # the same lines marked: nothing found
    marked = source.replace('help="a helpful flag"', 'help=_("a helpful flag")').replace(
        'print(f"Saved {n} files")', 'print(ngettext("Saved {n} file", "Saved {n} files", n).format(n=n))').replace(
        'CoveError("Something broke. Try again.")', 'CoveError(_("Something broke. Try again."))')
    assert unmarked(marked) == []


def test_an_api_error_body_for_programs_stays_english_and_is_not_flagged():
    source = 'raise ApiError(404, "The model does not exist here.", "model", "model_not_found")\n'
    assert unmarked(source) == []
    assert unmarked(source.replace("ApiError", "RemoteError")) == [(1, "The model does not exist here.")]
