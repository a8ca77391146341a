"""`cove serve`: the models Cove manages, for other programs, over the OpenAI API (app/server).

The first line on standard output is the address, `Listening on http://HOST:PORT`, so
a script can start the server with `--port 0` (a free port) and read where it is; the
rest (which models, the API key) goes to standard error. Ctrl+C stops it: answers in
progress are stopped and every engine process ends.
"""

from __future__ import annotations

import signal
import sys

from app.core import policy
from app.core.i18n import _
from app.core.models import ModelLibrary
from app.core.paths import CovePaths
from app.core.settings import Settings

DEFAULT_HOST = "127.0.0.1"


def add_parser(commands, whole_number) -> None:
    serve = commands.add_parser("serve", help=_("serve your models to other programs over the OpenAI API"))
    serve.add_argument("--host", default=DEFAULT_HOST, metavar="H",
                       help=_("address to listen on (default 127.0.0.1: this computer only; any other needs a key)"))
    serve.add_argument("--port", type=whole_number(0, 65535), metavar="P",
                       help=_("port (default from settings, 11435; 0 picks a free one)"))
    serve.add_argument("--model", "-m", metavar="NAME",
                       help=_("serve only this model (a name from `cove models list`); default: every installed one"))
    serve.add_argument("--api-key-file", metavar="F",
                       help=_("require the key in this file (default: none on 127.0.0.1, else one made and stored)"))


def _listen(host: str, port: int):
    from app.server.background import listen

    return listen(host, port, _("Choose another with --port (--port 0 picks a free one)."))


def _terminated(signum, frame):
    raise KeyboardInterrupt  # SIGTERM (`kill`, a service manager): stop as Ctrl+C does


def run(args, paths: CovePaths, settings: Settings) -> int:
    import uvicorn

    from app.server import access
    from app.server.app import ServeConfig, build

    admin = policy.current()
    access.check_policy(admin, args.host)
    library = ModelLibrary(paths.models_dir, shared_dir=admin.shared_models_folder)
    if args.model:
        only = library.resolve(args.model)  # a wrong name is refused before anything listens

        def models():
            return [only]
    else:
        def models():
            return library.installed(include_embedding=True)
    key, key_note = None, ""
    if args.api_key_file:
        key = access.read_key_file(args.api_key_file)
        key_note = _("Clients must send the key in {api_key_file} (Authorization: Bearer KEY).").format(api_key_file=args.api_key_file)
    elif not access.is_loopback(args.host):
        key, new = access.stored_or_new_key(paths)
        where = access.key_file(paths)
        key_note = (_("API key (shown once; stored in {where}, readable by you only): {key}").format(where=where, key=key) if new else
                    _("Clients must send the API key stored in {where} (Authorization: Bearer KEY).").format(where=where))
    sock = _listen(args.host, settings.server.port if args.port is None else args.port)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(_("Listening on http://{shown}:{port}").format(shown=shown, port=port), flush=True)
    served = models()
    names = ", ".join(dict.fromkeys(m.name for m in served)) or _("none yet (install one with `cove models download`)")
    print(_("Serving {names} at http://{shown}:{port}/v1").format(names=names, shown=shown, port=port), file=sys.stderr)
    if key_note:
        print(key_note, file=sys.stderr)
    print(_("Press Ctrl+C to stop."), file=sys.stderr, flush=True)
    app = build(ServeConfig(paths, settings, models, api_key=key))
    # log_config=None: uvicorn's own errors go to Cove's log file; no access log (it would only repeat
    # the request log, which already records every request without its content).
    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on", timeout_graceful_shutdown=3)
    # uvicorn stops on SIGTERM as on Ctrl+C, then raises the signal again for whoever handled it before:
    # without a handler of ours, that second SIGTERM would end the process before "Stopped." (and exit -15).
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()
    print(_("Stopped."), file=sys.stderr)
    return 0
