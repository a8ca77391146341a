"""Model downloads that resume where they stopped and install only verified files.

Each file is written to `<name>.part`, with `<name>.part.json` beside it recording
what it is (URL, size, SHA-256). Restarting a download (next run, next app start,
after a dropped connection) asks the server for the rest with an HTTP Range request
and never starts from zero while the part file is good. The SHA-256 is computed as
the bytes arrive (after re-reading the part already on disk), and only a file whose
hash matches the one the Hub reports is renamed into place; a mismatch is deleted.

A model split into several files (`-00001-of-00003.gguf`) is one download: every
part is fetched and verified, and the model loads from the first.

A file is saved at models/<owner>/<repo>/<its path in the repo> (model_names.saved_relpath),
sub-folders included, which is also what the policy's `owner/repo/path` entries match.
No file grows past the size the Hub listed: a server that sends more (or never stops)
is cut off at that size, so a hostile mirror cannot fill the disk before the hash check.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import CoveError
from app.core.hub import Hub, HubError, HubFile
from app.core.i18n import _
from app.core.model_names import repo_path_problem, saved_relpath, shown, split_part_names
from app.core.units import human_size

CHUNK = 1 << 20
DISK_MARGIN = 64 << 20
NO_PROGRESS_RETRIES = 3

# What should_stop() may return to end a transfer early (the part file is kept).
PAUSE, CANCEL = "pause", "cancel"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    speed: float          # bytes per second, recent
    eta: float | None     # seconds left
    file: str


@dataclass(frozen=True)
class DownloadPlan:
    repo_id: str
    files: tuple[HubFile, ...]
    models_dir: Path

    @property
    def dest_dir(self) -> Path:
        """The repo's folder, models/<owner>/<repo>."""
        return self.models_dir.joinpath(*self.repo_id.split("/"))

    @property
    def total(self) -> int:
        return sum(f.size for f in self.files)

    def final_path(self, f: HubFile) -> Path:
        return self.models_dir / saved_relpath(self.repo_id, f.path)

    @property
    def first_path(self) -> Path:
        return self.final_path(self.files[0])

    def part_path(self, f: HubFile) -> Path:
        final = self.final_path(f)
        return final.with_name(final.name + ".part")

    def bytes_on_disk(self) -> int:
        done = 0
        for f in self.files:
            final, part = self.final_path(f), self.part_path(f)
            if final.is_file():
                done += final.stat().st_size
            elif part.is_file():
                done += part.stat().st_size
        return done


def plan_download(hub: Hub, repo_id: str, filename: str, models_dir: Path) -> DownloadPlan:
    problem = repo_path_problem(filename)
    if problem:  # asked for by name (command line, saved queue): the same rule as names from a listing
        raise CoveError(_("{repo_id}: {filename} cannot be downloaded: {problem}. "
                          "Run `cove models files {repo_id}` to see the file names.").format(repo_id=repo_id, filename=shown(filename), problem=problem))
    files = {f.path: f for f in hub.gguf_files(repo_id)}  # validated names and sizes only (hub.listed_file)
    wanted = split_part_names(filename)
    missing = [name for name in wanted if name not in files]
    if missing:
        raise HubError(_("{repo_id} has no file {missing}. Run `cove models files {repo_id}` or open "
                         "the repo's file list to see the exact names (they are case-sensitive).").format(repo_id=repo_id, missing=missing[0]))
    chosen = tuple(files[name] for name in wanted)
    if not hub.policy.model_allowed(chosen[0].sha256, f"{repo_id}/{chosen[0].path}"):
        raise CoveError(hub.policy.reason(_("Downloading {filename} (not among the allowed models)").format(filename=filename)))
    unverifiable = [f.path for f in chosen if not f.sha256]
    if unverifiable:
        raise HubError(_("{host} did not report a SHA-256 for {unverifiable}, so Cove cannot "
                         "check the download. Ask the mirror's admin to serve LFS metadata.").format(host=hub.host, unverifiable=unverifiable[0]))
    return DownloadPlan(repo_id, chosen, models_dir)


class _Speed:
    """Bytes per second over the last few seconds."""

    def __init__(self, window: float = 3.0):
        self.window = window
        self.samples: list[tuple[float, int]] = []

    def add(self, now: float, done: int) -> float:
        self.samples.append((now, done))
        while len(self.samples) > 2 and now - self.samples[0][0] > self.window:
            self.samples.pop(0)
        (t0, d0), (t1, d1) = self.samples[0], self.samples[-1]
        return (d1 - d0) / (t1 - t0) if t1 > t0 else 0.0


def check_disk_space(plan: DownloadPlan) -> None:
    plan.dest_dir.mkdir(parents=True, exist_ok=True)
    needed = plan.total - plan.bytes_on_disk()
    free = shutil.disk_usage(plan.dest_dir).free
    if needed + DISK_MARGIN > free:
        raise CoveError(_("Not enough disk space for {name}: it needs {needed_size} more and "
                          "{free_size} is free in {dest_dir}. Free some space and try again.").format(name=plan.first_path.name, needed_size=human_size(needed), free_size=human_size(free), dest_dir=plan.dest_dir))


def download(hub: Hub, plan: DownloadPlan, progress: Callable[[Progress], None] | None = None,
             should_stop: Callable[[], str | None] = lambda: None, retry_wait: float = 1.0) -> Path | None:
    """Fetch every file of the plan; return the model's path, or None if stopped early."""
    hub.ensure_online(_("download models"))
    check_disk_space(plan)
    state = {"done": plan.bytes_on_disk(), "speed": _Speed()}
    for f in plan.files:
        final = plan.final_path(f)
        if final.is_file() and final.stat().st_size == f.size:
            continue  # verified in an earlier run (only verified files get this name)
        if not _download_file(hub, plan, f, final, state, progress, should_stop, retry_wait):
            return None
    return plan.first_path


