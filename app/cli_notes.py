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
from typing import TYPE_CHECKING

from app import cli_notes_write
from app.core import policy
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.paths import CovePaths

if TYPE_CHECKING:
    from app.core.notes.index import NotesIndex, Root
    from app.core.notes.indexer import SyncResult

# The notes' own modules (index, indexer, retrieval, meaning search) are imported in the functions
# that use them: `cove chat` builds this command's parser too, and must not pay for them at start.
from app.core.text import clean_text
from app.core.units import human_duration

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """A name for one line of a terminal: newlines and other control characters escaped."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], clean_text(text))


def add_parser(commands) -> None:
    notes = commands.add_parser("notes", help=_("notes folders: add, list, remove, status, search; new and save write notes"))
    sub = notes.add_subparsers(dest="notes_command", metavar="ACTION")
    add = sub.add_parser("add", help=_("add a notes folder and index it (run again to re-read it)"))
    add.add_argument("path", metavar="PATH")
    sub.add_parser("list", help=_("the notes folders, with files and passages"))
    remove = sub.add_parser("remove", help=_("forget a notes folder (its files are not touched)"))
    remove.add_argument("path", metavar="PATH")
    sub.add_parser("refresh", help=_("re-read what changed in every notes folder"))
    sub.add_parser("status", help=_("folders, totals, the files that could not be read, and whether meaning search is on"))
    find = sub.add_parser("search", help=_("search your notes for words (and meaning, with an embedding model)"))
    find.add_argument("query", metavar="QUERY")
    find.add_argument("--limit", type=int, default=10, help=_("most passages shown, 1 to 1000 (default 10)"))
    find.add_argument("--json", action="store_true", help=_("print a JSON list, for scripts"))
    cli_notes_write.add_parsers(sub)


def run(args, paths: CovePaths, settings=None) -> int:
    action = args.notes_command or "list"
    if action in ("new", "save"):
        return cli_notes_write.run(args, paths, action)
    from app import cli_meaning
    from app.core.notes import folders
    from app.core.notes.index import NotesIndex

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
    raise CoveError(_("Unknown action {action}.").format(action=action))


def _embed(index: NotesIndex, paths: CovePaths, settings) -> int:
    """After the keyword index is current: embed the new passages, when meaning search is on."""
    from app import cli_meaning

    with cli_meaning.session(paths, settings) as pair:
        if pair is not None:
            cli_meaning.embed_passages(index, pair)
    return 0


def _sync(index: NotesIndex, root: Root) -> SyncResult:
    from app.core.notes.indexer import Indexer, Progress, plural

    last = [0.0]

    def show(p: Progress) -> None:
        now = time.monotonic()
        if now - last[0] < 0.2 and p.files_done < p.files_total:
            return
        last[0] = now
        eta = (" · " + _("{duration} left").format(duration=human_duration(p.eta))
               if p.eta is not None and p.files_done < p.files_total else "")
        print("\r  " + _("{files_done}/{files_total} files · {passages}{eta}").format(files_done=p.files_done, files_total=p.files_total, passages=plural(p.passages, 'passage'), eta=eta) + "   ",
              end="", file=sys.stderr, flush=True)

    try:
        result = Indexer(index, show).sync(root)
    finally:
        print(file=sys.stderr)
    if result.missing:
        raise CoveError(_("The notes folder {path} is not there (moved, or on a drive that is not "
                          "connected). Its index is kept; connect it, or remove it with `cove notes remove`.").format(path=shown(str(root.path))))
    return result


def _report(root: Root, result: SyncResult) -> int:
    from app.core.notes.indexer import plural, summary

    print(summary(result, shown(str(root.path))), file=sys.stderr)
    if result.unreadable:
        print(_("{unreadable} could not be read: see `cove notes status`.").format(unreadable=plural(result.unreadable, 'file')), file=sys.stderr)
    return 0


def _list(index: NotesIndex) -> int:
    from app.core.notes.indexer import plural

    roots = index.roots()
    if not roots:
        print(_("No notes folders yet. Add one with: cove notes add PATH"), file=sys.stderr)
        return 0
    for root in roots:
        print(f"{shown(str(root.path))}\t{plural(root.files, 'file')}\t{plural(root.passages, 'passage')}")
    return 0


def _remove(index: NotesIndex, text: str) -> int:
    from app.core.notes import folders
    from app.core.notes.indexer import plural

    path = folders.resolve(text)
    root = index.root(path) or next((r for r in index.roots() if str(r.path) == text), None)
    if root is None:
        raise CoveError(_("{path} is not a notes folder. See them with: cove notes list").format(path=shown(str(path))))
    index.remove_root(root)
    print(_("Removed {path} from your notes ({files} "
            "forgotten; the files themselves are untouched).").format(path=shown(str(root.path)), files=plural(root.files, 'file')), file=sys.stderr)
    return 0


def _status(index: NotesIndex, paths: CovePaths, settings) -> int:
    from app import cli_meaning
    from app.core.notes.indexer import plural

    files, passages, bad = index.counts()
    roots = index.roots()
    print(_("{count}, {files} indexed, "
            "{passages}, {bad} unreadable. Index: {path}").format(count=plural(len(roots), 'notes folder'), files=plural(files, 'file'), passages=plural(passages, 'passage'), bad=bad, path=shown(str(index.path))))
    for root in roots:
        when = root.last_indexed or _("never")
        print("  " + _("{path}: {files}, "
                "{passages}, last indexed {when}").format(path=shown(str(root.path)), files=plural(root.files, 'file'), passages=plural(root.passages, 'passage'), when=when))
    problems: list[str] = []
    with cli_meaning.session(paths, settings, on_error=problems.append) as pair:
        print(cli_meaning.status_line(index, pair, problems[0] if problems else None))
    unreadable = index.unreadable()
    if unreadable:
        print(_("Files that could not be read:"))
        for folder, path, reason in unreadable:
            print(f"  {shown(str(folder / path))}: {shown(reason)}")
    return 0


def _search(index: NotesIndex, args, rules: policy.Policy, paths: CovePaths, settings) -> int:
    from app import cli_meaning
    from app.core.notes import folders
    from app.core.notes.retrieval import match_expression, search

    folders.require_notes(rules)
    if not 1 <= args.limit <= 1000:
        raise CoveError(_("--limit must be a whole number from 1 to 1000."))
    if not args.query.strip():
        raise CoveError(_('Give some words to search for, for example: cove notes search "budget meeting"'))
    allowed = [r.path for r in index.roots() if folders.allowed(r.path, rules)]
    with cli_meaning.session(paths, settings) as pair:
        if pair is None and match_expression(args.query) is None:
            raise CoveError(_('Give some words to search for, for example: cove notes search "budget meeting"'))
        hits = search(index, args.query, args.limit, folders=allowed, meaning=pair,
                      on_meaning_error=cli_meaning.warn)
    if args.json:
        print(json.dumps([hit.as_json() for hit in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        note = "" if allowed else _(" There are no notes folders yet: add one with `cove notes add PATH`.")
        print(_("Nothing found in your notes for '{query}'.{note}").format(query=shown(args.query), note=note), file=sys.stderr)
        return 0
    for number, hit in enumerate(hits, start=1):
        heading = f" › {shown(hit.heading)}" if hit.heading else ""
        print(_("[{number}] {path}{heading} ({where})  score {score:.2f}").format(number=number, path=shown(hit.path), heading=heading, where=hit.where(), score=hit.score))
        print("    " + shown(" ".join(hit.snippet.split())))
    return 0
