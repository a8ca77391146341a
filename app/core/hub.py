"""Talking to the Hugging Face Hub, or to the mirror an admin or user configured.

This module is the only place Cove uses the network, and only when the user asks:
search, a repo's file list, a file's metadata, a download. Each entry point checks
the offline switch first and refuses at once without opening a socket. Every request
is written to the request log (network_log.py) right before it is sent.

huggingface_hub does what it does well here (the API calls, endpoints, headers and
the HTTP session); the download itself is ours (downloads.py), because we need
resumes that really resume and a hash checked as the bytes arrive.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from app.core import network_log
from app.core import policy as policy_mod
from app.core.catalog import parse_quant
from app.core.errors import CoveError
from app.core.models import SPLIT_PART
from app.core.paths import hub_token_in
from app.core.private_files import write_private

DEFAULT_ENDPOINT = "https://huggingface.co"
# No usage reports from the library, whatever else the environment says.
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
# The library retries failed calls and logs each retry; Cove reports the outcome once.
logging.getLogger("huggingface_hub").setLevel(logging.ERROR)


class OfflineError(CoveError):
    """A network action was asked for while Cove is offline."""


class HubError(CoveError):
    """The Hub or mirror answered with an error, or could not be reached."""


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


def valid_endpoint(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def resolve_endpoint(setting: str = "") -> str:
    """The mirror set in Cove's settings, else HF_ENDPOINT, else the public Hub."""
    for candidate in (setting, os.environ.get("HF_ENDPOINT", "")):
        candidate = candidate.strip().rstrip("/")
        if candidate:
            if not valid_endpoint(candidate):
                raise CoveError(f"The Hub address '{candidate}' is not a web address (http:// or https://). "
                                "Fix the mirror setting or HF_ENDPOINT.")
            return candidate
    return DEFAULT_ENDPOINT


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
        self.offline = offline or os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes")
        self.policy = policy

    @property
    def host(self) -> str:
        return urlparse(self.endpoint).netloc

    def ensure_online(self, purpose: str) -> None:
        if self.offline:
            raise OfflineError(f"Cove is offline, so it cannot {purpose}. Turn off offline mode "
                               "(Settings › Privacy, or unset HF_HUB_OFFLINE) to use the network; everything on this "
                               "computer keeps working meanwhile.")

    def record(self, purpose: str, url: str | None = None) -> None:
        """Log a request about to be sent (host and purpose only, never what was typed)."""
        network_log.record(urlparse(url).netloc if url else self.host, purpose)

    def _api(self):
        from huggingface_hub import HfApi

        # token=False: never fall back to a token found in the environment or cache.
        return HfApi(endpoint=self.endpoint, token=self.token or False)

    def _call(self, what: str, fn):
        try:
            return fn()
        except CoveError:
            raise
        except Exception as exc:  # huggingface_hub and its HTTP library raise many kinds
            raise self.explain(exc, what) from None

    def explain(self, exc: Exception, what: str) -> HubError:
        status = getattr(getattr(exc, "response", None), "status_code", None)
        if status in (401, 403):
            return HubError(f"{self.host} refused to {what}: this model is gated or private. Accept its "
                            "licence on the model's page, then add your Hub token in Settings.")
        if status == 404:
            return HubError(f"{self.host} has no such model or file ({what}). Check the name.")
        if status is not None:
            return HubError(f"{self.host} answered with an error (HTTP {status}) when asked to {what}. "
                            "Try again later.")
        return HubError(f"Could not reach {self.host} to {what} ({type(exc).__name__}). Check your "
                        "connection or the mirror address, then try again.")

    def search(self, text: str, limit: int = 30) -> list[HubRepo]:
        """Model repos with GGUF files whose name matches `text`, most downloaded first."""
        self.ensure_online("search the Hub")
        self.policy.require(self.policy.hub_search, "Searching the Hub")

        def run():
            self.record("search")
            found = self._api().list_models(search=text, filter="gguf", sort="downloads", limit=limit)
            return [HubRepo(m.id, int(getattr(m, "downloads", 0) or 0), int(getattr(m, "likes", 0) or 0),
                            bool(getattr(m, "gated", False))) for m in found]

        return self._call("search the Hub", run)

    def gguf_files(self, repo_id: str) -> list[HubFile]:
        """The GGUF files in a repo, with sizes and SHA-256 (from the Hub's LFS records)."""
        self.ensure_online("list the files of a model")
        self.policy.require(self.policy.downloads, "Downloading models")

        def run():
            self.record(f"file list {repo_id}")
            entries = self._api().list_repo_tree(repo_id, recursive=True)
            files = []
            for entry in entries:
                path = getattr(entry, "path", "")
                if not path.lower().endswith(".gguf") or not hasattr(entry, "size"):
                    continue
                lfs = getattr(entry, "lfs", None)
                files.append(HubFile(path, int(entry.size), getattr(lfs, "sha256", None) if lfs else None))
            return sorted(files, key=lambda f: f.path)

        return self._call(f"list the files of {repo_id}", run)

    def file_url(self, repo_id: str, filename: str) -> str:
        from huggingface_hub import hf_hub_url

        return hf_hub_url(repo_id, filename, endpoint=self.endpoint)

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def session(self):
        from huggingface_hub.utils import get_session

        return get_session()


def hub_for(options, data_dir: Path) -> Hub:
    """The Hub client as the user configured it (settings.HubOptions, token file), within the admin's policy."""
    return Hub(resolve_endpoint(options.endpoint), load_token(data_dir), options.offline, policy_mod.current())
