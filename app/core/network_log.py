"""The request log: every network request Cove makes, so the user can check for themselves.

hub_http.py and remote_client.py (the only places Cove sends requests) record
each one here right before it is sent, each page of a listing and each redirect hop included, whether
it then succeeds or fails: when, to which host, and
what for ("search", "file list", "download owner/repo/file.gguf"). What was
searched for, and anything anyone wrote, is never recorded.

The log is JSON lines in the log folder (network.jsonl), readable by the user
only, and keeps the newest MAX_LINES lines. A request's outcome ("HTTP 200",
"failed: ConnectError") is known only after it was sent, so it is a line of its own
that names the request's id (settle()); the log stays append-only, and a request
whose outcome never came (Cove quit, or a caller that does not report one) reads as
such.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from dataclasses import dataclass, replace
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


# Every request hub_http.py can send, and those `cove serve` answers. A new kind of request must be added here, or the README's
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
    RequestKind("remote model list", "A remote server's model list",
                "adding a remote server, opening the model picker, `cove models list`, `cove remote list`",
                "`remote model list` (the server's host)",
                "Asking a remote server you added (or your administrator named) which models it offers."),
    RequestKind("remote chat", "An answer from a remote model",
                "sending a message (or regenerating) with a model marked “on HOST”, `cove chat --model`",
                "`remote chat MODEL`, then its outcome with the prompt and answer token counts (never what "
                "was written)",
                "Sending the conversation to a remote server to have it answered: your messages go to that "
                "server; the conversation is kept only on this computer."),
    # Not sent by Cove but answered: requests other programs make to `cove serve` (app/server/app.py).
    RequestKind("served", "A request answered by `cove serve` (incoming)", "another program uses `cove serve`",
                "`served KIND MODEL (N prompt + M completion tokens)`, with the client's address as host "
                "(what was asked and answered is not logged)",
                "Requests served to other programs by `cove serve` (when you run it): the client's address, the "
                "model and the token counts, never what was asked or answered."),
)


@dataclass(frozen=True)
class Request:
    time: str     # UTC, ISO 8601
    host: str
    purpose: str
    id: str = ""
    outcome: str = ""  # "" while unknown: the request was recorded, no outcome was


def outcome_of(exc: BaseException | None = None, status: int | None = None) -> str:
    """How a request ended, in a few words: "HTTP 404", or "failed: ConnectError" (never the message,
    which can hold addresses and names)."""
    if exc is not None:
        return f"failed: {type(exc).__name__}"
    return f"HTTP {status}" if status is not None else "sent"


def log_path(app_paths: paths_mod.CovePaths | None = None) -> Path:
    return (app_paths or paths_mod.current()).network_log_file


def record(host: str, purpose: str, app_paths: paths_mod.CovePaths | None = None) -> str:
    """Note a request about to be sent; returns its id, for settle(). Never raises: a log that cannot be
    written does not stop Cove."""
    request_id = uuid.uuid4().hex[:12]
    _append({"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "host": host, "purpose": purpose,
             "id": request_id}, app_paths)
    return request_id


def settle(request_id: str, outcome: str, app_paths: paths_mod.CovePaths | None = None) -> None:
    """Note how a recorded request ended (outcome_of()). Never raises."""
    if request_id:
        _append({"id": request_id, "outcome": outcome[:80]}, app_paths)


def _append(entry: dict, app_paths: paths_mod.CovePaths | None) -> None:
    path = log_path(app_paths)
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
    found: list[Request] = []
    outcomes: dict[str, str] = {}
    for line in text.splitlines():
        try:
            entry = json.loads(line)
            if "outcome" in entry and "host" not in entry:
                outcomes[str(entry["id"])] = str(entry["outcome"])[:80]
                continue
            found.append(Request(str(entry["time"]), str(entry["host"]), str(entry["purpose"]),
                                 str(entry.get("id") or "")))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return [replace(r, outcome=outcomes.get(r.id, "")) if r.id else r for r in found]
