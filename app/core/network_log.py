"""The request log: every network request Cove makes, so the user can check for themselves.

hub_http.py (the only place Cove sends requests) records each one here right
before it is sent, each page of a listing and each redirect hop included, whether
it then succeeds or fails: when, to which host, and
what for ("search", "file list", "download owner/repo/file.gguf"). What was
searched for, and anything anyone wrote, is never recorded.

The log is JSON lines in the log folder (network.jsonl), readable by the user
only, and keeps the newest MAX_LINES requests.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.core import paths as paths_mod
from app.core.paths import make_private_dir, make_private_file
from app.core.private_files import write_private

MAX_LINES = 1000
_lock = threading.Lock()  # downloads run on threads


@dataclass(frozen=True)
class RequestKind:
    """One kind of request Cove can make: the README's table and the Privacy page are written from these."""
    key: str          # how the log's purpose starts
    name: str         # what it is, in a few words
    when: str         # what the user does that sends it
    logged_as: str    # what the request log says (Markdown)
    description: str  # one sentence for the Privacy page


# Every request hub_http.py can send. A new kind of request must be added here, or the README's
# generated table (cog) and the Privacy page would not name it.
REQUEST_KINDS = (
    RequestKind("search", "Model search", "Models › Search the Hub, `cove models search`",
                "`search` (what you searched for is not logged)",
                "Searching for models (Models › Search the Hub, `cove models search`): the Hub's model search API."),
    RequestKind("file list", "A repository's file list (names, sizes, SHA-256)",
                "opening a repository, before a download",
                "`file list OWNER/REPO` (each further page: `file list OWNER/REPO (page N)`)",
                "Listing a model repository's files, sizes and SHA-256 (before a download, or when you open "
                "a repository)."),
    RequestKind("download", "File download (and each resume)", "Download, `cove models download`",
                "`download OWNER/REPO/FILE` (each redirect hop, e.g. to the Hub's file storage host, is logged "
                "as `… (redirected)`)",
                "Downloading a model file you chose (and resuming it); the Hub may redirect to its file "
                "storage host, which is logged too."),
)


@dataclass(frozen=True)
class Request:
    time: str     # UTC, ISO 8601
    host: str
    purpose: str


def log_path(app_paths: paths_mod.CovePaths | None = None) -> Path:
    return (app_paths or paths_mod.current()).network_log_file


def record(host: str, purpose: str, app_paths: paths_mod.CovePaths | None = None) -> None:
    """Note a request about to be sent. Never raises: a log that cannot be written does not stop Cove."""
    path = log_path(app_paths)
    entry = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "host": host, "purpose": purpose}
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    with _lock:
        try:
            make_private_dir(path.parent)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as f:
                f.write(line)
            make_private_file(path)
            _trim(path)
        except OSError:
            pass


def _trim(path: Path) -> None:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    if len(lines) <= MAX_LINES:
        return
    write_private(path, "".join(lines[-MAX_LINES:]))


def read(app_paths: paths_mod.CovePaths | None = None) -> list[Request]:
    """The requests logged, oldest first (lines that cannot be read are skipped)."""
    try:
        text = log_path(app_paths).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for line in text.splitlines():
        try:
            entry = json.loads(line)
            found.append(Request(str(entry["time"]), str(entry["host"]), str(entry["purpose"])))
        except (ValueError, KeyError, TypeError):
            continue
    return found
