"""Whether the administrator's policy lets a model file run, by its SHA-256 or where it came from.

This runs in the engine process, just before a model is loaded, so the window
never waits for it. Hashing a multi-gigabyte file takes a while; the hash is kept
in the engine's memory only (keyed by path, size, modification time and inode),
never in a file the user could edit to pass the check.

An "owner/repo/file" entry (or "owner/repo/sub/file", for a file in a sub-folder of
the repo) matches a download by where Cove saved it: the same rule, in model_names.py,
decides both. That decides what may be downloaded; but a user who can write to their own data folder could put
another file at that path, so an administrator who must be sure lists SHA-256 values.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.core.model_names import origin_entry
from app.core.policy import BUILTIN

CHUNK = 4 << 20


_hashes: dict[tuple, str] = {}


def sha256_of(path: Path) -> str:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    if key not in _hashes:
        digest = hashlib.sha256()
        with path.open("rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
        _hashes[key] = digest.hexdigest()
    return _hashes[key]


def repo_file(path: Path, models_dir: Path) -> str | None:
    """owner/repo/path for a download (saved at models/<owner>/<repo>/<path>, see model_names), else None."""
    try:
        parts = path.resolve().relative_to(models_dir.resolve()).parts
    except ValueError:
        return None
    return origin_entry(parts)


def refusal(allowed: tuple[str, ...] | None, note: str, path: Path, models_dir: Path, builtin: bool) -> str | None:
    """The message refusing this model, or None if the policy allows it."""
    if allowed is None or (builtin and BUILTIN in allowed):
        return None
    origin = repo_file(path, models_dir)
    if origin is not None and origin in allowed:
        return None
    if any(entry.startswith("sha256:") for entry in allowed) and f"sha256:{sha256_of(path)}" in allowed:
        return None
    return (f"{path.name} is not among the models your administrator allows on this computer. "
            f"Choose another model.{(' ' + note) if note else ''}")
