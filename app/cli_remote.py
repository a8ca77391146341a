"""`cove remote …` and remote models on the command line: servers that answer for this Cove.

    cove remote add URL [--key-file FILE] [--ca-bundle FILE]
    cove remote list          the servers, and the models each offers
    cove remote remove URL

The key is read from a file (never a command-line argument, which the shell's
history and `ps` would show) and stored like the Hub token: a 0600 file, never in
settings.json. `cove chat --model NAME` finds NAME among the remote servers' models
when no local model has that name ("NAME@HOST" picks a server when two offer it).
"""

from __future__ import annotations

import sys
from dataclasses import replace

from app.core import policy
from app.core import remote_servers as rs
from app.core import settings as settings_mod
from app.core.errors import CoveError, ModelNotFound
from app.core.i18n import _
from app.core.locale_format import count_of
from app.core.models import ModelLibrary
from app.core.paths import CovePaths


def list_models(server: rs.RemoteServer) -> list[str]:
    """The server's model ids (app/core/remote_client.py, imported only when a server is asked:
    a `cove chat` with a local model does not pay for the HTTP client at start)."""
    from app.core.remote_client import list_models as ask

    return ask(server)


def add_parser(commands) -> None:
    remote_cmd = commands.add_parser("remote", help=_("OpenAI-compatible servers that answer for Cove "
                                                      "(vLLM, llama-server, Ollama, another Cove)"))
    sub = remote_cmd.add_subparsers(dest="remote_command", metavar="ACTION")
    add = sub.add_parser("add", help=_("add a server (its models appear beside the local ones)"))
    add.add_argument("url", metavar="URL", help=_("its address, e.g. https://gpu.example.org/v1"))
    add.add_argument("--key-file", metavar="FILE", help=_("a file holding its API key (stored 0600, never shown)"))
    add.add_argument("--ca-bundle", metavar="FILE", help=_("the PEM file of an on-prem certificate's authority"))
    sub.add_parser("list", help=_("the servers and the models each offers"))
    remove = sub.add_parser("remove", help=_("remove a server (and its stored key)"))
    remove.add_argument("url", metavar="URL")


def run(args, paths: CovePaths, settings: settings_mod.Settings) -> int:
    action = args.remote_command or "list"
    admin = policy.current()
    if action == "add":
        return add(args, paths, settings, admin)
    if action == "remove":
        url = rs.normalise_url(args.url)
        if url not in {e["url"] for e in settings.remote_servers}:
            managed = admin.remote_servers is not None and url in {s.url for s in admin.remote_servers}
            raise CoveError(_("{url} is set by your administrator's policy and cannot be removed here.").format(url=url) if managed
                            else _("No remote server {url}. See them with: cove remote list").format(url=url))
        kept = tuple(e for e in settings.remote_servers if e["url"] != url)
        settings_mod.save(paths.settings_file, replace(settings, remote_servers=kept))
        rs.clear_key(paths.data_dir, url)
        print(_("Removed {url} (and its stored key).").format(url=url))
        return 0
    servers = rs.servers_in_use(settings, admin, paths.data_dir)
    if not servers:
        print(_("No remote servers. Add one with: cove remote add URL [--key-file FILE] [--ca-bundle FILE]"),
              file=sys.stderr)
        return 0
    failed = 0
    for server in servers:
        note = _(" (set by your administrator)") if server.managed else ""
        key = _("key stored") if server.key else _("no key")
        bundle = ", " + _("CA bundle {path}").format(path=server.ca_bundle) if server.ca_bundle else ""
        print(f"{server.url}  [{key}{bundle}]{note}")
        try:
            for model_id in list_models(server):
                print(f"    {model_id}")
        except CoveError as exc:
            failed += 1
            print(f"cove: {exc}", file=sys.stderr)
    return 1 if failed else 0


