"""Talking to the Hugging Face Hub, or to the mirror an admin or user configured.

This module and hub_http.py are the only places Cove uses the network, and only
when the user asks: search, a repo's file list, a download (downloads.py). Each
entry point checks the offline switch first and refuses at once without opening a
socket. hub_http.py sends every request, keeps it on the endpoint (the token too),
and logs it; this module says what to ask and checks every name and number the
server answers with before anything uses it: a hostile listing can name a file
"../../x", put a NUL in it, make it longer than a file system allows, or give it a
size of 10**20. Such entries are skipped, and said so once each.

The Hub's API is simple and public (GET /api/models, /api/models/REPO/tree/main,
/REPO/resolve/main/FILE), so Cove asks it directly rather than through
huggingface_hub's HfApi, whose retries, redirects and pagination would follow any
host a mirror named and print a dozen lines of retries when the mirror is down.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from app.core import policy as policy_mod
from app.core.endpoints import DEFAULT_ENDPOINT, offline_from_env, resolve_endpoint, valid_endpoint  # noqa: F401
from app.core.errors import CoveError
from app.core.hub_http import HubError, HubHttp  # noqa: F401 - HubError is part of this module's API
from app.core.i18n import _
from app.core.locale_format import format_number
from app.core.model_names import SPLIT_PART, parse_quant, repo_path_problem, shown, valid_repo_id
from app.core.paths import hub_token_in
from app.core.private_files import write_private

# No usage reports from the library, whatever else the environment says.
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
# No model file comes near 1 PiB; a larger size in a listing is broken or hostile, and
# arithmetic on it (free space, progress, Qt's 32-bit table cells) would go wrong downstream.
MAX_FILE_SIZE = 1 << 50
_SHA256 = re.compile(r"[0-9a-f]{64}")
_COUNT_LIMIT = 1 << 53  # downloads and likes in search results: shown, never computed with
MAX_LISTED_FILES = 50_000  # GGUF files in one repo; the largest real ones list a few hundred


class OfflineError(CoveError):
    """A network action was asked for while Cove is offline."""


@dataclass(frozen=True)
class HubFile:
    path: str
    size: int
    sha256: str | None  # the LFS hash; None for small files kept in git

    @property
    def quant(self) -> str:
        return parse_quant(self.path)


@dataclass(frozen=True)
class HubRepo:
    repo_id: str
    downloads: int
    likes: int
    gated: bool


class FileList(list):
    """The GGUF files of a repo; `skipped` says, one line each, which listed files were unusable and why."""

    skipped: tuple[str, ...] = ()


def one_per_model(files: list[HubFile]) -> list[HubFile]:
    """A split model listed once: by its first part, with the size of all its parts."""
    totals: dict[str, int] = {}
    for f in files:
        match = SPLIT_PART.search(f.path)
        if match:
            totals[f.path[: match.start()]] = totals.get(f.path[: match.start()], 0) + f.size
    shown = []
    for f in files:
        match = SPLIT_PART.search(f.path)
        if not match:
            shown.append(f)
        elif match.group(1) == "00001":
            shown.append(HubFile(f.path, totals[f.path[: match.start()]], f.sha256))
    return shown


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < _COUNT_LIMIT else 0


def listed_file(entry: object) -> HubFile | str | None:
    """A file-list entry as a HubFile; None if it is not a GGUF file; else why it cannot be used."""
    if not isinstance(entry, dict) or entry.get("type", "file") != "file":
        return None
    path = entry.get("path")
    if not isinstance(path, str) or not path.lower().endswith(".gguf"):
        return None
    problem = repo_path_problem(path)
    if problem:
        return f"skipped {shown(path)}: {problem}"
    size = entry.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= MAX_FILE_SIZE:
        return _("skipped {path}: its size ({size}) is not a possible file size").format(path=shown(path), size=shown(size))
    lfs = entry.get("lfs")
    sha256 = lfs.get("oid", lfs.get("sha256")) if isinstance(lfs, dict) else None
    if sha256 is not None and not (isinstance(sha256, str) and _SHA256.fullmatch(sha256.lower())):
        return _("skipped {path}: its SHA-256 ({sha256}) is malformed").format(path=shown(path), sha256=shown(sha256))
    return HubFile(path, size, sha256.lower() if sha256 else None)


def check_repo_id(repo_id: str) -> None:
    if not valid_repo_id(repo_id):
        raise CoveError(_("{repo_id} is not a Hub repo name. Repo names look like owner/name "
                          "(letters, digits, '-', '_' and '.'), e.g. bartowski/Qwen2.5-7B-Instruct-GGUF.").format(repo_id=shown(repo_id)))


# The token ---------------------------------------------------------------------

def load_token(data_dir: Path) -> str | None:
    try:
        token = hub_token_in(data_dir).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return token or None


def save_token(data_dir: Path, token: str) -> None:
    write_private(hub_token_in(data_dir), token.strip())  # never readable by others, not even briefly


def clear_token(data_dir: Path) -> None:
    hub_token_in(data_dir).unlink(missing_ok=True)


# The client ------------------------------------------------------------------

class Hub:
    def __init__(self, endpoint: str = DEFAULT_ENDPOINT, token: str | None = None, offline: bool = False,
                 policy: policy_mod.Policy = policy_mod.NO_POLICY):
        # An administrator's mirror replaces any other address; the policy decides what may be asked.
        self.endpoint = (policy.endpoint or endpoint).rstrip("/")
        self.token = token
        self.offline = offline or offline_from_env()
        self.policy = policy
        self.http = HubHttp(self.endpoint, token)  # every request goes through it (see hub_http.py)

    @property
    def host(self) -> str:
        return self.http.host

    def ensure_online(self, purpose: str) -> None:
        if self.offline:
            raise OfflineError(_("Cove is offline, so it cannot {purpose}. Turn off offline mode "
                                 "(Settings › Privacy, or unset HF_HUB_OFFLINE) to use the "
                                 "network; everything on this computer keeps working meanwhile.").format(purpose=purpose))

    def _call(self, what: str, fn):
        try:
            return fn()
        except CoveError:
            raise
        except Exception as exc:  # the HTTP library raises many kinds
            raise self.explain(exc, what) from None

    def explain(self, exc: Exception, what: str) -> HubError:
        status = getattr(getattr(exc, "response", None), "status_code", None)
        if status in (401, 403):
            return HubError(_("{host} refused to {what}: this model is gated or private. Accept its "
                              "licence on the model's page, then add your Hub token in Settings.").format(host=self.host, what=what))
        if status == 404:
            return HubError(_("{host} has no such model or file ({what}). Check the name.").format(host=self.host, what=what))
        if status is not None:
            return HubError(_("{host} answered with an error (HTTP "
                              "{status}) when asked to {what}. Try again later.").format(host=self.host, status=status, what=what))
        why = _("it did not answer in time") if "Timeout" in type(exc).__name__ else _("the connection failed")
        return HubError(_("Could not reach {host} to {what}: {why} ({error}). Check "
                          "your connection or the mirror address, then try again.").format(host=self.host, what=what, why=why, error=type(exc).__name__))

    def search(self, text: str, limit: int = 30) -> list[HubRepo]:
        """Model repos with GGUF files whose name matches `text`, most downloaded first (one page)."""
        self.ensure_online(_("search the Hub"))
        self.policy.require(self.policy.hub_search, _("Searching the Hub"))
        params = {"search": text, "filter": "gguf", "sort": "downloads", "direction": "-1", "limit": str(limit)}

        def run():
            found, _next = self.http.get_json(f"{self.endpoint}/api/models", "search", _("search the Hub"), params)
            repos = []
            for m in found if isinstance(found, list) else []:
                repo_id = m.get("id", m.get("modelId")) if isinstance(m, dict) else None
                if valid_repo_id(repo_id):  # anything else could not be asked for anyway
                    repos.append(HubRepo(repo_id, _count(m.get("downloads")), _count(m.get("likes")),
                                         bool(m.get("gated", False))))
            return repos[:limit]

        return self._call(_("search the Hub"), run)

    def gguf_files(self, repo_id: str) -> FileList:
        """The GGUF files in a repo, with sizes and SHA-256 (from the Hub's LFS records), every page of them."""
        self.ensure_online(_("list the files of a model"))
        self.policy.require(self.policy.downloads, _("Downloading models"))
        check_repo_id(repo_id)
        what = _("list the files of {repo_id}").format(repo_id=repo_id)

        def run():
            files, skipped = FileList(), []
            url = f"{self.endpoint}/api/models/{repo_id}/tree/main"
            for page in self.http.pages(url, f"file list {repo_id}", what, {"recursive": "true", "expand": "false"}):
                if not isinstance(page, list):
                    raise HubError(_("{host} sent a file list Cove cannot read when asked to {what}.").format(host=self.host, what=what))
                if len(files) + len(skipped) + len(page) > MAX_LISTED_FILES:
                    raise HubError(_("{host} listed more than {max_listed_files} files when asked to {what}; "
                                     "Cove stopped reading. Check the repo name, or ask the mirror's admin.").format(host=self.host, max_listed_files=format_number(MAX_LISTED_FILES), what=what))
                for entry in page:
                    found = listed_file(entry)
                    if isinstance(found, HubFile):
                        files.append(found)
                    elif found is not None:
                        skipped.append(found)
            files.sort(key=lambda f: f.path)
            files.skipped = tuple(skipped)
            return files

        return self._call(what, run)

    def file_url(self, repo_id: str, filename: str) -> str:
        return f"{self.endpoint}/{repo_id}/resolve/main/{quote(filename)}"


def hub_for(options, data_dir: Path) -> Hub:
    """The Hub client as the user configured it (settings.HubOptions, token file), within the admin's policy."""
    return Hub(resolve_endpoint(options.endpoint), load_token(data_dir), options.offline, policy_mod.current())