REPORT_INTERVAL = 0.25


def _report(progress, state, total, name) -> None:
    """Tell the caller how far we are, a few times a second (not per network chunk)."""
    now = time.monotonic()
    if progress is None or (now - state.get("reported", 0.0) < REPORT_INTERVAL and state["done"] < total):
        return
    state["reported"] = now
    speed = state["speed"].add(now, state["done"])
    eta = (total - state["done"]) / speed if speed > 0 else None
    progress(Progress(state["done"], total, speed, eta, name))


def _download_file(hub, plan, f: HubFile, final: Path, state, progress, should_stop, retry_wait) -> bool:
    part, record = plan.part_path(f), final.with_name(final.name + ".part.json")
    final.parent.mkdir(parents=True, exist_ok=True)  # a file in a sub-folder of the repo
    expected = {"repo_id": plan.repo_id, "path": f.path, "size": f.size, "sha256": f.sha256}
    try:
        known = json.loads(record.read_text()) if record.is_file() else None
    except ValueError:
        known = None
    if known != expected or not part.is_file() or part.stat().st_size > f.size:
        # Not the file we have a part of (or no part): start this file afresh.
        state["done"] -= part.stat().st_size if part.is_file() else 0
        part.write_bytes(b"")
        record.write_text(json.dumps(expected))
    hasher = [hashlib.sha256()]  # in a list: a server that ignores Range makes us start a new one
    with part.open("rb") as existing:
        while chunk := existing.read(CHUNK):
            hasher[0].update(chunk)
    offset = part.stat().st_size
    hashed = [offset]  # bytes both written and hashed: the part file is cut back to this after an error
    url = hub.file_url(plan.repo_id, f.path)
    fruitless = 0
    while offset < f.size:
        before = offset
        try:
            offset = _transfer(hub, url, part, offset, f, hasher, hashed, state, plan, progress, should_stop)
        except _Stopped:
            return False
        except CoveError:
            raise
        except Exception as exc:  # the connection dropped or timed out: resume from where we are
            error = exc
            offset = hashed[0]
            with part.open("r+b") as out:  # a write that failed half-way left bytes nobody hashed
                out.truncate(offset)
        else:
            continue
        fruitless = 0 if offset > before else fruitless + 1
        if fruitless > NO_PROGRESS_RETRIES:
            raise HubError(_("The download of {name} keeps failing "
                             "({error}). {offset_size} of {size} are "
                             "kept; run the download again to continue from there.").format(name=final.name, error=type(error).__name__, offset_size=human_size(offset), size=human_size(f.size)))
        time.sleep(retry_wait * fruitless)
    overflowed = state.pop("overflow", False)
    if hasher[0].hexdigest() != f.sha256:
        part.unlink(missing_ok=True)
        record.unlink(missing_ok=True)
        if overflowed:
            raise CoveError(_("{host} sent more than the {size} it lists for {name}, so Cove stopped "
                              "at that size; the bytes do not match the SHA-256 the Hub reports and "
                              "were deleted. The mirror serves a different file: ask its admin.").format(host=hub.host, size=human_size(f.size), name=final.name))
        raise CoveError(_("{name} was downloaded but its content does not match the SHA-256 "
                          "the Hub reports, so it was deleted. The transfer was corrupted "
                          "(or the mirror serves a different file): download it again.").format(name=final.name))
    os.replace(part, final)
    record.unlink(missing_ok=True)
    return True


class _Stopped(Exception):
    pass


def _transfer(hub, url, part: Path, offset: int, f: HubFile, hasher, hashed, state, plan, progress,
              should_stop) -> int:
    headers = {"Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    name = Path(f.path).name
    # hub.http follows the endpoint's redirects to a storage host by its rules, logs every hop,
    # and sends the token to the endpoint only.
    with hub.http.open(url, f"download {plan.repo_id}/{f.path}", _("download {name}").format(name=name), headers=headers,
                       storage=True) as response:
        status = response.status_code
        if status == 416 and offset == f.size:
            return offset
        if status not in (200, 206):  # an error, or a redirect without an address
            raise hub.explain(_StatusError(response), _("download {name}").format(name=name))
        if status == 206 and not response.headers.get("content-range", "").startswith(f"bytes {offset}-"):
            raise HubError(_("{host} answered a resumed download of {name} with the wrong "
                             "part of the file. Try again later, or ask the mirror's admin.").format(host=hub.host, name=name))
        if offset and status != 206:
            # The server ignored the Range request: the bytes start from zero again.
            state["done"] -= offset
            offset = 0
            hasher[0] = hashlib.sha256()
            hashed[0] = 0
            part.write_bytes(b"")
        with part.open("r+b") as out:
            out.seek(offset)
            for chunk in response.iter_bytes():  # as received: a dropped connection loses nothing written
                reason = should_stop()
                if reason:
                    out.flush()
                    raise _Stopped(reason)
                if len(chunk) > f.size - offset:
                    # More than the listed size (an endless body, say): keep only what was promised
                    # and stop reading; the hash check then decides.
                    chunk = chunk[: f.size - offset]
                    state["overflow"] = True
                out.write(chunk)
                hasher[0].update(chunk)
                offset += len(chunk)
                hashed[0] = offset
                state["done"] += len(chunk)
                _report(progress, state, plan.total, name)
                if offset >= f.size:
                    break
            out.flush()
            os.fsync(out.fileno())
    return offset


class _StatusError(Exception):
    def __init__(self, response):
        super().__init__(f"HTTP {response.status_code}")
        self.response = response
