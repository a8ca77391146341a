"""`cove notes new` and `cove notes save`: quick capture into a notes folder, from the terminal.

    cove notes new [--folder NAME_OR_PATH] [--title T] [--tag X]… [--template NAME] ["text" | < file]
    cove notes save --conversation ID [--message ID] [--folder NAME_OR_PATH] [--title T] [--tag X]…

The folder is a notes folder (its path, or its name as `cove notes list` shows it) or a
sub-folder of one; it is remembered in the settings, so the next note goes to the same
place without --folder. The path written goes to stdout (for scripts), the note is
indexed before the command returns. The writing itself is app/core/notes/writing.py.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from app.core import policy
from app.core import settings as settings_mod
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.paths import CovePaths
from app.core.text import clean_text, decode_input

if TYPE_CHECKING:
    from app.core.notes import writing

MAX_NOTE_BYTES = 8 << 20  # quick capture, not a file copier


def add_parsers(sub) -> None:
    new = sub.add_parser("new", help=_("write a new note into a notes folder (text, or standard input)"))
    new.add_argument("text", nargs="?", metavar="TEXT", help=_("the note; read from standard input when left out"))
    _common(new)
    new.add_argument("--template", metavar="NAME", help=_("fill a note template (settings: note_templates)"))
    save = sub.add_parser("save", help=_("save an answer or a whole conversation as a note"))
    save.add_argument("--conversation", type=int, required=True, metavar="ID")
    save.add_argument("--message", type=int, metavar="ID", help=_("only this answer (default: the whole conversation)"))
    _common(save)


def _common(parser) -> None:
    parser.add_argument("--folder", metavar="NAME_OR_PATH", help=_("the notes folder (default: the one used last)"))
    parser.add_argument("--title", help=_("the note's title (default: from the text)"))
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help=_("a tag (repeat for more)"))


def _read_text(args) -> str:
    """The note from the command line or standard input, as storable text (app/core/text.py)."""
    if args.text is not None:
        return clean_text(args.text)
    if sys.stdin is None or sys.stdin.isatty():
        raise CoveError(_('Give the note\'s text, for example: cove notes new "Call the plumber", or pipe it in.'))
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return clean_text(sys.stdin.read())
    data = stream.read(MAX_NOTE_BYTES + 1)  # bytes: invalid UTF-8 is kept as U+FFFD, not refused
    if len(data) > MAX_NOTE_BYTES:
        raise CoveError(_("The note on standard input is larger than "
                          "{megabytes} MB; put the file in a notes folder instead.").format(megabytes=MAX_NOTE_BYTES >> 20))
    return decode_input(data, sys.stdin.encoding)


def run(args, paths: CovePaths, action: str) -> int:
    from app.core.notes import writing  # here, not at the top: `cove chat` builds this parser too (cold start)
    from app.core.notes.index import NotesIndex

    rules = policy.current()
    config, problems = settings_mod.load(paths.settings_file)
    for problem in problems:
        print(_("cove: settings: {problem}").format(problem=problem), file=sys.stderr)
    folder = args.folder if args.folder is not None else config.notes_folder
    if not folder:
        raise CoveError(_("Say which notes folder to save into: --folder NAME_OR_PATH (see `cove notes list`)."))
    template = None
    if action == "new":
        if args.template is not None:
            template = config.note_template(args.template)
            if template is None:
                names = ", ".join(t["name"] for t in config.note_templates) or "none"
                raise CoveError(_("There is no note template '{template}'. Templates: {names}.").format(template=clean_text(args.template), names=names))
        draft = writing.from_selection(_read_text(args), args.title, args.tag)
    else:
        draft = _from_store(args, paths)
    with NotesIndex(paths.notes_index) as index:
        path = writing.save(index, folder, draft, rules, template)
    remembered = str(path.parent)
    if args.folder is not None and config.notes_folder != remembered:
        try:
            settings_mod.save(paths.settings_file, replace(config, notes_folder=remembered))
        except OSError as exc:  # the note is written; only the default for next time is lost
            print(_("cove: could not remember the notes folder ({reason}).").format(reason=exc.strerror or exc), file=sys.stderr)
    print(path)
    return 0


def _from_store(args, paths: CovePaths) -> writing.Draft:
    from app.core.notes import writing
    from app.core.store import Store

    store = Store(paths.database)
    try:
        if not store.has_conversation(args.conversation):
            raise CoveError(_("There is no conversation {conversation}. `cove search` shows conversation ids.").format(conversation=args.conversation))
        if args.message is None:
            return writing.from_conversation(store, args.conversation, args.title, args.tag)
        if store.message(args.message).conversation_id != args.conversation:
            raise CoveError(_("Message {message} is not in conversation {conversation}.").format(message=args.message, conversation=args.conversation))
        return writing.from_answer(store, args.message, args.title, args.tag)
    finally:
        store.close()
