"""The `cove` command: the window by default, and a few commands for scripts and admins.

    cove                                   open the window
    cove --version
    cove chat [--model M] [--conversation ID] [--notes | --no-notes] "question"
    cove search TEXT
    cove export --format md|json --out DIR [--conversation ID ...]
    cove import FILE
    cove models list | catalog | search | files | download | remove
    cove notes add | list | remove | refresh | status | search
    cove remote add URL [--key-file F] [--ca-bundle F] | list | remove URL
    cove encrypt [--keyring] | passphrase | decrypt
    cove serve [--host H] [--port P] [--model NAME] [--api-key-file F]

Errors a user can fix print one line to stderr and exit non-zero; anything
unexpected is logged with its traceback and reported in one line as well.
"""

from __future__ import annotations

import argparse
import logging
import os
import queue
import sqlite3
import sys
import time
from dataclasses import asdict, replace

from app import __version__, cli_ask, cli_encrypt, cli_notes, cli_remote, cli_serve
from app.cli_usage import Parser
from app.core import chat, db_access, housekeeping, logs, paths, policy, startup_gc
from app.core import settings as settings_mod
from app.core import store as st
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.i18n import _
from app.core.locale_format import count_of
from app.core.model_kinds import chat_refusal
from app.core.models import STARTER_INSTALL, ModelLibrary
from app.core.private_files import disk_full_message, is_disk_full, private_umask
from app.core.text import clean_text, decode_input

log = logging.getLogger("cove.cli")
MAX_ID = 2**63 - 1  # SQLite's largest integer: a bigger id cannot exist (and would not fit)
MAX_QUESTION_BYTES = 64 << 20  # a question from standard input larger than this is refused


