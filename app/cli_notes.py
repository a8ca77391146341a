"""`cove notes …`: notes folders and keyword search from the command line.

    cove notes add PATH          add a folder (or re-read one already added), indexing it before returning
    cove notes list              the folders, with files and passages
    cove notes remove PATH       forget a folder (its files are not touched)
    cove notes refresh           re-read what changed in every folder
    cove notes status            folders, totals, and the files that could not be read, with why
    cove notes search QUERY [--limit N] [--json]
    cove notes new | save        write a note into a notes folder (cli_notes_write.py)

With an embedding model installed, add and refresh also embed the new passages and search is
hybrid: keyword and meaning (cli_meaning.py). Progress goes to stderr, results to stdout. Only `new` and `save` write into a notes folder, and only a new file.
"""

from __future__ import annotations

import json
import re
import sys
import time

from app import cli_meaning, cli_notes_write
from app.core import policy
from app.core.errors import CoveError
from app.core.notes import folders
from app.core.notes.index import NotesIndex, Root
from app.core.notes.indexer import Indexer, Progress, SyncResult, plural, summary
from app.core.notes.retrieval import match_expression, search
from app.core.paths import CovePaths
from app.core.text import clean_text
from app.core.units import human_duration

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """A name for one line of a terminal: newlines and other control characters escaped."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], clean_text(text))


def add_parser(commands) -> None:
    notes = commands.add_parser("notes", help="notes folders: add, list, remove, status, search; new and save write notes")
    sub = notes.add_subparsers(dest="notes_command", metavar="ACTION")
    add = sub.add_parser("add", help="add a notes folder and index it (run again to re-read it)")
    add.add_argument("path", metavar="PATH")
    sub.add_parser("list", help="the notes folders, with files and passages")
    remove = sub.add_parser("remove", help="forget a notes folder (its files are not touched)")
    remove.add_argument("path", metavar="PATH")
    sub.add_parser("refresh", help="re-read what changed in every notes folder")
    sub.add_parser("status", help="folders, totals, the files that could not be read, and whether meaning search is on")
    find = sub.add_parser("search", help="search your notes for words (and meaning, with an embedding model)")
    find.add_argument("query", metavar="QUERY")
    find.add_argument("--limit", type=int, default=10, help="most passages shown, 1 to 1000 (default 10)")
    find.add_argument("--json", action="store_true", help="print a JSON list, for scripts")
    cli_notes_write.add_parsers(sub)


def run(args, paths: CovePaths, settings=None) -> int:
    action = args.notes_command or "list"
    if action in ("new", "save"):
        return cli_notes_write.run(args, paths, action)
    rules = policy.current()
    with NotesIndex(paths.notes_index) as index:
        if action == "add":
            path = folders.check_new_root(args.path, [r.path for r in index.roots()], rules, paths.data_dir)
            again = index.root(path) is not None
            root = index.add_root(path)
            print(f"{'Re-reading' if again else 'Indexing'} {shown(str(path))}…", file=sys.stderr)
            _report(root, _sync(index, root))
            return _embed(index, paths, settings)
        if action == "list":
            return _list(index)
        if action == "remove":
            _remove(index, args.path)
            cli_meaning.prune_vectors(index, paths)
            return 0
        if action == "refresh":
            folders.require_notes(rules)
            for root in index.roots():
                if folders.allowed(root.path, rules):
                    _report(root, _sync(index, root))
            return _embed(index, paths, settings)
        if action == "status":
            return _status(index, paths, settings)
        if action == "search":
            return _search(index, args, rules, paths, settings)
    raise CoveError(f"Unknown action {action}.")


def _embed(index: NotesIndex, paths: CovePaths, settings) -> int:
    """After the keyword index is current: embed the new passages, when meaning search is on."""
    with cli_meaning.session(paths, settings) as pair:
        if pair is not None:
            cli_meaning.embed_passages(index, pair)
    return 0


def _sync(index: NotesIndex, root: Root) -> SyncResult:
    last = [0.0]

    def show(p: Progress) -> None:
        now = time.monotonic()
        if now - last[0] < 0.2 and p.files_done < p.files_total:
            return
        last[0] = now
        eta = f" · {human_duration(p.eta)} left" if p.eta is not None and p.files_done < p.files_total else ""
        print(f"\r  {p.files_done}/{p.files_total} files · {plural(p.passages, 'passage')}{eta}   ",
              end="", file=sys.stderr, flush=True)

    try:
        result = Indexer(index, show).sync(root)
    finally:
        print(file=sys.stderr)
    if result.missing:
        raise CoveError(f"The notes folder {shown(str(root.path))} is not there (moved, or on a drive that is not "
                        "connected). Its index is kept; connect it, or remove it with `cove notes remove`.")
    return result


def _report(root: Root, result: SyncResult) -> int:
    print(summary(result, shown(str(root.path))), file=sys.stderr)
    if result.unreadable:
        print(f"{plural(result.unreadable, 'file')} could not be read: see `cove notes status`.", file=sys.stderr)
    return 0


def _list(index: NotesIndex) -> int:
    roots = index.roots()
    if not roots:
        print("No notes folders yet. Add one with: cove notes add PATH", file=sys.stderr)
        return 0
    for root in roots:
        print(f"{shown(str(root.path))}\t{plural(root.files, 'file')}\t{plural(root.passages, 'passage')}")
    return 0


def _remove(index: NotesIndex, text: str) -> int:
    path = folders.resolve(text)
    root = index.root(path) or next((r for r in index.roots() if str(r.path) == text), None)
    if root is None:
        raise CoveError(f"{shown(str(path))} is not a notes folder. See them with: cove notes list")
    index.remove_root(root)
    print(f"Removed {shown(str(root.path))} from your notes ({plural(root.files, 'file')} forgotten; "
          "the files themselves are untouched).", file=sys.stderr)
    return 0


def _status(index: NotesIndex, paths: CovePaths, settings) -> int:
    files, passages, bad = index.counts()
    roots = index.roots()
    print(f"{plural(len(roots), 'notes folder')}, {plural(files, 'file')} indexed, {plural(passages, 'passage')}, "
          f"{bad} unreadable. Index: {shown(str(index.path))}")
    for root in roots:
        when = root.last_indexed or "never"
        print(f"  {shown(str(root.path))}: {plural(root.files, 'file')}, {plural(root.passages, 'passage')}, "
              f"last indexed {when}")
    problems: list[str] = []
    with cli_meaning.session(paths, settings, on_error=problems.append) as pair:
        print(cli_meaning.status_line(index, pair, problems[0] if problems else None))
    unreadable = index.unreadable()
    if unreadable:
        print("Files that could not be read:")
        for folder, path, reason in unreadable:
            print(f"  {shown(str(folder / path))}: {shown(reason)}")
    return 0


def _search(index: NotesIndex, args, rules: policy.Policy, paths: CovePaths, settings) -> int:
    folders.require_notes(rules)
    if not 1 <= args.limit <= 1000:
        raise CoveError("--limit must be a whole number from 1 to 1000.")
    if not args.query.strip():
        raise CoveError('Give some words to search for, for example: cove notes search "budget meeting"')
    allowed = [r.path for r in index.roots() if folders.allowed(r.path, rules)]
    with cli_meaning.session(paths, settings) as pair:
        if pair is None and match_expression(args.query) is None:
            raise CoveError('Give some words to search for, for example: cove notes search "budget meeting"')
        hits = search(index, args.query, args.limit, folders=allowed, meaning=pair,
                      on_meaning_error=cli_meaning.warn)
    if args.json:
        print(json.dumps([hit.as_json() for hit in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        note = "" if allowed else " There are no notes folders yet: add one with `cove notes add PATH`."
        print(f"Nothing found in your notes for '{shown(args.query)}'.{note}", file=sys.stderr)
        return 0
    for number, hit in enumerate(hits, start=1):
        heading = f" › {shown(hit.heading)}" if hit.heading else ""
        print(f"[{number}] {shown(hit.path)}{heading} ({hit.where()})  score {hit.score:.2f}")
        print("    " + shown(" ".join(hit.snippet.split())))
    return 0