def add(args, paths: CovePaths, settings: settings_mod.Settings, admin) -> int:
    url = rs.normalise_url(args.url)
    problem = rs.url_problem(url)
    if problem:
        raise CoveError(problem[0].upper() + problem[1:] + ".")
    rs.check_allowed(admin, url)
    key = rs.read_key_file(args.key_file) if args.key_file else ""
    ca = rs.check_ca_bundle(args.ca_bundle or "")
    server = rs.RemoteServer(url, ca, key)
    models = list_models(server)  # a wrong address, key or certificate is found now, not at the first question
    kept = tuple(e for e in settings.remote_servers if e["url"] != url) + (server.settings_entry(),)
    if key:
        rs.save_key(paths.data_dir, url, key)
    settings_mod.save(paths.settings_file, replace(settings, remote_servers=kept))
    print(_("Added {url}: {models} ({names}). Your messages to these "
            "models go to {host}; conversations stay on this computer.").format(
        url=url, models=count_of(len(models), "model"), names=", ".join(models[:5]) + ("…" if len(models) > 5 else ""),
        host=server.host))
    return 0


def remote_models(settings, paths: CovePaths, quiet: bool = False) -> list[rs.RemoteModel]:
    """Every model of every server in use (each server asked once); a server that fails is reported, skipped."""
    found = []
    for server in rs.servers_in_use(settings, policy.current(), paths.data_dir):
        try:
            found += [rs.RemoteModel(server, model_id) for model_id in list_models(server)]
        except CoveError as exc:
            if not quiet:
                print(f"cove: {exc}", file=sys.stderr)
    return found


def resolve(name: str, settings, paths: CovePaths) -> rs.RemoteModel:
    """A remote model by reference ("remote:URL#ID"), "ID@HOST", or its id alone."""
    servers = rs.servers_in_use(settings, policy.current(), paths.data_dir)
    if rs.is_remote_ref(name):
        url, model_id = rs.parse_ref(name)
        server = rs.find_server(servers, url)
        if server is None:
            raise ModelNotFound(_("The remote server {url} is not set up (or not allowed): see cove remote list.").format(url=url))
        return rs.RemoteModel(server, model_id)
    model_id, _sep, host = name.rpartition("@") if "@" in name else (name, "", "")
    candidates = [s for s in servers if not host or s.host == host.lower()]
    matches = []
    for server in candidates:
        try:
            matches += [rs.RemoteModel(server, m) for m in list_models(server) if m == model_id]
        except CoveError as exc:
            print(f"cove: {exc}", file=sys.stderr)
    if len(matches) > 1:
        raise ModelNotFound(_("Several servers offer '{model_id}': name "
                              "one, e.g. --model '{model_id}@{host}'.").format(model_id=model_id, host=matches[0].server.host))
    if not matches:
        raise ModelNotFound(_("No model named '{name}' on this computer or its "
                              "remote servers. See them with: cove models list").format(name=name))
    return matches[0]


def chat_model(name: str | None, config, paths: CovePaths, restored):
    """The model to answer `cove chat`: NAME (a local one first, then the remote servers'), else the last one
    used (`restored(library, last_model)` for a local one); with the policy's remote_only, remote ones only."""
    admin = policy.current()
    library = ModelLibrary(paths.models_dir, shared_dir=admin.shared_models_folder)
    if name:
        if admin.remote_only:
            try:
                return resolve(name, config, paths)
            except ModelNotFound:
                raise CoveError(admin.reason(_("Using local models")) + _(" '{name}' is not a model of the "
                                  "remote servers: see cove models list.").format(name=name)) from None
        try:
            if rs.is_remote_ref(name):
                raise ModelNotFound("")
            return library.resolve(name)
        except ModelNotFound as exc:
            if str(exc) and not config.remote_servers and admin.remote_servers is None:
                raise  # no remote servers to look on: the local library's own message
            return resolve(name, config, paths)
    if rs.is_remote_ref(config.last_model):
        try:
            return resolve(config.last_model, config, paths)
        except ModelNotFound:
            pass
    if admin.remote_only:
        found = remote_models(config, paths)
        if not found:
            raise CoveError(admin.reason(_("Using local models")) + _(" No remote server answers: see cove remote list."))
        return found[0]
    return restored(library, config.last_model)