def _whole_number(low: int, high: int):
    """An argparse type: a whole number in a range (a number too big for SQLite is refused here)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(_("'{text}' is not a whole number").format(
                text=clean_text(text)[:40])) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(_("must be a whole number from {low} to {high}").format(low=low, high=high))
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="cove", usage="cove [-h] [--version] [COMMAND ...]",
                    description=_("Cove: a private chat assistant on your computer. Run `cove` alone to open the "
                                  "window; the commands below are for the terminal and scripts."),
                    epilog=_("A mistake in the command exits with status 2, any other error with status 1: "
                             "one line on stderr either way."))
    parser.add_argument("--version", action="version", version=f"cove {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="cove")

    chat_cmd = commands.add_parser("chat", help=_("ask a model a question and print the answer"))
    chat_cmd.add_argument("question", nargs="?", metavar="QUESTION",
                          help=_("the question (read from standard input if left out)"))
    chat_cmd.add_argument("--model", "-m", help=_("model file path, or a name from `cove models list`"))
    chat_cmd.add_argument("--conversation", "-c", type=_whole_number(1, MAX_ID), metavar="ID",
                          help=_("continue this conversation"))
    chat_cmd.add_argument("--temperature", type=float, metavar="T", help=_("0 picks the likeliest word every time"))
    chat_cmd.add_argument("--seed", type=_whole_number(*settings_mod.Sampling.LIMITS["seed"]), metavar="N",
                          help=_("fixed random seed, for repeatable answers"))
    chat_cmd.add_argument("--max-tokens", type=_whole_number(*settings_mod.Sampling.LIMITS["max_tokens"]), metavar="N",
                          help=_("longest answer, in tokens"))
    cli_ask.add_flags(chat_cmd)

    search_cmd = commands.add_parser("search", help=_("search every conversation for words"))
    search_cmd.add_argument("text", metavar="TEXT")
    search_cmd.add_argument("--limit", type=_whole_number(1, 10_000), default=50, metavar="N",
                            help=_("most hits shown (default 50)"))

    export_cmd = commands.add_parser(
        "export", help=_("write conversations to files: Markdown to read, JSON to import into Cove"))
    export_cmd.add_argument("--format", "-f", choices=["md", "json"], default="md",
                            help=_("md: one file per conversation, the branch on screen; "
                                   "json: one file, every branch (default: md)"))
    export_cmd.add_argument("--out", "-o", required=True, metavar="DIR", help=_("folder to write into (json: a .json file name works too)"))
    export_cmd.add_argument("--conversation", "-c", type=_whole_number(1, MAX_ID), action="append", metavar="ID",
                            help=_("only this conversation (repeat for more; default: all not in the trash)"))

    import_cmd = commands.add_parser("import", help=_("add the conversations of a JSON export (no duplicates)"))
    import_cmd.add_argument("file", metavar="FILE")

    models_cmd = commands.add_parser("models", help=_("installed models, the catalog, search and downloads"))
    models_sub = models_cmd.add_subparsers(dest="models_command", metavar="ACTION")
    models_sub.add_parser("list", help=_("installed models with their sizes"))
    models_sub.add_parser("catalog", help=_("recommended models, with how well each fits this computer"))
    search = models_sub.add_parser("search", help=_("search the Hub for GGUF models"))
    search.add_argument("text", metavar="TEXT")
    files = models_sub.add_parser("files", help=_("the GGUF files of a Hub repo, with sizes and quantizations"))
    files.add_argument("repo_id", metavar="REPO_ID")
    download = models_sub.add_parser("download", help=_("download a model file (run again to resume)"))
    download.add_argument("repo_id", metavar="REPO_ID")
    download.add_argument("filename", metavar="FILENAME")
    remove = models_sub.add_parser("remove", help=_("delete an installed model"))
    remove.add_argument("name", metavar="NAME")
    cli_notes.add_parser(commands)
    cli_remote.add_parser(commands)
    cli_encrypt.add_parsers(commands)
    cli_serve.add_parser(commands, _whole_number)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:  # a character the terminal cannot show is shown as "?" instead of ending the command
        sys.stdout.reconfigure(errors="replace")
    except (AttributeError, ValueError):
        pass
    args = build_parser().parse_args(argv)
    private_umask()  # every file Cove creates (SQLite's -wal and -shm too) is the user's only
    try:
        if args.command is None:
            from app.ui.main import run_gui  # Qt is imported only for the window
            return run_gui()
        startup_gc.resume()  # a command's start is over once its arguments are read
        cove_paths = paths.current().ensure()
        logs.setup(cove_paths)
        for problem in policy.current().problems:
            print("cove: " + _("administrator's policy ({source}): {problem}").format(
                source=policy.current().source, problem=problem), file=sys.stderr)
        if args.command in ("encrypt", "passphrase", "decrypt"):
            return cli_encrypt.run(args, cove_paths)
        if args.command not in ("models", "remote", "serve"):  # every command that reads conversations or notes
            cli_encrypt.enforce_policy(cove_paths)
            cli_encrypt.unlock(cove_paths)
        if args.command == "chat":
            return cmd_chat(args, cove_paths)
        if args.command == "search":
            return cmd_search(args, cove_paths)
        if args.command == "export":
            return cmd_export(args, cove_paths)
        if args.command == "import":
            return cmd_import(args, cove_paths)
        if args.command == "models":
            from app import cli_models

            return cli_models.run(args, cove_paths, _load_settings(cove_paths))
        if args.command == "notes":
            return cli_notes.run(args, cove_paths, _load_settings(cove_paths))
        if args.command == "remote":
            return cli_remote.run(args, cove_paths, _load_settings(cove_paths))
        if args.command == "serve":
            return cli_serve.run(args, cove_paths, _load_settings(cove_paths))
    except CoveError as exc:
        print(f"cove: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to show, no traceback
        _silence_stdout()
        return 0
    except (OSError, sqlite3.Error) as exc:
        if (isinstance(exc, sqlite3.DatabaseError) and db_access.is_damage(exc)
                and args.command in ("chat", "search", "export", "import")):  # cove.db's damage, met after the open
            print(f"cove: {db_access.explain_error(paths.current().database, exc)}", file=sys.stderr)
            return 1
        if not is_disk_full(exc):
            return _unexpected(exc)
        print(f"cove: {disk_full_message(paths.current().data_dir)}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: log it, say it in one line
        return _unexpected(exc)
    finally:
        from app.engine import prestart

        prestart.discard()  # started for a command that ended before it needed the engine
    return 0


def _unexpected(exc: BaseException) -> int:
    """A bug: log it, say it in one line."""
    log.error("unexpected error", exc_info=exc)
    print("cove: " + _("unexpected error ({kind}: {error}). Details are in {log}.").format(
        kind=type(exc).__name__, error=exc, log=paths.current().log_file), file=sys.stderr)
    return 1


def _open_store(cove_paths: paths.CovePaths, config: settings_mod.Settings | None = None) -> st.Store:
    """The conversation store, after the start-up housekeeping (trash expiry, retention rule)."""
    config = config or _load_settings(cove_paths)
    store = st.Store(cove_paths.database)
    housekeeping.at_start(store, cove_paths, config.storage.trash_days)
    return store


def _load_settings(cove_paths: paths.CovePaths) -> settings_mod.Settings:
    values, problems = settings_mod.load(cove_paths.settings_file)
    for problem in problems:
        print("cove: " + _("settings: {problem}").format(problem=problem), file=sys.stderr)
    return values


def cmd_search(args, cove_paths: paths.CovePaths) -> int:
    store = _open_store(cove_paths)
    try:
        hits = store.search(args.text, limit=args.limit)
    finally:
        store.close()
    if not hits:
        print(_("Nothing found for '{text}'.").format(text=clean_text(args.text)), file=sys.stderr)
        return 0
    for hit in hits:
        who = _("you") if hit.role == "user" else _("answer")
        snippet = " ".join(hit.snippet.split())
        print(f"{hit.conversation_id:>6}  {hit.created[:10]}  {hit.conversation_title[:40]:<40}  {who:<6}  {snippet}")
    print(_("Continue one with: cove chat --conversation ID"), file=sys.stderr)
    return 0


def _plural(count: int, word: str) -> str:
    return count_of(count, word)


def cmd_export(args, cove_paths: paths.CovePaths) -> int:
    from app.core import exporting

    store = _open_store(cove_paths)
    try:
        ids = exporting.selected_ids(store, args.conversation)
        if not ids:
            print(_("There are no conversations to export."), file=sys.stderr)
            return 0
        if args.format == "json":
            written = [exporting.export_json(store, args.out, ids)]
        else:
            written = exporting.export_markdown(store, args.out, ids)
    finally:
        store.close()
    for path in written:
        print(path)
    kind = "Markdown" if args.format == "md" else "JSON"
    print(_("Exported {count} as {kind} ({count2}).").format(count=_plural(len(ids), 'conversation'), kind=kind, count2=_plural(len(written), 'file')),
          file=sys.stderr)
    return 0


def cmd_import(args, cove_paths: paths.CovePaths) -> int:
    from app.core import exporting

    store = _open_store(cove_paths)
    try:
        result = exporting.import_json(store, args.file)
    finally:
        store.close()
    print(_("Imported {conversations_added} and "
            "{messages_added}; {skipped} already here.").format(conversations_added=_plural(result.conversations_added, 'conversation'), messages_added=_plural(result.messages_added, 'message'), skipped=result.skipped))
    return 0


def _sampling_from_args(args, base: settings_mod.Sampling) -> settings_mod.Sampling:
    overrides = {}
    for name in ("temperature", "seed", "max_tokens"):
        value = getattr(args, name)
        if value is None:
            continue
        low, high = settings_mod.Sampling.LIMITS[name]
        if not low <= value <= high:
            raise CoveError(_("--{option} must be from {low} to {high}.").format(
                option=name.replace("_", "-"), low=low, high=high))
        overrides[name] = value
    return replace(base, **overrides)


def _read_question(args) -> str:
    """The question from the command line or standard input, as storable text (text.py)."""
    question = args.question
    if question is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise CoveError(_('Give a question, for example: cove chat "What is a GGUF file?"'))
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            question = sys.stdin.read()
        else:  # bytes, so that input that is not valid UTF-8 is kept (with U+FFFD), not refused
            data = stream.read(MAX_QUESTION_BYTES + 1)
            if len(data) > MAX_QUESTION_BYTES:
                raise CoveError(_("The question on standard input is larger than {size} MB. "
                                  "Attach long text as a file in the window instead.").format(
                                      size=MAX_QUESTION_BYTES >> 20))
            question = decode_input(data, sys.stdin.encoding)
        # `echo "question" | cove chat` ends it with a newline that is not part of the question.
        question = question.rstrip("\r\n")
    return clean_text(question)


def _silence_stdout() -> None:
    """After a broken pipe: later writes (and Python's own flush at exit) go nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class _Output:
    """Standard output that a reader may close early (`cove chat … | head -c 40`): then the
    answer is no longer shown, but it is still generated and saved in full."""

    def __init__(self):
        self.open = True

    def write(self, text: str) -> None:
        if not self.open:
            return
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            self.open = False
            _silence_stdout()


def _not_saved(question: str, exc: Exception) -> CoveError:
    """The question could not be saved: print it back (nothing typed is lost) and say why."""
    _Output().write(question.rstrip("\n") + "\n")
    if isinstance(exc, chat.NotSaved):  # it already says the question was not saved
        return CoveError(_("{exc} It is printed above so nothing is lost.").format(exc=exc))
    reason = str(exc) if isinstance(exc, CoveError) else _("Cove could not write to its database ({exc}).").format(exc=exc)
    return CoveError(_("{reason} Your question was not saved; it is printed above so nothing is lost.").format(reason=reason))
STOP_GRACE = 0.3  # seconds the engine has to stop after Ctrl+C before it is ended


def _restored_model(library: ModelLibrary, last_model: str):
    """The last model used, checked first: a damaged one is passed over for the next installed model."""
    model = library.default_model(last_model)
    if model is not None and last_model and str(model.path) == last_model:
        try:
            read_gguf(model.path)
        except CoveError as exc:
            print(_("Not using the last model: {exc}").format(exc=exc), file=sys.stderr)
            model = next((m for m in library.installed() if str(m.path) != last_model), None) or model
    return model


def cmd_chat(args, cove_paths: paths.CovePaths) -> int:
    from app.core import remote_servers as rs
    from app.engine import prestart
    from app.engine import protocol as p
    from app.engine.client import EngineClient

    config = _load_settings(cove_paths)
    question = _read_question(args)
    if not question.strip():
        raise CoveError(_("The question is empty."))
    _sampling_from_args(args, config.sampling)  # a bad flag is refused before anything else
    model = cli_remote.chat_model(args.model, config, cove_paths, _restored_model)
    if model is None:
        raise CoveError(_("No model is installed. Pass --model with a .gguf file, or install the starter "
                          "model (98 MB) with: {command}").format(command=STARTER_INSTALL))
    remote = getattr(model, "remote", False)
    info = None if remote else read_gguf(model.path)  # refuse a bad file before anything is saved
    if info is not None and (refusal := chat_refusal(info, model.path.name)):  # an embedding model cannot answer
        raise CoveError(refusal)
    cli_ask.check_allowed(args.notes)
    if not remote:  # the engine (started early, prestart.py) loads the model while the question is saved
        prestart.load(str(model.path), chat.load_options(config, model.name, cove_paths.data_dir))

    store = None
    try:  # the question is committed here, or printed back (another process may hold the database)
        store = _open_store(cove_paths, config)
        conversation = store.conversation(args.conversation) if args.conversation is not None else None
        cli_ask.check_allowed(args.notes if args.notes is not None else bool(conversation and conversation.use_notes))
        sampling = _sampling_from_args(args, chat.effective_sampling(config, model.name, conversation))
        turn = chat.start_turn(store, args.conversation, question, str(model.path), sampling)
    except (CoveError, sqlite3.Error) as exc:
        if store is not None:
            store.close()
        raise _not_saved(question, exc) from None
    out = _Output()
    events: queue.Queue = queue.Queue()
    # local: the answer, or the notes' embeddings for a remote answer; started early by app/__main__.py
    client = prestart.take(events.put) or EngineClient(events.put)
    servers = rs.servers_in_use(config, policy.current(), cove_paths.data_dir)
    if remote:  # its HTTP client is imported only for a remote model
        from app.engine.remote_engine import RemoteEngine

        engine = RemoteEngine(events.put, lambda: servers)
    else:
        engine = client
    recorder = chat.AnswerRecorder(store, turn.answer.id)
    interrupted: float | None = None  # when Ctrl+C was pressed
    try:
        prompt, sources = turn.prompt_messages, []
        if cli_ask.use_notes(store, turn.conversation, args.notes):
            prompt, sources = cli_ask.prepare(store, cove_paths, turn.answer.id, question, prompt,
                                              cli_ask.context_size(config.engine.n_ctx, info.context_length if info else None),
                                              sampling.max_tokens, settings=config, client=client)
        engine_options = chat.load_options(config, model.name, cove_paths.data_dir)
        request_id = engine.generate(str(model.path), engine_options, prompt, asdict(sampling),
                                     config.engine.overflow)
        while True:
            try:
                if interrupted is not None and time.monotonic() - interrupted > STOP_GRACE:
                    break  # the engine did not stop in time (stuck in a chat template, say): ended below
                try:
                    event = events.get(timeout=chat.SAVE_INTERVAL if interrupted is None else 0.05)
                except queue.Empty:
                    recorder.flush()
                    continue
                if isinstance(event, p.Token) and event.request_id == request_id:
                    out.write(event.text)
                    recorder.append(event.text)
                elif isinstance(event, p.Finished) and event.request_id == request_id:
                    _finish(recorder, event.status, event.stats)
                    break
                elif isinstance(event, (p.Failed, p.LoadFailed, p.EngineDied)):
                    if recorder.text:
                        out.write("\n")
                    _finish(recorder, st.ERROR, error=event.message)
                    raise CoveError(event.message)
            except KeyboardInterrupt:
                if interrupted is not None:
                    break  # a second Ctrl+C: end now
                interrupted = time.monotonic()
                engine.stop(request_id)
        out.write("\n")
        cli_ask.finish(store, turn.answer.id, recorder.text, sources, out.write)
        print(_("(conversation {id})").format(id=turn.conversation.id), file=sys.stderr)
        return 130 if interrupted is not None else 0
    finally:
        if not recorder.finished:
            try:
                recorder.finish(st.STOPPED)  # interrupted: keep what was written
            except (chat.NotSaved, sqlite3.Error) as exc:
                print("cove: " + _("the answer so far could not be saved ({error}); it was printed above.").format(
                    error=exc), file=sys.stderr)
        if engine is not client:  # the local engine is ended once, below, without waiting after Ctrl+C
            engine.shutdown()
        if interrupted is None and recorder.finished:  # saved: the engine ends by itself, Cove need not wait
            client.shutdown(wait=False)
        else:
            client.shutdown(timeout=0.1 if interrupted is not None else 3.0)  # Ctrl+C ends Cove within a second
        store.close()


def _finish(recorder: chat.AnswerRecorder, status: str, stats: dict | None = None, error: str | None = None) -> None:
    try:
        recorder.finish(status, stats, error)
    except chat.NotSaved:
        raise CoveError(disk_full_message(recorder.store.path) + " " + _(
            "The answer was not saved; it is printed above: copy what you need.")) from None
    except sqlite3.Error as exc:  # locked for too long: the text was printed, say so
        raise CoveError(_("The answer could not be saved ({error}); it was printed above.").format(
            error=exc)) from None
